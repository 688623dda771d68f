// Access log lines from $context variables ("Customizing HTTP API access logs"; "Access logging for
// REST APIs", whose CLF and JSON examples are reproduced here).
#include "GatewayFixtures.h"
#include "gateway/AccessLogFormat.h"
#include "gateway/GatewayTime.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

AccessLogVariables sample() {
    InvocationContext context = httpContext();
    context.routeKey = QStringLiteral("GET /pets");
    context.resourcePath = QStringLiteral("/pets");
    AccessLogVariables variables =
        contextVariables(request(QStringLiteral("GET"), QStringLiteral("/pets")), context);
    variables.insert(QStringLiteral("status"), QStringLiteral("200"));
    variables.insert(QStringLiteral("responseLength"), QStringLiteral("17"));
    variables.insert(QStringLiteral("responseLatency"), QStringLiteral("12"));
    variables.insert(QStringLiteral("integrationLatency"), QStringLiteral("9"));
    return variables;
}

} // namespace

class AccessLogTest : public QObject {
    Q_OBJECT

private slots:
    void httpApiCommonLogFormat() {
        QCOMPARE(
            AccessLogFormat(AccessLogFormat::commonLogFormat(ApiType::Http)).render(sample()),
            QStringLiteral(
                R"(192.0.2.1 - - [12/Mar/2020:19:03:58 +0000] "GET GET /pets HTTP/1.1" 200 17 JKJaXmPLvHcESHA=)"));
    }

    // $context.requestTime's form; a time never set is the epoch, not a read past the month names.
    void clfTimeOfValidAndInvalidTimes() {
        QCOMPARE(clfTime(QDateTime(QDate(2020, 12, 31), QTime(23, 59, 58), Qt::UTC)),
                 QStringLiteral("31/Dec/2020:23:59:58 +0000"));
        QCOMPARE(clfTime(QDateTime()), QStringLiteral("01/Jan/1970:00:00:00 +0000"));
    }

    void restCommonLogFormatShowsDashForMissingCallerAndUser() {
        QCOMPARE(
            AccessLogFormat(AccessLogFormat::commonLogFormat(ApiType::Rest)).render(sample()),
            QStringLiteral(
                R"(192.0.2.1 - - [12/Mar/2020:19:03:58 +0000] "GET /pets HTTP/1.1" 200 17 JKJaXmPLvHcESHA=)"));
    }

    void jsonFormatProducesJson() {
        const QString line = AccessLogFormat(AccessLogFormat::jsonFormat(ApiType::Http)).render(sample());
        const OrderedJson parsed = json(line.toUtf8());
        QCOMPARE(str(parsed["routeKey"]), QStringLiteral("GET /pets"));
        QCOMPARE(str(parsed["status"]), QStringLiteral("200"));
        QCOMPARE(str(parsed["ip"]), QStringLiteral("192.0.2.1"));
    }

    void variablesAndTheirSurroundings_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("line");
        QTest::newRow("unknown variable") << "[$context.nothing]"
                                          << "[-]";
        QTest::newRow("trailing dot stays text") << "$context.status."
                                                 << "200.";
        QTest::newRow("adjacent variables") << "$context.status/$context.integrationLatency"
                                            << "200/9";
        QTest::newRow("not a variable") << "$contextual $context."
                                        << "$contextual $context.";
        QTest::newRow("error message string is quoted") << "$context.error.messageString"
                                                        << "\"Not Found\"";
        QTest::newRow("latencies") << "$context.responseLatency ms"
                                   << "12 ms";
    }
    void variablesAndTheirSurroundings() {
        QFETCH(QString, format);
        QFETCH(QString, line);
        AccessLogVariables variables = sample();
        variables.insert(QStringLiteral("error.message"), QStringLiteral("Not Found"));
        QCOMPARE(AccessLogFormat(format).render(variables), line);
    }

    void authorizerValuesAreAvailable() {
        InvocationContext context = httpContext();
        context.authorizer = OrderedJson{{"jwt", {{"claims", {{"sub", "user-1"}}}, {"scopes", nullptr}}}};
        const AccessLogVariables variables =
            contextVariables(request(QStringLiteral("GET"), QStringLiteral("/")), context);
        QCOMPARE(AccessLogFormat(QStringLiteral("$context.authorizer.claims.sub")).render(variables),
                 QStringLiteral("user-1"));
        context.authorizer = OrderedJson{{"lambda", {{"tenant", "t1"}, {"n", 2}}}};
        const AccessLogVariables lambda =
            contextVariables(request(QStringLiteral("GET"), QStringLiteral("/")), context);
        QCOMPARE(AccessLogFormat(QStringLiteral("$context.authorizer.tenant $context.authorizer.n"))
                     .render(lambda),
                 QStringLiteral("t1 2"));
    }

    void variableNamesAreListedInOrder() {
        QCOMPARE(AccessLogFormat(QStringLiteral("$context.requestId $context.status")).variableNames(),
                 (QStringList{QStringLiteral("requestId"), QStringLiteral("status")}));
    }
};

QTEST_GUILESS_MAIN(AccessLogTest)
#include "tst_accesslog.moc"
