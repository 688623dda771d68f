#include "AppStartup.h"

#include "DialogSeams.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "SampleProjects.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace gatehouse::AppStartup {

bool displayAvailable() {
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS) && !defined(Q_OS_ANDROID)
    // Read before QApplication exists, which is the point: its constructor aborts without a display.
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

QString noDisplayMessage() {
    // Printed before any translator can be installed, hence plain English.
    return QStringLiteral("gatehouse: no display found; run 'xvfb-run -a gatehouse' for a virtual display, "
                          "or 'gatehouse --help' for the headless commands");
}

QString sampleProjectFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("samples/hello-api"));
}

std::unique_ptr<MainWindow> createMainWindow(const QString &projectPath) {
    auto window = std::make_unique<MainWindow>();
    window->restoreLayout();
    QString path = projectPath;
    if (path.isEmpty()) {
        path = sampleProjectFolder();
        QString error;
        if (!SampleProjects::copyTo(path, &error)) {
            DialogSeams::notify(
                window.get(), QMessageBox::Warning,
                QCoreApplication::translate("gatehouse::AppStartup", "Cannot Copy Sample"),
                QCoreApplication::translate("gatehouse::AppStartup",
                                            "The sample project could not be copied to %1:\n\n%2")
                    .arg(QDir::toNativeSeparators(path), error));
            return window;
        }
    }
    window->session()->open(path);
    return window;
}

} // namespace gatehouse::AppStartup
