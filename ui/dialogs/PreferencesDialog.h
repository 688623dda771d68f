// Preferences: for now the user-interface language, which takes effect the next time Gatehouse starts.
#pragma once

#include <QDialog>

class QComboBox;

namespace gatehouse {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // "" = follow the system, "en", "ko".
    QString selectedLanguage() const;
    void selectLanguage(const QString &code);
    // Stores the choices (Translations::setPreferredLanguage).
    void apply() const;

private:
    QComboBox *m_language;
};

} // namespace gatehouse
