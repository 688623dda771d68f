// {{variable}} substitution and the variables a `gatehouse test` run offers.
#include "testing/CollectionRunner.h"
#include "testing/RequestVariables.h"

#include <QJsonArray>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::testing;

class TestTestingVariables : public QObject {
    Q_OBJECT
private slots:
    void substitutesEveryKnownVariable() {
        const Substitution s = substituteVariables(QStringLiteral("{{base}}/items/{{id}}?x={{base}}"),
                                                   {{QStringLiteral("base"), QStringLiteral("http://h:1")},
                                                    {QStringLiteral("id"), QStringLiteral("7")}});
        QCOMPARE(s.text, QStringLiteral("http://h:1/items/7?x=http://h:1"));
        QVERIFY(s.unknown.isEmpty());
    }
    void leavesUnknownVariablesAsWrittenAndNamesThemOnce() {
        const Substitution s =
            substituteVariables(QStringLiteral("Bearer {{token}} {{token}} {{other}}"), {});
        QCOMPARE(s.text, QStringLiteral("Bearer {{token}} {{token}} {{other}}"));
        QCOMPARE(s.unknown, (QStringList{QStringLiteral("token"), QStringLiteral("other")}));
    }
    void doesNotSubstituteInsideValues() {
        const Substitution s =
            substituteVariables(QStringLiteral("{{a}}"), {{QStringLiteral("a"), QStringLiteral("{{b}}")},
                                                          {QStringLiteral("b"), QStringLiteral("no")}});
        QCOMPARE(s.text, QStringLiteral("{{b}}"));
    }
    void keepsTextWithoutVariablesAndOddBraces() {
        QCOMPARE(substituteVariables(QStringLiteral("{\"a\": {\"b\": 1}} {{}} {x}"), {}).text,
                 QStringLiteral("{\"a\": {\"b\": 1}} {{}} {x}"));
    }
    void camelCasesApiNames() {
        QCOMPARE(camelCaseName(QStringLiteral("hello-http")), QStringLiteral("helloHttp"));
        QCOMPARE(camelCaseName(QStringLiteral("pets_rest v2")), QStringLiteral("petsRestV2"));
        QCOMPARE(camelCaseName(QStringLiteral("-orders")), QStringLiteral("orders"));
        QCOMPARE(camelCaseName(QStringLiteral("api")), QStringLiteral("api"));
    }
    void builtInsNameEachHttpAndRestApiAndWinOverTheEnvironment() {
        const QJsonObject endpoints{
            {QStringLiteral("apis"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("hello-http")},
                                    {QStringLiteral("type"), QStringLiteral("http")},
                                    {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:41000/")}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("chat-ws")},
                                    {QStringLiteral("type"), QStringLiteral("websocket")},
                                    {QStringLiteral("url"), QStringLiteral("ws://127.0.0.1:41001")}},
                        QJsonObject{{QStringLiteral("name"), QStringLiteral("pets-rest")},
                                    {QStringLiteral("type"), QStringLiteral("rest")},
                                    {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:41002")}}}}};
        const VariableMap builtIns = localEndpointVariables(endpoints);
        QCOMPARE(builtIns.value(QStringLiteral("hello-http")), QStringLiteral("http://127.0.0.1:41000"));
        QCOMPARE(builtIns.value(QStringLiteral("helloHttp")), QStringLiteral("http://127.0.0.1:41000"));
        QCOMPARE(builtIns.value(QStringLiteral("petsRest")), QStringLiteral("http://127.0.0.1:41002"));
        QCOMPARE(builtIns.value(QStringLiteral("baseUrl")), QStringLiteral("http://127.0.0.1:41000"));
        QVERIFY(!builtIns.contains(QStringLiteral("chatWs")));

        VariableSet local{QStringLiteral("local"),
                          {{QStringLiteral("helloHttp"), QStringLiteral("http://127.0.0.1:3000")},
                           {QStringLiteral("token"), QStringLiteral("dev")}},
                          {}};
        const VariableMap all = runVariables(environmentVariables(local), builtIns);
        QCOMPARE(all.value(QStringLiteral("helloHttp")), QStringLiteral("http://127.0.0.1:41000"));
        QCOMPARE(all.value(QStringLiteral("token")), QStringLiteral("dev"));
    }
    void preparesUrlHeadersAndBody() {
        SavedRequest saved;
        saved.method = QStringLiteral("POST");
        saved.url = QStringLiteral("{{base}}/items");
        saved.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {{token}}")}};
        saved.body = QStringLiteral("{\"owner\": \"{{user}}\"}");
        RunOptions options;
        options.variables = {{QStringLiteral("base"), QStringLiteral("http://127.0.0.1:9")},
                             {QStringLiteral("token"), QStringLiteral("t0k")}};
        options.timeoutMs = 1234;
        const PreparedRequest prepared = prepareRequest(saved, options);
        QCOMPARE(prepared.request.method, QByteArray("POST"));
        QCOMPARE(prepared.request.url, QUrl(QStringLiteral("http://127.0.0.1:9/items")));
        QCOMPARE(prepared.request.headers.value(0).second, QByteArray("Bearer t0k"));
        QCOMPARE(prepared.request.body, QByteArray("{\"owner\": \"{{user}}\"}"));
        QCOMPARE(prepared.unknownVariables, QStringList{QStringLiteral("user")});
        QCOMPARE(prepared.request.timeoutMs, 1234);
        QVERIFY(!prepared.request.followRedirects);
    }
    void noResponseFailsWithoutCheckingAssertions() {
        SavedRequest saved;
        saved.name = QStringLiteral("Down");
        saved.assertions = {RequestAssertion{
            QStringLiteral("status"), {}, QStringLiteral("equals"), QStringLiteral("200"), {}}};
        HttpExchange refused;
        refused.error = QStringLiteral("Connection refused");
        const RequestOutcome outcome = judgeExchange(saved, prepareRequest(saved, {}), refused);
        QVERIFY(!outcome.passed());
        QCOMPARE(outcome.error, QStringLiteral("no response: Connection refused"));
        QVERIFY(outcome.assertions.isEmpty());

        SavedRequest noAssertions;
        HttpExchange answered;
        answered.status = 500;
        QVERIFY(judgeExchange(noAssertions, prepareRequest(noAssertions, {}), answered).passed());
    }
};

QTEST_GUILESS_MAIN(TestTestingVariables)
#include "tst_testing_variables.moc"
