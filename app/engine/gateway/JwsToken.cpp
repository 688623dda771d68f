#include "JwsToken.h"

#include <QMessageAuthenticationCode>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace gatehouse {

namespace {

const EVP_MD *rsaDigest(const QString &alg) {
    if (alg == QLatin1String("RS256")) return EVP_sha256();
    if (alg == QLatin1String("RS384")) return EVP_sha384();
    if (alg == QLatin1String("RS512")) return EVP_sha512();
    return nullptr;
}

std::optional<QCryptographicHash::Algorithm> hmacHash(const QString &alg) {
    if (alg == QLatin1String("HS256")) return QCryptographicHash::Sha256;
    if (alg == QLatin1String("HS384")) return QCryptographicHash::Sha384;
    if (alg == QLatin1String("HS512")) return QCryptographicHash::Sha512;
    return std::nullopt;
}

bool verifyRsa(const JwsToken &token, const EVP_MD *digest, EVP_PKEY *key) {
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool ok =
        context && EVP_DigestVerifyInit(context, nullptr, digest, nullptr, key) == 1 &&
        EVP_DigestVerify(context, reinterpret_cast<const unsigned char *>(token.signature.constData()),
                         static_cast<size_t>(token.signature.size()),
                         reinterpret_cast<const unsigned char *>(token.signingInput.constData()),
                         static_cast<size_t>(token.signingInput.size())) == 1;
    EVP_MD_CTX_free(context);
    return ok;
}

} // namespace

QString JwsToken::algorithm() const {
    return header.contains("alg") && header["alg"].is_string() ? fromUtf8(header["alg"].get<std::string>())
                                                               : QString();
}

QString JwsToken::keyId() const {
    return header.contains("kid") && header["kid"].is_string() ? fromUtf8(header["kid"].get<std::string>())
                                                               : QString();
}

std::optional<JwsToken> JwsToken::parse(const QString &compact, QString &problem) {
    const QByteArray text = compact.trimmed().toLatin1();
    const QList<QByteArray> parts = text.split('.');
    if (parts.size() != 3) {
        problem = QStringLiteral("the token is not a compact JWS (three dot-separated parts)");
        return std::nullopt;
    }
    const auto header = base64UrlDecode(parts[0]);
    const auto payload = base64UrlDecode(parts[1]);
    const auto signature = base64UrlDecode(parts[2]);
    if (!header || !payload || !signature) {
        problem = QStringLiteral("the token has a part that is not base64url");
        return std::nullopt;
    }
    JwsToken token;
    const auto headerJson = parseJson(*header);
    const auto payloadJson = parseJson(*payload);
    if (!headerJson || !headerJson->is_object() || !payloadJson || !payloadJson->is_object()) {
        problem = QStringLiteral("the token's header or payload is not a JSON object");
        return std::nullopt;
    }
    token.header = *headerJson;
    token.payload = *payloadJson;
    token.signingInput = parts[0] + '.' + parts[1];
    token.signature = *signature;
    return token;
}

bool verifySignature(const JwsToken &token, const Jwks::Key &key, QString &problem) {
    const QString alg = token.algorithm();
    if (!key.alg.isEmpty() && key.alg != alg) {
        problem =
            QStringLiteral("the token's alg %1 does not match key '%2' (%3)").arg(alg, key.kid, key.alg);
        return false;
    }
    if (const EVP_MD *digest = rsaDigest(alg)) {
        if (!key.rsaPublicKey) {
            problem = QStringLiteral("alg %1 needs an RSA key, key '%2' is %3").arg(alg, key.kid, key.kty);
            return false;
        }
        if (verifyRsa(token, digest, static_cast<EVP_PKEY *>(key.rsaPublicKey.get()))) return true;
        problem = QStringLiteral("the token's signature does not verify with key '%1'").arg(key.kid);
        return false;
    }
    if (const auto hash = hmacHash(alg)) {
        if (key.secret.isEmpty()) {
            problem = QStringLiteral("alg %1 needs an oct key, key '%2' is %3").arg(alg, key.kid, key.kty);
            return false;
        }
        const QByteArray expected = QMessageAuthenticationCode::hash(token.signingInput, key.secret, *hash);
        // Constant-time comparison: a timing difference would leak how much of a forged MAC is right.
        if (expected.size() == token.signature.size() &&
            CRYPTO_memcmp(expected.constData(), token.signature.constData(),
                          static_cast<size_t>(expected.size())) == 0)
            return true;
        problem = QStringLiteral("the token's signature does not verify with key '%1'").arg(key.kid);
        return false;
    }
    problem = QStringLiteral("unsupported alg '%1'").arg(alg);
    return false;
}

} // namespace gatehouse
