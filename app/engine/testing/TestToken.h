// "Make a test token": a JWT that a project's own JWT authorizer accepts, signed with the key set the
// authorizer trusts (an "oct" key → HS256, an RSA key whose private half Gatehouse created → RS256),
// and the local RSA key pair that such a token needs when the project has no keys yet.
#pragma once

#include "project/Authorizer.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gatehouse::testing {

struct TestTokenRequest {
    QString subject = QStringLiteral("test-user");
    QStringList scopes;         // the "scope" claim, space-separated
    int lifetimeSeconds = 3600; // negative: an already expired token
    QJsonObject extraClaims;    // added last, so they may also replace a standard claim
};

struct TestTokenResult {
    QString token; // empty when `error` says why
    QString error;
    QString algorithm; // "HS256" or "RS256"
    QString keyId;
};

// The claims API Gateway's JWT authorizer checks ("Controlling access to HTTP APIs with JWT
// authorizers", https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-jwt-authorizer.html):
// the kid header naming the JWKS key, iss = the authorizer's issuer, aud = its first audience, exp,
// nbf and iat, and scope (space-separated) for routes with authorization scopes; plus sub.
TestTokenResult makeTestToken(const Authorizer &authorizer, const QString &projectFolder,
                              const TestTokenRequest &request);

struct LocalKeySetup {
    QString jwksRelativePath; // what the caller sets as the authorizer's jwksUri; empty on error
    QString error;
};

// A new RSA-2048 key pair: the private key to <project>/.gatehouse/keys/<kid>.pem (owner-only), the
// public key added to the JWKS at auth/<authorizer>.jwks.json (created, or extended when it exists).
// The kid is the key's RFC 7638 thumbprint.
LocalKeySetup createLocalTestKeys(const QString &authorizerName, const QString &projectFolder);

// Where makeTestToken() looks for the private key of the RSA key named `kid`.
QString localPrivateKeyPath(const QString &projectFolder, const QString &kid);

} // namespace gatehouse::testing
