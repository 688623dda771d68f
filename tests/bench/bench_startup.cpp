// bench_startup: time from process start to the main window exposed with the sample project loaded,
// and the resident memory at that moment. Prints figures; never fails on them (target: <= 500 ms).
//
// Two clocks, both printed:
//  - "process start" is the kernel's start time of this process (/proc/self/stat field 22, in clock
//    ticks, so 10 ms resolution) compared with CLOCK_BOOTTIME; it includes exec and dynamic linking.
//  - "main" is a QElapsedTimer started on the first line of main(): precise, but blind to pre-main work.
//
// Usage: bench_startup [--peer] [--project PATH] [--screenshot FILE.png]
//   --peer        show a bare QMainWindow (menu bar, tree, status bar) instead: what Qt alone costs,
//                 the comparison the startup.sh script prints beside our figure.
//   --project     open PATH instead of the writable sample copy.
//   --screenshot  save a grab of the window once it is exposed.
// QStandardPaths test mode is on, so the sample copy, settings and recent files live under
// ~/.qttest and never touch the user's own.
#include "AppStartup.h"
#include "BenchSupport.h"
#include "MainWindow.h"
#include "Translations.h"
#include "document/ProjectDocument.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMainWindow>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeView>
#include <QWindow>
#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

// Milliseconds since the kernel started this process; -1 when /proc is unavailable.
double processAgeMs() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly)) return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name, which is in parentheses and may contain spaces.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    constexpr int kStartTimeField = 22 - 3; // field 22 overall; the list starts at field 3
    if (fields.size() <= kStartTimeField) return -1;
    const double startSeconds = fields[kStartTimeField].toDouble() / double(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (double(now.tv_sec) + double(now.tv_nsec) / 1e9 - startSeconds) * 1000.0;
}

std::unique_ptr<QMainWindow> peerWindow() {
    auto window = std::make_unique<QMainWindow>();
    window->menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"));
    window->setCentralWidget(new QTreeView);
    window->statusBar()->showMessage(QStringLiteral("ready"));
    window->resize(1280, 800);
    return window;
}

} // namespace

int main(int argc, char *argv[]) {
    QElapsedTimer sinceMain;
    sinceMain.start();
    const double ageAtMain = processAgeMs();

    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const bool peer = arguments.contains(QStringLiteral("--peer"));
    const QString project = arguments.value(arguments.indexOf(QStringLiteral("--project")) + 1);
    const QString screenshot = arguments.value(arguments.indexOf(QStringLiteral("--screenshot")) + 1);
    const QString projectPath = arguments.contains(QStringLiteral("--project")) ? project : QString();

    QCoreApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);

    // Built exactly as runGui builds it (AppStartup::createMainWindow), minus the display check.
    std::unique_ptr<QMainWindow> window;
    if (peer) {
        window = peerWindow();
    } else {
        gatehouse::Translations::install(app);
        window = gatehouse::AppStartup::createMainWindow(projectPath);
    }
    window->show();
    while (!window->windowHandle() || !window->windowHandle()->isExposed())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    // Let the first expose paint before stopping the clock: "shown" means the user sees pixels.
    QCoreApplication::processEvents();
    const double mainToShown = double(sinceMain.nsecsElapsed()) / 1e6;
    const double rss = gatehouse::bench::residentMegabytes();
    const double startToShown = ageAtMain >= 0 ? ageAtMain + mainToShown : -1;

    int functions = 0;
    if (!peer)
        functions =
            int(static_cast<gatehouse::MainWindow *>(window.get())->document()->project().functions.size());
    std::printf("bench_startup: %s on platform '%s'%s\n",
                peer ? "bare QMainWindow (peer)" : "Gatehouse main window",
                qPrintable(QGuiApplication::platformName()),
                peer ? "" : qPrintable(QStringLiteral(", %1 functions loaded").arg(functions)));
    std::printf("  process start -> main()        %8.1f ms  (/proc/self/stat, 10 ms resolution)\n",
                ageAtMain);
    std::printf("  main() -> window shown         %8.1f ms\n", mainToShown);
    std::printf("  process start -> window shown  %8.1f ms  (target <= 500 ms)\n", startToShown);
    std::printf("  resident memory (VmRSS)        %8.1f MB\n", rss);
    std::printf("RESULT variant=%s startup_ms=%.1f main_ms=%.1f rss_mb=%.1f\n", peer ? "peer" : "gatehouse",
                startToShown, mainToShown, rss);
    if (!screenshot.isEmpty()) window->grab().save(screenshot);
    return 0;
}
