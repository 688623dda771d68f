// The Events dock: a JavaScript function invoked with the SQS template after an edit (the cloud
// started first), its payload, figures and log lines shown; an asynchronous invocation's result;
// invalid JSON refused with the parser's message; saved events written to
// .gatehouse/events/<function>/<name>.json, listed again by a new window, loaded and deleted.
#include "AppStartup.h"
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "cloud/CloudRunner.h"
#include "document/ProjectDocument.h"
#include "editor/CodeEditor.h"
#include "events/EventsPanel.h"
#include "events/InvocationResultView.h"
#include "logs/LogConsole.h"
#include "logs/LogTableModel.h"
#include "run/RunPanel.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace gatehouse;

namespace {

constexpr int kRunTimeoutMs = 30000;

// One embedded JavaScript function that reads an SQS batch, logs its first body and returns it.
const QByteArray kProject = R"({
  "formatVersion": 1,
  "name": "events-test",
  "functions": [
    {"name": "first", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/first",
     "memoryMB": 128, "timeoutSeconds": 3},
    {"name": "records", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/records",
     "memoryMB": 256, "timeoutSeconds": 3}
  ],
  "queues": [{"name": "orders", "trigger": {"function": "records"}}]
})";

const QByteArray kRecordsHandler = R"(exports.handler = function (event) {
    console.log('first body:', event.Records[0].body);
    return { count: event.Records.length, body: event.Records[0].body, queue: event.Records[0].eventSourceARN };
};
)";

const QByteArray kFirstHandler = "exports.handler = function (event) { return event; };\n";

bool writeFile(const QString &path, const QByteArray &text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

void choose(QComboBox *box, const QString &text) {
    const int index = box->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    box->setCurrentIndex(index);
    emit box->activated(index); // as a user's choice
}

} // namespace

