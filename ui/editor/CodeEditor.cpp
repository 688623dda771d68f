#include "CodeEditor.h"

#include "EditorColours.h"

#include <Qsci/qscilexerbash.h>
#include <Qsci/qscilexerjavascript.h>
#include <Qsci/qscilexerjson.h>
#include <Qsci/qscilexerpython.h>

#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QKeyEvent>

namespace gatehouse {

namespace {

constexpr int kLineNumberMargin = 0;
constexpr int kSymbolMargin = 1;
constexpr int kFoldMargin = 2;
constexpr int kTabWidth = 4;

// PEP 8 asks for 4 spaces; JavaScript and shell code is mostly written with 2.
int defaultIndentWidth(CodeEditor::Language language) {
    return language == CodeEditor::Language::Python || language == CodeEditor::Language::Plain ? 4 : 2;
}

struct Indentation {
    bool tabs = false;
    int width = 0; // 0: the file does not say
};

// How the file is indented already, so that new lines match it: tabs when more lines start with a tab
// than with a space, else the smallest space indent when it is 2 or 4 (other values are alignment, e.g.
// the " * " of a doc comment). The first 500 lines are plenty to tell.
Indentation indentationOf(const QString &text) {
    Indentation found;
    int tabbed = 0;
    int spaced = 0;
    int smallest = 0;
    int lineCount = 0;
    for (const QStringView line : QStringTokenizer(text, u'\n')) {
        if (++lineCount > 500) break;
        if (line.startsWith(u'\t')) {
            ++tabbed;
            continue;
        }
        qsizetype spaces = 0;
        while (spaces < line.size() && line[spaces] == u' ')
            ++spaces;
        if (spaces == 0 || spaces == line.size() || line[spaces] == u'*' || line[spaces] == u'\r') continue;
        ++spaced;
        smallest = smallest == 0 ? int(spaces) : qMin(smallest, int(spaces));
    }
    found.tabs = tabbed > spaced;
    if (smallest == 2 || smallest == 4) found.width = smallest;
    return found;
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QsciScintilla(parent) {
    setObjectName(QStringLiteral("codeEditor"));
    setUtf8(true);
    setEolMode(EolUnix);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(kTabWidth);
    setTabIndents(true);
    setBackspaceUnindents(true);
    setIndentationGuides(true);
    setBraceMatching(SloppyBraceMatch);
    setCaretLineVisible(true);
    setCaretWidth(2);
    setMarginType(kLineNumberMargin, NumberMargin);
    setMarginLineNumbers(kLineNumberMargin, true);
    setMarginWidth(kSymbolMargin, 0); // nothing sets markers: no empty gutter between numbers and folds
    SendScintilla(SCI_SETMARGINLEFT, 0, 4L); // and a little air between the fold marks and the code
    // DejaVu Sans Mono, Linux's usual fixed-width font, draws '_' on the line's last pixel row, where
    // "lambda_handler" reads as an overline on the next line; a little spacing keeps it with its word.
    setExtraAscent(1);
    setExtraDescent(2);
    // The horizontal scroll bar follows the longest line instead of a fixed 2000 pixels.
    setScrollWidth(1);
    setScrollWidthTracking(true);
    connect(this, &QsciScintilla::linesChanged, this, &CodeEditor::updateLineNumberWidth);
    applyColours(); // plain text until setCode names a language
}

CodeEditor::Language CodeEditor::languageFor(const QString &path, const QString &firstLine) {
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("js") || suffix == QLatin1String("mjs") || suffix == QLatin1String("cjs"))
        return Language::JavaScript;
    if (suffix == QLatin1String("py")) return Language::Python;
    if (suffix == QLatin1String("sh") || suffix == QLatin1String("bash")) return Language::Shell;
    if (!suffix.isEmpty()) return Language::Plain;
    if (firstLine.startsWith(QLatin1String("#!"))) {
        if (firstLine.contains(QLatin1String("python"))) return Language::Python;
        if (firstLine.contains(QLatin1String("node"))) return Language::JavaScript;
        if (firstLine.contains(QLatin1String("sh"))) return Language::Shell;
        return Language::Plain;
    }
    // A custom runtime's bootstrap is most often a shell script.
    return info.fileName() == QLatin1String("bootstrap") ? Language::Shell : Language::Plain;
}

QFont CodeEditor::codeFont() {
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

void CodeEditor::setCode(const QString &path, const QString &text) {
    setLanguage(languageFor(path, text.section(QLatin1Char('\n'), 0, 0)));
    setText(text);
    // New lines end like the file's lines do.
    setEolMode(text.contains(QLatin1String("\r\n")) ? EolWindows : EolUnix);
    const Indentation indentation = indentationOf(text);
    setIndentationsUseTabs(indentation.tabs);
    setIndentationWidth(indentation.tabs
                            ? kTabWidth
                            : (indentation.width ? indentation.width : defaultIndentWidth(m_language)));
    setModified(false);
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    updateLineNumberWidth();
}

void CodeEditor::setLanguage(Language language) {
    if (language == m_language && (lexer() != nullptr) == (language != Language::Plain)) return;
    m_language = language;
    QsciLexer *previous = lexer();
    QsciLexer *next = nullptr;
    switch (language) {
    case Language::JavaScript:
        next = new QsciLexerJavaScript(this);
        break;
    case Language::Python:
        next = new QsciLexerPython(this);
        break;
    case Language::Shell:
        next = new QsciLexerBash(this);
        break;
    case Language::Json:
        next = new QsciLexerJSON(this);
        break;
    case Language::Plain:
        break;
    }
    setLexer(next);
    delete previous;
    // Folding follows the lexer's fold points; set after the lexer, which resets the fold markers.
    setFolding(next ? BoxedTreeFoldStyle : NoFoldStyle, kFoldMargin);
    applyColours();
}

void CodeEditor::applyColours() {
    editorcolours::apply(*this, palette(), codeFont());
    m_lineNumberDigits = 0; // the margin font may have changed
    updateLineNumberWidth();
}

void CodeEditor::updateLineNumberWidth() {
    int digits = 2;
    for (int n = lines(); n >= 100; n /= 10)
        ++digits;
    if (digits == m_lineNumberDigits) return;
    m_lineNumberDigits = digits;
    // One digit more than the widest number: a little air on both sides.
    setMarginWidth(kLineNumberMargin, QString(digits + 1, QLatin1Char('9')));
}

bool CodeEditor::isPageCommand(const QKeyEvent *event) {
    return event->matches(QKeySequence::Save) || event->matches(QKeySequence::Find) ||
           event->matches(QKeySequence::FindNext) || event->matches(QKeySequence::FindPrevious);
}

void CodeEditor::keyPressEvent(QKeyEvent *event) {
    if (isPageCommand(event)) {
        event->ignore(); // on to the parent
        return;
    }
    QsciScintilla::keyPressEvent(event);
}

void CodeEditor::changeEvent(QEvent *event) {
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) applyColours();
}

} // namespace gatehouse
