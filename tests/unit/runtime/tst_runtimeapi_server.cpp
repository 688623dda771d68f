// The Lambda Runtime API as a runtime sees it (Lambda guide, "Using the Lambda runtime API for custom
// runtimes", runtimes-api.md): paths, the long-polled `next` and its headers, the documented status
// codes and bodies, the 6 MB response limit, and one endpoint per environment.
#include "RuntimeApiClient.h"
#include "TestSupport.h"
#include "runtimeapi/RuntimeApiServer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>
#include <memory>
#include <vector>

using namespace gatehouse;
using runtimeapi::RuntimeApiServer;

namespace {

const QByteArray kNext = "/2018-06-01/runtime/invocation/next";

QByteArray responsePath(const QString &id) {
    return "/2018-06-01/runtime/invocation/" + id.toUtf8() + "/response";
}
QByteArray errorPath(const QString &id) {
    return "/2018-06-01/runtime/invocation/" + id.toUtf8() + "/error";
}

runtimeapi::Event makeEvent(const QString &id, const QByteArray &payload = R"({"n":1})") {
    runtimeapi::Event e;
    e.requestId = id;
    e.payload = payload;
    e.deadlineEpochMs = 1700000003000;
    e.functionArn = QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:f");
    e.traceId = runtimeapi::newTraceId(1700000000000);
    return e;
}

QJsonObject json(const QByteArray &body) {
    return QJsonDocument::fromJson(body).object();
}

// A server with one invocation handed out to `client`.
struct Invoking {
    RuntimeApiServer server;
    std::unique_ptr<test::RuntimeApiClient> client;
    explicit Invoking(const QString &id) {
        if (!server.listen().ok()) return;
        client = std::make_unique<test::RuntimeApiClient>(server.port());
        server.deliver(makeEvent(id));
        client->exchange("GET", kNext);
    }
};

} // namespace

