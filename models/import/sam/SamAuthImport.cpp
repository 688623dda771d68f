// Authorizers and usage plans declared in a SAM API's Auth: HttpApi JWT and Lambda authorizers
// (.../sam-property-httpapi-oauth2authorizer.html, .../sam-property-httpapi-lambdaauthorizer.html), Api
// Lambda TOKEN/REQUEST authorizers (.../sam-property-api-lambdatokenauthorizer.html) and Auth.UsagePlan
// (.../sam-property-api-apiusageplan.html).
#include "SamAuthImport.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {
bool lambdaFunction(SamReader &r, const OrderedJson &arn, Authorizer &a, const QString &path) {
    const QString id = TemplateValues::referencedId(arn);
    a.function = r.functionNames.value(id);
    if (a.function.isEmpty()) {
        r.ctx.warning(path + QStringLiteral(".FunctionArn"),
                      QCoreApplication::translate(
                          "gatehouse::Import",
                          "the authorizer's function is not in the template; authorizer '%1' is not imported")
                          .arg(a.name));
        return false;
    }
    return true;
}

QStringList identitySources(const OrderedJson *identity) {
    QStringList sources;
    for (const QString &h : json::strings(json::member(identity, "Headers")))
        sources.append(QStringLiteral("$request.header.") + h);
    for (const QString &h : json::strings(json::member(identity, "Header")))
        sources.append(QStringLiteral("$request.header.") + h);
    for (const QString &q : json::strings(json::member(identity, "QueryStrings")))
        sources.append(QStringLiteral("$request.querystring.") + q);
    for (const QString &s : json::strings(json::member(identity, "StageVariables")))
        sources.append(QStringLiteral("$stageVariables.") + s);
    for (const QString &c : json::strings(json::member(identity, "Context")))
        sources.append(QStringLiteral("$context.") + c);
    return sources;
}

} // namespace

std::optional<Authorizer> readHttpApiAuthorizer(SamReader &r, const QString &key, const OrderedJson &def,
                                                const QString &path) {
    Authorizer a;
    a.name = r.nameFor(NamedKind::Authorizer, key);
    if (const OrderedJson *jwt = json::member(def, "JwtConfiguration")) {
        a.type = AuthorizerType::Jwt;
        const OrderedJson *issuer =
            json::member(jwt, "issuer") ? json::member(jwt, "issuer") : json::member(jwt, "Issuer");
        a.issuer = r.text(issuer, path + QStringLiteral(".JwtConfiguration.issuer")).value_or(QString());
        a.audience = r.strings(json::member(jwt, "audience") ? json::member(jwt, "audience")
                                                             : json::member(jwt, "Audience"),
                               path + QStringLiteral(".JwtConfiguration.audience"));
        if (const auto source = json::text(json::member(def, "IdentitySource"))) a.identitySource = *source;
        if (json::member(def, "AuthorizationScopes"))
            r.ctx.warning(path + QStringLiteral(".AuthorizationScopes"),
                          QCoreApplication::translate(
                              "gatehouse::Import",
                              "default scopes of an authorizer are not imported; set them on each route"));
        return a;
    }
    if (const OrderedJson *arn = json::member(def, "FunctionArn")) {
        a.type = AuthorizerType::Lambda;
        if (!lambdaFunction(r, *arn, a, path)) return std::nullopt;
        a.payloadFormatVersion = json::textOr(json::member(def, "AuthorizerPayloadFormatVersion"));
        a.enableSimpleResponses = json::boolean(json::member(def, "EnableSimpleResponses")).value_or(false);
        const OrderedJson *identity = json::member(def, "Identity");
        a.identitySources = identitySources(identity);
        a.resultTtlSeconds = json::integer(json::member(identity, "ReauthorizeEvery"));
        return a;
    }
    r.ctx.warning(path, QCoreApplication::translate(
                            "gatehouse::Import",
                            "authorizer '%1' is neither a JWT nor a Lambda authorizer; it is not imported")
                            .arg(key));
    return std::nullopt;
}

std::optional<Authorizer> readRestApiAuthorizer(SamReader &r, const QString &key, const OrderedJson &def,
                                                const QString &path) {
    Authorizer a;
    a.name = r.nameFor(NamedKind::Authorizer, key);
    const OrderedJson *arn = json::member(def, "FunctionArn");
    if (!arn) {
        r.ctx.warning(
            path,
            json::member(def, "UserPoolArn")
                ? QCoreApplication::translate(
                      "gatehouse::Import",
                      "Cognito authorizer '%1' is not imported: Gatehouse emulates JWT and Lambda "
                      "authorizers")
                      .arg(key)
                : QCoreApplication::translate(
                      "gatehouse::Import", "authorizer '%1' is not a Lambda authorizer; it is not imported")
                      .arg(key),
            QCoreApplication::translate("gatehouse::Import",
                                        "a JWT authorizer on an HTTP API can check Cognito tokens locally"));
        return std::nullopt;
    }
    a.type = AuthorizerType::Lambda;
    if (!lambdaFunction(r, *arn, a, path)) return std::nullopt;
    // TOKEN is SAM's default payload type for REST Lambda authorizers.
    a.lambdaType = json::textOr(json::member(def, "FunctionPayloadType"), QStringLiteral("TOKEN")).toUpper();
    const OrderedJson *identity = json::member(def, "Identity");
    a.identitySources = identitySources(identity);
    if (a.lambdaType == QLatin1String("TOKEN") && a.identitySources.isEmpty())
        a.identitySources.append(QStringLiteral("$request.header.Authorization"));
    a.tokenValidationRegex = json::textOr(json::member(identity, "ValidationExpression"));
    a.resultTtlSeconds = json::integer(json::member(identity, "ReauthorizeEvery"));
    return a;
}

// SAM's Auth.UsagePlan creates a usage plan (and a key) for the API (SAM spec "ApiUsagePlan").
QString readUsagePlan(SamReader &r, const OrderedJson &plan, const QString &apiName) {
    const QString create = json::textOr(json::member(plan, "CreateUsagePlan")).toUpper();
    if (create == QLatin1String("NONE") || create.isEmpty()) return {};
    Authorizer a;
    a.type = AuthorizerType::ApiKey;
    a.name = json::textOr(json::member(plan, "UsagePlanName"));
    if (a.name.isEmpty())
        a.name = create == QLatin1String("SHARED") ? QStringLiteral("ServerlessUsagePlan")
                                                   : apiName + QStringLiteral("-api-keys");
    const OrderedJson *throttle = json::member(plan, "Throttle");
    a.usagePlanThrottling.burstLimit = json::integer(json::member(throttle, "BurstLimit"));
    a.usagePlanThrottling.rateLimit = json::number(json::member(throttle, "RateLimit"));
    if (const OrderedJson *quota = json::member(plan, "Quota")) {
        Quota q;
        q.limit = json::integer(json::member(quota, "Limit")).value_or(0);
        q.period = json::textOr(json::member(quota, "Period"), QStringLiteral("DAY")).toUpper();
        a.usagePlanQuota = q;
    }
    if (const Authorizer *existing = r.findAuthorizer(a.name);
        existing && existing->type == AuthorizerType::ApiKey) {
        return a.name; // SHARED plans, or the same plan name on several APIs
    }
    return r.addAuthorizer(a, apiName);
}

} // namespace gatehouse::sam
