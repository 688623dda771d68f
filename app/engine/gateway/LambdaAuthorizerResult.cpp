#include "LambdaAuthorizerResult.h"

namespace gatehouse {

namespace {

AuthorizerVerdict verdict(AuthorizerVerdict::Outcome outcome, const QString &reason) {
    AuthorizerVerdict result;
    result.outcome = outcome;
    result.reason = reason;
    return result;
}

bool usesSimpleResponses(const Authorizer &authorizer, ApiType apiType) {
    return apiType == ApiType::Http && authorizer.enableSimpleResponses &&
           authorizer.payloadFormatVersion != QLatin1String("1.0");
}

} // namespace

std::optional<AuthorizerAnswer> parseAuthorizerAnswer(const Authorizer &authorizer, ApiType apiType,
                                                      const QByteArray &output, QString &problem) {
    const std::optional<OrderedJson> json = parseJson(output);
    if (!json || !json->is_object()) {
        problem = QStringLiteral("the authorizer's output is not a JSON object");
        return std::nullopt;
    }
    AuthorizerAnswer answer;
    answer.context = json->contains("context") ? (*json)["context"] : OrderedJson();
    if (!answer.context.is_null() && !answer.context.is_object()) {
        problem = QStringLiteral("context must be an object");
        return std::nullopt;
    }
    if (apiType == ApiType::Rest && answer.context.is_object()) {
        for (const auto &[key, value] : answer.context.items())
            if (value.is_object() || value.is_array()) {
                problem =
                    QStringLiteral("context value '%1' is an object or array; REST allows strings, numbers "
                                   "and booleans")
                        .arg(fromUtf8(key));
                return std::nullopt;
            }
    }
    if (usesSimpleResponses(authorizer, apiType)) {
        if (!json->contains("isAuthorized") || !(*json)["isAuthorized"].is_boolean()) {
            problem = QStringLiteral("a simple response needs a boolean isAuthorized");
            return std::nullopt;
        }
        answer.simple = true;
        answer.isAuthorized = (*json)["isAuthorized"].get<bool>();
        return answer;
    }
    if (json->contains("principalId") && (*json)["principalId"].is_string())
        answer.principalId = fromUtf8((*json)["principalId"].get<std::string>());
    else if (apiType == ApiType::Rest) {
        problem = QStringLiteral("the response has no principalId");
        return std::nullopt;
    }
    if (!json->contains("policyDocument")) {
        problem = QStringLiteral("the response has no policyDocument");
        return std::nullopt;
    }
    answer.policy = AuthorizerPolicy::fromJson((*json)["policyDocument"], problem);
    if (!answer.policy) return std::nullopt;
    return answer;
}

AuthorizerVerdict decideAuthorizer(const AuthorizerAnswer &answer, const QString &methodArn) {
    AuthorizerVerdict result;
    result.answer = answer;
    if (answer.simple) {
        result.outcome = answer.isAuthorized ? AuthorizerVerdict::Outcome::Allow
                                             : AuthorizerVerdict::Outcome::ExplicitDeny;
        if (!answer.isAuthorized)
            result.reason = QStringLiteral("the authorizer returned isAuthorized: false");
        return result;
    }
    switch (answer.policy->evaluate(methodArn)) {
    case AuthorizerPolicy::Effect::Allow:
        result.outcome = AuthorizerVerdict::Outcome::Allow;
        break;
    case AuthorizerPolicy::Effect::ExplicitDeny:
        result.outcome = AuthorizerVerdict::Outcome::ExplicitDeny;
        result.reason = QStringLiteral("the policy denies %1").arg(methodArn);
        break;
    case AuthorizerPolicy::Effect::ImplicitDeny:
        result.outcome = AuthorizerVerdict::Outcome::ImplicitDeny;
        result.reason = QStringLiteral("no policy statement allows %1").arg(methodArn);
        break;
    }
    return result;
}

AuthorizerVerdict evaluateAuthorizerInvocation(const Authorizer &authorizer, ApiType apiType,
                                               const AuthorizerInvocation &invocation,
                                               const QString &methodArn) {
    if (invocation.functionError) {
        // REST convention (AWS authorizer blueprints): failing with exactly "Unauthorized" means 401.
        if (apiType == ApiType::Rest && invocation.errorMessage == QLatin1String("Unauthorized"))
            return verdict(AuthorizerVerdict::Outcome::Unauthorized,
                           QStringLiteral("the authorizer said Unauthorized"));
        return verdict(AuthorizerVerdict::Outcome::Failure,
                       QStringLiteral("the authorizer failed: %1").arg(invocation.errorMessage));
    }
    QString problem;
    const std::optional<AuthorizerAnswer> answer =
        parseAuthorizerAnswer(authorizer, apiType, invocation.output, problem);
    if (!answer) return verdict(AuthorizerVerdict::Outcome::Failure, problem);
    return decideAuthorizer(*answer, methodArn);
}

GatewayError gatewayErrorFor(const AuthorizerVerdict &verdict) {
    switch (verdict.outcome) {
    case AuthorizerVerdict::Outcome::Unauthorized:
        return GatewayError::Unauthorized;
    case AuthorizerVerdict::Outcome::ExplicitDeny:
        return GatewayError::AccessDeniedExplicit;
    case AuthorizerVerdict::Outcome::ImplicitDeny:
        return GatewayError::AccessDeniedImplicit;
    case AuthorizerVerdict::Outcome::Allow:
    case AuthorizerVerdict::Outcome::Failure:
        break;
    }
    return GatewayError::AuthorizerFailure;
}

OrderedJson lambdaAuthorizerContext(const AuthorizerAnswer &answer, ApiType apiType, bool payloadV2,
                                    qint64 latencyMs) {
    const OrderedJson context = answer.context.is_object() ? answer.context : OrderedJson::object();
    if (apiType == ApiType::Http && payloadV2) return {{"lambda", context}};
    OrderedJson flattened = OrderedJson::object();
    for (const auto &[key, value] : context.items()) {
        if (apiType == ApiType::Rest && (value.is_number() || value.is_boolean()))
            flattened[key] = value.dump();
        else
            flattened[key] = value;
    }
    if (!answer.simple) flattened["principalId"] = utf8(answer.principalId);
    flattened["integrationLatency"] = latencyMs;
    return flattened;
}

} // namespace gatehouse