class TestRuntimeApiServer : public QObject {
    Q_OBJECT
private slots:
    void routesFollowTheRuntimeApiPaths_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("requestId");
        using K = runtimeapi::Route::Kind;
        QTest::newRow("next") << QByteArray("GET") << kNext << int(K::Next) << QString();
        QTest::newRow("response") << QByteArray("POST") << responsePath(QStringLiteral("abc"))
                                  << int(K::Response) << "abc";
        QTest::newRow("error") << QByteArray("POST") << errorPath(QStringLiteral("abc")) << int(K::Error)
                               << "abc";
        QTest::newRow("init error") << QByteArray("POST") << QByteArray("/2018-06-01/runtime/init/error")
                                    << int(K::InitError) << QString();
        QTest::newRow("percent-encoded id (aws-lambda-ric encodeURIComponent)")
            << QByteArray("POST") << QByteArray("/2018-06-01/runtime/invocation/a%2Fb%20c/response")
            << int(K::Response) << "a/b c";
        QTest::newRow("POST next") << QByteArray("POST") << kNext << int(K::MethodNotAllowed) << QString();
        QTest::newRow("GET response")
            << QByteArray("GET") << responsePath(QStringLiteral("x")) << int(K::MethodNotAllowed) << "x";
        QTest::newRow("other version")
            << QByteArray("GET") << QByteArray("/2020-01-01/runtime/invocation/next") << int(K::NotFound)
            << QString();
        QTest::newRow("unknown leaf")
            << QByteArray("POST") << QByteArray("/2018-06-01/runtime/invocation/x/done") << int(K::NotFound)
            << QString();
        QTest::newRow("empty id") << QByteArray("POST")
                                  << QByteArray("/2018-06-01/runtime/invocation//response")
                                  << int(K::NotFound) << QString();
    }
    void routesFollowTheRuntimeApiPaths() {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, kind);
        QFETCH(QString, requestId);
        const runtimeapi::Route r = runtimeapi::route(method, path);
        QCOMPARE(int(r.kind), kind);
        QCOMPARE(r.requestId, requestId);
    }

    void listensOnLoopbackWithAPortOfItsOwn() {
        RuntimeApiServer a;
        RuntimeApiServer b;
        QVERIFY(a.listen().ok());
        QVERIFY(b.listen().ok());
        QVERIFY(a.port() != b.port());
        QVERIFY(a.endpoint().startsWith(QLatin1String("127.0.0.1:")));
        QCOMPARE(a.endpoint(), QStringLiteral("127.0.0.1:%1").arg(a.port()));
    }

    void nextWaitsUntilAnEventIsDelivered() {
        RuntimeApiServer server;
        QVERIFY(server.listen().ok());
        QSignalSpy initialized(&server, &RuntimeApiServer::initialized);
        QSignalSpy started(&server, &RuntimeApiServer::invocationStarted);
        test::RuntimeApiClient client(server.port());
        client.send("GET", kNext);
        QVERIFY(initialized.wait());
        QCOMPARE(server.state(), RuntimeApiServer::State::Ready);
        QVERIFY(server.isWaitingForEvent());
        QVERIFY(!client.hasData()); // long poll: nothing until there is an event

        server.deliver(makeEvent(QStringLiteral("req-1")));
        const test::RawResponse r = client.response();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"n":1})"));
        QCOMPARE(started.size(), 1);
        QCOMPARE(started.first().first().toString(), QStringLiteral("req-1"));
        QCOMPARE(server.state(), RuntimeApiServer::State::Invoking);
    }

    void eventDeliveredEarlierIsHandedToTheNextNext() {
        RuntimeApiServer server;
        QVERIFY(server.listen().ok());
        server.deliver(makeEvent(QStringLiteral("early")));
        test::RuntimeApiClient client(server.port());
        const test::RawResponse r = client.exchange("GET", kNext);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("lambda-runtime-aws-request-id"), QByteArray("early"));
    }

    void nextCarriesTheLambdaRuntimeHeaders() {
        RuntimeApiServer server;
        QVERIFY(server.listen().ok());
        runtimeapi::Event e = makeEvent(QStringLiteral("8476a536-e9f4-11e8-9739-2dfe598c3fcd"));
        e.clientContext = R"({"custom":{"k":"v"}})";
        e.cognitoIdentity = R"({"cognitoIdentityId":"id","cognitoIdentityPoolId":"pool"})";
        server.deliver(e);
        test::RuntimeApiClient client(server.port());
        const test::RawResponse r = client.exchange("GET", kNext);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("lambda-runtime-aws-request-id"),
                 QByteArray("8476a536-e9f4-11e8-9739-2dfe598c3fcd"));
        QCOMPARE(r.headers.value("lambda-runtime-deadline-ms"), QByteArray("1700000003000"));
        QCOMPARE(r.headers.value("lambda-runtime-invoked-function-arn"),
                 QByteArray("arn:aws:lambda:us-east-1:123456789012:function:f"));
        QVERIFY2(
            QRegularExpression(QStringLiteral("^Root=1-6553f100-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$"))
                .match(QString::fromLatin1(r.headers.value("lambda-runtime-trace-id")))
                .hasMatch(),
            r.headers.value("lambda-runtime-trace-id").constData());
        QCOMPARE(r.headers.value("lambda-runtime-client-context"), e.clientContext);
        QCOMPARE(r.headers.value("lambda-runtime-cognito-identity"), e.cognitoIdentity);
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/json"));
    }

    void optionalHeadersAreAbsentWhenUnset() {
        RuntimeApiServer server;
        QVERIFY(server.listen().ok());
        server.deliver(makeEvent(QStringLiteral("plain")));
        test::RuntimeApiClient client(server.port());
        const test::RawResponse r = client.exchange("GET", kNext);
        QVERIFY(!r.headers.contains("lambda-runtime-client-context"));
        QVERIFY(!r.headers.contains("lambda-runtime-cognito-identity"));
    }

    void responseIsAccepted() {
        Invoking i(QStringLiteral("r1"));
        QSignalSpy responded(&i.server, &RuntimeApiServer::responded);
        const test::RawResponse r =
            i.client->exchange("POST", responsePath(QStringLiteral("r1")), R"({"ok":true})");
        QCOMPARE(r.status, 202);
        QCOMPARE(json(r.body).value(QStringLiteral("status")).toString(), QStringLiteral("OK"));
        QCOMPARE(responded.size(), 1);
        QCOMPARE(responded.first().at(0).toString(), QStringLiteral("r1"));
        QCOMPARE(responded.first().at(1).toByteArray(), QByteArray(R"({"ok":true})"));
        QCOMPARE(i.server.state(), RuntimeApiServer::State::ResponseSent);
        // The runtime polls again and waits for the next event.
        i.client->send("GET", kNext);
        QVERIFY(test::waitFor([&] { return i.server.isWaitingForEvent(); }));
        QCOMPARE(i.server.state(), RuntimeApiServer::State::Ready);
    }

    // Gatehouse's Node.js shim pipelines the response with the next `next` (RFC 9112 §9.3.2): both
    // arrive in one read, are answered in order, and the `next` waits for the following event.
    void responseAndNextPipelinedInOneWriteAreAnsweredInOrder() {
        Invoking i(QStringLiteral("p1"));
        QSignalSpy responded(&i.server, &RuntimeApiServer::responded);
        i.client->send("POST", responsePath(QStringLiteral("p1")), R"({"n":1})");
        i.client->send("GET", kNext); // both requests are written before any answer is read
        const test::RawResponse accepted = i.client->response();
        QCOMPARE(accepted.status, 202);
        QCOMPARE(responded.size(), 1);
        QVERIFY(test::waitFor([&] { return i.server.isWaitingForEvent(); }));
        QVERIFY(!i.client->hasData());
        i.server.deliver(makeEvent(QStringLiteral("p2")));
        const test::RawResponse event = i.client->response();
        QCOMPARE(event.status, 200);
        QCOMPARE(event.headers.value("lambda-runtime-aws-request-id"), QByteArray("p2"));
    }

    void errorWithoutTheErrorTypeHeaderIsAccepted() {
        // aws-lambda-ric puts the type only in the JSON body on this path.
        Invoking i(QStringLiteral("r2"));
        QSignalSpy failed(&i.server, &RuntimeApiServer::failed);
        const QByteArray body =
            R"({"errorType":"MyCustomError","errorMessage":"boom from handler","trace":[]})";
        const test::RawResponse r = i.client->exchange("POST", errorPath(QStringLiteral("r2")), body,
                                                       {{"Content-Type", "application/json"}});
        QCOMPARE(r.status, 202);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(1).toString(), QString());
        QCOMPARE(failed.first().at(2).toByteArray(), body);
    }

    void errorTypeHeaderIsPassedOn() {
        Invoking i(QStringLiteral("r3"));
        QSignalSpy failed(&i.server, &RuntimeApiServer::failed);
        const test::RawResponse r = i.client->exchange("POST", errorPath(QStringLiteral("r3")), "{}",
                                                       {{"Lambda-Runtime-Function-Error-Type", "Unhandled"}});
        QCOMPARE(r.status, 202);
        QCOMPARE(failed.first().at(1).toString(), QStringLiteral("Unhandled"));
    }

    void responseForAnotherRequestIsInvalidRequestId() {
        Invoking i(QStringLiteral("current"));
        QSignalSpy responded(&i.server, &RuntimeApiServer::responded);
        const test::RawResponse r = i.client->exchange("POST", responsePath(QStringLiteral("other")), "1");
        QCOMPARE(r.status, 400);
        QCOMPARE(json(r.body).value(QStringLiteral("errorType")).toString(),
                 QStringLiteral("InvalidRequestID"));
        QCOMPARE(json(r.body).value(QStringLiteral("errorMessage")).toString(),
                 QStringLiteral("Invalid request ID"));
        QCOMPARE(responded.size(), 0);
        QCOMPARE(i.server.state(), RuntimeApiServer::State::Invoking);
    }

    void responseOutOfTurnIsAnInvalidStateTransition_data() {
        QTest::addColumn<bool>("afterAResponse");
        QTest::newRow("before any event") << false;
        QTest::newRow("a second response") << true;
    }
    void responseOutOfTurnIsAnInvalidStateTransition() {
        QFETCH(bool, afterAResponse);
        Invoking i(QStringLiteral("r4"));
        if (afterAResponse) {
            QCOMPARE(i.client->exchange("POST", responsePath(QStringLiteral("r4")), "1").status, 202);
        } else {
            i.server.reset();
        }
        const test::RawResponse r = i.client->exchange("POST", responsePath(QStringLiteral("r4")), "2");
        QCOMPARE(r.status, 403);
        QCOMPARE(json(r.body).value(QStringLiteral("errorType")).toString(),
                 QStringLiteral("InvalidStateTransition"));
        QVERIFY(json(r.body)
                    .value(QStringLiteral("errorMessage"))
                    .toString()
                    .contains(QLatin1String("InvocationResponse")));
    }

    void nextDuringAnInvocationIsAnInvalidStateTransition() {
        Invoking i(QStringLiteral("r5"));
        const test::RawResponse r = i.client->exchange("GET", kNext);
        QCOMPARE(r.status, 403);
        QCOMPARE(json(r.body).value(QStringLiteral("errorType")).toString(),
                 QStringLiteral("InvalidStateTransition"));
    }

    void responseOverSixMegabytesIsPayloadTooLarge() {
        Invoking i(QStringLiteral("big"));
        QSignalSpy tooLarge(&i.server, &RuntimeApiServer::responseTooLarge);
        QSignalSpy responded(&i.server, &RuntimeApiServer::responded);
        const QByteArray body(runtimeapi::kMaxResponseBytes + 1, 'x');
        const test::RawResponse r = i.client->exchange("POST", responsePath(QStringLiteral("big")), body);
        QCOMPARE(r.status, 413);
        QCOMPARE(json(r.body).value(QStringLiteral("errorType")).toString(),
                 QStringLiteral("RequestEntityTooLarge"));
        QCOMPARE(json(r.body).value(QStringLiteral("errorMessage")).toString(),
                 QStringLiteral("Exceeded maximum allowed payload size (6291556 bytes)."));
        QCOMPARE(tooLarge.size(), 1);
        QCOMPARE(tooLarge.first().at(1).value<qsizetype>(), body.size());
        QCOMPARE(responded.size(), 0);
        QCOMPARE(i.server.state(), RuntimeApiServer::State::ResponseSent);
    }

    void responseOfExactlyTheLimitIsAccepted() {
        Invoking i(QStringLiteral("limit"));
        QSignalSpy responded(&i.server, &RuntimeApiServer::responded);
        const QByteArray body(runtimeapi::kMaxResponseBytes, 'x');
        QCOMPARE(i.client->exchange("POST", responsePath(QStringLiteral("limit")), body).status, 202);
        QCOMPARE(responded.first().at(1).toByteArray().size(), body.size());
    }

    void initErrorIsAcceptedOnlyBeforeTheFirstNext() {
        RuntimeApiServer server;
        QVERIFY(server.listen().ok());
        QSignalSpy initFailed(&server, &RuntimeApiServer::initFailed);
        test::RuntimeApiClient client(server.port());
        const QByteArray body =
            R"({"errorType":"Runtime.HandlerNotFound","errorMessage":"index.nosuch is undefined or not exported","trace":[]})";
        const test::RawResponse r =
            client.exchange("POST", "/2018-06-01/runtime/init/error", body,
                            {{"Lambda-Runtime-Function-Error-Type", "Runtime.HandlerNotFound"}});
        QCOMPARE(r.status, 202);
        QCOMPARE(initFailed.size(), 1);
        QCOMPARE(initFailed.first().at(0).toString(), QStringLiteral("Runtime.HandlerNotFound"));
        QCOMPARE(initFailed.first().at(1).toByteArray(), body);
        QCOMPARE(server.state(), RuntimeApiServer::State::InitError);
        // Once init failed nothing else is accepted (the runtime should exit).
        QCOMPARE(client.exchange("GET", kNext).status, 403);

        Invoking i(QStringLiteral("later"));
        QCOMPARE(i.client->exchange("POST", "/2018-06-01/runtime/init/error", "{}").status, 403);
    }

    void unknownPathsAndMethodsAreRefused() {
        RuntimeApiServer server;
        QVERIFY(server.listen().ok());
        test::RuntimeApiClient client(server.port());
        QCOMPARE(client.exchange("GET", "/2018-06-01/runtime/nothing").status, 404);
        QCOMPARE(client.exchange("POST", kNext, "{}").status, 405);
        QCOMPARE(server.state(), RuntimeApiServer::State::Started);
    }

    void resetForgetsTheOldProcess() {
        Invoking i(QStringLiteral("old"));
        i.server.reset();
        QCOMPARE(i.server.state(), RuntimeApiServer::State::Started);
        QVERIFY(i.server.currentRequestId().isEmpty());
        QCOMPARE(i.client->exchange("POST", responsePath(QStringLiteral("old")), "1").status, 403);
    }

    void dozensOfEnvironmentsEachGetTheirOwnEvents() {
        constexpr int count = 40;
        std::vector<std::unique_ptr<RuntimeApiServer>> servers;
        std::vector<std::unique_ptr<test::RuntimeApiClient>> clients;
        for (int n = 0; n < count; ++n) {
            servers.push_back(std::make_unique<RuntimeApiServer>());
            QVERIFY(servers.back()->listen().ok());
            clients.push_back(std::make_unique<test::RuntimeApiClient>(servers.back()->port()));
            clients.back()->send("GET", kNext);
        }
        QVERIFY(test::waitFor([&] {
            return std::all_of(servers.begin(), servers.end(),
                               [](const auto &s) { return s->isWaitingForEvent(); });
        }));
        for (int n = count - 1; n >= 0; --n)
            servers[size_t(n)]->deliver(makeEvent(QStringLiteral("env-%1").arg(n)));
        for (int n = 0; n < count; ++n) {
            const test::RawResponse r = clients[size_t(n)]->response();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.headers.value("lambda-runtime-aws-request-id"),
                     QStringLiteral("env-%1").arg(n).toUtf8());
        }
    }
};

QTEST_GUILESS_MAIN(TestRuntimeApiServer)
#include "tst_runtimeapi_server.moc"
