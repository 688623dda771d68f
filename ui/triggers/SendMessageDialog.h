// "Send message…" of the Triggers dock: a message body, optional message attributes (name, data type,
// value) and delay seconds for one of the running cloud's queues, checked as SendMessage checks them.
#pragma once

#include "sources/sqs/SqsMessage.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

namespace gatehouse {

class SendMessageDialog : public QDialog {
    Q_OBJECT
public:
    explicit SendMessageDialog(const QString &queue, QWidget *parent = nullptr);

    QPlainTextEdit *bodyEdit() const { return m_body; }
    QTableWidget *attributesTable() const { return m_attributes; }
    QSpinBox *delayBox() const { return m_delay; }

    QByteArray body() const;
    int delaySeconds() const;
    // The attributes of the filled rows; an error message instead when one is not valid.
    std::optional<QString> attributes(sqs::MessageAttributes *out) const;
    // Appends an attribute row (the "Add attribute" button; tests fill it directly).
    void addAttributeRow(const QString &name = {}, const QString &type = QStringLiteral("String"),
                         const QString &value = {});

    void accept() override; // refuses invalid attributes with the reason shown in the dialog

private:
    QPlainTextEdit *m_body;
    QTableWidget *m_attributes;
    QSpinBox *m_delay;
    QLabel *m_error;
};

} // namespace gatehouse
