// The editor's find bar: a line under the code with the text to find, previous/next buttons, match-case
// and regular-expression toggles and an inline "No matches". Enter finds the next match, Shift+Enter the
// previous one, Esc closes the bar and gives the keyboard back to the editor.
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;
class QsciScintilla;

namespace gatehouse {

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QsciScintilla *editor, QWidget *parent = nullptr);

    // Shows the bar and focuses its text, taken from the editor's selection when that is one line.
    void open();
    // Hides the bar and returns the focus to the editor.
    void dismiss();

    // Select the next (previous) match after (before) the selection, wrapping around the ends of the text.
    // False, with "No matches" shown, when there is none.
    bool findNext();
    bool findPrevious();

    QLineEdit *input() const { return m_input; }
    QCheckBox *matchCase() const { return m_matchCase; }
    QCheckBox *regularExpression() const { return m_regex; }
    QLabel *status() const { return m_status; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class From { SelectionStart, SelectionEnd };
    bool find(bool forward, From from);
    void showStatus(const QString &text);

    QsciScintilla *m_editor;
    QLineEdit *m_input;
    QToolButton *m_previous;
    QToolButton *m_next;
    QCheckBox *m_matchCase;
    QCheckBox *m_regex;
    QLabel *m_status;
    QToolButton *m_close;
};

} // namespace gatehouse
