// The Collection dock: the project's saved requests run against the local cloud by clicking Run
// Collection (the cloud started first), pass or fail per request with the failing assertion's
// expected and actual values, the CLI's "N passed, M failed" summary, cancel, and the context
// menu's Duplicate and Delete as undoable edits.
#include "AppStartup.h"
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "Translations.h"
#include "cloud/CloudRunner.h"
#include "compose/ComposerPage.h"
#include "document/ProjectDocument.h"
#include "testing/CollectionPanel.h"

#include <QComboBox>
#include <QDockWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>
#include <QUndoStack>

using namespace gatehouse;

namespace {

constexpr int kRunTimeoutMs = 30000;

SavedRequest request(const QString &name, const QString &url, QList<RequestAssertion> assertions) {
    SavedRequest saved;
    saved.name = name;
    saved.url = url;
    saved.assertions = std::move(assertions);
    return saved;
}

RequestAssertion assertion(const QString &kind, const QString &target, const QString &expected) {
    RequestAssertion a;
    a.kind = kind;
    a.target = target;
    a.expected = expected;
    return a;
}

} // namespace

class TestCollectionPanel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;

    // The sample project with two saved requests to its embedded JavaScript functions: the first
    // passes, the second expects a name the function does not return.
    std::unique_ptr<MainWindow> sampleWindow() {
        const QString folder = m_dir->filePath(QStringLiteral("sample"));
        if (!test::copyTree(test::samplePath(), folder)) return {};
        auto window = AppStartup::createMainWindow(folder);
        Project project = window->document()->project();
        project.requests = {
            request(QStringLiteral("Say hello"), QStringLiteral("{{helloHttp}}/hello"),
                    {assertion(QStringLiteral("status"), {}, QStringLiteral("200")),
                     assertion(QStringLiteral("jsonPath"), QStringLiteral("$.message"),
                               QStringLiteral("hello"))}),
            request(
                QStringLiteral("Get item 2"), QStringLiteral("{{helloHttp}}/items/2"),
                {assertion(QStringLiteral("status"), {}, QStringLiteral("200")),
                 assertion(QStringLiteral("jsonPath"), QStringLiteral("$.name"), QStringLiteral("cherry"))}),
        };
        window->document()->setProject(project);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) return {};
        return window;
    }

