#include "EditorColours.h"

#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

#include <QFont>
#include <QPalette>

namespace gatehouse::editorcolours {

namespace {

QColor mix(const QColor &a, const QColor &b, double t) {
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

bool isDark(const QColor &c) {
    return c.lightness() < 128;
}

// Scintilla's markers 25..31 (SC_MARKNUM_FOLDEREND .. SC_MARKNUM_FOLDEROPEN) draw the fold margin's boxes
// and lines; QScintilla paints them black on white whatever the theme.
constexpr int kFirstFoldMarker = 25;
constexpr int kLastFoldMarker = 31;

void styleLexer(QsciLexer &lexer, const QColor &paper, const QColor &text, const QFont &font) {
    lexer.setDefaultPaper(paper);
    lexer.setDefaultColor(text);
    lexer.setDefaultFont(font);
    for (int style = 0; style <= QsciScintillaBase::STYLE_MAX; ++style) {
        if (lexer.description(style).isEmpty()) continue; // not a style of this lexer
        lexer.setColor(readable(lexer.defaultColor(style), paper, text), style);
        // One paper for all: the lexers' tinted papers (unclosed strings, regexes) are unreadable on dark.
        lexer.setPaper(paper, style);
        const QFont own = lexer.defaultFont(style);
        QFont styled = font;
        styled.setBold(own.bold());
        styled.setItalic(own.italic());
        lexer.setFont(styled, style);
    }
}

} // namespace

QColor readable(const QColor &lexerColour, const QColor &paper, const QColor &text) {
    if (lexerColour.lightness() < 40 && lexerColour.hslSaturation() < 40) return text;
    if (!isDark(paper) || !isDark(lexerColour)) return lexerColour;
    // Same hue, lightness mirrored (dark blue keywords become light blue), and never dimmer than
    // mid-grey so that grey comments stay legible.
    return QColor::fromHsl(lexerColour.hslHue(), lexerColour.hslSaturation(),
                           qMax(255 - lexerColour.lightness(), 150));
}

void apply(QsciScintilla &editor, const QPalette &palette, const QFont &font) {
    const QColor paper = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor gutter = palette.color(QPalette::Window);
    if (QsciLexer *lexer = editor.lexer())
        styleLexer(*lexer, paper, text, font);
    else {
        editor.setPaper(paper);
        editor.setColor(text);
        editor.setFont(font);
    }
    editor.setMarginsFont(font);
    editor.setMarginsBackgroundColor(gutter);
    editor.setMarginsForegroundColor(mix(gutter, palette.color(QPalette::WindowText), 0.6));
    editor.setFoldMarginColors(gutter, gutter);
    for (int marker = kFirstFoldMarker; marker <= kLastFoldMarker; ++marker) {
        editor.setMarkerForegroundColor(gutter, marker);
        editor.setMarkerBackgroundColor(mix(gutter, palette.color(QPalette::WindowText), 0.5), marker);
    }
    editor.setCaretForegroundColor(text);
    editor.setCaretLineBackgroundColor(mix(paper, text, isDark(paper) ? 0.1 : 0.05));
    editor.setSelectionBackgroundColor(palette.color(QPalette::Highlight));
    editor.setSelectionForegroundColor(palette.color(QPalette::HighlightedText));
    editor.setMatchedBraceBackgroundColor(mix(paper, palette.color(QPalette::Highlight), 0.35));
    editor.setMatchedBraceForegroundColor(text);
    editor.setUnmatchedBraceBackgroundColor(paper);
    editor.setUnmatchedBraceForegroundColor(isDark(paper) ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0, 0));
    editor.setIndentationGuidesForegroundColor(mix(paper, text, 0.2));
    editor.setIndentationGuidesBackgroundColor(paper);
}

} // namespace gatehouse::editorcolours
