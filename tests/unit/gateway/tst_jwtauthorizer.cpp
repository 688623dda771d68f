// JWT authorizers for HTTP APIs ("Controlling access to HTTP APIs with JWT authorizers"): signature
// from the JWKS key named by kid, iss, aud/client_id, exp/nbf/iat, scopes, and the claims handed to
// the integration. RSA keys are generated and tokens signed here with OpenSSL; the clock is a number.
#include "GatewayFixtures.h"
#include "gateway/JwtAuthorizer.h"

#include <QMessageAuthenticationCode>
#include <QtTest>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

constexpr qint64 kNow = 1'700'000'000;

QByteArray b64(const QByteArray &bytes) {
    return base64UrlEncode(bytes);
}

QByteArray bignum(EVP_PKEY *key, const char *name) {
    BIGNUM *bn = nullptr;
    EVP_PKEY_get_bn_param(key, name, &bn);
    QByteArray bytes(BN_num_bytes(bn), Qt::Uninitialized);
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
    BN_free(bn);
    return bytes;
}

QByteArray rsaSign(EVP_PKEY *key, const QByteArray &input) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    size_t length = 0;
    EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(context, nullptr, &length, reinterpret_cast<const unsigned char *>(input.constData()),
                   static_cast<size_t>(input.size()));
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length,
                   reinterpret_cast<const unsigned char *>(input.constData()),
                   static_cast<size_t>(input.size()));
    EVP_MD_CTX_free(context);
    signature.resize(static_cast<qsizetype>(length));
    return signature;
}

OrderedJson standardClaims() {
    return {{"iss", "https://issuer.example"},
            {"aud", "my-api"},
            {"sub", "user-1"},
            {"exp", kNow + 3600},
            {"iat", kNow - 10},
            {"scope", "read write"}};
}

} // namespace

class JwtAuthorizerTest : public QObject {
    Q_OBJECT

    EVP_PKEY *m_key = nullptr;
    EVP_PKEY *m_otherKey = nullptr;
    QByteArray m_secret = QByteArrayLiteral("local-development-secret-0123456789");

    QString sign(const OrderedJson &claims, const char *kid = "rsa-1", EVP_PKEY *key = nullptr,
                 const char *alg = "RS256") const {
        const OrderedJson header = {{"alg", alg}, {"typ", "JWT"}, {"kid", kid}};
        const QByteArray input = b64(jsonBytes(header)) + '.' + b64(jsonBytes(claims));
        const QByteArray signature =
            QByteArray(alg).startsWith("HS")
                ? QMessageAuthenticationCode::hash(input, m_secret, QCryptographicHash::Sha256)
                : rsaSign(key ? key : m_key, input);
        return QString::fromLatin1(input + '.' + b64(signature));
    }

    Jwks jwks() const {
        const OrderedJson set = {{"keys",
                                  {{{"kty", "RSA"},
                                    {"kid", "rsa-1"},
                                    {"alg", "RS256"},
                                    {"use", "sig"},
                                    {"n", b64(bignum(m_key, OSSL_PKEY_PARAM_RSA_N)).toStdString()},
                                    {"e", b64(bignum(m_key, OSSL_PKEY_PARAM_RSA_E)).toStdString()}},
                                   {{"kty", "oct"}, {"kid", "hs-1"}, {"k", b64(m_secret).toStdString()}}}}};
        return Jwks::fromJson(jsonBytes(set));
    }

