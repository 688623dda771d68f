// Specification of how `gatehouse` starts its GUI: refusing politely without a display, and opening
// a writable copy of the bundled sample when no project is named.
#include "AppStartup.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "SampleProjects.h"
#include "TestSupport.h"
#include "document/ProjectDocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;

class TestGuiStartup : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;

private slots:
    void initTestCase() { test::isolateSettings(m_settings.path()); }

    void withoutDisplayPrintsOneLineAndExitsWithTwo() {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        QTemporaryDir home;
        environment.insert(QStringLiteral("HOME"), home.path());
        const test::ProcessResult result = test::runGatehouse({}, 30000, {}, environment);
        QVERIFY(result.finished);
        QCOMPARE(result.exitCode, 2);
        const QList<QByteArray> lines = result.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first().startsWith("gatehouse: no display found"));
        QVERIFY(lines.first().contains("xvfb-run -a gatehouse"));
        QVERIFY(lines.first().contains("xvfb-run -a gatehouse"));
    }

    void noProjectOpensWritableCopyOfTheSample() {
        const QString folder = AppStartup::sampleProjectFolder();
        QVERIFY(folder.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QDir(folder).removeRecursively();

        const auto window = AppStartup::createMainWindow({});
        ProjectDocument *document = window->document();
        QCOMPARE(QDir(document->folder()), QDir(folder));
        QCOMPARE(document->project().name, QStringLiteral("hello-api"));
        QVERIFY(QFileInfo(QDir(folder).filePath(QStringLiteral("gatehouse.json"))).isWritable());
        QVERIFY(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("functions/hello/index.js"))));

        // Saving edits the copy; the bundled sample stays as shipped.
        QFile bundled(SampleProjects::bundledPath() + QStringLiteral("/gatehouse.json"));
        QVERIFY(bundled.open(QIODevice::ReadOnly));
        const QByteArray pristine = bundled.readAll();
        Project edited = document->project();
        edited.description = QStringLiteral("mine now");
        document->setProject(edited);
        QVERIFY(window->session()->save());
        QFile reread(SampleProjects::bundledPath() + QStringLiteral("/gatehouse.json"));
        QVERIFY(reread.open(QIODevice::ReadOnly));
        QCOMPARE(reread.readAll(), pristine);

        // A second start keeps the user's copy rather than copying the sample over it.
        const auto again = AppStartup::createMainWindow({});
        QCOMPARE(again->document()->project().description, QStringLiteral("mine now"));
        QDir(folder).removeRecursively();
    }

    void titleNamesTheProjectAndShowsTheModifiedMarker() {
        QTemporaryDir dir;
        QVERIFY(test::copyTree(test::samplePath(), dir.path()));
        const auto window = AppStartup::createMainWindow(dir.path());
        QCOMPARE(window->windowTitle(), QStringLiteral("hello-api[*] \u2014 Gatehouse"));
        QVERIFY(!window->isWindowModified());
        Project edited = window->document()->project();
        edited.functions.removeFirst();
        window->document()->setProject(edited);
        QVERIFY(window->isWindowModified());
    }
};

QTEST_MAIN(TestGuiStartup)
#include "tst_guistartup.moc"
