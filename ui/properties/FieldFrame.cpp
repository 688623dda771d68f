#include "FieldFrame.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QVBoxLayout>

namespace gatehouse {

namespace {
// Room around the editor for the outline, kept in every state so that fields do not shift when a
// problem appears.
constexpr int kOutline = 2;
} // namespace

FieldFrame::FieldFrame(QWidget *content, QWidget *focusTarget, QWidget *parent)
    : QWidget(parent)
    , m_content(content)
    , m_focusTarget(focusTarget)
    , m_message(new QLabel(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(kOutline, kOutline, kOutline, kOutline);
    layout->setSpacing(kOutline);
    layout->addWidget(content);
    m_message->setObjectName(QStringLiteral("problemMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont small = m_message->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_message->setFont(small);
    m_message->hide();
    layout->addWidget(m_message);
    // The frame takes focus for its editor, so a QFormLayout label's buddy lands in the right place.
    setFocusProxy(focusTarget);
}

bool FieldFrame::hasError() const {
    return std::any_of(m_problems.cbegin(), m_problems.cend(), [](const FieldProblem &p) { return p.error; });
}

void FieldFrame::setProblems(const QList<FieldProblem> &problems) {
    if (problems == m_problems) return;
    m_problems = problems;
    QStringList lines;
    for (const FieldProblem &problem : problems)
        lines.append(
            problem.hint.isEmpty()
                ? problem.message
                : tr("%1 \u2014 %2", "problem message \u2014 hint").arg(problem.message, problem.hint));
    m_message->setText(lines.join(QLatin1Char('\n')));
    m_message->setVisible(!problems.isEmpty());
    m_focusTarget->setProperty("invalid", !problems.isEmpty());
    m_focusTarget->setProperty("problemSeverity", problems.isEmpty() ? QString()
                                                  : hasError()       ? QStringLiteral("error")
                                                                     : QStringLiteral("warning"));
    // Re-polish so that a style sheet selecting on [invalid="true"] sees the new value.
    m_focusTarget->style()->unpolish(m_focusTarget);
    m_focusTarget->style()->polish(m_focusTarget);
    applyColour();
    update();
}

QColor FieldFrame::problemColor(const QPalette &palette, bool error) {
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (error) return dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xa1, 0x5c, 0x00);
}

void FieldFrame::applyColour() {
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText, problemColor(this->palette(), hasError()));
    m_message->setPalette(palette);
}

void FieldFrame::paintEvent(QPaintEvent *event) {
    QWidget::paintEvent(event);
    if (m_problems.isEmpty()) return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(problemColor(palette(), hasError()), kOutline));
    painter.setBrush(Qt::NoBrush);
    const QRectF around = QRectF(m_content->geometry()).adjusted(-1, -1, 1, 1);
    painter.drawRoundedRect(around, 3, 3);
}

void FieldFrame::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyColour();
}

} // namespace gatehouse
