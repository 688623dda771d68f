// "Make a test token": tokens signed with the project's own key set are accepted by the gateway's
// JWT authorizer code ("Controlling access to HTTP APIs with JWT authorizers": iss, aud, exp, nbf,
// iat, scope), wrong configurations and expired tokens are refused by it, and missing keys give an
// error that says how to create them.
#include "gateway/JwtAuthorizer.h"
#include "testing/TestToken.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::testing;

namespace {

const QByteArray kSecret = "local-test-secret-0123456789abcdef";

Authorizer jwtAuthorizer(const QString &jwksUri) {
    Authorizer a;
    a.name = QStringLiteral("jwt-auth");
    a.type = AuthorizerType::Jwt;
    a.issuer = QStringLiteral("https://issuer.example.test");
    a.audience = {QStringLiteral("shop"), QStringLiteral("other-client")};
    a.jwksUri = jwksUri;
    return a;
}

void writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray readFile(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The gateway's verdict on `token`, with the key set read from the project as the gateway reads it.
JwtVerdict verify(const Authorizer &configuration, const QString &projectFolder, const QString &token,
                  const QStringList &routeScopes = {}) {
    const Jwks keys = Jwks::fromJson(readFile(QDir(projectFolder).filePath(configuration.jwksUri)));
    GatewayRequest request;
    request.method = QStringLiteral("GET");
    request.rawPath = QStringLiteral("/orders");
    request.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + token});
    return JwtAuthorizer(configuration, keys)
        .authorize(request, InvocationContext(), routeScopes, QDateTime::currentSecsSinceEpoch());
}

QString claim(const JwtVerdict &verdict, const char *name) {
    return verdict.claims.contains(name) ? QString::fromStdString(verdict.claims[name].get<std::string>())
                                         : QString();
}

} // namespace

