// How a field shows its problems: an outline in the error (or warning) colour around the editor and
// the messages in a small label under it. Colours are picked against the palette, so they stay
// readable on dark themes; the editor also gets the dynamic property "invalid" for style sheets.
#pragma once

#include <QWidget>

class QLabel;

namespace gatehouse {

struct FieldProblem {
    bool error = true; // false: a warning
    QString message;
    QString hint;
    bool operator==(const FieldProblem &) const = default;
};

class FieldFrame : public QWidget {
    Q_OBJECT
public:
    // `content` is laid out inside the frame; `focusTarget` (the content or a part of it) is the widget
    // marked invalid.
    FieldFrame(QWidget *content, QWidget *focusTarget, QWidget *parent = nullptr);

    QWidget *content() const { return m_content; }
    QLabel *messageLabel() const { return m_message; }
    void setProblems(const QList<FieldProblem> &problems);
    const QList<FieldProblem> &problems() const { return m_problems; }

    // The outline and message colour for the palette: a red (or amber) that contrasts with its base.
    static QColor problemColor(const QPalette &palette, bool error);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    bool hasError() const;
    void applyColour();

    QWidget *m_content;
    QWidget *m_focusTarget;
    QLabel *m_message;
    QList<FieldProblem> m_problems;
};

} // namespace gatehouse
