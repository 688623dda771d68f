// What the GUI tests share: settings and sample copies kept away from the user's own, scripted
// dialogs, English (which supplies the plural forms), and a dark palette for readability checks.
#pragma once

#include "DialogSeams.h"
#include "Translations.h"

#include <QApplication>
#include <QPalette>
#include <QSettings>
#include <QStandardPaths>

namespace gatehouse::test {

// QStandardPaths' test mode (sample copies and recent files under ~/.qttest) and INI settings in
// `settingsFolder`, so tests never read or write the user's configuration.
inline void isolateSettings(const QString &settingsFolder) {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsFolder);
}

// isolateSettings, dialogs answered by script, and the English translation installed (as runGui
// does). Returns false when the translation could not be installed.
inline bool prepareMainWindowTests(const QString &settingsFolder) {
    isolateSettings(settingsFolder);
    DialogSeams::setScripted(true);
    return Translations::install(*qApp, QStringLiteral("en")) == QLatin1String("en");
}

// A dark palette like the common desktop dark themes: light text on near-black bases.
inline QPalette darkPalette() {
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2B, 0x2B, 0x2B));
    dark.setColor(QPalette::WindowText, QColor(0xE0, 0xE0, 0xE0));
    dark.setColor(QPalette::Base, QColor(0x1E, 0x1E, 0x1E));
    dark.setColor(QPalette::Text, QColor(0xE0, 0xE0, 0xE0));
    dark.setColor(QPalette::PlaceholderText, QColor(0xA0, 0xA0, 0xA0));
    dark.setColor(QPalette::Mid, QColor(0x5A, 0x5A, 0x5A));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xE0, 0xE0, 0xE0));
    dark.setColor(QPalette::Highlight, QColor(0x2F, 0x65, 0xCA));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    return dark;
}

} // namespace gatehouse::test