    JwtVerdict authorize(const QString &authorization, const QStringList &routeScopes = {}) const {
        Authorizer configuration;
        configuration.name = QStringLiteral("jwt");
        configuration.issuer = QStringLiteral("https://issuer.example");
        configuration.audience = {QStringLiteral("my-api")};
        HeaderFields headers;
        if (!authorization.isNull()) headers.append({QStringLiteral("Authorization"), authorization});
        return JwtAuthorizer(configuration, jwks())
            .authorize(request(QStringLiteral("GET"), QStringLiteral("/items"), {}, headers), httpContext(),
                       routeScopes, kNow);
    }

private slots:
    void initTestCase() {
        m_key = EVP_RSA_gen(2048);
        m_otherKey = EVP_RSA_gen(2048);
        QVERIFY(m_key && m_otherKey);
        QVERIFY(jwks().problems().isEmpty());
        QCOMPARE(jwks().keys().size(), 2);
    }
    void cleanupTestCase() {
        EVP_PKEY_free(m_key);
        EVP_PKEY_free(m_otherKey);
    }

    void validRs256TokenIsAllowed_data() {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("Bearer prefix") << "Bearer ";
        QTest::newRow("bare token") << "";
    }
    void validRs256TokenIsAllowed() {
        QFETCH(QString, prefix);
        const JwtVerdict verdict = authorize(prefix + sign(standardClaims()));
        QCOMPARE(verdict.outcome, JwtVerdict::Outcome::Allow);
        QCOMPARE(str(verdict.claims["sub"]), QStringLiteral("user-1"));
    }

    void claimsReachTheIntegrationAsStrings() {
        OrderedJson claims = standardClaims();
        claims["cognito:groups"] = {"admin", "users"};
        claims["email_verified"] = true;
        claims["address"] = {{"zip", "1000"}, {"city", "X"}};
        const JwtVerdict verdict = authorize(QStringLiteral("Bearer ") + sign(claims));
        QCOMPARE(verdict.outcome, JwtVerdict::Outcome::Allow);
        QCOMPARE(str(verdict.claims["exp"]), QString::number(kNow + 3600));
        QCOMPARE(str(verdict.claims["cognito:groups"]), QStringLiteral("[admin users]"));
        QCOMPARE(str(verdict.claims["email_verified"]), QStringLiteral("true"));
        QCOMPARE(str(verdict.claims["address"]), QStringLiteral("map[city:X zip:1000]"));
    }

    void invalidTokensAreUnauthorized_data() {
        QTest::addColumn<QString>("authorization");
        QTest::addColumn<QString>("reason");
        OrderedJson expired = standardClaims();
        expired["exp"] = kNow;
        OrderedJson notYet = standardClaims();
        notYet["nbf"] = kNow + 60;
        OrderedJson otherIssuer = standardClaims();
        otherIssuer["iss"] = "https://elsewhere.example";
        OrderedJson noExp = standardClaims();
        noExp.erase("exp");
        OrderedJson futureIat = standardClaims();
        futureIat["iat"] = kNow + 60;
        QTest::newRow("no header") << QString() << "no token";
        QTest::newRow("not a JWS") << "Bearer abc.def"
                                   << "compact JWS";
        QTest::newRow("unknown kid") << sign(standardClaims(), "rsa-9") << "kid";
        QTest::newRow("signed by another key")
            << sign(standardClaims(), "rsa-1", m_otherKey) << "does not verify";
        QTest::newRow("alg none") << sign(standardClaims(), "rsa-1", nullptr, "none") << "alg";
        QTest::newRow("HS token against the RSA key")
            << sign(standardClaims(), "rsa-1", nullptr, "HS256") << "alg";
        QTest::newRow("other issuer") << sign(otherIssuer) << "iss";
        QTest::newRow("expired at exactly now") << sign(expired) << "expired";
        QTest::newRow("not valid yet") << sign(notYet) << "nbf";
        QTest::newRow("issued in the future") << sign(futureIat) << "iat";
        QTest::newRow("no exp") << sign(noExp) << "exp";
    }
    void invalidTokensAreUnauthorized() {
        QFETCH(QString, authorization);
        QFETCH(QString, reason);
        const JwtVerdict verdict = authorize(authorization);
        QCOMPARE(verdict.outcome, JwtVerdict::Outcome::Unauthorized);
        QVERIFY2(verdict.reason.contains(reason), qPrintable(verdict.reason));
    }