class TestEventsPanel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;

    QString projectFolder() const { return m_dir->filePath(QStringLiteral("events-test")); }

    std::unique_ptr<MainWindow> projectWindow() {
        const QString folder = projectFolder();
        test::writeProjectFile(folder, kProject);
        if (!writeFile(folder + QStringLiteral("/functions/records/index.js"), kRecordsHandler)) return {};
        if (!writeFile(folder + QStringLiteral("/functions/first/index.js"), kFirstHandler)) return {};
        auto window = AppStartup::createMainWindow(folder);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) return {};
        window->findChild<QDockWidget *>(QStringLiteral("eventsDock"))->raise();
        return window;
    }

    // Picks `records` and the SQS template and puts `body` in the message.
    static void prepareSqsEvent(EventsPanel *panel, const QString &body) {
        choose(panel->functionBox(), QStringLiteral("records"));
        choose(panel->templateBox(), QStringLiteral("SQS batch"));
        QString text = panel->editor()->text();
        QVERIFY(text.contains(QStringLiteral("\"Hello from SQS!\"")));
        // The queue that triggers the function, from the project.
        QVERIFY(text.contains(QStringLiteral("arn:aws:sqs:us-east-1:123456789012:orders")));
        text.replace(QStringLiteral("Hello from SQS!"), body);
        panel->editor()->setText(text);
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

    void invokeSendsTheEditedTemplateAndShowsPayloadAndLogs() {
        const auto window = projectWindow();
        QVERIFY(window);
        EventsPanel *panel = window->eventsPanel();
        QCOMPARE(panel->functionBox()->count(), 2);
        QCOMPARE(panel->templateBox()->count(), 7);
        QCOMPARE(panel->editor()->language(), CodeEditor::Language::Json);
        prepareSqsEvent(panel, QStringLiteral("an edited body"));
        QCOMPARE(window->runner()->state(), CloudRunner::State::Stopped);
        QTest::mouseClick(panel->invokeButton(), Qt::LeftButton);
        QCOMPARE(window->runner()->state(), CloudRunner::State::Starting);
        // Starting the cloud shows the Run dock's state, but the Events dock stays in front.
        QTRY_VERIFY(!panel->visibleRegion().isEmpty());
        QVERIFY(window->runPanel()->visibleRegion().isEmpty());

        InvocationResultView *result = panel->resultView();
        QTRY_VERIFY_WITH_TIMEOUT(result->statusText().startsWith(QStringLiteral("Succeeded")), kRunTimeoutMs);
        const QJsonObject payload = QJsonDocument::fromJson(result->payloadText().toUtf8()).object();
        QCOMPARE(payload.value(QStringLiteral("body")).toString(), QStringLiteral("an edited body"));
        QCOMPARE(payload.value(QStringLiteral("count")).toInt(), 1);
        QVERIFY(result->payloadText().contains(QStringLiteral("\n  \"count\": 1"))); // pretty-printed
        const QString id = result->requestId();
        QVERIFY(!id.isEmpty());
        QVERIFY(result->logText().contains(QStringLiteral("START RequestId: ") + id));
        QVERIFY(result->logText().contains(QStringLiteral("first body: an edited body")));
        QVERIFY(result->logText().contains(QStringLiteral("REPORT RequestId: ") + id));
        const QString figures = QString(result->figuresText()).replace(QChar(0x00A0), QLatin1Char(' '));
        QVERIFY(figures.contains(QStringLiteral("Memory 256 MB")));
        QVERIFY(figures.contains(QStringLiteral("(cold start)")));

        // Show in Logs narrows the Logs dock to this invocation.
        QTest::mouseClick(result->showInLogsButton(), Qt::LeftButton);
        QCOMPARE(window->logConsole()->findChild<QLineEdit *>(QStringLiteral("logRequestId"))->text(), id);
        QTRY_VERIFY(window->logConsole()->model()->rowCount() >= 3);

        // A second, warm call: no init duration.
        QTest::mouseClick(panel->invokeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(result->requestId() != id && !result->requestId().isEmpty(), kRunTimeoutMs);
        QVERIFY(result->figuresText().contains(QStringLiteral("Billed")));
        QVERIFY(!result->figuresText().contains(QStringLiteral("cold\u00a0start")));
        window->stopProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Stopped, kRunTimeoutMs);
    }

    void invokeAsyncShowsTheAcceptedEventsOutcome() {
        const auto window = projectWindow();
        QVERIFY(window);
        EventsPanel *panel = window->eventsPanel();
        prepareSqsEvent(panel, QStringLiteral("queued"));
        QTest::mouseClick(panel->invokeAsyncButton(), Qt::LeftButton);
        InvocationResultView *result = panel->resultView();
        QTRY_VERIFY_WITH_TIMEOUT(result->statusText().startsWith(QStringLiteral("Succeeded (asynchronous")),
                                 kRunTimeoutMs);
        QVERIFY(result->payloadText().contains(QStringLiteral("\"queued\"")));
        QVERIFY(result->logText().contains(QStringLiteral("first body: queued")));
    }

    void invalidJsonIsRefusedWithTheParsersMessage() {
        const auto window = projectWindow();
        QVERIFY(window);
        EventsPanel *panel = window->eventsPanel();
        choose(panel->functionBox(), QStringLiteral("records"));
        panel->editor()->setText(QStringLiteral("{\n  \"a\": 1,\n}"));
        // Typed, too: the check follows the keyboard.
        panel->editor()->setFocus();
        QTest::keyClicks(panel->editor(), QStringLiteral(" "));
        QTRY_VERIFY(panel->jsonError().startsWith(QStringLiteral("Line 3, column 1: invalid JSON")));
        QTest::mouseClick(panel->invokeButton(), Qt::LeftButton);
        QVERIFY(panel->resultView()->statusText().startsWith(QStringLiteral("Not invoked")));
        QCOMPARE(window->runner()->state(), CloudRunner::State::Stopped); // not even started
        panel->editor()->setText(QStringLiteral("{\"a\": 1}"));
        QTRY_VERIFY(panel->jsonError().isEmpty());
    }

    void savedEventsAreKeptWithTheProject() {
        {
            const auto window = projectWindow();
            QVERIFY(window);
            EventsPanel *panel = window->eventsPanel();
            prepareSqsEvent(panel, QStringLiteral("saved body"));
            panel->savedBox()->setEditText(QStringLiteral("bad/name"));
            QTest::mouseClick(panel->saveButton(), Qt::LeftButton);
            QVERIFY(panel->notice().contains(QStringLiteral("letters, digits")));
            panel->savedBox()->setEditText(QStringLiteral("big-order"));
            QTest::mouseClick(panel->saveButton(), Qt::LeftButton);
            QCOMPARE(panel->notice(), QStringLiteral("Saved big-order for records"));
            QCOMPARE(panel->savedBox()->count(), 1);
        }
        const QString path = projectFolder() + QStringLiteral("/.gatehouse/events/records/big-order.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("saved body"));
        file.close();

        // A new window lists it under its function only, and loads it.
        const auto window = AppStartup::createMainWindow(projectFolder());
        EventsPanel *panel = window->eventsPanel();
        choose(panel->functionBox(), QStringLiteral("first"));
        QCOMPARE(panel->savedBox()->count(), 0);
        choose(panel->functionBox(), QStringLiteral("records"));
        QCOMPARE(panel->savedBox()->count(), 1);
        choose(panel->savedBox(), QStringLiteral("big-order"));
        QVERIFY(panel->editor()->text().contains(QStringLiteral("saved body")));

        DialogSeams::queueAnswer(QMessageBox::Yes);
        QTest::mouseClick(panel->deleteButton(), Qt::LeftButton);
        QCOMPARE(panel->notice(), QStringLiteral("Deleted big-order"));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(panel->savedBox()->count(), 0);
    }

    // Grabs the dock after an invocation when GATEHOUSE_SCREENSHOT_DIR is set (to look at it).
    void screenshot() {
        const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
        if (dir.isEmpty()) QSKIP("set GATEHOUSE_SCREENSHOT_DIR to write the screenshot");
        const auto window = projectWindow();
        QVERIFY(window);
        EventsPanel *panel = window->eventsPanel();
        prepareSqsEvent(panel, QStringLiteral("an edited body"));
        QTest::mouseClick(panel->invokeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(panel->resultView()->statusText().startsWith(QStringLiteral("Succeeded")),
                                 kRunTimeoutMs);
        window->grab().save(dir + QStringLiteral("/events-window.png"));
        panel->resize(1100, 380);
        panel->grab().save(dir + QStringLiteral("/events-panel.png"));
    }
};

QTEST_MAIN(TestEventsPanel)
#include "tst_eventspanel.moc"
