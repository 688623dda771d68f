// The log console: a virtualised, filtered table over the engine's LogStore that copes with a million
// lines, drills down from a request id to that invocation's START..REPORT lines and its access-log
// line, follows the tail, and exports what it shows as text or JSON Lines.
#include "DialogSeams.h"
#include "TestSupport.h"
#include "cloud/CloudRunner.h"
#include "io/ProjectFile.h"
#include "logs/LogConsole.h"
#include "logs/LogTableModel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace gatehouse;

namespace {

constexpr qint64 kT0 = 1714564800000; // 2024-05-01T12:00:00Z

QString lambdaId(int n) {
    return QStringLiteral("0000%1-aaaa-bbbb-cccc-000000000000").arg(n, 4, 10, QLatin1Char('0'));
}
QString gatewayId(int n) {
    return QStringLiteral("gw%1=").arg(n, 10, 10, QLatin1Char('0'));
}

LogRecord line(const QString &source, const QString &requestId, LogRecord::Level level, bool platform,
               const QString &message, qint64 timeMs = kT0) {
    LogRecord record;
    record.timeMs = timeMs;
    record.source = source;
    record.requestId = requestId;
    record.level = level;
    record.platform = platform;
    record.message = message;
    return record;
}

// One request as the engine records it: the invocation's START, an INFO line (or an ERROR), END and
// REPORT under Lambda's request id, then the API's access-log line under the gateway's id, linked
// to the invocation by relatedRequestId.
QList<LogRecord> request(int n, const QString &function = QStringLiteral("hello"), bool fails = false) {
    const QString id = lambdaId(n);
    const qint64 t = kT0 + n;
    QList<LogRecord> lines{
        line(function, id, LogRecord::Level::Info, true,
             QStringLiteral("START RequestId: %1 Version: $LATEST").arg(id), t),
        fails
            ? line(function, id, LogRecord::Level::Error, false,
                   QStringLiteral("2024-05-01T12:00:00.000Z\t%1\tERROR\tInvoke Error\tboom").arg(id), t)
            : line(function, id, LogRecord::Level::Info, false,
                   QStringLiteral("2024-05-01T12:00:00.000Z\t%1\tINFO\tserved request %2").arg(id).arg(n), t),
        line(function, id, LogRecord::Level::Info, true, QStringLiteral("END RequestId: %1").arg(id), t),
        line(
            function, id, LogRecord::Level::Info, true,
            QStringLiteral("REPORT RequestId: %1\tDuration: 1.20 ms\tBilled Duration: 2 ms\tMemory Size: 128 "
                           "MB\tMax Memory Used: 41 MB")
                .arg(id),
            t),
    };
    LogRecord access =
        line(QStringLiteral("api:shop"), gatewayId(n), LogRecord::Level::Info, true,
             QStringLiteral("127.0.0.1 - - [01/May/2024:12:00:00 +0000] \"GET /hello HTTP/1.1\" "
                            "200 12 %1")
                 .arg(gatewayId(n)),
             t);
    access.relatedRequestId = id;
    lines.append(access);
    return lines;
}

void fill(LogStore &store, int requests) {
    for (int n = 0; n < requests; ++n)
        store.append(request(n, n % 2 ? QStringLiteral("orders") : QStringLiteral("hello"), n % 10 == 9));
}

QStringList messages(const LogTableModel &model) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.record(row).message);
    return out;
}

} // namespace