class TestTestToken : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_projects = 0;

    QString newProject() {
        const QString folder = m_dir.filePath(QStringLiteral("project-%1").arg(++m_projects));
        QDir().mkpath(folder);
        return folder;
    }
    QString hsProject() {
        const QString folder = newProject();
        writeFile(folder + QStringLiteral("/auth/hs.json"),
                  "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"hs-1\",\"k\":\"" + base64UrlEncode(kSecret) +
                      "\"}]}");
        return folder;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void hs256TokenFromAnOctKeyIsAccepted() {
        const QString project = hsProject();
        const Authorizer authorizer = jwtAuthorizer(QStringLiteral("auth/hs.json"));
        TestTokenRequest request;
        request.scopes = {QStringLiteral("orders:read"), QStringLiteral("orders:write")};
        request.extraClaims = {{QStringLiteral("email"), QStringLiteral("ada@example.com")}};
        const TestTokenResult result = makeTestToken(authorizer, project, request);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.algorithm, QStringLiteral("HS256"));
        QCOMPARE(result.keyId, QStringLiteral("hs-1"));

        const JwtVerdict verdict =
            verify(authorizer, project, result.token, {QStringLiteral("orders:write")});
        QVERIFY2(verdict.outcome == JwtVerdict::Outcome::Allow, qPrintable(verdict.reason));
        QCOMPARE(claim(verdict, "iss"), QStringLiteral("https://issuer.example.test"));
        QCOMPARE(claim(verdict, "aud"), QStringLiteral("shop")); // the first audience
        QCOMPARE(claim(verdict, "sub"), QStringLiteral("test-user"));
        QCOMPARE(claim(verdict, "scope"), QStringLiteral("orders:read orders:write"));
        QCOMPARE(claim(verdict, "email"), QStringLiteral("ada@example.com"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QVERIFY(qAbs(claim(verdict, "iat").toLongLong() - now) <= 5);
        QCOMPARE(claim(verdict, "nbf"), claim(verdict, "iat"));
        QCOMPARE(claim(verdict, "exp").toLongLong(), claim(verdict, "iat").toLongLong() + 3600);
        QCOMPARE(*verdict.scopes,
                 (QStringList{QStringLiteral("orders:read"), QStringLiteral("orders:write")}));
    }

    void rs256TokenAfterCreatingLocalKeysIsAccepted() {
        const QString project = newProject();
        const LocalKeySetup setup = createLocalTestKeys(QStringLiteral("jwt auth/v2"), project);
        QVERIFY2(setup.error.isEmpty(), qPrintable(setup.error));
        QCOMPARE(setup.jwksRelativePath, QStringLiteral("auth/jwt-auth-v2.jwks.json"));

        const QJsonArray keys =
            QJsonDocument::fromJson(readFile(QDir(project).filePath(setup.jwksRelativePath)))["keys"]
                .toArray();
        QCOMPARE(keys.size(), 1);
        const QJsonObject key = keys.first().toObject();
        QCOMPARE(key["kty"].toString(), QStringLiteral("RSA"));
        QCOMPARE(key["alg"].toString(), QStringLiteral("RS256"));
        QVERIFY(!key.contains(QStringLiteral("d"))); // the published set holds no private part
        const QString kid = key["kid"].toString();
        QCOMPARE(kid.size(), 43); // a base64url SHA-256 thumbprint (RFC 7638)

        const QString privateKey = localPrivateKeyPath(project, kid);
        QVERIFY(readFile(privateKey).startsWith("-----BEGIN PRIVATE KEY-----"));
        QCOMPARE(QFileInfo(privateKey).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther |
                      QFile::ReadOwner | QFile::WriteOwner),
                 QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(readFile(project + QStringLiteral("/.gatehouse/keys/.gitignore")), QByteArray("*\n"));

        const Authorizer authorizer = jwtAuthorizer(setup.jwksRelativePath);
        const TestTokenResult result = makeTestToken(authorizer, project, {});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.algorithm, QStringLiteral("RS256"));
        QCOMPARE(result.keyId, kid);
        const JwtVerdict verdict = verify(authorizer, project, result.token);
        QVERIFY2(verdict.outcome == JwtVerdict::Outcome::Allow, qPrintable(verdict.reason));

        // A second key pair joins the same set; tokens still verify, the first key is kept.
        const LocalKeySetup again = createLocalTestKeys(QStringLiteral("jwt auth/v2"), project);
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(Jwks::fromJson(readFile(QDir(project).filePath(setup.jwksRelativePath))).keys().size(), 2);
        QCOMPARE(verify(authorizer, project, makeTestToken(authorizer, project, {}).token).outcome,
                 JwtVerdict::Outcome::Allow);
    }

    void gatewayConfiguredForAnotherAudienceRefusesTheToken() {
        const QString project = hsProject();
        const TestTokenResult result =
            makeTestToken(jwtAuthorizer(QStringLiteral("auth/hs.json")), project, {});
        Authorizer elsewhere = jwtAuthorizer(QStringLiteral("auth/hs.json"));
        elsewhere.audience = {QStringLiteral("billing")};
        const JwtVerdict verdict = verify(elsewhere, project, result.token);
        QCOMPARE(verdict.outcome, JwtVerdict::Outcome::Unauthorized);
        QVERIFY2(verdict.reason.contains(QLatin1String("audience")), qPrintable(verdict.reason));
    }

    void expiredTokenIsRefused() {
        const QString project = hsProject();
        const Authorizer authorizer = jwtAuthorizer(QStringLiteral("auth/hs.json"));
        TestTokenRequest request;
        request.lifetimeSeconds = -60;
        const JwtVerdict verdict =
            verify(authorizer, project, makeTestToken(authorizer, project, request).token);
        QCOMPARE(verdict.outcome, JwtVerdict::Outcome::Unauthorized);
        QVERIFY2(verdict.reason.contains(QLatin1String("expired")), qPrintable(verdict.reason));
    }

    void extraClaimsReplaceStandardOnes() {
        const QString project = hsProject();
        const Authorizer authorizer = jwtAuthorizer(QStringLiteral("auth/hs.json"));
        TestTokenRequest request;
        request.extraClaims = {{QStringLiteral("iss"), QStringLiteral("https://impostor.example")}};
        const JwtVerdict verdict =
            verify(authorizer, project, makeTestToken(authorizer, project, request).token);
        QCOMPARE(verdict.outcome, JwtVerdict::Outcome::Unauthorized);
        QVERIFY2(verdict.reason.contains(QLatin1String("iss")), qPrintable(verdict.reason));
    }

    void missingKeysGiveAnErrorSayingWhatToDo_data() {
        QTest::addColumn<QString>("jwksUri");
        QTest::addColumn<QByteArray>("jwks");
        QTest::addColumn<QString>("error");
        QTest::newRow("no jwksUri") << QString() << QByteArray() << "names no key set";
        QTest::newRow("remote key set") << "https://idp.example/.well-known/jwks.json" << QByteArray()
                                        << "only the identity provider has";
        QTest::newRow("RSA key without a private key")
            << "auth/idp.json" << QByteArray("generated")
            << "no private key for the RSA keys of auth/idp.json (";
        QTest::newRow("not a key set") << "auth/idp.json" << QByteArray("[]") << "holds no usable key";
    }
    void missingKeysGiveAnErrorSayingWhatToDo() {
        QFETCH(QString, jwksUri);
        QFETCH(QByteArray, jwks);
        QFETCH(QString, error);
        const QString project = newProject();
        if (jwks == "generated") { // a real RSA public key whose private half lives in another project
            const QString elsewhere = newProject();
            const LocalKeySetup setup = createLocalTestKeys(QStringLiteral("idp"), elsewhere);
            QVERIFY2(setup.error.isEmpty(), qPrintable(setup.error));
            jwks = readFile(QDir(elsewhere).filePath(setup.jwksRelativePath));
        }
        if (!jwks.isEmpty()) writeFile(QDir(project).filePath(jwksUri), jwks);
        const TestTokenResult result = makeTestToken(jwtAuthorizer(jwksUri), project, {});
        QVERIFY(result.token.isEmpty());
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("create local test keys")), qPrintable(result.error));
    }

    void otherProblemsAreNamed() {
        const QString project = newProject();
        TestTokenResult result =
            makeTestToken(jwtAuthorizer(QStringLiteral("auth/missing.json")), project, {});
        QVERIFY2(result.error.contains(QLatin1String("cannot read")), qPrintable(result.error));

        Authorizer lambda = jwtAuthorizer(QString());
        lambda.type = AuthorizerType::Lambda;
        result = makeTestToken(lambda, project, {});
        QVERIFY2(result.error.contains(QLatin1String("not a JWT authorizer")), qPrintable(result.error));

        // A private key under the kid of another key is refused rather than signing a bad token.
        const LocalKeySetup first = createLocalTestKeys(QStringLiteral("a"), project);
        const LocalKeySetup second = createLocalTestKeys(QStringLiteral("b"), project);
        const QString kidA =
            Jwks::fromJson(readFile(QDir(project).filePath(first.jwksRelativePath))).keys()[0].kid;
        const QString kidB =
            Jwks::fromJson(readFile(QDir(project).filePath(second.jwksRelativePath))).keys()[0].kid;
        QFile::remove(localPrivateKeyPath(project, kidA));
        QVERIFY(QFile::copy(localPrivateKeyPath(project, kidB), localPrivateKeyPath(project, kidA)));
        result = makeTestToken(jwtAuthorizer(first.jwksRelativePath), project, {});
        QVERIFY2(result.error.contains(QLatin1String("does not belong")), qPrintable(result.error));
    }

    void creatingKeysNeedsAFolderAndKeepsAForeignFile() {
        QVERIFY(createLocalTestKeys(QStringLiteral("a"), QString())
                    .error.contains(QLatin1String("save the project")));
        const QString project = newProject();
        writeFile(project + QStringLiteral("/auth/a.jwks.json"), "not json");
        const LocalKeySetup setup = createLocalTestKeys(QStringLiteral("a"), project);
        QVERIFY(setup.jwksRelativePath.isEmpty());
        QVERIFY2(setup.error.contains(QLatin1String("not a key set")), qPrintable(setup.error));
        QCOMPARE(readFile(project + QStringLiteral("/auth/a.jwks.json")), QByteArray("not json"));
        QVERIFY(!QDir(project + QStringLiteral("/.gatehouse/keys")).exists());
    }
};

QTEST_GUILESS_MAIN(TestTestToken)
#include "tst_testtoken.moc"
