#include "FindBar.h"

#include <Qsci/qsciscintilla.h>

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>
#include <regex>

namespace gatehouse {

namespace {

// The editor searches with Scintilla's C++11 (ECMAScript) regular expressions, which report a bad pattern
// only as "not found"; compiling it here first tells the user which one it is.
bool isValidPattern(const QString &pattern, bool matchCase) {
    try {
        auto flags = std::regex::ECMAScript;
        if (!matchCase) flags |= std::regex::icase;
        std::regex(pattern.toStdString(), flags);
        return true;
    } catch (const std::regex_error &) {
        return false;
    }
}

QToolButton *toolButton(QWidget *parent, QStyle::StandardPixmap icon, const QString &toolTip) {
    auto *button = new QToolButton(parent);
    button->setIcon(parent->style()->standardIcon(icon));
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

FindBar::FindBar(QsciScintilla *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_input(new QLineEdit(this))
    , m_previous(toolButton(this, QStyle::SP_ArrowUp, tr("Previous match (Shift+F3, Shift+Enter)")))
    , m_next(toolButton(this, QStyle::SP_ArrowDown, tr("Next match (F3, Enter)")))
    , m_matchCase(new QCheckBox(tr("Match case"), this))
    , m_regex(new QCheckBox(tr("Regular expression"), this))
    , m_status(new QLabel(this))
    , m_close(toolButton(this, QStyle::SP_DialogCloseButton, tr("Close (Esc)"))) {
    setObjectName(QStringLiteral("findBar"));
    m_input->setObjectName(QStringLiteral("findInput"));
    m_input->setPlaceholderText(tr("Find"));
    m_input->setClearButtonEnabled(true);
    m_input->installEventFilter(this);
    m_status->setObjectName(QStringLiteral("findStatus"));
    QPalette warning = m_status->palette();
    const bool dark = warning.color(QPalette::Window).lightness() < 128;
    warning.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc0, 0, 0));
    m_status->setPalette(warning);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_input, 2);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_matchCase);
    layout->addWidget(m_regex);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_close);

    // Find as you type: from the start of the current match, so that a longer text refines it.
    connect(m_input, &QLineEdit::textEdited, this, [this] { find(true, From::SelectionStart); });
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    const auto again = [this] {
        if (!m_input->text().isEmpty()) find(true, From::SelectionStart);
    };
    connect(m_matchCase, &QCheckBox::toggled, this, again);
    connect(m_regex, &QCheckBox::toggled, this, again);
    connect(m_close, &QToolButton::clicked, this, &FindBar::dismiss);
    hide();
}

void FindBar::open() {
    if (m_editor->hasSelectedText()) {
        const QString selected = m_editor->selectedText();
        if (!selected.contains(QLatin1Char('\n')) && !selected.contains(QLatin1Char('\r')))
            m_input->setText(selected);
    }
    show();
    m_input->setFocus(Qt::ShortcutFocusReason);
    m_input->selectAll();
}

void FindBar::dismiss() {
    hide();
    showStatus({});
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool FindBar::findNext() {
    return find(true, From::SelectionEnd);
}

bool FindBar::findPrevious() {
    return find(false, From::SelectionStart);
}

bool FindBar::find(bool forward, From from) {
    const QString text = m_input->text();
    if (text.isEmpty()) {
        showStatus({});
        return false;
    }
    const bool regex = m_regex->isChecked();
    const bool matchCase = m_matchCase->isChecked();
    if (regex && !isValidPattern(text, matchCase)) {
        showStatus(tr("Invalid regular expression"));
        return false;
    }
    int line = 0;
    int index = 0;
    int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
    m_editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
    if (lineFrom < 0)
        m_editor->getCursorPosition(&line, &index);
    else if (from == From::SelectionStart) {
        line = lineFrom;
        index = indexFrom;
    } else {
        line = lineTo;
        index = indexTo;
    }
    const bool found =
        m_editor->findFirst(text, regex, matchCase, /*wholeWord*/ false, /*wrap*/ true, forward, line, index,
                            /*show*/ true, /*posix*/ false, /*cxx11*/ true);
    showStatus(found ? QString() : tr("No matches"));
    return found;
}

void FindBar::showStatus(const QString &text) {
    m_status->setText(text);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            dismiss();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gatehouse
