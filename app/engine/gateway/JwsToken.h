// A compact JWS (RFC 7515) such as a JWT bearer token: three base64url parts, a JSON header and
// payload, and a signature checked against a JWKS key (RS256/384/512 via OpenSSL, HS256/384/512 via
// QMessageAuthenticationCode for local oct keys).
#pragma once

#include "JsonText.h"
#include "Jwks.h"

#include <QString>
#include <optional>

namespace gatehouse {

struct JwsToken {
    OrderedJson header;
    OrderedJson payload;
    QByteArray signingInput; // "<header>.<payload>" as sent
    QByteArray signature;

    QString algorithm() const;
    QString keyId() const;

    // nullopt with `problem` set when the text is not a well-formed compact JWS with JSON objects.
    static std::optional<JwsToken> parse(const QString &compact, QString &problem);
};

// True when the token's alg fits the key (kty and, if the key names one, alg) and the signature
// verifies; `problem` explains a false.
bool verifySignature(const JwsToken &token, const Jwks::Key &key, QString &problem);

} // namespace gatehouse