    void wrongAudienceNamesTheDocumentedWwwAuthenticateError() {
        OrderedJson claims = standardClaims();
        claims["aud"] = {"other-api"};
        const JwtVerdict verdict = authorize(sign(claims));
        QCOMPARE(verdict.outcome, JwtVerdict::Outcome::Unauthorized);
        QCOMPARE(verdict.wwwAuthenticate,
                 QStringLiteral(R"(Bearer scope="" error="invalid_token" )"
                                R"(error_description="the token does not have a valid audience")"));
    }

    void clientIdCountsAsAudience() {
        OrderedJson claims = standardClaims();
        claims.erase("aud");
        claims["client_id"] = "my-api";
        QCOMPARE(authorize(sign(claims)).outcome, JwtVerdict::Outcome::Allow);
    }

    void routeScopesNeedAtLeastOneTokenScope_data() {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QStringList>("routeScopes");
        QTest::addColumn<int>("outcome");
        QTest::newRow("scope string grants")
            << "scope" << QStringList{QStringLiteral("write")} << int(JwtVerdict::Outcome::Allow);
        QTest::newRow("scp list grants")
            << "scp" << QStringList{QStringLiteral("write")} << int(JwtVerdict::Outcome::Allow);
        QTest::newRow("any one is enough")
            << "scope" << QStringList{QStringLiteral("admin"), QStringLiteral("read")}
            << int(JwtVerdict::Outcome::Allow);
        QTest::newRow("none matches")
            << "scope" << QStringList{QStringLiteral("admin")} << int(JwtVerdict::Outcome::Forbidden);
    }
    void routeScopesNeedAtLeastOneTokenScope() {
        QFETCH(QString, claim);
        QFETCH(QStringList, routeScopes);
        QFETCH(int, outcome);
        OrderedJson claims = standardClaims();
        claims.erase("scope");
        if (claim == QLatin1String("scp"))
            claims["scp"] = {"read", "write"};
        else
            claims["scope"] = "read write";
        const JwtVerdict verdict = authorize(sign(claims), routeScopes);
        QCOMPARE(int(verdict.outcome), outcome);
        QCOMPARE(verdict.scopes,
                 std::optional<QStringList>(QStringList{QStringLiteral("read"), QStringLiteral("write")}));
    }

    void scopesAreNullWhenTheRouteRequiresNone() {
        QVERIFY(!authorize(sign(standardClaims())).scopes.has_value());
    }

    void integrationSeesJwtClaimsAndScopes() {
        const JwtVerdict verdict = authorize(sign(standardClaims()), {QStringLiteral("read")});
        const OrderedJson v2 = jwtAuthorizerContext(verdict, true);
        QCOMPARE(str(v2["jwt"]["claims"]["sub"]), QStringLiteral("user-1"));
        QCOMPARE(v2["jwt"]["scopes"].dump(), std::string(R"(["read","write"])"));
        const OrderedJson v1 = jwtAuthorizerContext(authorize(sign(standardClaims())), false);
        QCOMPARE(str(v1["claims"]["iss"]), QStringLiteral("https://issuer.example"));
        QVERIFY(v1["scopes"].is_null());
    }

    void hs256WithAnOctKeyWorksForLocalTokens() {
        QCOMPARE(authorize(sign(standardClaims(), "hs-1", nullptr, "HS256")).outcome,
                 JwtVerdict::Outcome::Allow);
    }

    void jwksReportsUnusableKeys() {
        const Jwks keys =
            Jwks::fromJson(R"({"keys":[{"kty":"EC","kid":"e"},{"kty":"RSA","kid":"r","n":"!!"}]})");
        QVERIFY(keys.isEmpty());
        QCOMPARE(keys.problems().size(), 2);
        QVERIFY(!Jwks::fromJson("not json").problems().isEmpty());
    }
};

QTEST_GUILESS_MAIN(JwtAuthorizerTest)
#include "tst_jwtauthorizer.moc"
