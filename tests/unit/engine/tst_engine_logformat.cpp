// CloudWatch's text shapes for Lambda (nodejs-logging.md): START/END/REPORT, function lines, names.
#include "invoker/LambdaLogFormat.h"

#include <QRegularExpression>
#include <QtTest>

using namespace gatehouse;

namespace {
const QString kId = QStringLiteral("c793869b-ee49-115b-a5b6-4fd21e8dedac");
}

class TestLogFormat : public QObject {
    Q_OBJECT
private slots:
    void startAndEndLinesMatchTheDocumentedExample() {
        QCOMPARE(lambdalog::startLine(kId), QStringLiteral("START RequestId: %1 Version: $LATEST").arg(kId));
        QCOMPARE(lambdalog::endLine(kId), QStringLiteral("END RequestId: %1").arg(kId));
    }

    void reportLineOfAWarmInvocationHasNoInitDuration() {
        const QString line = lambdalog::reportLine({kId, 1.234, 2, 128, 40, std::nullopt});
        QCOMPARE(line,
                 QStringLiteral(
                     "REPORT RequestId: %1\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB"
                     "\tMax Memory Used: 40 MB")
                     .arg(kId));
    }

    void reportLineOfAColdStartEndsWithInitDuration() {
        const QString line = lambdalog::reportLine({kId, 128.83, 200, 128, 74, 166.62});
        static const QRegularExpression shape(QStringLiteral(
            R"(^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d{2} ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB)"
            R"(\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d{2} ms$)"));
        QVERIFY2(shape.match(line).hasMatch(), qPrintable(line));
        // The regular expressions AWS Lambda Power Tuning parses REPORT lines with.
        QVERIFY(
            QRegularExpression(QStringLiteral(R"(\tBilled Duration: (\d+) ms)")).match(line).captured(1) ==
            u"200");
        QVERIFY(
            QRegularExpression(QStringLiteral(R"(\tInit Duration: (\d+\.\d+) ms)")).match(line).captured(1) ==
            u"166.62");
        QVERIFY(QRegularExpression(QStringLiteral(R"(\tDuration: (\d+\.\d+) ms)")).match(line).captured(1) ==
                u"128.83");
    }

    void functionLineIsTabSeparatedWithUtcMilliseconds() {
        // 2019-06-07T19:11:20.564Z, the documented example.
        const qint64 ms = QDateTime(QDate(2019, 6, 7), QTime(19, 11, 20, 564), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(
            lambdalog::functionLine(ms, kId, LogRecord::Level::Warn, QStringLiteral("Event not processed.")),
            QStringLiteral("2019-06-07T19:11:20.564Z\t%1\tWARN\tEvent not processed.").arg(kId));
        QCOMPARE(lambdalog::functionLine(ms, QString(), LogRecord::Level::Info, QStringLiteral("init")),
                 QStringLiteral("2019-06-07T19:11:20.564Z\tundefined\tINFO\tinit"));
    }

    void timeoutMessageHasTwoDecimals() {
        QCOMPARE(lambdalog::timeoutMessage(3), QStringLiteral("Task timed out after 3.00 seconds"));
        const QString line = lambdalog::timeoutLine(0, kId, 10);
        QCOMPARE(line,
                 QStringLiteral("1970-01-01T00:00:00.000Z %1 Task timed out after 10.00 seconds").arg(kId));
    }

    void logStreamNameHasDateVersionAndHex() {
        const QString name = lambdalog::newLogStreamName(QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC));
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^2024/05/01/\[\$LATEST\][0-9a-f]{32}$)"))
                     .match(name)
                     .hasMatch(),
                 qPrintable(name));
        QVERIFY(lambdalog::newLogStreamName(QDateTime::currentDateTimeUtc()) !=
                lambdalog::newLogStreamName(QDateTime::currentDateTimeUtc()));
    }

    void namesAndArn() {
        QCOMPARE(lambdalog::logGroupName(QStringLiteral("hello")), QStringLiteral("/aws/lambda/hello"));
        QCOMPARE(lambdalog::functionArn(QStringLiteral("eu-west-1"), QStringLiteral("123456789012"),
                                        QStringLiteral("hello")),
                 QStringLiteral("arn:aws:lambda:eu-west-1:123456789012:function:hello"));
    }

    // Request ids are version 4 UUIDs (RFC 4122 variant), lower case, and never repeat: not within a
    // thread, not across threads (each thread seeds its own generator).
    void requestIdsAreDistinctVersion4Uuids() {
        static const QRegularExpression uuid(
            QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QSet<QString> seen;
        QSet<QChar> variants;
        for (int i = 0; i < 2000; ++i) {
            const QString id = lambdalog::newRequestId();
            QVERIFY2(uuid.match(id).hasMatch(), qPrintable(id));
            variants.insert(id.at(19));
            seen.insert(id);
        }
        QStringList fromOtherThreads;
        QList<QThread *> threads;
        QMutex mutex;
        for (int t = 0; t < 4; ++t)
            threads.append(QThread::create([&] {
                QStringList mine;
                for (int i = 0; i < 500; ++i)
                    mine.append(lambdalog::newRequestId());
                const QMutexLocker lock(&mutex);
                fromOtherThreads += mine;
            }));
        for (QThread *thread : threads)
            thread->start();
        for (QThread *thread : threads) {
            QVERIFY(thread->wait(10000));
            delete thread;
        }
        for (const QString &id : fromOtherThreads)
            seen.insert(id);
        QCOMPARE(seen.size(), 4000);
        QCOMPARE(variants.size(), 4); // all of 8, 9, a and b occur: the bits around the variant are random
    }

    void logTailKeepsTheLastFourKilobytes() {
        QStringList lines;
        for (int i = 0; i < 200; ++i)
            lines.append(QStringLiteral("line %1 ").arg(i) + QString(40, u'x'));
        const QByteArray tail = QByteArray::fromBase64(lambdalog::logTailBase64(lines));
        QCOMPARE(tail.size(), 4096);
        QVERIFY(tail.endsWith("line 199 " + QByteArray(40, 'x') + '\n'));
        QCOMPARE(QByteArray::fromBase64(lambdalog::logTailBase64({QStringLiteral("a"), QStringLiteral("b")})),
                 QByteArray("a\nb\n"));
    }
};

QTEST_GUILESS_MAIN(TestLogFormat)
#include "tst_engine_logformat.moc"
