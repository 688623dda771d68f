// Run and Stop in the studio: the sample project served by a CloudRunner on its own thread, its
// endpoints listed, live state on the canvas, hot reload of edits, and start failures shown as
// messages in the Run panel rather than dialogs.
#include "AppStartup.h"
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "ProjectSession.h"
#include "TestSupport.h"
#include "Translations.h"
#include "canvas/DesignerPage.h"
#include "canvas/DesignerScene.h"
#include "canvas/NodeItem.h"
#include "cloud/CloudRunner.h"
#include "document/ProjectDocument.h"
#include "editor/CodeEditor.h"
#include "editor/CodeTabs.h"
#include "editor/EditorPage.h"
#include "run/RunPanel.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace gatehouse;

namespace {

constexpr int kStartTimeoutMs = 15000;

// The first stage URL of the API named `api` in CloudRunner::endpoints().
QString stageUrl(const QJsonObject &endpoints, const QString &api) {
    for (const QJsonValue &value : endpoints.value(QStringLiteral("apis")).toArray())
        if (value.toObject().value(QStringLiteral("name")).toString() == api)
            return value.toObject()
                .value(QStringLiteral("stages"))
                .toArray()
                .first()
                .toObject()
                .value(QStringLiteral("url"))
                .toString();
    return {};
}

struct Response {
    int status = 0;
    QByteArray body;
};

Response get(const QString &url) {
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(url)));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    Response response{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    delete reply;
    return response;
}

} // namespace

class TestRun : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;

    std::unique_ptr<MainWindow> sampleWindow() {
        const QString folder = m_dir->filePath(QStringLiteral("sample"));
        if (!test::copyTree(test::samplePath(), folder)) return {};
        auto window = AppStartup::createMainWindow(folder);
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

    void runServesTheSampleListsEndpointsAndShowsLiveState() {
        const auto window = sampleWindow();
        QVERIFY(window);
        window->runProject();
        // start() returned at once; the servers come up on the cloud's thread.
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Running, kStartTimeoutMs);
        // Three APIs, the Invoke API, the metrics page, the S3 and the SQS endpoints, each with its URL.
        QCOMPARE(window->runPanel()->endpointsView()->topLevelItemCount(), 7);
        QCOMPARE(window->runPanel()->endpointsView()->topLevelItem(5)->text(2),
                 window->runner()
                     ->endpoints()
                     .value(QStringLiteral("s3"))
                     .toObject()
                     .value(QStringLiteral("url"))
                     .toString());
        const QString url = stageUrl(window->runner()->endpoints(), QStringLiteral("hello-http"));
        QVERIFY(url.startsWith(QStringLiteral("http://127.0.0.1:")));
        QCOMPARE(window->runPanel()->endpointsView()->topLevelItem(0)->text(2), url);

        NodeItem *api = window->designer()->scene()->nodeFor({EntityKind::Api, 0, -1});
        QTRY_COMPARE(api->live().text, QStringLiteral("running"));
        const Response hello = get(url + QStringLiteral("hello"));
        QCOMPARE(hello.status, 200);
        // The hello function now has a warm environment, shown on its node.
        NodeItem *function = window->designer()->scene()->nodeFor({EntityKind::Function, 0, -1});
        QTRY_COMPARE(function->live().text, QStringLiteral("1 warm"));
        // The same invocation in the run's metrics and cost meter (what charts and the cost view read).
        QVERIFY(window->runner()->metrics());
        QTRY_COMPARE(window->runner()->metrics()->functionTotals(QStringLiteral("hello")).invocations,
                     quint64(1));
        QVERIFY(window->runner()->costMeter());

        window->stopProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Stopped, kStartTimeoutMs);
        QCOMPARE(window->runPanel()->endpointsView()->topLevelItemCount(), 0);
        QTRY_VERIFY(!window->designer()->scene()->nodeFor({EntityKind::Function, 0, -1})->live().shown);
        QVERIFY(DialogSeams::shown().isEmpty());
    }

    void editsWhileRunningAreServedWithoutARestart() {
        const auto window = sampleWindow();
        QVERIFY(window);
        window->runProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Running, kStartTimeoutMs);
        const QString url = stageUrl(window->runner()->endpoints(), QStringLiteral("hello-http"));
        Project edited = window->document()->project();
        QCOMPARE(edited.apis[0].routes[0].path, QStringLiteral("/hello"));
        edited.apis[0].routes[0].path = QStringLiteral("/hi");
        window->document()->setProject(edited);
        // Applied a moment after the edit (the same port: no restart).
        QTRY_COMPARE_WITH_TIMEOUT(get(url + QStringLiteral("hi")).status, 200, 5000);
        QCOMPARE(stageUrl(window->runner()->endpoints(), QStringLiteral("hello-http")), url);
    }

    void savingCodeInTheEditorReloadsTheRunningFunction() {
        const auto window = sampleWindow();
        QVERIFY(window);
        window->runProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Running, kStartTimeoutMs);
        const QString url =
            stageUrl(window->runner()->endpoints(), QStringLiteral("hello-http")) + QStringLiteral("hello");
        QVERIFY(get(url).body.contains("hello"));
        // Double-click on the function's node opens its handler; edit, Ctrl+S.
        window->openFunctionCode(QStringLiteral("hello"));
        CodeEditor *editor = window->codeTabs()->currentEditor();
        QVERIFY(editor);
        QString code = editor->text();
        QVERIFY(code.contains(QStringLiteral("return { message:")));
        editor->setText(code.replace(QStringLiteral("return { message:"),
                                     QStringLiteral("return { reloaded: true, message:")));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_S, Qt::ControlModifier);
        QVERIFY(!window->codeTabs()->currentPage()->isModified());
        // The next invocation runs the saved code, without Stop and Run.
        QTRY_VERIFY_WITH_TIMEOUT(get(url).body.contains("\"reloaded\":true"), 10000);
    }

    void aPortInUseIsAMessageInThePanel() {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        const auto window = sampleWindow();
        QVERIFY(window);
        Project project = window->document()->project();
        project.apis[0].port = squatter.serverPort();
        window->document()->setProject(project);
        window->runProject();
        QTRY_VERIFY_WITH_TIMEOUT(!window->runPanel()->message().isEmpty(), kStartTimeoutMs);
        QVERIFY2(window->runPanel()->message().contains(QString::number(squatter.serverPort())),
                 qPrintable(window->runPanel()->message()));
        QCOMPARE(window->runner()->state(), CloudRunner::State::Stopped);
        QVERIFY(DialogSeams::shown().isEmpty()); // no modal dialog
    }

    void aProjectWithoutAFolderIsNotRun() {
        const auto window = sampleWindow();
        QVERIFY(window);
        QVERIFY(window->session()->newProject());
        window->runProject();
        QVERIFY(window->runPanel()->message().contains(QStringLiteral("Save the project first")));
        QCOMPARE(window->runner()->state(), CloudRunner::State::Stopped);
    }
};

QTEST_MAIN(TestRun)
#include "tst_run.moc"