private slots:
    void initTestCase() { QVERIFY(test::prepareMainWindowTests(m_settings.path())); }

    void init() {
        DialogSeams::clear();
        m_dir = new QTemporaryDir;
    }

    void cleanup() {
        DialogSeams::clear();
        delete m_dir;
    }

    void listsTheSavedRequestsAndTheEnvironments() {
        const auto window = sampleWindow();
        QVERIFY(window);
        CollectionPanel *panel = window->collectionPanel();
        QTreeWidget *view = panel->requestsView();
        QCOMPARE(view->topLevelItemCount(), 2);
        QCOMPARE(view->topLevelItem(1)->text(CollectionPanel::NameColumn), QStringLiteral("Get item 2"));
        QCOMPARE(view->topLevelItem(1)->text(CollectionPanel::MethodColumn), QStringLiteral("GET"));
        QCOMPARE(view->topLevelItem(1)->text(CollectionPanel::UrlColumn),
                 QStringLiteral("{{helloHttp}}/items/2"));
        QCOMPARE(view->topLevelItem(1)->text(CollectionPanel::AssertionsColumn), QStringLiteral("2"));
        // The sample's "local" environment first (the default, as gatehouse test), then none.
        QCOMPARE(panel->environmentBox()->count(), 2);
        QCOMPARE(panel->environmentBox()->currentText(), QStringLiteral("local"));
        QVERIFY(!panel->cancelButton()->isEnabled());
        // The dock is in the View menu's list and saved with the layout.
        QVERIFY(window->findChild<QDockWidget *>(QStringLiteral("collectionDock")));
    }

    void runCollectionStartsTheCloudAndShowsPassAndFailWithASummary() {
        const auto window = sampleWindow();
        QVERIFY(window);
        CollectionPanel *panel = window->collectionPanel();
        QCOMPARE(window->runner()->state(), CloudRunner::State::Stopped);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        // The click asked the Run action for the cloud; the requests go once it runs.
        QCOMPARE(window->runner()->state(), CloudRunner::State::Starting);
        QVERIFY(panel->isRunning());
        QVERIFY(panel->cancelButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(panel->summary(), QStringLiteral("1 passed, 1 failed"), kRunTimeoutMs);
        QCOMPARE(window->runner()->state(), CloudRunner::State::Running);

        const testing::RequestOutcome *hello = panel->outcomeOf(0);
        const testing::RequestOutcome *item = panel->outcomeOf(1);
        QVERIFY(hello && item);
        QVERIFY(hello->passed());
        QVERIFY(!item->passed());
        QTreeWidget *view = panel->requestsView();
        QCOMPARE(view->topLevelItem(0)->text(CollectionPanel::StatusColumn), QStringLiteral("200"));
        QCOMPARE(view->topLevelItem(1)->text(CollectionPanel::StatusColumn), QStringLiteral("200"));
        QVERIFY(view->topLevelItem(1)->text(CollectionPanel::TimeColumn).endsWith(QStringLiteral(" ms")));
        // Pass and fail in different colours; the failure is open with one line per assertion.
        QVERIFY(view->topLevelItem(0)->foreground(0).color() != view->topLevelItem(1)->foreground(0).color());
        QTreeWidgetItem *failed = view->topLevelItem(1);
        QVERIFY(failed->isExpanded());
        QCOMPARE(failed->childCount(), 2);
        QCOMPARE(failed->child(1)->text(0),
                 QStringLiteral("jsonPath $.name: expected \"cherry\", got \"banana\""));
        QVERIFY(!view->topLevelItem(0)->isExpanded());
        QVERIFY(!panel->cancelButton()->isEnabled());
        QVERIFY(panel->runButton()->isEnabled());

        // Again with the cloud already running, only the selected request.
        view->topLevelItem(0)->setSelected(true);
        QVERIFY(panel->runSelectedButton()->isEnabled());
        QTest::mouseClick(panel->runSelectedButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->summary(), QStringLiteral("1 passed, 0 failed"), kRunTimeoutMs);
        QVERIFY(panel->outcomeOf(1)); // the other result stays
        window->stopProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Stopped, kRunTimeoutMs);
        QVERIFY(DialogSeams::shown().isEmpty());
    }

    void editingARequestDropsItsStaleResult() {
        const auto window = sampleWindow();
        QVERIFY(window);
        CollectionPanel *panel = window->collectionPanel();
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->summary(), QStringLiteral("1 passed, 1 failed"), kRunTimeoutMs);
        Project edited = window->document()->project();
        edited.requests[1].assertions[1].expected = QStringLiteral("banana");
        window->document()->setProject(edited);
        QVERIFY(!panel->outcomeOf(1));
        QCOMPARE(panel->requestsView()->topLevelItem(1)->childCount(), 0);
        QVERIFY(panel->outcomeOf(0));
    }

    void cancelWhileTheCloudStartsSendsNothing() {
        const auto window = sampleWindow();
        QVERIFY(window);
        CollectionPanel *panel = window->collectionPanel();
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QVERIFY(panel->isRunning());
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QVERIFY(!panel->isRunning());
        QCOMPARE(panel->summary(), QStringLiteral("Cancelled"));
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Running, kRunTimeoutMs);
        QCoreApplication::processEvents();
        QVERIFY(!panel->outcomeOf(0));
        QVERIFY(panel->runButton()->isEnabled());
    }

    void aProjectWithoutAFolderIsNotRun() {
        auto window = std::make_unique<MainWindow>();
        Project project;
        project.name = QStringLiteral("unsaved");
        project.requests = {request(QStringLiteral("one"), QStringLiteral("http://127.0.0.1:1/"), {})};
        window->document()->reset(project);
        CollectionPanel *panel = window->collectionPanel();
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QCOMPARE(panel->summary(),
                 QStringLiteral("Save the project first: its functions' code lives in its folder."));
        QCOMPARE(window->runner()->state(), CloudRunner::State::Stopped);
        QVERIFY(!panel->isRunning());
    }

    void duplicateAndDeleteAreUndoable() {
        const auto window = sampleWindow();
        QVERIFY(window);
        CollectionPanel *panel = window->collectionPanel();
        panel->duplicateRequest(0);
        QCOMPARE(window->document()->project().requests.size(), 3);
        QCOMPARE(window->document()->project().requests[1].name, QStringLiteral("Say hello copy"));
        QCOMPARE(panel->requestsView()->topLevelItem(1)->text(0), QStringLiteral("Say hello copy"));
        QCOMPARE(window->undoStack()->undoText(), QStringLiteral("Duplicate request \u201cSay hello\u201d"));
        panel->deleteRequest(0);
        QCOMPARE(window->document()->project().requests.size(), 2);
        QCOMPARE(panel->requestsView()->topLevelItem(0)->text(0), QStringLiteral("Say hello copy"));
        window->undoStack()->undo();
        window->undoStack()->undo();
        QCOMPARE(window->document()->project().requests.size(), 2);
        QCOMPARE(panel->requestsView()->topLevelItem(0)->text(0), QStringLiteral("Say hello"));
    }

    void doubleClickAsksToOpenTheRequest() {
        const auto window = sampleWindow();
        QVERIFY(window);
        CollectionPanel *panel = window->collectionPanel();
        QSignalSpy open(panel, &CollectionPanel::openRequestRequested);
        window->findChild<QDockWidget *>(QStringLiteral("collectionDock"))->raise();
        QTreeWidget *view = panel->requestsView();
        QTRY_VERIFY(view->isVisible());
        const QRect rect = view->visualItemRect(view->topLevelItem(1));
        QVERIFY(rect.isValid());
        // A real double-click: a click, then the second press that Qt reports as a double-click.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().toInt(), 1);
    }

    // Issue #7 point 10: the testing and observing docks and the composer read in Korean.
    void koreanTranslatesTheTestingDocksAndTheComposer() {
        const QList<QTranslator *> before = qApp->findChildren<QTranslator *>();
        QCOMPARE(Translations::install(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        {
            const auto window = sampleWindow();
            QVERIFY(window);
            const auto dockTitle = [&](const char *name) {
                return window->findChild<QDockWidget *>(QLatin1String(name))->windowTitle();
            };
            QCOMPARE(dockTitle("collectionDock"), QStringLiteral("\uceec\ub809\uc158")); // Collection
            QCOMPARE(dockTitle("metricsDock"), QStringLiteral("\uc9c0\ud45c"));          // Metrics
            QCOMPARE(dockTitle("costDock"), QStringLiteral("\ube44\uc6a9"));             // Cost
            QCOMPARE(window->collectionPanel()->runButton()->text(),
                     QStringLiteral("\uceec\ub809\uc158 \uc2e4\ud589")); // Run Collection
            ComposerPage *composer = window->newRequest();
            QVERIFY(composer);
            QCOMPARE(composer->sendButton()->text(), QStringLiteral("\ubcf4\ub0b4\uae30")); // Send
        }
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            if (before.contains(translator)) continue;
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QCOMPARE(Translations::install(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    }

    // Grabs the dock after a run when GATEHOUSE_SCREENSHOT_DIR is set (to look at it).
    void screenshot() {
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set GATEHOUSE_SCREENSHOT_DIR to write the screenshot");
        const auto window = sampleWindow();
        QVERIFY(window);
        window->findChild<QDockWidget *>(QStringLiteral("collectionDock"))->raise();
        CollectionPanel *panel = window->collectionPanel();
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(panel->summary(), QStringLiteral("1 passed, 1 failed"), kRunTimeoutMs);
        window->grab().save(dir + QStringLiteral("/collection-window.png"));
        panel->resize(900, 260);
        panel->grab().save(dir + QStringLiteral("/collection-panel.png"));
    }
};

QTEST_MAIN(TestCollectionPanel)
#include "tst_collectionpanel.moc"
