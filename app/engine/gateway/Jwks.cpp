#include "Jwks.h"

#include "JsonText.h"

#include <QStringList>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace gatehouse {

std::optional<QByteArray> base64UrlDecode(const QByteArray &text) {
    auto decoded =
        QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                                                 QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) return std::nullopt;
    return *decoded;
}

QByteArray base64UrlEncode(const QByteArray &bytes) {
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

namespace {

std::shared_ptr<void> rsaKeyFrom(const QByteArray &modulus, const QByteArray &exponent) {
    BIGNUM *n = BN_bin2bn(reinterpret_cast<const unsigned char *>(modulus.constData()),
                          static_cast<int>(modulus.size()), nullptr);
    BIGNUM *e = BN_bin2bn(reinterpret_cast<const unsigned char *>(exponent.constData()),
                          static_cast<int>(exponent.size()), nullptr);
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = nullptr;
    EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY *key = nullptr;
    if (n && e && builder && context && OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_N, n) == 1 &&
        OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_E, e) == 1 &&
        (params = OSSL_PARAM_BLD_to_param(builder)) != nullptr && EVP_PKEY_fromdata_init(context) == 1)
        EVP_PKEY_fromdata(context, &key, EVP_PKEY_PUBLIC_KEY, params);
    EVP_PKEY_CTX_free(context);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_free(n);
    BN_free(e);
    if (!key) return nullptr;
    return std::shared_ptr<void>(key, [](void *p) { EVP_PKEY_free(static_cast<EVP_PKEY *>(p)); });
}

QByteArray memberBytes(const OrderedJson &object, const char *name) {
    if (!object.contains(name) || !object[name].is_string()) return {};
    return QByteArray::fromStdString(object[name].get<std::string>());
}

} // namespace

Jwks Jwks::fromJson(const QByteArray &jsonText) {
    Jwks jwks;
    const std::optional<OrderedJson> document = parseJson(jsonText);
    if (!document || !document->is_object() || !document->contains("keys") ||
        !(*document)["keys"].is_array()) {
        jwks.m_problems.append(QStringLiteral("the JWKS is not a JSON object with a \"keys\" array"));
        return jwks;
    }
    int index = 0;
    for (const OrderedJson &entry : (*document)["keys"]) {
        const QString where = QStringLiteral("keys[%1]").arg(index++);
        if (!entry.is_object()) {
            jwks.m_problems.append(where + QStringLiteral(": not an object"));
            continue;
        }
        Key key;
        key.kid = QString::fromUtf8(memberBytes(entry, "kid"));
        key.kty = QString::fromUtf8(memberBytes(entry, "kty"));
        key.alg = QString::fromUtf8(memberBytes(entry, "alg"));
        if (key.kty == QLatin1String("RSA")) {
            const auto n = base64UrlDecode(memberBytes(entry, "n"));
            const auto e = base64UrlDecode(memberBytes(entry, "e"));
            if (n && e && !n->isEmpty() && !e->isEmpty()) key.rsaPublicKey = rsaKeyFrom(*n, *e);
            if (!key.rsaPublicKey) {
                jwks.m_problems.append(where + QStringLiteral(": RSA key needs base64url \"n\" and \"e\""));
                continue;
            }
        } else if (key.kty == QLatin1String("oct")) {
            const auto secret = base64UrlDecode(memberBytes(entry, "k"));
            if (!secret || secret->isEmpty()) {
                jwks.m_problems.append(where + QStringLiteral(": oct key needs a base64url \"k\""));
                continue;
            }
            key.secret = *secret;
        } else {
            jwks.m_problems.append(where + QStringLiteral(": unsupported kty '%1'").arg(key.kty));
            continue;
        }
        jwks.m_keys.append(key);
    }
    return jwks;
}

const Jwks::Key *Jwks::find(const QString &kid) const {
    for (const Key &key : m_keys)
        if (key.kid == kid) return &key;
    return nullptr;
}

} // namespace gatehouse
