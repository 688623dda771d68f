// "Make a test token" end to end: a project whose HTTP API route has a JWT authorizer gets local test
// keys, and `gatehouse serve` lets a request with the made token through (200) and refuses one
// without it or with an expired one (401 {"message":"Unauthorized"}, "Controlling access to HTTP APIs
// with JWT authorizers").
#include "ServeProcess.h"
#include "TestSupport.h"
#include "project/Authorizer.h"
#include "testing/TestToken.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::testing;

namespace {

// Qt 6.4's moc reads "//" inside a raw string as a comment, so the issuer URL is filled in later.
const QByteArray kProjectJson = R"JSON({
  "formatVersion": 1,
  "name": "shop",
  "functions": [
    {"name": "orders", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/orders"}
  ],
  "apis": [
    {"name": "shop-http", "type": "http",
     "routes": [{"method": "GET", "path": "/orders", "integration": {"type": "lambda", "function": "orders"},
                 "authorizer": "jwt-auth", "authorizationScopes": ["orders:read"]}]}
  ],
  "authorizers": [
    {"name": "jwt-auth", "type": "jwt", "issuer": "@ISSUER@", "audience": ["shop"],
     "jwksUri": "@JWKS@", "identitySource": "$request.header.Authorization"}
  ]
})JSON";

} // namespace

class TestServeTestToken : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::ServeProcess m_serve;
    test::HttpClient m_client;
    Authorizer m_authorizer;

    QString project() const { return m_dir.filePath(QStringLiteral("project")); }
    QUrl orders() const {
        QUrl url = m_serve.stageUrl(QStringLiteral("shop-http"), QStringLiteral("$default"));
        url.setPath(QStringLiteral("/orders"));
        return url;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QDir().mkpath(project() + QStringLiteral("/functions/orders"));
        const LocalKeySetup keys = createLocalTestKeys(QStringLiteral("jwt-auth"), project());
        QVERIFY2(keys.error.isEmpty(), qPrintable(keys.error));

        QByteArray text = kProjectJson;
        text.replace("@JWKS@", keys.jwksRelativePath.toUtf8());
        text.replace("@ISSUER@", "https://issuer.example.test");
        test::writeProjectFile(project(), text);
        QFile handler(project() + QStringLiteral("/functions/orders/index.js"));
        QVERIFY(handler.open(QIODevice::WriteOnly));
        handler.write(
            "exports.handler = (event) => ({ sub: event.requestContext.authorizer.jwt.claims.sub });\n");
        handler.close();

        m_authorizer.name = QStringLiteral("jwt-auth");
        m_authorizer.issuer = QStringLiteral("https://issuer.example.test");
        m_authorizer.audience = {QStringLiteral("shop")};
        m_authorizer.jwksUri = keys.jwksRelativePath;
        QVERIFY2(m_serve.start(project(), m_dir.filePath(QStringLiteral("endpoints.json"))),
                 m_serve.err().constData());
    }
    void cleanupTestCase() { m_serve.stop(); }

    void requestWithTheTestTokenIsLetThrough() {
        TestTokenRequest request;
        request.subject = QStringLiteral("ada");
        request.scopes = {QStringLiteral("orders:read")};
        const TestTokenResult token = makeTestToken(m_authorizer, project(), request);
        QVERIFY2(token.error.isEmpty(), qPrintable(token.error));
        const test::HttpReply reply =
            m_client.get(orders(), {{"Authorization", "Bearer " + token.token.toLatin1()}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[QStringLiteral("sub")].toString(), QStringLiteral("ada"));
    }

    void requestWithoutATokenIsUnauthorized() {
        const test::HttpReply reply = m_client.get(orders());
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.body, QByteArray(R"({"message":"Unauthorized"})"));
    }

    void expiredTestTokenIsUnauthorized() {
        TestTokenRequest request;
        request.scopes = {QStringLiteral("orders:read")};
        request.lifetimeSeconds = -60;
        const TestTokenResult token = makeTestToken(m_authorizer, project(), request);
        const test::HttpReply reply =
            m_client.get(orders(), {{"Authorization", "Bearer " + token.token.toLatin1()}});
        QCOMPARE(reply.status, 401);
    }

    void tokenWithoutTheRouteScopeIsForbidden() {
        const TestTokenResult token = makeTestToken(m_authorizer, project(), {});
        const test::HttpReply reply =
            m_client.get(orders(), {{"Authorization", "Bearer " + token.token.toLatin1()}});
        QCOMPARE(reply.status, 403);
    }
};

QTEST_GUILESS_MAIN(TestServeTestToken)
#include "tst_serve_testtoken.moc"
