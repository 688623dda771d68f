// Loads the user-interface translation (English or Korean) chosen in preferences, or the system's.
#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace gatehouse::Translations {

// Language codes that ship: "en", "ko".
QStringList available();
// The preference ("" = follow the system locale), stored in QSettings under "ui/language".
QString preferredLanguage();
void setPreferredLanguage(const QString &code);
// The language that will be used: the preference, or the system locale's if it ships, else "en".
QString effectiveLanguage();
// Installs translators for our strings and Qt's own for effectiveLanguage(). Returns the code used.
QString install(QCoreApplication &app, const QString &languageOverride = {});

} // namespace gatehouse::Translations
