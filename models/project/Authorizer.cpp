#include "Authorizer.h"

namespace gatehouse {

QString authorizerTypeToString(AuthorizerType type) {
    switch (type) {
    case AuthorizerType::Jwt:
        return QStringLiteral("jwt");
    case AuthorizerType::Lambda:
        return QStringLiteral("lambda");
    case AuthorizerType::ApiKey:
        return QStringLiteral("apiKey");
    }
    return {};
}

std::optional<AuthorizerType> authorizerTypeFromString(const QString &text) {
    for (AuthorizerType t : {AuthorizerType::Jwt, AuthorizerType::Lambda, AuthorizerType::ApiKey})
        if (authorizerTypeToString(t) == text) return t;
    return std::nullopt;
}

} // namespace gatehouse
