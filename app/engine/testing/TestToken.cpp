// makeTestToken(): signs with the key the authorizer's JWKS names, so the gateway's own verifier
// (gateway/JwtAuthorizer) accepts the token exactly as it would one from the real identity provider.
#include "TestToken.h"

#include "gateway/Jwks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace gatehouse::testing {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::testing", text);
}

TestTokenResult failure(const QString &error) {
    TestTokenResult result;
    result.error = error;
    return result;
}

using PrivateKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

// An unencrypted PEM private key; an encrypted one is refused instead of OpenSSL asking for a
// passphrase on the terminal.
PrivateKey readPrivateKey(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {nullptr, EVP_PKEY_free};
    const QByteArray pem = file.read(64 * 1024);
    BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(
                              bio, nullptr, [](char *, int, int, void *) { return 0; }, nullptr)
                        : nullptr;
    BIO_free(bio);
    return {key, EVP_PKEY_free};
}

const EVP_MD *rsaDigest(const QString &alg) {
    if (alg == QLatin1String("RS384")) return EVP_sha384();
    if (alg == QLatin1String("RS512")) return EVP_sha512();
    return EVP_sha256();
}

QCryptographicHash::Algorithm hmacHash(const QString &alg) {
    if (alg == QLatin1String("HS384")) return QCryptographicHash::Sha384;
    if (alg == QLatin1String("HS512")) return QCryptographicHash::Sha512;
    return QCryptographicHash::Sha256;
}

QByteArray rsaSign(EVP_PKEY *key, const EVP_MD *digest, const QByteArray &input) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    size_t length = 0;
    QByteArray signature;
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    if (context && EVP_DigestSignInit(context, nullptr, digest, nullptr, key) == 1 &&
        EVP_DigestSign(context, nullptr, &length, data, size_t(input.size())) == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                           size_t(input.size())) == 1)
            signature.resize(qsizetype(length));
        else
            signature.clear();
    }
    EVP_MD_CTX_free(context);
    return signature;
}

QByteArray compactJson(const QJsonObject &object) {
    return base64UrlEncode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject claimsFor(const Authorizer &authorizer, const TestTokenRequest &request) {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QJsonObject claims;
    if (!authorizer.issuer.isEmpty()) claims.insert(QStringLiteral("iss"), authorizer.issuer);
    if (!authorizer.audience.isEmpty()) claims.insert(QStringLiteral("aud"), authorizer.audience.first());
    if (!request.subject.isEmpty()) claims.insert(QStringLiteral("sub"), request.subject);
    claims.insert(QStringLiteral("iat"), now);
    claims.insert(QStringLiteral("nbf"), now);
    claims.insert(QStringLiteral("exp"), now + request.lifetimeSeconds);
    if (!request.scopes.isEmpty())
        claims.insert(QStringLiteral("scope"), request.scopes.join(QLatin1Char(' ')));
    for (auto it = request.extraClaims.constBegin(); it != request.extraClaims.constEnd(); ++it)
        claims.insert(it.key(), it.value());
    return claims;
}

QString createKeysHint() {
    return tr("create local test keys for this authorizer (Gatehouse keeps the private key in the "
              "project's .gatehouse/keys folder)");
}

} // namespace

QString localPrivateKeyPath(const QString &projectFolder, const QString &kid) {
    return QDir(projectFolder).filePath(QStringLiteral(".gatehouse/keys/%1.pem").arg(kid));
}

TestTokenResult makeTestToken(const Authorizer &authorizer, const QString &projectFolder,
                              const TestTokenRequest &request) {
    if (authorizer.type != AuthorizerType::Jwt)
        return failure(
            tr("'%1' is not a JWT authorizer: only JWT authorizers take tokens").arg(authorizer.name));
    if (authorizer.jwksUri.isEmpty())
        return failure(
            tr("JWT authorizer '%1' names no key set (jwksUri): %2").arg(authorizer.name, createKeysHint()));
    if (authorizer.jwksUri.contains(QLatin1String("://")))
        return failure(tr("the keys of JWT authorizer '%1' are at %2, whose private keys only the identity "
                          "provider has: %3")
                           .arg(authorizer.name, authorizer.jwksUri, createKeysHint()));

    QFile file(QDir(projectFolder).absoluteFilePath(authorizer.jwksUri));
    if (!file.open(QIODevice::ReadOnly))
        return failure(tr("cannot read the key set %1: %2").arg(file.fileName(), file.errorString()));
    const Jwks keys = Jwks::fromJson(file.read(1024 * 1024)); // the gateway's own limit
    if (keys.isEmpty())
        return failure(
            tr("the key set %1 holds no usable key (%2): %3")
                .arg(authorizer.jwksUri, keys.problems().join(QLatin1String("; ")), createKeysHint()));

    TestTokenResult result;
    QByteArray signingInput;
    auto header = [&](const QString &alg, const QString &kid) {
        QJsonObject object{{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
        if (!kid.isEmpty()) object.insert(QStringLiteral("kid"), kid); // the verifier looks keys up by kid
        result.algorithm = alg;
        result.keyId = kid;
        signingInput = compactJson(object) + '.' + compactJson(claimsFor(authorizer, request));
    };

    // A shared secret signs directly (HS256 is the local-only convenience the gateway accepts).
    for (const Jwks::Key &key : keys.keys()) {
        if (key.kty != QLatin1String("oct")) continue;
        header(key.alg.startsWith(QLatin1String("HS")) ? key.alg : QStringLiteral("HS256"), key.kid);
        const QByteArray mac =
            QMessageAuthenticationCode::hash(signingInput, key.secret, hmacHash(result.algorithm));
        result.token = QString::fromLatin1(signingInput + '.' + base64UrlEncode(mac));
        return result;
    }

    QStringList kids;
    for (const Jwks::Key &key : keys.keys()) {
        if (key.kty != QLatin1String("RSA") || !key.rsaPublicKey) continue;
        kids.append(key.kid.isEmpty() ? tr("(no kid)") : key.kid);
        if (key.kid.isEmpty()) continue;
        const QString path = localPrivateKeyPath(projectFolder, key.kid);
        if (!QFile::exists(path)) continue;
        const PrivateKey privateKey = readPrivateKey(path);
        if (!privateKey)
            return failure(
                tr("%1 is not an unencrypted PEM private key").arg(QDir::toNativeSeparators(path)));
        if (EVP_PKEY_eq(privateKey.get(), static_cast<EVP_PKEY *>(key.rsaPublicKey.get())) != 1)
            return failure(tr("the private key %1 does not belong to key '%2' of %3")
                               .arg(QDir::toNativeSeparators(path), key.kid, authorizer.jwksUri));
        header(key.alg.startsWith(QLatin1String("RS")) ? key.alg : QStringLiteral("RS256"), key.kid);
        const QByteArray signature = rsaSign(privateKey.get(), rsaDigest(result.algorithm), signingInput);
        if (signature.isEmpty()) return failure(tr("OpenSSL could not sign with %1").arg(path));
        result.token = QString::fromLatin1(signingInput + '.' + base64UrlEncode(signature));
        return result;
    }
    return failure(tr("no private key for the RSA keys of %1 (%2) in .gatehouse/keys: %3")
                       .arg(authorizer.jwksUri, kids.join(QLatin1String(", ")), createKeysHint()));
}

} // namespace gatehouse::testing
