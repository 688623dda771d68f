// JWT authorizers for HTTP APIs ("Controlling access to HTTP APIs with JWT authorizers"): take the
// token from the identity source (bare or after "Bearer "), check its signature with the JWKS key
// named by kid, then iss against the issuer, aud or client_id against the audience, exp and nbf (and
// iat) against the current time, and the scope/scp claim against the route's authorizationScopes
// ("at least one"). Token failures are 401 {"message":"Unauthorized"}; missing scopes are 403
// {"message":"Forbidden"}. RSA algorithms are what AWS supports; HS256 with oct keys is a local-only
// convenience so a project can sign test tokens without a key pair.
#pragma once

#include "GatewayRequest.h"
#include "InvocationContext.h"
#include "Jwks.h"
#include "project/Authorizer.h"

namespace gatehouse {

struct JwtVerdict {
    enum class Outcome { Allow, Unauthorized, Forbidden };
    Outcome outcome = Outcome::Unauthorized;
    QString reason;                    // for the gateway log and $context.authorizer.error
    QString wwwAuthenticate;           // WWW-Authenticate value to send, empty = none
    OrderedJson claims;                // every claim as text, as API Gateway passes them
    std::optional<QStringList> scopes; // the token's scopes when the route requires scopes, else null
};

class JwtAuthorizer {
public:
    JwtAuthorizer(Authorizer configuration, Jwks keys, int leewaySeconds = 0);

    JwtVerdict authorize(const GatewayRequest &request, const InvocationContext &context,
                         const QStringList &routeScopes, qint64 nowEpochSeconds) const;

    // API Gateway passes claims as strings: numbers and booleans as their JSON text, arrays in
    // Go's "[a b c]" form (observed for cognito:groups), objects as "map[k:v]" (assumed, same source).
    static QString claimText(const OrderedJson &value);
    static QStringList tokenScopes(const OrderedJson &payload);

private:
    Authorizer m_configuration;
    Jwks m_keys;
    int m_leewaySeconds;
};

// requestContext.authorizer for the integration: {"jwt": {"claims", "scopes"}} in payload 2.0,
// {"claims", "scopes"} in payload 1.0 (the HTTP API examples of both formats).
OrderedJson jwtAuthorizerContext(const JwtVerdict &verdict, bool payloadV2);

} // namespace gatehouse
