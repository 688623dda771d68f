// Colours and fonts for the code editor taken from the widget's palette and a monospace font, so that code
// reads well in a light or a dark theme: QScintilla's lexers come with colours meant for white paper.
#pragma once

#include <QColor>

class QFont;
class QPalette;
class QsciScintilla;

namespace gatehouse::editorcolours {

// Styles the editor (paper, text, margins, caret, selection, braces, fold markers) and its lexer, if it
// has one, from `palette`, and gives every style `font` (keeping the lexer's bold and italic styles).
// Call again after the palette or the lexer changes.
void apply(QsciScintilla &editor, const QPalette &palette, const QFont &font);

// A lexer's colour for one style, made readable on `paper`: near-black (the lexers' "default" text)
// becomes the palette's text colour; on dark paper, dark colours get the same hue made light.
QColor readable(const QColor &lexerColour, const QColor &paper, const QColor &text);

} // namespace gatehouse::editorcolours
