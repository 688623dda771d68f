// Every assertion kind and operator against one response, with the messages a user reads; the rules
// are those of the Postman test lines the export writes (models/export/postman/PostmanTests.cpp).
#include "testing/AssertionEvaluator.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::testing;

namespace {
HttpExchange response() {
    HttpExchange e;
    e.status = 404;
    e.elapsedMs = 120;
    e.headers = {{"Content-Type", "application/json; charset=utf-8"}, {"X-Count", "7"}};
    e.body = R"({"items": [{"name": "pear", "price": "2.50"}], "count": 3, "id": "42", "none": null})";
    return e;
}
} // namespace

class TestTestingAssertions : public QObject {
    Q_OBJECT
private slots:
    void evaluates_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("op");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("passed");
        QTest::addColumn<QString>("message");
        auto row = [](const char *name, const char *kind, const char *target, const char *op,
                      const char *expected, bool passed, const char *message) {
            QTest::newRow(name) << QString::fromUtf8(kind) << QString::fromUtf8(target)
                                << QString::fromUtf8(op) << QString::fromUtf8(expected) << passed
                                << QString::fromUtf8(message);
        };
        row("status equals", "status", "", "equals", "404", true, "status: 404");
        row("status equals fails", "status", "", "equals", "200", false, "status: expected 200, got 404");
        row("status empty op is equals", "status", "", "", "200", false, "status: expected 200, got 404");
        row("status below", "status", "", "below", "500", true, "status: 404");
        row("status below fails", "status", "", "below", "300", false, "status: expected below 300, got 404");
        row("status not a number", "status", "", "equals", "OK", false,
            "status: the expected value \"OK\" is not a number");
        row("status contains unsupported", "status", "", "contains", "4", false,
            "status: unsupported assertion (status contains)");
        row("time below", "time", "", "below", "500", true, "time: 120 ms");
        row("time below fails", "time", "", "below", "100", false, "time: expected below 100 ms, got 120 ms");
        row("time equals unsupported", "time", "", "equals", "120", false,
            "time: unsupported assertion (time equals)");
        row("header exists (any case)", "header", "content-type", "exists", "", true,
            "header content-type: \"application/json; charset=utf-8\"");
        row("header exists fails", "header", "x-request-id", "exists", "", false,
            "header x-request-id: missing");
        row("header equals", "header", "X-Count", "equals", "7", true, "header X-Count: \"7\"");
        row("header equals fails", "header", "x-count", "equals", "8", false,
            "header x-count: expected \"8\", got \"7\"");
        row("header equals missing", "header", "etag", "equals", "x", false,
            "header etag: expected \"x\", got nothing");
        row("header contains", "header", "content-type", "contains", "json", true,
            "header content-type: \"application/json; charset=utf-8\"");
        row("header contains fails", "header", "content-type", "contains", "xml", false,
            "header content-type: expected to contain \"xml\", got \"application/json; charset=utf-8\"");
        row("header matches", "header", "content-type", "matches", "^application/\\w+", true,
            "header content-type: \"application/json; charset=utf-8\"");
        row("header below unsupported", "header", "x-count", "below", "9", false,
            "header x-count: unsupported assertion (header below)");
        row("jsonPath equals", "jsonPath", "$.items[0].name", "equals", "pear", true,
            "jsonPath $.items[0].name: \"pear\"");
        row("jsonPath equals fails", "jsonPath", "$.items[0].name", "equals", "apple", false,
            "jsonPath $.items[0].name: expected \"apple\", got \"pear\"");
        row("jsonPath number equals its text", "jsonPath", "$.count", "equals", "3", true,
            "jsonPath $.count: 3");
        row("jsonPath number equals fails", "jsonPath", "$.count", "equals", "4", false,
            "jsonPath $.count: expected \"4\", got 3");
        row("jsonPath null is the text null", "jsonPath", "$.none", "equals", "null", true,
            "jsonPath $.none: null");
        row("jsonPath missing", "jsonPath", "$.items[3].name", "equals", "pear", false,
            "jsonPath $.items[3].name: expected \"pear\", got nothing");
        row("jsonPath exists", "jsonPath", "$['id']", "exists", "", true, "jsonPath $['id']: \"42\"");
        row("jsonPath exists for null", "jsonPath", "$.none", "exists", "", true, "jsonPath $.none: null");
        row("jsonPath exists fails", "jsonPath", "$.total", "exists", "", false, "jsonPath $.total: missing");
        row("jsonPath contains", "jsonPath", "$.items[0]", "contains", "\"pear\"", true,
            "jsonPath $.items[0]: {\"name\":\"pear\",\"price\":\"2.50\"}");
        row("jsonPath contains fails", "jsonPath", "$.id", "contains", "7", false,
            "jsonPath $.id: expected to contain \"7\", got \"42\"");
        row("jsonPath below on a number", "jsonPath", "$.count", "below", "100", true, "jsonPath $.count: 3");
        row("jsonPath below on a numeric string", "jsonPath", "$.items[0].price", "below", "2.5", false,
            "jsonPath $.items[0].price: expected below 2.5, got \"2.50\"");
        row("jsonPath below on nothing", "jsonPath", "$.total", "below", "1", false,
            "jsonPath $.total: expected below 1, got nothing");
        row("jsonPath below not a number", "jsonPath", "$.count", "below", "many", false,
            "jsonPath $.count: the expected value \"many\" is not a number");
        row("jsonPath matches", "jsonPath", "$.id", "matches", "^\\d+$", true, "jsonPath $.id: \"42\"");
        row("jsonPath invalid regex", "jsonPath", "$.id", "matches", "(", false,
            "jsonPath $.id: invalid regular expression /(/: missing closing parenthesis");
        row("body contains", "body", "", "contains", "pear", true,
            "body: \"{\\\"items\\\": [{\\\"name\\\": \\\"pear\\\", \\\"price\\\": \\\"2.50\\\"}], "
            "\\\"count\\\": 3, "
            "\\\"id\\\": \\\"42\\\", \\\"none\\\": null}\"");
        row("body matches fails", "body", "", "matches", "^<html", false,
            "body: expected to match /^<html/, got \"{\\\"items\\\": [{\\\"name\\\": \\\"pear\\\", "
            "\\\"price\\\": "
            "\\\"2.50\\\"}], \\\"count\\\": 3, \\\"id\\\": \\\"42\\\", \\\"none\\\": null}\"");
        row("body exists unsupported", "body", "", "exists", "", false,
            "body: unsupported assertion (body exists)");
        row("unknown kind", "cookie", "sid", "exists", "", false,
            "cookie: unsupported assertion (cookie exists)");
    }
    void evaluates() {
        QFETCH(QString, kind);
        QFETCH(QString, target);
        QFETCH(QString, op);
        QFETCH(QString, expected);
        QFETCH(bool, passed);
        QFETCH(QString, message);
        const AssertionOutcome outcome =
            evaluateAssertion(RequestAssertion{kind, target, op, expected, {}}, response());
        QCOMPARE(outcome.message, message);
        QCOMPARE(outcome.passed, passed);
    }
    void aBodyThatIsNotJsonHasNoPaths() {
        HttpExchange e = response();
        e.body = "<html>oops</html>";
        const AssertionOutcome outcome = evaluateAssertion(
            RequestAssertion{
                QStringLiteral("jsonPath"), QStringLiteral("$"), QStringLiteral("exists"), {}, {}},
            e);
        QVERIFY(!outcome.passed);
        QCOMPARE(outcome.actual, QStringLiteral("a body that is not JSON"));
    }
    void longValuesAreShortenedInMessages() {
        HttpExchange e = response();
        e.body = QByteArray(500, 'x');
        const AssertionOutcome outcome = evaluateAssertion(
            RequestAssertion{QStringLiteral("body"), {}, QStringLiteral("equals"), QStringLiteral("y"), {}},
            e);
        QVERIFY(!outcome.passed);
        QVERIFY(outcome.message.size() < 200);
        QVERIFY(outcome.message.endsWith(QStringLiteral("…\"")));
    }
};

QTEST_GUILESS_MAIN(TestTestingAssertions)
#include "tst_testing_assertions.moc"
