#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace gatehouse::Translations {

QStringList available() {
    return {QStringLiteral("en"), QStringLiteral("ko")};
}

QString preferredLanguage() {
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void setPreferredLanguage(const QString &code) {
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

QString effectiveLanguage() {
    const QString preferred = preferredLanguage();
    if (available().contains(preferred)) return preferred;
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = name.left(2).toLower();
        if (available().contains(code)) return code;
    }
    return QStringLiteral("en");
}

QString install(QCoreApplication &app, const QString &languageOverride) {
    const QString code = available().contains(languageOverride) ? languageOverride : effectiveLanguage();
    // Owned by the application object, so they live exactly as long as it does.
    auto *ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/gatehouse_%1.qm").arg(code))) app.installTranslator(ours);
    auto *qts = new QTranslator(&app);
    if (qts->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qts);
    return code;
}

} // namespace gatehouse::Translations
