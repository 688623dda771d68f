// A QScintilla editor set up for handler code: the lexer and indentation chosen by file name, a monospace
// font, line numbers sized to the line count, folding, brace matching, auto-indent, UTF-8, and colours
// taken from the widget's palette (light or dark).
#pragma once

#include <Qsci/qsciscintilla.h>

namespace gatehouse {

class CodeEditor : public QsciScintilla {
    Q_OBJECT
public:
    enum class Language { Plain, JavaScript, Python, Shell, Json };
    Q_ENUM(Language)

    explicit CodeEditor(QWidget *parent = nullptr);

    // By suffix (.js/.mjs/.cjs, .py, .sh/.bash, .json); a custom runtime's `bootstrap`, and files without a
    // suffix whose first line is a #! line, by the interpreter it names.
    static Language languageFor(const QString &path, const QString &firstLine = {});

    // Replaces the text with `text` as read from `path` (whose name picks the language), unmodified and
    // with nothing to undo. Indentation follows the file when it is consistently 2 or 4 spaces.
    void setCode(const QString &path, const QString &text);
    Language language() const { return m_language; }
    // Switches the lexer (and folding) without touching the text: the request composer's body and
    // response views, which have no file name.
    void setLanguage(Language language);

    // The font every style uses: the system's fixed-width font.
    static QFont codeFont();

    // Save, Find, Find next and Find previous: commands for the page around the editor, which the editor
    // passes on (QScintilla would swallow them as unbound keys).
    static bool isPageCommand(const QKeyEvent *event);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void applyColours();
    void updateLineNumberWidth();

    Language m_language = Language::Plain;
    int m_lineNumberDigits = 0;
};

} // namespace gatehouse