class TestLogConsole : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { DialogSeams::setScripted(true); }
    void init() { DialogSeams::clear(); }

    void copiesTheStoreInBatchesAndStaysBounded() {
        LogStore store(12);
        LogTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        fill(store, 2); // 10 lines
        model.setLogStore(&store);
        QCOMPARE(model.capacity(), 12);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(inserted.count(), 1); // one insert for the batch, not one per line
        fill(store, 2);
        QCOMPARE(model.poll(), 10);
        // 20 lines seen, 12 kept: the oldest went first.
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(model.record(0).message, store.since(0).first().message);
        QCOMPARE(model.poll(), 0);

        // Detached (the run stopped), the lines stay.
        model.setLogStore(nullptr);
        QCOMPARE(model.rowCount(), 12);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void copesWithAMillionLines() {
        constexpr int kRequests = 200000; // five lines each
        LogStore store(1000000);
        for (int n = 0; n < kRequests; n += 1000) {
            QList<LogRecord> batch;
            batch.reserve(5000);
            for (int k = n; k < n + 1000; ++k)
                batch.append(
                    request(k, k % 2 ? QStringLiteral("orders") : QStringLiteral("hello"), k % 1000 == 7));
            store.append(std::move(batch));
        }
        LogTableModel model;
        QElapsedTimer clock;
        clock.start();
        model.setLogStore(&store);
        while (model.poll() > 0) {
        }
        const qint64 ingestMs = clock.restart();
        QCOMPARE(model.totalLines(), 1000000);
        QCOMPARE(model.rowCount(), 1000000);

        // The invocation's four lines and its access-log line, from either id.
        QVERIFY(model.setFilter({.requestId = lambdaId(123456)}).isEmpty());
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.record(0).message,
                 QStringLiteral("START RequestId: %1 Version: $LATEST").arg(lambdaId(123456)));
        QCOMPARE(model.record(4).requestId, gatewayId(123456));
        model.setFilter({.requestId = gatewayId(123456)});
        QCOMPARE(model.rowCount(), 5);
        const qint64 requestMs = clock.restart();

        model.setFilter({.minimumLevel = LogRecord::Level::Error});
        QCOMPARE(model.rowCount(), 200);
        model.setFilter({.text = QStringLiteral("served request 199999")});
        QCOMPARE(model.rowCount(), 1);
        const qint64 textMs = clock.restart();
        model.setFilter({.text = QStringLiteral("request 1999(98|99)$"), .regex = true});
        QCOMPARE(model.rowCount(), 2);
        const qint64 regexMs = clock.restart();
        qInfo("1,000,000 lines: ingest %lld ms, request id filter %lld ms, level + text filter %lld ms, "
              "regex filter %lld ms",
              ingestMs, requestMs, textMs, regexMs);
    }

    void filtersBySourceLevelTextAndRegex() {
        LogStore store;
        fill(store, 10); // hello: even requests, orders: odd; request 9 fails
        LogConsole console;
        console.setLogStore(&store);
        LogTableModel *model = console.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 50);

        auto *source = console.findChild<QComboBox *>(QStringLiteral("logSource"));
        QCOMPARE(source->count(), 4); // all, api:shop, hello, orders
        source->setCurrentIndex(source->findData(QStringLiteral("orders")));
        QCOMPARE(model->rowCount(), 20);
        source->setCurrentIndex(source->findData(QStringLiteral("api:shop")));
        QCOMPARE(model->rowCount(), 10);
        source->setCurrentIndex(0);

        auto *level = console.findChild<QComboBox *>(QStringLiteral("logLevel"));
        level->setCurrentIndex(level->findData(int(LogRecord::Level::Error)));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->record(0).requestId, lambdaId(9));
        level->setCurrentIndex(0);

        auto *text = console.findChild<QLineEdit *>(QStringLiteral("logText"));
        QTest::keyClicks(text, QStringLiteral("SERVED REQUEST 3"));
        QTRY_COMPARE(model->rowCount(), 1); // case-insensitive, applied after a pause in typing
        QCOMPARE(LogTableModel::displayMessage(model->record(0)), QStringLiteral("served request 3"));

        text->setText(QStringLiteral("served request [2-4]$"));
        console.findChild<QToolButton *>(QStringLiteral("logRegex"))->click();
        QCOMPARE(model->rowCount(), 3);

        // An invalid pattern is reported beside the field, and the text condition is left out.
        auto *error = console.findChild<QLabel *>(QStringLiteral("logError"));
        QVERIFY(error->isHidden());
        text->setText(QStringLiteral("served (request"));
        QTRY_VERIFY(!error->isHidden());
        QVERIFY2(error->text().startsWith(QStringLiteral("Invalid regular expression at position")),
                 qPrintable(error->text()));
        QCOMPARE(model->rowCount(), 50);
        text->setText(QStringLiteral("served (request)"));
        QTRY_VERIFY(error->isHidden());
        QCOMPARE(model->rowCount(), 9);
    }

    void clickingARequestIdShowsThatInvocationAndItsAccessLogLine() {
        LogStore store;
        fill(store, 10);
        LogConsole console;
        console.resize(1000, 400);
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console));
        console.setLogStore(&store);
        QTableView *view = console.view();

        const auto click = [&](int row) {
            const QModelIndex cell = console.model()->index(row, LogTableModel::RequestIdColumn);
            view->scrollTo(cell);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(cell).center());
        };
        click(6); // request 1's INFO line (Lambda's id)
        auto *requestId = console.findChild<QLineEdit *>(QStringLiteral("logRequestId"));
        QCOMPARE(requestId->text(), lambdaId(1));
        const QStringList expected{
            QStringLiteral("START RequestId: %1 Version: $LATEST").arg(lambdaId(1)),
            QStringLiteral("2024-05-01T12:00:00.000Z\t%1\tINFO\tserved request 1").arg(lambdaId(1)),
            QStringLiteral("END RequestId: %1").arg(lambdaId(1)),
            store.forRequest(lambdaId(1)).last().message,
            store.forRequest(gatewayId(1)).first().message,
        };
        QCOMPARE(messages(*console.model()), expected);

        // From the access-log line's own id (API Gateway's), the same five lines.
        requestId->clear();
        QCOMPARE(console.model()->rowCount(), 50);
        click(4 + 5 * 1);
        QCOMPARE(requestId->text(), gatewayId(1));
        QCOMPARE(messages(*console.model()), expected);

        // A click elsewhere on a row does not filter.
        requestId->clear();
        const QModelIndex message = console.model()->index(0, LogTableModel::MessageColumn);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(message).center());
        QCOMPARE(requestId->text(), QString());
    }

    void drillDownWaitsForTheAccessLogLine() {
        // Filtering by a Lambda id before the request has answered: the access-log line arrives later
        // and joins the view.
        LogStore store;
        LogTableModel model;
        model.setLogStore(&store);
        model.setFilter({.requestId = lambdaId(4)});
        QList<LogRecord> lines = request(4);
        const LogRecord access = lines.takeLast();
        store.append(lines);
        model.poll();
        QCOMPARE(model.rowCount(), 4);
        store.append(access);
        model.poll();
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.linkedRequestId(lambdaId(4)), gatewayId(4));
    }

    void followTailKeepsTheNewestLineInView() {
        LogStore store;
        LogConsole console;
        console.resize(900, 300);
        console.show();
        QVERIFY(QTest::qWaitForWindowExposed(&console));
        console.setLogStore(&store);
        QScrollBar *bar = console.view()->verticalScrollBar();
        fill(store, 40);
        console.model()->poll();
        QVERIFY(bar->maximum() > 0);
        QCOMPARE(bar->value(), bar->maximum());

        // Scrolled up to read, the view stays put.
        bar->setValue(0);
        fill(store, 5);
        console.model()->poll();
        QCOMPARE(bar->value(), 0);

        // Back at the bottom, it follows again.
        bar->setValue(bar->maximum());
        fill(store, 5);
        console.model()->poll();
        QCOMPARE(bar->value(), bar->maximum());

        // With Follow off it never moves.
        console.findChild<QToolButton *>(QStringLiteral("logFollow"))->click();
        const int before = bar->value();
        fill(store, 5);
        console.model()->poll();
        QCOMPARE(bar->value(), before);
        QTRY_VERIFY(bar->maximum() > before); // the view lays the new rows out on its next event
    }

    void exportsTheFilteredViewAsTextAndJsonLines() {
        LogStore store;
        fill(store, 4);
        LogConsole console;
        console.setLogStore(&store);
        console.findChild<QLineEdit *>(QStringLiteral("logRequestId"))->setText(lambdaId(2));
        QCOMPARE(console.model()->rowCount(), 5);

        QTemporaryDir dir;
        const QString textPath = dir.filePath(QStringLiteral("request.txt"));
        DialogSeams::queueFileName(textPath);
        console.findChild<QAction *>(QStringLiteral("logExportText"))->trigger();
        QFile text(textPath);
        QVERIFY(text.open(QIODevice::ReadOnly));
        const QString expected = messages(*console.model()).join(QLatin1Char('\n')) + QLatin1Char('\n');
        QCOMPARE(QString::fromUtf8(text.readAll()), expected);

        const QString jsonPath = dir.filePath(QStringLiteral("request.jsonl"));
        DialogSeams::queueFileName(jsonPath);
        console.findChild<QAction *>(QStringLiteral("logExportJsonLines"))->trigger();
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = json.readAll().split('\n');
        QCOMPARE(lines.size(), 6); // five objects and the final newline
        QVERIFY(lines.last().isEmpty());
        QJsonParseError error;
        const QJsonObject start = QJsonDocument::fromJson(lines[0], &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(start.value(QStringLiteral("source")).toString(), QStringLiteral("hello"));
        QCOMPARE(start.value(QStringLiteral("requestId")).toString(), lambdaId(2));
        QCOMPARE(start.value(QStringLiteral("level")).toString(), QStringLiteral("INFO"));
        QCOMPARE(start.value(QStringLiteral("platform")).toBool(), true);
        QCOMPARE(start.value(QStringLiteral("time")).toString(), QStringLiteral("2024-05-01T12:00:00.002Z"));
        QCOMPARE(start.value(QStringLiteral("timeMs")).toInteger(), kT0 + 2);
        const QJsonObject access = QJsonDocument::fromJson(lines[4], &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(access.value(QStringLiteral("requestId")).toString(), gatewayId(2));
        QCOMPARE(access.value(QStringLiteral("relatedRequestId")).toString(), lambdaId(2));

        // Cancelling the dialog writes nothing.
        DialogSeams::queueFileName(QString());
        console.findChild<QAction *>(QStringLiteral("logExportText"))->trigger();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
    }

    void theRunningSampleLinksItsAccessLogLineToTheInvocation() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("sample"));
        QVERIFY(test::copyTree(test::samplePath(), folder));
        const ProjectFile::LoadResult loaded = ProjectFile::load(folder);
        QVERIFY(loaded.readable);
        CloudRunner runner;
        LogConsole console;
        // As the main window wires it: detached when the run leaves Running, before the store goes.
        connect(&runner, &CloudRunner::stateChanged, &console, [&](CloudRunner::State state) {
            console.setLogStore(state == CloudRunner::State::Running ? runner.logs() : nullptr);
        });
        runner.start(loaded.project, loaded.folder);
        QTRY_COMPARE_WITH_TIMEOUT(runner.state(), CloudRunner::State::Running, 15000);
        QVERIFY(console.model()->logStore());

        QString url;
        for (const QJsonValue &api : runner.endpoints().value(QStringLiteral("apis")).toArray())
            if (api[QStringLiteral("name")].toString() == QStringLiteral("hello-http"))
                url = api[QStringLiteral("stages")][0][QStringLiteral("url")].toString();
        QVERIFY(!url.isEmpty());
        QNetworkAccessManager manager;
        std::unique_ptr<QNetworkReply> reply(
            manager.get(QNetworkRequest(QUrl(url + QStringLiteral("hello")))));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

        // The access-log line is written as the response goes out; the timer brings it in.
        LogTableModel *model = console.model();
        const auto accessRow = [model]() -> int {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->record(row).source == QStringLiteral("api:hello-http")) return row;
            return -1;
        };
        QTRY_VERIFY(accessRow() >= 0);
        const LogRecord access = model->record(accessRow());
        QVERIFY(!access.relatedRequestId.isEmpty());
        QVERIFY(access.relatedRequestId != access.requestId);
        console.findChild<QLineEdit *>(QStringLiteral("logRequestId"))->setText(access.requestId);
        // The invocation's START..REPORT under Lambda's id, and the access-log line under the gateway's.
        const QStringList shown = messages(*model);
        QVERIFY2(shown.first().startsWith(QStringLiteral("START RequestId: ") + access.relatedRequestId),
                 qPrintable(shown.join(QLatin1Char('\n'))));
        QVERIFY(shown.contains(QStringLiteral("END RequestId: ") + access.relatedRequestId));
        QVERIFY(shown.filter(QStringLiteral("REPORT RequestId: ") + access.relatedRequestId).size() == 1);
        QVERIFY(shown.contains(access.message));

        QSignalSpy stopped(&runner, &CloudRunner::stopped);
        runner.stop();
        QCOMPARE(console.model()->logStore(), nullptr);
        QVERIFY(stopped.wait(10000));
        QVERIFY(model->rowCount() >= 5); // the lines stay after the run
    }
};

QTEST_MAIN(TestLogConsole)
#include "tst_logconsole.moc"
