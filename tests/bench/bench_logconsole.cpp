// bench_logconsole: how the log console copes with a million lines — the time to copy them from the
// LogStore into the table, to filter them by text, by regular expression and by request id, to paint
// the table scrolled to the bottom — and the memory the copy takes. Prints figures; never fails on
// them.
//
// Usage: bench_logconsole [--lines N] [--screenshot FILE.png]
//   --screenshot  also saves the console showing a few hundred realistic lines, to look at
#include "BenchSupport.h"
#include "logs/LogConsole.h"
#include "logs/LogTableModel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <cstdio>

using namespace gatehouse;

namespace {

QString lambdaId(int n) {
    return QStringLiteral("%1-4f0e-4d4b-9a51-3c5d%2")
        .arg(n, 8, 16, QLatin1Char('0'))
        .arg(n, 8, 16, QLatin1Char('0'));
}

LogRecord line(const QString &source, const QString &id, LogRecord::Level level, bool platform, qint64 t,
               QString message) {
    LogRecord record;
    record.timeMs = t;
    record.source = source;
    record.requestId = id;
    record.level = level;
    record.platform = platform;
    record.message = std::move(message);
    return record;
}

// One API request as the engine records it: START, the function's lines, END, REPORT, access log.
QList<LogRecord> request(int n, qint64 t, int outputLines, bool fails) {
    static const QStringList functions{QStringLiteral("listOrders"), QStringLiteral("createOrder"),
                                       QStringLiteral("getOrder"), QStringLiteral("hello")};
    const QString function = functions[n % functions.size()];
    const QString id = lambdaId(n);
    const QString stamp = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODateWithMs);
    QList<LogRecord> lines;
    lines.append(line(function, id, LogRecord::Level::Info, true, t,
                      QStringLiteral("START RequestId: %1 Version: $LATEST").arg(id)));
    for (int k = 0; k < outputLines; ++k)
        lines.append(line(function, id, LogRecord::Level::Info, false, t + k,
                          QStringLiteral("%1\t%2\tINFO\tloaded %3 orders for customer c-%4")
                              .arg(stamp, id)
                              .arg(n % 40 + k)
                              .arg(n % 1000)));
    if (fails)
        lines.append(
            line(function, id, LogRecord::Level::Error, false, t + 3,
                 QStringLiteral("%1\t%2\tERROR\tInvoke Error \t{\"errorType\":\"TypeError\",\"errorMessage\":"
                                "\"Cannot read properties of undefined (reading 'id')\"}\n    at "
                                "Runtime.handler (/var/task/index.js:12:31)")
                     .arg(stamp, id)));
    lines.append(
        line(function, id, LogRecord::Level::Info, true, t + 4, QStringLiteral("END RequestId: %1").arg(id)));
    lines.append(
        line(function, id, LogRecord::Level::Info, true, t + 4,
             QStringLiteral("REPORT RequestId: %1\tDuration: %2 ms\tBilled Duration: %3 ms\tMemory Size: 128 "
                            "MB\tMax Memory Used: %4 MB%5")
                 .arg(id)
                 .arg(1.5 + n % 30 / 10.0, 0, 'f', 2)
                 .arg(2 + n % 30 / 10)
                 .arg(38 + n % 7)
                 .arg(n % 50 == 0 ? QStringLiteral("\tInit Duration: 142.31 ms") : QString())));
    const QString gatewayId = QStringLiteral("X%1=").arg(n, 12, 36, QLatin1Char('0'));
    LogRecord access = line(QStringLiteral("api:shop"), gatewayId, LogRecord::Level::Info, true, t + 5,
                            QStringLiteral("127.0.0.1 - - [%1] \"%2 /orders HTTP/1.1\" %3 %4 %5")
                                .arg(QDateTime::fromMSecsSinceEpoch(t, Qt::UTC)
                                         .toString(QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000")))
                                .arg(n % 4 == 1 ? QStringLiteral("POST") : QStringLiteral("GET"))
                                .arg(fails ? 502 : 200)
                                .arg(fails ? 36 : 148 + n % 20)
                                .arg(gatewayId));
    access.relatedRequestId = id;
    lines.append(access);
    return lines;
}

// Fills `store` with about `count` lines of requests.
int fill(LogStore &store, qsizetype count, int outputLines) {
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - count;
    int n = 0;
    while (store.lastSequence() < quint64(count)) {
        store.append(request(n, t0 + qint64(n) * 7, outputLines, n % 97 == 13));
        ++n;
    }
    return n;
}

void screenshot(const QString &path) {
    LogStore store;
    const int requests = fill(store, 300, 2);
    store.append(request(requests, QDateTime::currentMSecsSinceEpoch(), 1, true)); // an error in view
    LogConsole console;
    console.resize(1200, 460);
    console.setLogStore(&store);
    console.show();
    QApplication::processEvents();
    console.view()->scrollToBottom();
    console.grab().save(path);
    std::printf("screenshot: %s\n", qPrintable(path));
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    qsizetype lines = 1000000;
    QString shot;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--lines")) lines = args[i + 1].toLongLong();
        if (args[i] == QStringLiteral("--screenshot")) shot = args[i + 1];
    }
    if (!shot.isEmpty()) screenshot(shot);

    const double baseMb = bench::residentMegabytes();
    LogStore store(lines);
    QElapsedTimer clock;
    clock.start();
    const int requests = fill(store, lines, 3);
    const qint64 generateMs = clock.restart();
    const double storeMb = bench::residentMegabytes();

    LogConsole console;
    console.resize(1200, 700);
    console.show();
    LogTableModel *model = console.model();
    clock.restart();
    console.setLogStore(&store);
    int polls = 1;
    qint64 slowestPollMs = clock.elapsed();
    for (;;) {
        QElapsedTimer one;
        one.start();
        if (model->poll() == 0) break;
        ++polls;
        slowestPollMs = std::max(slowestPollMs, one.elapsed());
    }
    const qint64 ingestMs = clock.restart();
    const double consoleMb = bench::residentMegabytes();
    console.grab();
    const qint64 paintMs = clock.restart();

    const auto timeFilter = [&](const LogFilter &filter) {
        clock.restart();
        model->setFilter(filter);
        const qint64 ms = clock.elapsed();
        return std::pair<qint64, int>(ms, model->rowCount());
    };
    const auto text = timeFilter({.text = QStringLiteral("customer c-417")});
    const auto regex =
        timeFilter({.text = QStringLiteral("Duration: 3\\.\\d+ ms.*Init Duration"), .regex = true});
    const auto byRequest = timeFilter({.requestId = lambdaId(requests / 2)});
    const auto level = timeFilter({.minimumLevel = LogRecord::Level::Error});
    const auto none = timeFilter({});
    // The drill-down keeps new lines flowing: one more batch of 1,000 requests while filtered.
    model->setFilter({.text = QStringLiteral("customer c-417")});
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch();
    for (int n = 0; n < 1000; ++n)
        store.append(request(requests + n, t0 + n, 3, false));
    clock.restart();
    model->poll();
    const qint64 filteredPollMs = clock.elapsed();

    std::printf("lines: %lld in %d requests (generated in %lld ms)\n", qlonglong(model->totalLines()),
                requests, qlonglong(generateMs));
    std::printf("ingest: %lld ms in %d polls (slowest poll %lld ms)\n", qlonglong(ingestMs), polls,
                qlonglong(slowestPollMs));
    std::printf("paint at the bottom: %lld ms\n", qlonglong(paintMs));
    std::printf("text filter:       %5lld ms -> %d rows\n", qlonglong(text.first), text.second);
    std::printf("regex filter:      %5lld ms -> %d rows\n", qlonglong(regex.first), regex.second);
    std::printf("request id filter: %5lld ms -> %d rows\n", qlonglong(byRequest.first), byRequest.second);
    std::printf("level filter:      %5lld ms -> %d rows\n", qlonglong(level.first), level.second);
    std::printf("no filter:         %5lld ms -> %d rows\n", qlonglong(none.first), none.second);
    std::printf("poll of 6,000 new lines under a text filter: %lld ms\n", qlonglong(filteredPollMs));
    std::printf("memory: %.0f MB resident at start, store %+.0f MB, console's copy %+.0f MB\n", baseMb,
                storeMb - baseMb, consoleMb - storeMb);
    return 0;
}
