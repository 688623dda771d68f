// How the GUI starts, shared by runGui and the startup benchmark: the display check, where the
// writable sample lives, and building the main window with its first project.
#pragma once

#include <QString>
#include <memory>

namespace gatehouse {

class MainWindow;

namespace AppStartup {

// False on X11/Wayland systems with neither DISPLAY nor WAYLAND_DISPLAY and no QT_QPA_PLATFORM
// override: constructing QApplication there would abort.
bool displayAvailable();
// The single line printed when there is no display.
QString noDisplayMessage();
// AppDataLocation/samples/hello-api: the user's own copy of the bundled sample.
QString sampleProjectFolder();
// The main window with its saved layout and `projectPath` opened; with an empty path, a writable
// copy of the bundled sample (created on first use; the bundled one stays pristine).
std::unique_ptr<MainWindow> createMainWindow(const QString &projectPath);

} // namespace AppStartup
} // namespace gatehouse
