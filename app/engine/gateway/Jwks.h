// A JSON Web Key Set (RFC 7517) holding the keys a JWT authorizer trusts: RSA public keys (what
// API Gateway supports, "Controlling access to HTTP APIs with JWT authorizers") and, for local
// development only, symmetric "oct" keys for HS256. Keys come from JSON text the caller provides.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace gatehouse {

class Jwks {
public:
    struct Key {
        QString kid;
        QString kty;                        // "RSA" or "oct"
        QString alg;                        // optional restriction, e.g. "RS256"
        std::shared_ptr<void> rsaPublicKey; // an EVP_PKEY*, freed with EVP_PKEY_free
        QByteArray secret;                  // oct keys
    };

    // Unusable entries (unknown kty, bad base64url, ...) are skipped and described in `problems`.
    static Jwks fromJson(const QByteArray &jsonText);

    const Key *find(const QString &kid) const;
    const QList<Key> &keys() const { return m_keys; }
    const QStringList &problems() const { return m_problems; }
    bool isEmpty() const { return m_keys.isEmpty(); }

private:
    QList<Key> m_keys;
    QStringList m_problems;
};

// RFC 7515 base64url without padding; nullopt when the text has other characters.
std::optional<QByteArray> base64UrlDecode(const QByteArray &text);
QByteArray base64UrlEncode(const QByteArray &bytes);

} // namespace gatehouse
