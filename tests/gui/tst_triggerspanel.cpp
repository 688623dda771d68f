// The Triggers dock and the schedule form: "Fire now" on a paused schedule invokes its function once
// with EventBridge's "Scheduled Event"
// (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-scheduler.html); a message sent from the
// dock's dialog reaches the queue's trigger in the SQS event
// (https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html); the stopped dock offers to run the
// project; the schedule form previews the next ten fire times (in its time zone and UTC) and shows the
// parser's error for a bad expression; its Enabled box is an undoable edit.
#include "AppStartup.h"
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "cloud/CloudRunner.h"
#include "document/ProjectDocument.h"
#include "properties/FieldFrame.h"
#include "properties/PropertyEditor.h"
#include "triggers/SendMessageDialog.h"
#include "triggers/TriggersPanel.h"

#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace gatehouse;

namespace {

constexpr int kRunTimeoutMs = 30000;

const QByteArray kProject = R"json({
  "formatVersion": 1,
  "name": "triggers-test",
  "functions": [
    {"name": "tick", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/echo",
     "memoryMB": 128, "timeoutSeconds": 3},
    {"name": "consume", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/echo",
     "memoryMB": 128, "timeoutSeconds": 3}
  ],
  "schedules": [{"name": "hourly", "expression": "rate(1 hour)", "function": "tick"}],
  "queues": [{"name": "orders", "trigger": {"function": "consume", "batchSize": 1}}, {"name": "parked"}]
})json";

const QByteArray kEchoHandler = "exports.handler = function (event) { return event; };\n";

