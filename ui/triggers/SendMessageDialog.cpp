#include "SendMessageDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {
constexpr int kNameColumn = 0;
constexpr int kTypeColumn = 1;
constexpr int kValueColumn = 2;
} // namespace

SendMessageDialog::SendMessageDialog(const QString &queue, QWidget *parent)
    : QDialog(parent)
    , m_body(new QPlainTextEdit)
    , m_attributes(new QTableWidget(0, 3))
    , m_delay(new QSpinBox)
    , m_error(new QLabel) {
    setObjectName(QStringLiteral("sendMessageDialog"));
    setWindowTitle(tr("Send Message to %1").arg(queue));
    m_body->setObjectName(QStringLiteral("messageBody"));
    m_body->setPlaceholderText(tr("Message body (any text, often JSON)"));
    m_attributes->setObjectName(QStringLiteral("messageAttributes"));
    m_attributes->setHorizontalHeaderLabels({tr("Name"), tr("Type"), tr("Value")});
    m_attributes->horizontalHeader()->setStretchLastSection(true);
    m_attributes->verticalHeader()->hide();
    // SendMessage: DelaySeconds 0 to 900 (SQS API Reference, SendMessage).
    m_delay->setObjectName(QStringLiteral("delaySeconds"));
    m_delay->setRange(0, 900);
    m_delay->setSuffix(tr(" s"));
    m_error->setObjectName(QStringLiteral("sendMessageError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *add = new QPushButton(tr("Add Attribute"));
    add->setObjectName(QStringLiteral("addAttribute"));
    connect(add, &QPushButton::clicked, this, [this] { addAttributeRow(); });
    auto *remove = new QPushButton(tr("Remove Attribute"));
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_attributes->currentRow() >= 0) m_attributes->removeRow(m_attributes->currentRow());
    });
    auto *attributeButtons = new QHBoxLayout;
    attributeButtons->addWidget(add);
    attributeButtons->addWidget(remove);
    attributeButtons->addStretch();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Send"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Delay"), m_delay);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Body")));
    layout->addWidget(m_body, 2);
    layout->addWidget(new QLabel(tr("Message attributes")));
    layout->addWidget(m_attributes, 1);
    layout->addLayout(attributeButtons);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 420);
}

QByteArray SendMessageDialog::body() const {
    return m_body->toPlainText().toUtf8();
}

int SendMessageDialog::delaySeconds() const {
    return m_delay->value();
}

void SendMessageDialog::addAttributeRow(const QString &name, const QString &type, const QString &value) {
    const int row = m_attributes->rowCount();
    m_attributes->insertRow(row);
    m_attributes->setItem(row, kNameColumn, new QTableWidgetItem(name));
    auto *types = new QComboBox;
    types->setEditable(true); // custom labels such as "Number.int" are allowed
    types->addItems({QStringLiteral("String"), QStringLiteral("Number"), QStringLiteral("Binary")});
    types->setCurrentText(type);
    m_attributes->setCellWidget(row, kTypeColumn, types);
    m_attributes->setItem(row, kValueColumn, new QTableWidgetItem(value));
}

std::optional<QString> SendMessageDialog::attributes(sqs::MessageAttributes *out) const {
    sqs::MessageAttributes attributes;
    for (int row = 0; row < m_attributes->rowCount(); ++row) {
        const QTableWidgetItem *nameItem = m_attributes->item(row, kNameColumn);
        const QTableWidgetItem *valueItem = m_attributes->item(row, kValueColumn);
        const QString name = nameItem ? nameItem->text().trimmed() : QString();
        const QString value = valueItem ? valueItem->text() : QString();
        if (name.isEmpty() && value.isEmpty()) continue; // an empty row is no attribute
        if (name.isEmpty()) return tr("Attribute %1 has no name.").arg(row + 1);
        auto *types = qobject_cast<QComboBox *>(m_attributes->cellWidget(row, kTypeColumn));
        sqs::AttributeValue attribute;
        attribute.dataType = types ? types->currentText().trimmed() : QStringLiteral("String");
        // A binary value is typed as base64, as the console and the CLI take it.
        if (attribute.dataType.startsWith(QLatin1String("Binary"))) {
            const auto decoded =
                QByteArray::fromBase64Encoding(value.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) return tr("The value of %1 is not base64.").arg(name);
            attribute.binaryValue = *decoded;
        } else {
            attribute.stringValue = value.toUtf8();
        }
        if (attributes.count(name)) return tr("Attribute %1 is given twice.").arg(name);
        attributes[name] = attribute;
    }
    if (const std::optional<QString> error = sqs::validateAttributes(attributes)) return error;
    *out = std::move(attributes);
    return std::nullopt;
}

void SendMessageDialog::accept() {
    sqs::MessageAttributes ignored;
    if (const std::optional<QString> error = attributes(&ignored)) {
        m_error->setText(*error);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace gatehouse
