// The bounded log store the invoker writes to: batches, per-request lookup, eviction of the oldest lines.
#include "telemetry/LogStore.h"

#include <QtTest>

using namespace gatehouse;

namespace {
LogRecord line(const QString &requestId, const QString &message) {
    LogRecord r;
    r.source = QStringLiteral("f");
    r.requestId = requestId;
    r.message = message;
    return r;
}
} // namespace

class TestLogStore : public QObject {
    Q_OBJECT
private slots:
    void batchKeepsOrderAndSequences() {
        LogStore store(10);
        store.append(line(QStringLiteral("a"), QStringLiteral("first")));
        const quint64 last = store.append(QList<LogRecord>{line(QStringLiteral("b"), QStringLiteral("START")),
                                                           line(QStringLiteral("b"), QStringLiteral("END"))});
        QCOMPARE(last, quint64(3));
        QCOMPARE(store.lastSequence(), quint64(3));
        const QList<LogRecord> b = store.forRequest(QStringLiteral("b"));
        QCOMPARE(b.size(), 2);
        QCOMPARE(b.at(0).message, QStringLiteral("START"));
        QCOMPARE(b.at(1).sequence, quint64(3));
        QCOMPARE(store.append(QList<LogRecord>{}), quint64(3));
    }

    void oldestLinesAreEvictedAndForgottenByRequest() {
        LogStore store(3);
        store.append(QList<LogRecord>{
            line(QStringLiteral("a"), QStringLiteral("1")), line(QStringLiteral("a"), QStringLiteral("2")),
            line(QStringLiteral("b"), QStringLiteral("3")), line(QStringLiteral("b"), QStringLiteral("4"))});
        QCOMPARE(store.size(), 3);
        QCOMPARE(store.forRequest(QStringLiteral("a")).size(), 1);
        QCOMPARE(store.forRequest(QStringLiteral("a")).first().message, QStringLiteral("2"));
        QCOMPARE(store.since(2).size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLogStore)
#include "tst_engine_logstore.moc"
