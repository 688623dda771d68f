// The schedules' trigger with a clock the test moves: EventBridge's "Scheduled Event" payload
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/event-reference.html) or the constant input,
// asynchronous invocations, no pile-up behind a busy run or after a pause, runtime on/off, fire-now,
// previews and hot reload. Functions are embedded JavaScript that return the event they got (no async:
// QJSEngine is ES2016).
#include "InvokerFixture.h"
#include "sources/schedules/Scheduler.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

qint64 at(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QDateTime utc(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

Schedule schedule(const QString &name, const QString &expression,
                  const QString &function = QStringLiteral("echo")) {
    Schedule s;
    s.name = name;
    s.expression = expression;
    s.function = function;
    return s;
}

int logLinesContaining(const LogStore &logs, const QString &text) {
    int count = 0;
    for (const LogRecord &record : logs.since(0))
        if (record.source == QLatin1String("gatehouse") && record.message.contains(text)) ++count;
    return count;
}

} // namespace

class TestScheduler : public QObject {
    Q_OBJECT

    std::unique_ptr<InvokerFixture> m_fixture;
    std::unique_ptr<Scheduler> m_scheduler;
    qint64 m_now = 0;

    Scheduler &start(const QList<Schedule> &schedules, const char *now) {
        m_now = at(now);
        m_fixture->project.schedules = schedules;
        m_fixture->start();
        m_scheduler = std::make_unique<Scheduler>(&m_fixture->invoker(), [this] { return m_now; });
        m_scheduler->setProject(m_fixture->project);
        return *m_scheduler;
    }

private slots:
    void init() {
        m_fixture = std::make_unique<InvokerFixture>();
        m_fixture->addFunction(QStringLiteral("echo"),
                               {{QStringLiteral("index.js"), "exports.handler = (event) => event;\n"}});
        // Slow enough that the test's next tick certainly finds it running.
        m_fixture->addFunction(QStringLiteral("slow"), {{QStringLiteral("index.js"),
                                                         "exports.handler = () => new Promise((resolve) => "
                                                         "setTimeout(() => resolve('done'), 300));\n"}});
    }
    void cleanup() {
        m_scheduler.reset();
        m_fixture.reset();
    }

    void firesAtTheTickWithTheScheduledEventPayload() {
        Scheduler &scheduler =
            start({schedule(QStringLiteral("every-minute"), QStringLiteral("cron(* * * * ? *)"))},
                  "2024-03-01T10:00:30Z");
        QCOMPARE(scheduler.nextFireTime(QStringLiteral("every-minute")), utc("2024-03-01T10:01:00Z"));
        QCOMPARE(scheduler.msUntilNextCheck(), 30000);
        QSignalSpy fired(&scheduler, &Scheduler::fired);
        QSignalSpy finished(&scheduler, &Scheduler::runFinished);

        m_now = at("2024-03-01T10:00:59.999Z");
        scheduler.checkDue();
        QCOMPARE(fired.size(), 0);
        m_now = at("2024-03-01T10:01:00.004Z");
        scheduler.checkDue();
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][2].toDateTime(), utc("2024-03-01T10:01:00Z"));
        QVERIFY(scheduler.isBusy(QStringLiteral("every-minute")));
        QCOMPARE(scheduler.nextFireTime(QStringLiteral("every-minute")), utc("2024-03-01T10:02:00Z"));

        QVERIFY(finished.wait(10000));
        QVERIFY(!scheduler.isBusy(QStringLiteral("every-minute")));
        const auto result = finished[0][1].value<InvocationResult>();
        QVERIFY(result.asynchronous);
        QCOMPARE(result.requestId, fired[0][1].toString());
        const QJsonObject event = QJsonDocument::fromJson(result.payload).object();
        QCOMPARE(event.keys().size(), 9);
        QCOMPARE(event["version"].toString(), QStringLiteral("0"));
        QVERIFY(QRegularExpression(
                    QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
                    .match(event["id"].toString())
                    .hasMatch());
        QCOMPARE(event["detail-type"].toString(), QStringLiteral("Scheduled Event"));
        QCOMPARE(event["source"].toString(), QStringLiteral("aws.events"));
        QCOMPARE(event["account"].toString(), QStringLiteral("123456789012"));
        QCOMPARE(event["time"].toString(), QStringLiteral("2024-03-01T10:01:00Z"));
        QCOMPARE(event["region"].toString(), QStringLiteral("us-east-1"));
        QCOMPARE(event["resources"].toArray(),
                 QJsonArray{QStringLiteral("arn:aws:events:us-east-1:123456789012:rule/every-minute")});
        QCOMPARE(event["detail"].toObject(), QJsonObject());
    }

    // On the invoker's own thread invoke() emits the signals queued meanwhile, so a run can be over
    // before invoke() returns (a CI run under load lost one this way): its end still counts.
    void aRunThatEndsInsideInvokeStillFinishes() {
        Scheduler &scheduler =
            start({schedule(QStringLiteral("every-minute"), QStringLiteral("cron(* * * * ? *)"))},
                  "2024-03-01T10:00:30Z");
        Invoker &invoker = m_fixture->invoker();
        QVERIFY(invoker.invokeAndWait(QStringLiteral("echo"), "{}").succeeded()); // warm
        // A listener slow enough that the warm environment finishes while invoke() is still draining.
        connect(&invoker, &Invoker::invocationStarted, this, [] { QThread::msleep(100); });
        QSignalSpy fired(&scheduler, &Scheduler::fired);
        QSignalSpy finished(&scheduler, &Scheduler::runFinished);
        m_now = at("2024-03-01T10:01:00.004Z");
        scheduler.checkDue();
        QCOMPARE(fired.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(finished[0][1].value<InvocationResult>().requestId, fired[0][1].toString());
        QVERIFY(!scheduler.isBusy(QStringLiteral("every-minute")));
    }

    void constantInputReplacesTheEvent() {
        Schedule s = schedule(QStringLiteral("report"), QStringLiteral("rate(1 hour)"));
        s.input = OrderedJson{{"job", "report"}, {"pages", 3}};
        Scheduler &scheduler = start({s}, "2024-03-01T10:00:00Z");
        QSignalSpy finished(&scheduler, &Scheduler::runFinished);
        m_now = at("2024-03-01T11:00:00Z"); // a rate counts from when the schedule started
        scheduler.checkDue();
        QVERIFY(finished.wait(10000));
        QCOMPARE(compactJson(finished[0][1].value<InvocationResult>().payload),
                 QByteArray(R"({"job":"report","pages":3})"));
    }

    void aBusyScheduleSkipsItsTicksInsteadOfPilingUp() {
        Scheduler &scheduler = start(
            {schedule(QStringLiteral("busy"), QStringLiteral("rate(1 minute)"), QStringLiteral("slow"))},
            "2024-03-01T10:00:00Z");
        QSignalSpy fired(&scheduler, &Scheduler::fired);
        QSignalSpy skipped(&scheduler, &Scheduler::skipped);
        QSignalSpy finished(&scheduler, &Scheduler::runFinished);
        m_now = at("2024-03-01T10:01:00Z");
        scheduler.checkDue();
        QCOMPARE(fired.size(), 1);

        m_now = at("2024-03-01T10:03:10Z"); // ticks at 10:02 and 10:03 come while it still runs
        scheduler.checkDue();
        QCOMPARE(fired.size(), 1);
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(skipped[0][1].toInt(), 2);
        QCOMPARE(logLinesContaining(m_fixture->logs, QStringLiteral("skipped")), 1);
        QCOMPARE(scheduler.nextFireTime(QStringLiteral("busy")), utc("2024-03-01T10:04:00Z"));
        QString error;
        QVERIFY(scheduler.fireNow(QStringLiteral("busy"), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("has not finished")), qPrintable(error));

        QVERIFY(finished.wait(10000));
        m_now = at("2024-03-01T10:04:00Z");
        scheduler.checkDue();
        QCOMPARE(fired.size(), 2);
        QCOMPARE(skipped.size(), 1);
    }

    void ticksMissedWhileAsleepRunOnceAtTheLatest() {
        Scheduler &scheduler = start({schedule(QStringLiteral("m"), QStringLiteral("cron(0/5 * * * ? *)"))},
                                     "2024-03-01T10:01:00Z");
        QSignalSpy fired(&scheduler, &Scheduler::fired);
        QSignalSpy skipped(&scheduler, &Scheduler::skipped);
        m_now = at("2024-03-01T10:52:00Z"); // 10:05 ... 10:50 have passed: ten ticks
        scheduler.checkDue();
        QCOMPARE(fired.size(), 1);
        QCOMPARE(fired[0][2].toDateTime(), utc("2024-03-01T10:50:00Z"));
        QCOMPARE(skipped.size(), 1);
        QCOMPARE(skipped[0][1].toInt(), 9);
        QCOMPARE(scheduler.nextFireTime(QStringLiteral("m")), utc("2024-03-01T10:55:00Z"));
    }

    void aDisabledScheduleStaysQuietAndDoesNotCatchUp() {
        Scheduler &scheduler = start({schedule(QStringLiteral("m"), QStringLiteral("cron(* * * * ? *)"))},
                                     "2024-03-01T10:00:30Z");
        QSignalSpy fired(&scheduler, &Scheduler::fired);
        QVERIFY(scheduler.setEnabled(QStringLiteral("m"), false));
        QVERIFY(!scheduler.isEnabled(QStringLiteral("m")));
        QCOMPARE(scheduler.msUntilNextCheck(), -1);
        m_now = at("2024-03-01T10:05:30Z");
        scheduler.checkDue();
        QCOMPARE(fired.size(), 0);

        QVERIFY(scheduler.setEnabled(QStringLiteral("m"), true));
        QCOMPARE(fired.size(), 0);
        QCOMPARE(scheduler.nextFireTime(QStringLiteral("m")), utc("2024-03-01T10:06:00Z"));
        QVERIFY(!scheduler.setEnabled(QStringLiteral("nope"), true));

        Schedule off = schedule(QStringLiteral("off"), QStringLiteral("rate(1 minute)"));
        off.enabled = false;
        m_fixture->project.schedules.append(off);
        scheduler.setProject(m_fixture->project);
        QVERIFY(!scheduler.nextFireTime(QStringLiteral("off")).isValid());
    }

    void fireNowRunsAtOnceEvenWhenDisabled() {
        Schedule s = schedule(QStringLiteral("nightly"), QStringLiteral("cron(0 2 * * ? *)"));
        s.enabled = false;
        Scheduler &scheduler = start({s}, "2024-03-01T10:00:00Z");
        QSignalSpy finished(&scheduler, &Scheduler::runFinished);
        const QString requestId = scheduler.fireNow(QStringLiteral("nightly"));
        QVERIFY(!requestId.isEmpty());
        QVERIFY(finished.wait(10000));
        const QJsonObject event =
            QJsonDocument::fromJson(finished[0][1].value<InvocationResult>().payload).object();
        QCOMPARE(event["time"].toString(), QStringLiteral("2024-03-01T10:00:00Z"));
        QString error;
        QVERIFY(scheduler.fireNow(QStringLiteral("missing"), &error).isEmpty());
        QVERIFY(error.contains(QLatin1String("no schedule named 'missing'")));
    }

    void previewsFollowTheExpressionAndTheTimeZone() {
        Schedule seoul = schedule(QStringLiteral("seoul"), QStringLiteral("cron(0 9 ? * MON-FRI *)"));
        seoul.timezone = QStringLiteral("Asia/Seoul");
        Scheduler &scheduler =
            start({schedule(QStringLiteral("rate"), QStringLiteral("rate(5 minutes)")), seoul},
                  "2024-03-08T00:00:00Z"); // Friday 09:00 in Seoul
        QCOMPARE(scheduler.nextFireTimes(QStringLiteral("rate"), 3),
                 (QList<QDateTime>{utc("2024-03-08T00:05:00Z"), utc("2024-03-08T00:10:00Z"),
                                   utc("2024-03-08T00:15:00Z")}));
        QCOMPARE(scheduler.nextFireTimes(QStringLiteral("seoul"), 2),
                 (QList<QDateTime>{utc("2024-03-11T00:00:00Z"), utc("2024-03-12T00:00:00Z")}));
        QCOMPARE(scheduler.nextFireTimes(QStringLiteral("seoul"), 10).size(), 10);
        QVERIFY(scheduler.nextFireTimes(QStringLiteral("missing"), 3).isEmpty());
        QCOMPARE(scheduler.msUntilNextCheck(), 60000); // long waits are cut into minutes
    }

    void hotReloadKeepsUnchangedSchedulesAndRetimesChangedOnes() {
        Scheduler &scheduler = start({schedule(QStringLiteral("a"), QStringLiteral("rate(10 minutes)")),
                                      schedule(QStringLiteral("b"), QStringLiteral("cron(0 * * * ? *)"))},
                                     "2024-03-01T10:00:00Z");
        QVERIFY(scheduler.setEnabled(QStringLiteral("b"), false));
        m_now = at("2024-03-01T10:04:00Z");
        QSignalSpy problems(&scheduler, &Scheduler::problem);
        Project changed = m_fixture->project;
        changed.schedules[1].function = QStringLiteral("slow"); // same timing: the runtime switch stays
        changed.schedules.append(schedule(QStringLiteral("bad"), QStringLiteral("cron(0 10 * * 1 *)")));
        scheduler.setProject(changed);
        QCOMPARE(scheduler.nextFireTime(QStringLiteral("a")), utc("2024-03-01T10:10:00Z"));
        QVERIFY(!scheduler.isEnabled(QStringLiteral("b")));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems[0][0].toString(), QStringLiteral("bad"));
        QVERIFY2(problems[0][1].toString().contains(QLatin1String("cannot both be set")),
                 qPrintable(problems[0][1].toString()));

        changed.schedules[0].expression = QStringLiteral("rate(3 minutes)"); // counted from the reload
        changed.schedules.removeAt(2);
        scheduler.setProject(changed);
        QCOMPARE(scheduler.nextFireTime(QStringLiteral("a")), utc("2024-03-01T10:07:00Z"));
        QCOMPARE(scheduler.scheduleNames(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void anUnknownFunctionIsAProblemNotARun() {
        Scheduler &scheduler =
            start({schedule(QStringLiteral("x"), QStringLiteral("rate(1 minute)"), QStringLiteral("ghost"))},
                  "2024-03-01T10:00:00Z");
        QSignalSpy problems(&scheduler, &Scheduler::problem);
        m_now = at("2024-03-01T10:01:00Z");
        scheduler.checkDue();
        QVERIFY(problems.wait(10000));
        QVERIFY(problems[0][1].toString().contains(QLatin1String("ghost")));
        QVERIFY(!scheduler.isBusy(QStringLiteral("x")));
    }

    void theTimerChecksWhenTheNextTickIsDue() {
        Scheduler &scheduler = start({schedule(QStringLiteral("m"), QStringLiteral("cron(* * * * ? *)"))},
                                     "2024-03-01T10:00:59.950Z");
        QCOMPARE(scheduler.msUntilNextCheck(), 50);
        QSignalSpy fired(&scheduler, &Scheduler::fired);
        m_now = at("2024-03-01T10:01:00Z"); // the clock has reached the tick by the time the timer fires
        QVERIFY(fired.wait(5000));
        QCOMPARE(fired[0][2].toDateTime(), utc("2024-03-01T10:01:00Z"));
        scheduler.stop();
        QCOMPARE(scheduler.msUntilNextCheck(), -1);
        QVERIFY(scheduler.scheduleNames().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
