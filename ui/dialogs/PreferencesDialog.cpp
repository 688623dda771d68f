#include "PreferencesDialog.h"

#include "Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace gatehouse {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this)) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System"), QString());
    // Each language is named in itself, so it can be found whatever language is showing now.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("\ud55c\uad6d\uc5b4"), QStringLiteral("ko"));
    selectLanguage(Translations::preferredLanguage());

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    auto *note = new QLabel(tr("A new language is applied the next time you start Gatehouse."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(380);
}

QString PreferencesDialog::selectedLanguage() const {
    return m_language->currentData().toString();
}

void PreferencesDialog::selectLanguage(const QString &code) {
    const int row = m_language->findData(code);
    m_language->setCurrentIndex(row < 0 ? 0 : row);
}

void PreferencesDialog::apply() const {
    Translations::setPreferredLanguage(selectedLanguage());
}

} // namespace gatehouse
