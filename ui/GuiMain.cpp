#include "GuiMain.h"

#include "AppStartup.h"
#include "Icons.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <cstdio>

namespace gatehouse {

int runGui(int argc, char *argv[], const QString &projectPath) {
    if (!AppStartup::displayAvailable()) {
        std::fprintf(stderr, "%s\n", qPrintable(AppStartup::noDisplayMessage()));
        return 2;
    }
    QApplication app(argc, argv);
    app.setWindowIcon(Icons::application());
    Translations::install(app);
    const auto window = AppStartup::createMainWindow(projectPath);
    window->show();
    return app.exec();
}

} // namespace gatehouse
