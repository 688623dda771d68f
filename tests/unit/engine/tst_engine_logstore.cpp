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

    // Two invocations interleave (their lines arrive in several batches), lines without a request id
    // in between, and the oldest are evicted batch by batch: each request keeps exactly its remaining
    // lines, in order, and a request whose lines are all gone is forgotten.
    void interleavedRequestsKeepTheirRemainingLinesThroughEviction() {
        LogStore store(6);
        const QString a = QStringLiteral("a"), b = QStringLiteral("b");
        store.append(QList<LogRecord>{line(a, QStringLiteral("a1")), line(a, QStringLiteral("a2"))}); // 1-2
        store.append(line(b, QStringLiteral("b1")));                                                  // 3
        store.append(line({}, QStringLiteral("outside")));                                            // 4
        store.append(QList<LogRecord>{line(a, QStringLiteral("a3")), line(b, QStringLiteral("b2"))}); // 5-6
        QCOMPARE(store.forRequest(a).size(), 3);
        QCOMPARE(store.forRequest(b).size(), 2);

        store.append(QList<LogRecord>{line(b, QStringLiteral("b3"))}); // evicts a1
        QList<LogRecord> lines = store.forRequest(a);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).message, QStringLiteral("a2"));
        QCOMPARE(lines.at(1).message, QStringLiteral("a3"));

        store.append(QList<LogRecord>{line({}, QStringLiteral("x")), line({}, QStringLiteral("y")),
                                      line({}, QStringLiteral("z"))}); // evicts a2, b1, outside
        lines = store.forRequest(b);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).message, QStringLiteral("b2"));
        QCOMPARE(lines.at(1).message, QStringLiteral("b3"));
        QCOMPARE(store.forRequest(a).size(), 1);

        store.append(QList<LogRecord>{line({}, QStringLiteral("p")), line({}, QStringLiteral("q")),
                                      line({}, QStringLiteral("r"))}); // evicts a3, b2, b3
        QVERIFY(store.forRequest(a).isEmpty());
        QVERIFY(store.forRequest(b).isEmpty());
        QCOMPARE(store.size(), 6);
        QCOMPARE(store.since(0).first().message, QStringLiteral("x"));

        // A batch larger than the whole store keeps its newest lines only.
        QList<LogRecord> big;
        for (int i = 0; i < 10; ++i)
            big.append(line(a, QString::number(i)));
        store.append(big);
        lines = store.forRequest(a);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines.first().message, QStringLiteral("4"));
        QCOMPARE(lines.last().message, QStringLiteral("9"));
    }
};

QTEST_GUILESS_MAIN(TestLogStore)
#include "tst_engine_logstore.moc"
