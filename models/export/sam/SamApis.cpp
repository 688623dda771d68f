// HTTP APIs (AWS::Serverless::HttpApi + HttpApi events) and REST APIs (AWS::Serverless::Api + Api
// events, API keys and usage plans). SAM spec: .../sam-resource-httpapi.html, .../sam-resource-api.html,
// .../sam-property-function-httpapi.html, .../sam-property-function-api.html.
#include "SamApiSettings.h"
#include "SamAuth.h"
#include "export/Intrinsics.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {

OrderedJson strings(const QStringList &list) {
    OrderedJson array = OrderedJson::array();
    for (const QString &s : list)
        array.push_back(s.toStdString());
    return array;
}

QString eventKeyHint(const Route &r) {
    if (r.path == QLatin1String("$default")) return QStringLiteral("Default");
    QString method = r.method.toLower();
    if (!method.isEmpty()) method[0] = method[0].toUpper();
    return method + pascalCaseId(r.path);
}

// Authorizers are project-wide in Gatehouse but declared per API in SAM: each API declares the ones
// its routes use.
void collectAuthorizers(SamTemplate &t, const Api &api, QList<const Authorizer *> &out) {
    for (const Route &r : api.routes) {
        if (r.authorizer.isEmpty()) continue;
        const Authorizer *a = t.project.findAuthorizer(r.authorizer);
        if (a && !out.contains(a)) out.append(a);
    }
}

qsizetype authorizerIndex(const Project &p, const Authorizer *a) {
    for (qsizetype i = 0; i < p.authorizers.size(); ++i)
        if (&p.authorizers[i] == a) return i;
    return -1;
}

class ApiWriter {
public:
    ApiWriter(SamTemplate &t, const Api &api, qsizetype index)
        : t(t)
        , api(api)
        , path(elementPath("apis", index))
        , id(t.apiIds.value(api.name)) {}

    void write() {
        const bool http = api.type == ApiType::Http;
        const Stage *stage = exportedStage(t, api, path);
        QString stageName = stage ? stage->name : (http ? QStringLiteral("$default") : QStringLiteral("dev"));
        if (!http && stageName == QLatin1String("$default")) {
            t.report.warning(stage ? elementPath(path, "stages", 0) : path,
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "REST APIs have no $default stage; exported to %1 with the stage 'dev'")
                                 .arg(t.title()));
            stageName = QStringLiteral("dev");
        }
        props["Name"] = api.name.toStdString();
        if (!api.description.isEmpty()) props["Description"] = api.description.toStdString();
        props["StageName"] = stageName.toStdString();
        OrderedJson variables = OrderedJson::object();
        if (stage)
            for (const NameValue &nv : stage->variables)
                variables[nv.name.toStdString()] = nv.value.toStdString();
        const ThrottleSettings throttle = effectiveThrottle(t, api, stage, path);
        if (http) {
            if (!variables.empty()) props["StageVariables"] = std::move(variables);
            if (throttle.isSet()) props["DefaultRouteSettings"] = throttleSettings(throttle);
            if (api.cors) props["CorsConfiguration"] = httpCors(*api.cors);
        } else {
            if (!variables.empty()) props["Variables"] = std::move(variables);
            if (throttle.isSet())
                methodSettings.push_back(methodSetting(QStringLiteral("/*"), QStringLiteral("*"), throttle));
            if (!api.binaryMediaTypes.isEmpty()) {
                QStringList types;
                for (const QString &type : api.binaryMediaTypes)
                    types.append(QString(type).replace(QLatin1Char('/'), QStringLiteral("~1")));
                props["BinaryMediaTypes"] = strings(types);
            }
            if (api.cors) props["Cors"] = restCors(t, *api.cors, fieldPath(path, "cors"));
        }
        writeAuth();
        for (qsizetype r = 0; r < api.routes.size(); ++r)
            writeRoute(api.routes[r], elementPath(path, "routes", r));
        if (!methodSettings.empty()) props["MethodSettings"] = methodSettings;
        if (!auth.empty()) props["Auth"] = auth;
        t.resources[id.toStdString()] = OrderedJson{
            {"Type", http ? "AWS::Serverless::HttpApi" : "AWS::Serverless::Api"}, {"Properties", props}};
        t.outputs[(id + QStringLiteral("Url")).toStdString()] = OrderedJson{
            {"Description",
             QStringLiteral("Endpoint of the %1 API (stage %2)").arg(api.name, stageName).toStdString()},
            {"Value", cfn::sub(endpointPattern(QStringLiteral("https"), id, stageName))}};
        if (!http && apiKeys) writeApiKeys();
    }