bool writeFile(const QString &path, const QByteArray &text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

void typeOver(QLineEdit *edit, const QString &text) {
    edit->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

QTreeWidgetItem *row(QTreeWidget *table, const QString &name) {
    const QList<QTreeWidgetItem *> found = table->findItems(name, Qt::MatchExactly, 0);
    return found.isEmpty() ? nullptr : found.first();
}

// Rows are rebuilt when the project or the run changes: always looked up afresh.
QString cell(QTreeWidget *table, const QString &name, int column) {
    const QTreeWidgetItem *item = row(table, name);
    return item ? item->text(column) : QStringLiteral("<no row %1>").arg(name);
}

} // namespace

class TestTriggersPanel : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;

    std::unique_ptr<MainWindow> projectWindow() {
        const QString folder = m_dir->filePath(QStringLiteral("triggers-test"));
        test::writeProjectFile(folder, kProject);
        if (!writeFile(folder + QStringLiteral("/functions/echo/index.js"), kEchoHandler)) return {};
        auto window = AppStartup::createMainWindow(folder);
        window->resize(1200, 800);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) return {};
        window->findChild<QDockWidget *>(QStringLiteral("triggersDock"))->raise();
        return window;
    }

    static TriggersPanel *panelOf(MainWindow &window) { return window.findChild<TriggersPanel *>(); }

    // Runs the project from the dock's own offer, as a user of a stopped dock would.
    static bool runFromTheDock(MainWindow &window) {
        TriggersPanel *panel = panelOf(window);
        if (!panel->runButton()->isVisible()) return false;
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        return QTest::qWaitFor([&] { return window.runner()->isRunning(); }, kRunTimeoutMs) &&
               QTest::qWaitFor([&] { return !panel->runButton()->isVisible(); }, kRunTimeoutMs);
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

    void fireNowInvokesThePausedScheduleOnceWithTheScheduledEvent() {
        const auto window = projectWindow();
        QVERIFY(window);
        TriggersPanel *panel = panelOf(*window);
        QVERIFY(panel);
        QCOMPARE(panel->schedulesView()->topLevelItemCount(), 1);
        QVERIFY(!panel->fireNowButton()->isEnabled());
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            window->findChild<QDockWidget *>(QStringLiteral("triggersDock"))
                ->grab()
                .save(dir + QStringLiteral("/triggers-dock-stopped.png"));
        QVERIFY(runFromTheDock(*window));
        // The dock stays in front of the Run dock the start raised.
        QTRY_VERIFY(!panel->visibleRegion().isEmpty());

        QTreeWidgetItem *hourly = row(panel->schedulesView(), QStringLiteral("hourly"));
        QVERIFY(hourly);
        QCOMPARE(cell(panel->schedulesView(), QStringLiteral("hourly"), TriggersPanel::ScheduleExpression),
                 QStringLiteral("rate(1 hour)"));
        panel->schedulesView()->setCurrentItem(hourly);
        QTRY_COMPARE_WITH_TIMEOUT(
            cell(panel->schedulesView(), QStringLiteral("hourly"), TriggersPanel::ScheduleState),
            QStringLiteral("enabled"), kRunTimeoutMs);
        QVERIFY(
            !cell(panel->schedulesView(), QStringLiteral("hourly"), TriggersPanel::ScheduleNext).isEmpty());
        QVERIFY(panel->fireNowButton()->isEnabled());

        // Paused for this run: no next fire time, the project untouched, the button says Resume.
        QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
        QTRY_COMPARE(cell(panel->schedulesView(), QStringLiteral("hourly"), TriggersPanel::ScheduleState),
                     QStringLiteral("paused"));
        QVERIFY(
            cell(panel->schedulesView(), QStringLiteral("hourly"), TriggersPanel::ScheduleNext).isEmpty());
        QCOMPARE(panel->pauseButton()->text(), QStringLiteral("Resume"));
        QVERIFY(window->document()->project().schedules.first().enabled);

        QSignalSpy finished(window->runner(), &CloudRunner::invocationFinished);
        QSignalSpy runs(window->runner(), &CloudRunner::scheduleRunFinished);
        QTest::mouseClick(panel->fireNowButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(
            runs.count() == 1,
            qPrintable(panel->findChild<QLabel *>(QStringLiteral("triggersStatus"))->text()), kRunTimeoutMs);
        // The run's end and the invoker's signal come through different queues: wait for both.
        const auto tickResults = [&finished] {
            QList<InvocationResult> ticks;
            for (const QList<QVariant> &call : std::as_const(finished)) {
                const auto result = call.first().value<InvocationResult>();
                if (result.functionName == QLatin1String("tick")) ticks.append(result);
            }
            return ticks;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!tickResults().isEmpty(), kRunTimeoutMs);
        const QList<InvocationResult> ticks = tickResults();
        QCOMPARE(ticks.size(), 1);
        QVERIFY(ticks.first().succeeded());
        const QJsonObject event = QJsonDocument::fromJson(ticks.first().payload).object();
        QCOMPARE(event.value(QStringLiteral("detail-type")).toString(), QStringLiteral("Scheduled Event"));
        QCOMPARE(event.value(QStringLiteral("source")).toString(), QStringLiteral("aws.events"));
        QVERIFY(event.value(QStringLiteral("resources"))
                    .toArray()
                    .first()
                    .toString()
                    .endsWith(QStringLiteral(":rule/hourly")));
        QTRY_VERIFY(cell(panel->schedulesView(), QStringLiteral("hourly"), TriggersPanel::ScheduleLast)
                        .contains(QStringLiteral("succeeded")));

        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            window->findChild<QDockWidget *>(QStringLiteral("triggersDock"))
                ->grab()
                .save(dir + QStringLiteral("/triggers-dock-schedule.png"));
        QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
        QTRY_COMPARE(cell(panel->schedulesView(), QStringLiteral("hourly"), TriggersPanel::ScheduleState),
                     QStringLiteral("enabled"));
        QTRY_VERIFY(
            !cell(panel->schedulesView(), QStringLiteral("hourly"), TriggersPanel::ScheduleNext).isEmpty());
        window->stopProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Stopped, kRunTimeoutMs);
        QVERIFY(panel->runButton()->isVisible());
        QVERIFY(!panel->fireNowButton()->isEnabled());
    }

    void aMessageSentFromTheDockReachesTheQueuesTrigger() {
        const auto window = projectWindow();
        QVERIFY(window);
        TriggersPanel *panel = panelOf(*window);
        QVERIFY(runFromTheDock(*window));
        QCOMPARE(panel->queuesView()->topLevelItemCount(), 2);
        QTreeWidgetItem *orders = row(panel->queuesView(), QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(cell(panel->queuesView(), QStringLiteral("orders"), TriggersPanel::QueueTrigger),
                 QStringLiteral("consume"));
        panel->queuesView()->setCurrentItem(orders);
        QVERIFY(panel->sendMessageButton()->isEnabled());

        QSignalSpy finished(window->runner(), &CloudRunner::invocationFinished);
        DialogSeams::queueDialog([](QDialog &dialog) {
            auto *send = qobject_cast<SendMessageDialog *>(&dialog);
            if (!send) return int(QDialog::Rejected);
            send->bodyEdit()->setPlainText(QStringLiteral("{\"order\": 42}"));
            send->addAttributeRow(QStringLiteral("priority"), QStringLiteral("Number"), QStringLiteral("3"));
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(panel->sendMessageButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kRunTimeoutMs);
        const auto result = finished.first().first().value<InvocationResult>();
        QCOMPARE(result.functionName, QStringLiteral("consume"));
        QVERIFY2(result.succeeded(), result.payload.constData());
        const QJsonObject record = QJsonDocument::fromJson(result.payload)
                                       .object()
                                       .value(QStringLiteral("Records"))
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(record.value(QStringLiteral("body")).toString(), QStringLiteral("{\"order\": 42}"));
        QCOMPARE(record.value(QStringLiteral("eventSource")).toString(), QStringLiteral("aws:sqs"));
        const QJsonObject priority = record.value(QStringLiteral("messageAttributes"))
                                         .toObject()
                                         .value(QStringLiteral("priority"))
                                         .toObject();
        QCOMPARE(priority.value(QStringLiteral("stringValue")).toString(), QStringLiteral("3"));
        QCOMPARE(priority.value(QStringLiteral("dataType")).toString(), QStringLiteral("Number"));

        // The untriggered queue keeps what it is sent, counted while the dock shows it; Purge empties it.
        for (int i = 0; i < 2; ++i) {
            panel->queuesView()->setCurrentItem(row(panel->queuesView(), QStringLiteral("parked")));
            DialogSeams::queueDialog([i](QDialog &dialog) {
                auto *send = qobject_cast<SendMessageDialog *>(&dialog);
                if (!send) return int(QDialog::Rejected);
                send->bodyEdit()->setPlainText(QStringLiteral("parked"));
                send->delayBox()->setValue(i == 0 ? 0 : 600);
                return int(QDialog::Accepted);
            });
            QTest::mouseClick(panel->sendMessageButton(), Qt::LeftButton);
        }
        QTRY_COMPARE(cell(panel->queuesView(), QStringLiteral("parked"), TriggersPanel::QueueVisible),
                     QStringLiteral("1"));
        QCOMPARE(cell(panel->queuesView(), QStringLiteral("parked"), TriggersPanel::QueueDelayed),
                 QStringLiteral("1"));
        QCOMPARE(cell(panel->queuesView(), QStringLiteral("parked"), TriggersPanel::QueueInFlight),
                 QStringLiteral("0"));
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            window->findChild<QDockWidget *>(QStringLiteral("triggersDock"))
                ->grab()
                .save(dir + QStringLiteral("/triggers-dock.png"));
        DialogSeams::queueAnswer(QMessageBox::Yes);
        panel->queuesView()->setCurrentItem(row(panel->queuesView(), QStringLiteral("parked")));
        QTest::mouseClick(panel->purgeButton(), Qt::LeftButton);
        QTRY_COMPARE(cell(panel->queuesView(), QStringLiteral("parked"), TriggersPanel::QueueVisible),
                     QStringLiteral("0"));
        QCOMPARE(cell(panel->queuesView(), QStringLiteral("parked"), TriggersPanel::QueueDelayed),
                 QStringLiteral("0"));
        window->stopProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Stopped, kRunTimeoutMs);
        QVERIFY(cell(panel->queuesView(), QStringLiteral("parked"), TriggersPanel::QueueVisible).isEmpty());
    }

    // SendMessage's attribute rules (SQS API Reference, MessageAttributeValue) are checked before sending.
    void theSendDialogRefusesInvalidAttributes() {
        SendMessageDialog dialog(QStringLiteral("orders"));
        dialog.addAttributeRow(QStringLiteral("AWS.reserved"), QStringLiteral("String"), QStringLiteral("x"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("sendMessageError"));
        QVERIFY(error && !error->isHidden() && !error->text().isEmpty());
        dialog.attributesTable()->removeRow(0);
        dialog.addAttributeRow(QStringLiteral("blob"), QStringLiteral("Binary"),
                               QStringLiteral("not base64!"));
        sqs::MessageAttributes attributes;
        QVERIFY(dialog.attributes(&attributes).has_value());
        dialog.attributesTable()->removeRow(0);
        dialog.addAttributeRow(QStringLiteral("blob"), QStringLiteral("Binary"), QStringLiteral("AAEC"));
        dialog.addAttributeRow(); // an empty row is no attribute
        QVERIFY(!dialog.attributes(&attributes).has_value());
        QCOMPARE(attributes.size(), size_t(1));
        QCOMPARE(attributes.at(QStringLiteral("blob")).binaryValue, QByteArray("\x00\x01\x02", 3));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void theScheduleFormPreviewsTenFireTimesAndShowsParserErrors() {
        const auto window = projectWindow();
        QVERIFY(window);
        auto *editor = window->findChild<PropertyEditor *>();
        QVERIFY(editor);
        editor->showEntity({EntityKind::Schedule, 0, -1});
        auto *expression = qobject_cast<QLineEdit *>(editor->fieldEditor(QStringLiteral("expression")));
        auto *timezone = qobject_cast<QLineEdit *>(editor->fieldEditor(QStringLiteral("timezone")));
        auto *preview = editor->findChild<QLabel *>(QStringLiteral("fireTimes"));
        QVERIFY(expression && timezone && preview);
        // The parser's message, under the expression (the validator's diagnostic on the field).
        const auto expressionError = [&] {
            for (QWidget *w = expression; w; w = w->parentWidget())
                if (auto *frame = qobject_cast<FieldFrame *>(w))
                    return frame->messageLabel()->isHidden() ? QString() : frame->messageLabel()->text();
            return QStringLiteral("<no field frame>");
        };

        typeOver(expression, QStringLiteral("cron(0 12 ? * MON-FRI *)"));
        QStringList times = preview->text().split(QLatin1Char('\n'));
        QCOMPARE(times.size(), 10);
        for (const QString &time : times) {
            QVERIFY2(time.endsWith(QStringLiteral("12:00 UTC")), qPrintable(time));
            QVERIFY2(!time.startsWith(QStringLiteral("Sat")) && !time.startsWith(QStringLiteral("Sun")),
                     qPrintable(time));
        }
        QCOMPARE(expressionError(), QString());

        // In a time zone the cron fields are its wall-clock times; UTC is shown beside.
        typeOver(timezone, QStringLiteral("Europe/Paris"));
        times = preview->text().split(QLatin1Char('\n'));
        QCOMPARE(times.size(), 10);
        for (const QString &time : times) {
            QVERIFY2(time.contains(QStringLiteral(" 12:00 (")), qPrintable(time));
            QVERIFY2(time.endsWith(QStringLiteral("11:00 UTC)")) ||
                         time.endsWith(QStringLiteral("10:00 UTC)")),
                     qPrintable(time));
        }

        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QCoreApplication::sendPostedEvents(); // the layout follows the new preview first
            editor->grab().save(dir + QStringLiteral("/schedule-form.png"));
        }
        // Day-of-month and day-of-week both set: EventBridge wants one of them to be '?'.
        typeOver(expression, QStringLiteral("cron(0 12 * * MON *)"));
        QTRY_VERIFY2(expressionError().contains(QStringLiteral("day-of-month and day-of-week")),
                     qPrintable(expressionError()));
        QCOMPARE(preview->text(), QStringLiteral("\u2014"));
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QCoreApplication::sendPostedEvents();
            editor->grab().save(dir + QStringLiteral("/schedule-form-error.png"));
        }
        typeOver(expression, QStringLiteral("rate(1 hour)"));
        QTRY_COMPARE(expressionError(), QString());

        // Enabled is a project edit through the undo stack.
        auto *enabled = qobject_cast<QCheckBox *>(editor->fieldEditor(QStringLiteral("enabled")));
        QVERIFY(enabled && enabled->isChecked());
        enabled->click();
        QVERIFY(!window->document()->project().schedules.first().enabled);
        window->undoStack()->undo();
        QVERIFY(window->document()->project().schedules.first().enabled);
    }
};

QTEST_MAIN(TestTriggersPanel)
#include "tst_triggerspanel.moc"
