#include "AuthEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

QWidget *formPage(QFormLayout *&form) {
    auto *page = new QWidget;
    form = new QFormLayout(page);
    form->setContentsMargins(0, 8, 0, 0);
    return page;
}

} // namespace

AuthEditor::AuthEditor(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_keyName(new QLineEdit(this))
    , m_keyValue(new QLineEdit(this))
    , m_bearer(new QLineEdit(this))
    , m_makeToken(new QPushButton(tr("Make Test Token\u2026"), this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this)) {
    m_mode->setObjectName(QStringLiteral("authMode"));
    m_mode->addItems({tr("No auth"), tr("API key"), tr("Bearer token"), tr("Basic auth")});
    m_keyName->setObjectName(QStringLiteral("apiKeyName"));
    m_keyValue->setObjectName(QStringLiteral("apiKeyValue"));
    m_bearer->setObjectName(QStringLiteral("bearerToken"));
    m_makeToken->setObjectName(QStringLiteral("makeTestToken"));
    m_user->setObjectName(QStringLiteral("basicUser"));
    m_password->setObjectName(QStringLiteral("basicPassword"));
    m_password->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_bearer->setPlaceholderText(tr("token or {{variable}}"));

    auto *none = new QLabel(tr("The request is sent without credentials."));
    none->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_pages->addWidget(none);
    QFormLayout *form = nullptr;
    m_pages->addWidget(formPage(form));
    form->addRow(tr("Header:"), m_keyName);
    form->addRow(tr("Value:"), m_keyValue);
    m_pages->addWidget(formPage(form));
    form->addRow(tr("Token:"), m_bearer);
    form->addRow(QString(), m_makeToken);
    m_pages->addWidget(formPage(form));
    form->addRow(tr("User:"), m_user);
    form->addRow(tr("Password:"), m_password);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_mode, 0, Qt::AlignLeft);
    layout->addWidget(m_pages, 1);
    connect(m_mode, &QComboBox::currentIndexChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &AuthEditor::edited);
    for (QLineEdit *edit : {m_keyName, m_keyValue, m_bearer, m_user, m_password})
        connect(edit, &QLineEdit::textEdited, this, &AuthEditor::edited);
    connect(m_makeToken, &QPushButton::clicked, this, &AuthEditor::makeTestTokenRequested);
}

void AuthEditor::load(const ComposerRequest &request) {
    const QSignalBlocker blocker(m_mode);
    m_mode->setCurrentIndex(int(request.authMode));
    m_pages->setCurrentIndex(int(request.authMode));
    m_keyName->setText(request.apiKeyName);
    m_keyValue->setText(request.apiKeyValue);
    m_bearer->setText(request.bearerToken);
    m_user->setText(request.basicUser);
    m_password->setText(request.basicPassword);
}

void AuthEditor::store(ComposerRequest &request) const {
    request.authMode = ComposerRequest::AuthMode(m_mode->currentIndex());
    request.apiKeyName = m_keyName->text();
    request.apiKeyValue = m_keyValue->text();
    request.bearerToken = m_bearer->text();
    request.basicUser = m_user->text();
    request.basicPassword = m_password->text();
}

} // namespace gatehouse