private:
    void writeAuth() {
        QList<const Authorizer *> used;
        collectAuthorizers(t, api, used);
        OrderedJson authorizers = OrderedJson::object();
        for (const Authorizer *a : used) {
            const QString aPath = elementPath("authorizers", authorizerIndex(t.project, a));
            if (a->type == AuthorizerType::ApiKey) {
                if (api.type == ApiType::Http) continue; // reported per route
                if (apiKeys) {
                    t.report.warning(
                        aPath, QCoreApplication::translate(
                                   "gatehouse::Export",
                                   "REST API '%1' uses several API-key authorizers; %2 creates one usage "
                                   "plan per API, so only '%3' defines it")
                                   .arg(api.name, t.title(), apiKeys->name));
                    continue;
                }
                apiKeys = a;
                OrderedJson plan = OrderedJson::object();
                plan["CreateUsagePlan"] = "PER_API";
                plan["UsagePlanName"] = a->name.toStdString();
                if (a->usagePlanThrottling.isSet()) {
                    OrderedJson throttle = OrderedJson::object();
                    if (a->usagePlanThrottling.burstLimit)
                        throttle["BurstLimit"] = *a->usagePlanThrottling.burstLimit;
                    if (a->usagePlanThrottling.rateLimit)
                        throttle["RateLimit"] = *a->usagePlanThrottling.rateLimit;
                    plan["Throttle"] = std::move(throttle);
                }
                if (a->usagePlanQuota)
                    plan["Quota"] = OrderedJson{{"Limit", a->usagePlanQuota->limit},
                                                {"Period", a->usagePlanQuota->period.toStdString()}};
                auth["UsagePlan"] = std::move(plan);
                continue;
            }
            if (a->type == AuthorizerType::Jwt && api.type == ApiType::Rest) continue; // reported per route
            OrderedJson def =
                api.type == ApiType::Http ? httpApiAuthorizer(t, *a, aPath) : restApiAuthorizer(t, *a, aPath);
            if (def.empty()) continue;
            const QString key = t.authorizerIds.value(a->name);
            t.recordName(NamedKind::Authorizer, key, a->name);
            authorizers[key.toStdString()] = std::move(def);
        }
        if (!authorizers.empty()) auth["Authorizers"] = std::move(authorizers);
    }

    void writeRoute(const Route &r, const QString &routePath) {
        const Integration &in = r.integration;
        if (in.type != IntegrationType::Lambda) {
            t.report.warning(
                fieldPath(routePath, "integration"),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "%1 integration of route '%2' is not exported: %3 function events can only "
                    "connect a route to a Lambda function")
                    .arg(in.type == IntegrationType::Mock
                             ? QCoreApplication::translate("gatehouse::Export", "the mock")
                             : QCoreApplication::translate("gatehouse::Export", "the HTTP proxy"),
                         routeKeyOf(r, api.type), t.title()),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "export the API with --format openapi, which keeps these integrations"));
            return;
        }
        if (api.type == ApiType::Rest && r.path == QLatin1String("$default")) {
            t.report.warning(routePath, QCoreApplication::translate(
                                            "gatehouse::Export",
                                            "REST APIs have no $default route; it is not exported to %1")
                                            .arg(t.title()));
            return;
        }
        const QString functionId =
            t.functionId(in.function, fieldPath(fieldPath(routePath, "integration"), "function"));
        if (functionId.isEmpty()) return;
        OrderedJson p = OrderedJson::object();
        p[api.type == ApiType::Http ? "ApiId" : "RestApiId"] = cfn::ref(id);
        if (r.path != QLatin1String("$default")) {
            // SAM makes an HttpApi event without Path and Method the $default route.
            p["Path"] = r.path.toStdString();
            p["Method"] = r.method.toStdString();
        }
        OrderedJson routeAuth = authOfRoute(r, routePath);
        if (!routeAuth.empty()) p["Auth"] = std::move(routeAuth);
        if (api.type == ApiType::Http && !in.payloadFormatVersion.isEmpty())
            p["PayloadFormatVersion"] = in.payloadFormatVersion.toStdString();
        if (in.timeoutMs) p["TimeoutInMillis"] = *in.timeoutMs;
        if (r.throttling.isSet()) {
            if (api.type == ApiType::Http)
                p["RouteSettings"] = throttleSettings(r.throttling);
            else
                methodSettings.push_back(methodSetting(
                    encodedResourcePath(r.path),
                    r.method == QLatin1String("ANY") ? QStringLiteral("*") : r.method, r.throttling));
        }
        if (!in.requestParameters.isEmpty())
            t.report.warning(
                fieldPath(fieldPath(routePath, "integration"), "requestParameters"),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "parameter mappings are not exported to %1: SAM function events have no place for "
                    "them")
                    .arg(t.title()),
                QCoreApplication::translate("gatehouse::Export",
                                            "export the API with --format openapi, which keeps them"));
        if (api.type == ApiType::Rest && !in.payloadFormatVersion.isEmpty() &&
            in.payloadFormatVersion != QLatin1String("1.0"))
            t.report.warning(fieldPath(fieldPath(routePath, "integration"), "payloadFormatVersion"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "REST APIs always send payload format 1.0; version %1 is not exported to %2")
                                 .arg(in.payloadFormatVersion, t.title()));
        t.addEvent(functionId, eventKeyHint(r),
                   OrderedJson{{"Type", api.type == ApiType::Http ? "HttpApi" : "Api"},
                               {"Properties", std::move(p)}});
    }

    OrderedJson authOfRoute(const Route &r, const QString &routePath) {
        OrderedJson routeAuth = OrderedJson::object();
        if (r.authorizer.isEmpty()) return routeAuth;
        const Authorizer *a = t.project.findAuthorizer(r.authorizer);
        if (!a) {
            t.report.warning(fieldPath(routePath, "authorizer"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "authorizer '%1' does not exist; the route is exported to %2 without it")
                                 .arg(r.authorizer, t.title()));
            return routeAuth;
        }
        const bool http = api.type == ApiType::Http;
        if (a->type == AuthorizerType::ApiKey) {
            if (http) {
                t.report.warning(
                    fieldPath(routePath, "authorizer"),
                    QCoreApplication::translate(
                        "gatehouse::Export",
                        "HTTP APIs have no API keys; the API key requirement of route '%1' is not "
                        "exported to %2")
                        .arg(routeKeyOf(r, api.type), t.title()));
                return routeAuth;
            }
            routeAuth["ApiKeyRequired"] = true;
            return routeAuth;
        }
        if (a->type == AuthorizerType::Jwt && !http) {
            t.report.warning(fieldPath(routePath, "authorizer"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "REST APIs have no JWT authorizers; the JWT authorizer of route '%1' is not "
                                 "exported to %2")
                                 .arg(routeKeyOf(r, api.type), t.title()));
            return routeAuth;
        }
        routeAuth["Authorizer"] = t.authorizerIds.value(a->name).toStdString();
        if (!r.authorizationScopes.isEmpty()) {
            if (http)
                routeAuth["AuthorizationScopes"] = strings(r.authorizationScopes);
            else
                t.report.warning(
                    fieldPath(routePath, "authorizationScopes"),
                    QCoreApplication::translate(
                        "gatehouse::Export",
                        "authorization scopes need a JWT or Cognito authorizer; they are not exported to "
                        "%1 for a REST API Lambda authorizer")
                        .arg(t.title()));
        }
        return routeAuth;
    }

    // Keys with their values, attached to the usage plan SAM generates as <Api>UsagePlan
    // (SAM spec "ApiUsagePlan": the generated plan can be referenced by that logical ID).
    void writeApiKeys() {
        const qsizetype index = authorizerIndex(t.project, apiKeys);
        for (qsizetype k = 0; k < apiKeys->apiKeys.size(); ++k) {
            const ApiKey &key = apiKeys->apiKeys[k];
            const QString keyId = apiKeyIds().value(apiKeys->name + QLatin1Char('\n') + key.name);
            const QString planKeyId =
                t.ids.allocate(id + QLatin1Char('-') + key.name, QStringLiteral("UsagePlanKey"));
            t.resources[planKeyId.toStdString()] = OrderedJson{
                {"Type", "AWS::ApiGateway::UsagePlanKey"},
                {"Properties", OrderedJson{{"KeyId", cfn::ref(keyId)},
                                           {"KeyType", "API_KEY"},
                                           {"UsagePlanId", cfn::ref(id + QStringLiteral("UsagePlan"))}}}};
        }
        if (apiKeys->apiKeys.isEmpty())
            t.report.warning(elementPath("authorizers", index),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "API-key authorizer '%1' has no keys; SAM generates one with a random value")
                                 .arg(apiKeys->name));
    }

    // One AWS::ApiGateway::ApiKey per key, shared by every REST API that uses the authorizer.
    QHash<QString, QString> &apiKeyIds() {
        for (const ApiKey &key : apiKeys->apiKeys) {
            const QString mapKey = apiKeys->name + QLatin1Char('\n') + key.name;
            if (t.apiKeyIds.contains(mapKey)) continue;
            const QString keyId =
                t.ids.allocate(apiKeys->name + QLatin1Char('-') + key.name, QStringLiteral("ApiKey"));
            t.apiKeyIds.insert(mapKey, keyId);
            t.resources[keyId.toStdString()] =
                OrderedJson{{"Type", "AWS::ApiGateway::ApiKey"},
                            {"Properties", OrderedJson{{"Name", key.name.toStdString()},
                                                       {"Value", key.value.toStdString()},
                                                       {"Enabled", true}}}};
        }
        return t.apiKeyIds;
    }

    SamTemplate &t;
    const Api &api;
    const QString path;
    const QString id;
    OrderedJson props = OrderedJson::object();
    OrderedJson auth = OrderedJson::object();
    OrderedJson methodSettings = OrderedJson::array();
    const Authorizer *apiKeys = nullptr;
};

} // namespace

void addHttpAndRestApis(SamTemplate &t) {
    for (qsizetype i = 0; i < t.project.apis.size(); ++i)
        if (t.project.apis[i].type != ApiType::WebSocket) ApiWriter(t, t.project.apis[i], i).write();
    // Authorizers no route uses are declared by no API, and SAM has no other place for them.
    for (qsizetype i = 0; i < t.project.authorizers.size(); ++i) {
        const Authorizer &a = t.project.authorizers[i];
        bool used = false;
        for (const Api &api : t.project.apis)
            for (const Route &r : api.routes)
                used = used || r.authorizer == a.name;
        if (!used)
            t.report.warning(
                elementPath("authorizers", i),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "authorizer '%1' is used by no route; %2 declares authorizers per API, so it is not "
                    "exported")
                    .arg(a.name, t.title()));
    }
}

} // namespace gatehouse::sam
