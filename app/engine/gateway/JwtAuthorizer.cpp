#include "JwtAuthorizer.h"

#include "IdentitySources.h"
#include "JwsToken.h"

#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

JwtVerdict unauthorized(const QString &reason, const QString &wwwAuthenticate = {}) {
    JwtVerdict verdict;
    verdict.reason = reason;
    verdict.wwwAuthenticate = wwwAuthenticate;
    return verdict;
}

std::optional<qint64> numericDate(const OrderedJson &payload, const char *claim) {
    if (!payload.contains(claim) || !payload[claim].is_number()) return std::nullopt;
    return static_cast<qint64>(std::floor(payload[claim].get<double>()));
}

QStringList stringsOf(const OrderedJson &value) {
    QStringList strings;
    if (value.is_string()) strings.append(fromUtf8(value.get<std::string>()));
    if (value.is_array())
        for (const OrderedJson &item : value)
            if (item.is_string()) strings.append(fromUtf8(item.get<std::string>()));
    return strings;
}

} // namespace

JwtAuthorizer::JwtAuthorizer(Authorizer configuration, Jwks keys, int leewaySeconds)
    : m_configuration(std::move(configuration))
    , m_keys(std::move(keys))
    , m_leewaySeconds(leewaySeconds) {}

QString JwtAuthorizer::claimText(const OrderedJson &value) {
    if (value.is_string()) return fromUtf8(value.get<std::string>());
    if (value.is_array()) {
        QStringList items;
        for (const OrderedJson &item : value)
            items.append(claimText(item));
        return QLatin1Char('[') + items.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    if (value.is_object()) {
        QStringList items;
        for (const auto &[key, item] : value.items())
            items.append(fromUtf8(key) + QLatin1Char(':') + claimText(item));
        items.sort(); // Go prints map keys sorted
        return QStringLiteral("map[") + items.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    return fromUtf8(value.dump());
}

QStringList JwtAuthorizer::tokenScopes(const OrderedJson &payload) {
    QStringList scopes;
    // "scope" is a space-separated string (RFC 8693 §4.2); "scp" is a list or a string.
    for (const char *claim : {"scope", "scp"}) {
        if (!payload.contains(claim)) continue;
        for (const QString &entry : stringsOf(payload[claim]))
            scopes.append(entry.split(QLatin1Char(' '), Qt::SkipEmptyParts));
    }
    scopes.removeDuplicates();
    return scopes;
}

JwtVerdict JwtAuthorizer::authorize(const GatewayRequest &request, const InvocationContext &context,
                                    const QStringList &routeScopes, qint64 now) const {
    const std::optional<QString> source =
        resolveIdentitySource(m_configuration.identitySource, request, context);
    if (!source) return unauthorized(QStringLiteral("no token in %1").arg(m_configuration.identitySource));
    QString tokenText = source->trimmed();
    if (tokenText.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        tokenText = tokenText.mid(7).trimmed();

    QString problem;
    const std::optional<JwsToken> token = JwsToken::parse(tokenText, problem);
    if (!token) return unauthorized(problem);
    const Jwks::Key *key = m_keys.find(token->keyId());
    if (!key)
        return unauthorized(
            QStringLiteral("no key in the JWKS matches the token's kid '%1'").arg(token->keyId()));
    if (!verifySignature(*token, *key, problem)) return unauthorized(problem);

    const OrderedJson &payload = token->payload;
    if (!m_configuration.issuer.isEmpty()) {
        const QStringList issuer = payload.contains("iss") ? stringsOf(payload["iss"]) : QStringList();
        if (issuer.size() != 1 || issuer.first() != m_configuration.issuer)
            return unauthorized(
                QStringLiteral("the token's iss does not match the issuer %1").arg(m_configuration.issuer));
    }
    if (!m_configuration.audience.isEmpty()) {
        QStringList audiences = payload.contains("aud") ? stringsOf(payload["aud"]) : QStringList();
        if (payload.contains("client_id")) audiences += stringsOf(payload["client_id"]);
        const bool matches = std::any_of(audiences.cbegin(), audiences.cend(), [&](const QString &audience) {
            return m_configuration.audience.contains(audience);
        });
        // The one WWW-Authenticate text AWS documents ("Troubleshooting JWT authorizers").
        if (!matches)
            return unauthorized(
                QStringLiteral("the token does not have a valid audience"),
                QStringLiteral(R"(Bearer scope="" error="invalid_token" )"
                               R"(error_description="the token does not have a valid audience")"));
    }
    const std::optional<qint64> expires = numericDate(payload, "exp");
    if (!expires) return unauthorized(QStringLiteral("the token has no exp claim"));
    if (*expires + m_leewaySeconds <= now) return unauthorized(QStringLiteral("the token has expired"));
    if (const auto notBefore = numericDate(payload, "nbf"); notBefore && *notBefore - m_leewaySeconds > now)
        return unauthorized(QStringLiteral("the token is not valid yet (nbf)"));
    if (const auto issuedAt = numericDate(payload, "iat"); issuedAt && *issuedAt - m_leewaySeconds > now)
        return unauthorized(QStringLiteral("the token was issued in the future (iat)"));

    JwtVerdict verdict;
    verdict.claims = OrderedJson::object();
    for (const auto &[name, value] : payload.items())
        verdict.claims[name] = utf8(claimText(value));
    if (!routeScopes.isEmpty()) {
        const QStringList scopes = tokenScopes(payload);
        verdict.scopes = scopes;
        const bool granted = std::any_of(scopes.cbegin(), scopes.cend(),
                                         [&](const QString &scope) { return routeScopes.contains(scope); });
        if (!granted) {
            verdict.outcome = JwtVerdict::Outcome::Forbidden;
            verdict.reason = QStringLiteral("the token has none of the route's scopes (%1)")
                                 .arg(routeScopes.join(QLatin1Char(' ')));
            return verdict;
        }
    }
    verdict.outcome = JwtVerdict::Outcome::Allow;
    return verdict;
}

OrderedJson jwtAuthorizerContext(const JwtVerdict &verdict, bool payloadV2) {
    OrderedJson jwt;
    jwt["claims"] = verdict.claims.is_null() ? OrderedJson::object() : verdict.claims;
    if (verdict.scopes) {
        jwt["scopes"] = OrderedJson::array();
        for (const QString &scope : *verdict.scopes)
            jwt["scopes"].push_back(utf8(scope));
    } else {
        jwt["scopes"] = nullptr;
    }
    if (!payloadV2) return jwt;
    return {{"jwt", jwt}};
}

} // namespace gatehouse
