// The provider section: region, stage, the HTTP API's CORS and authorizers, the REST API's keys and
// usage plans (Serverless v3 docs: "HTTP API (API Gateway v2)" and "REST API: API Keys").
#include "ServerlessService.h"

#include <QCoreApplication>

namespace gatehouse::serverless {

namespace {

OrderedJson strings(const QStringList &list) {
    OrderedJson array = OrderedJson::array();
    for (const QString &s : list)
        array.push_back(s.toStdString());
    return array;
}

qsizetype indexOf(const Project &p, const Api *api) {
    for (qsizetype i = 0; i < p.apis.size(); ++i)
        if (&p.apis[i] == api) return i;
    return -1;
}

// A service has one API of each kind; further APIs are merged into the first with a warning.
void chooseApis(Service &s) {
    for (qsizetype i = 0; i < s.project.apis.size(); ++i) {
        const Api &api = s.project.apis[i];
        const Api *&chosen = api.type == ApiType::Http   ? s.httpApi
                             : api.type == ApiType::Rest ? s.restApi
                                                         : s.webSocketApi;
        if (!chosen) {
            chosen = &api;
            continue;
        }
        s.report.warning(elementPath("apis", i),
                         QCoreApplication::translate(
                             "gatehouse::Export",
                             "a %1 service has one API of each kind; the routes of '%2' are merged into '%3'")
                             .arg(s.title(), api.name, chosen->name));
    }
}

void warnAboutApiSettings(Service &s, const Api &api) {
    const QString path = elementPath("apis", indexOf(s.project, &api));
    if (api.throttling.isSet())
        s.report.warning(
            fieldPath(path, "throttling"),
            QCoreApplication::translate("gatehouse::Export",
                                        "API throttling is not exported: %1 has no throttling setting for %2")
                .arg(s.title(), api.type == ApiType::Http ? QStringLiteral("httpApi")
                                                          : QStringLiteral("APIs (only usage plans)")));
    for (qsizetype st = 0; st < api.stages.size(); ++st) {
        const Stage &stage = api.stages[st];
        const QString stagePath = elementPath(path, "stages", st);
        if (!stage.variables.isEmpty())
            s.report.warning(fieldPath(stagePath, "variables"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "stage variables of stage '%1' are not exported: %2 has no stage variables")
                                 .arg(stage.name, s.title()));
        if (stage.throttling.isSet())
            s.report.warning(fieldPath(stagePath, "throttling"),
                             QCoreApplication::translate("gatehouse::Export",
                                                         "throttling of stage '%1' is not exported to %2")
                                 .arg(stage.name, s.title()));
        if (!stage.accessLogFormat.isEmpty())
            s.report.warning(
                fieldPath(stagePath, "accessLogFormat"),
                QCoreApplication::translate("gatehouse::Export",
                                            "the access log format of stage '%1' is not exported to %2")
                    .arg(stage.name, s.title()));
    }
    for (qsizetype d = 0; d < api.customDomains.size(); ++d)
        s.report.warning(
            elementPath(path, "customDomains", d),
            QCoreApplication::translate(
                "gatehouse::Export",
                "custom domain '%1' is not exported to %2 (it needs the serverless-domain-manager plugin)")
                .arg(api.customDomains[d].domainName, s.title()));
}

// The deployment stage: the framework deploys one stage (provider.stage) for REST and WebSocket APIs;
// HTTP APIs always use $default.
void chooseStage(Service &s) {
    QString stage;
    for (const Api *api : {s.restApi, s.webSocketApi, s.httpApi}) {
        if (!api) continue;
        const QString path = elementPath("apis", indexOf(s.project, api));
        for (qsizetype i = 0; i < api->stages.size(); ++i) {
            const QString name = api->stages[i].name;
            if (api->type == ApiType::Http) {
                if (name != QLatin1String("$default"))
                    s.report.warning(
                        elementPath(path, "stages", i),
                        QCoreApplication::translate(
                            "gatehouse::Export",
                            "%1 deploys HTTP APIs to the $default stage; stage '%2' is not exported")
                            .arg(s.title(), name));
                continue;
            }
            if (stage.isEmpty() && name != QLatin1String("$default")) {
                stage = name;
            } else if (name != stage) {
                s.report.warning(
                    elementPath(path, "stages", i),
                    QCoreApplication::translate(
                        "gatehouse::Export",
                        "%1 deploys one stage at a time (provider.stage: %2); stage '%3' is not exported")
                        .arg(s.title(), stage.isEmpty() ? QStringLiteral("dev") : stage, name));
            }
        }
    }
    if (!stage.isEmpty()) s.provider["stage"] = stage.toStdString();
}

OrderedJson httpAuthorizer(Service &s, const Authorizer &a, const QString &path) {
    OrderedJson def = OrderedJson::object();
    if (a.type == AuthorizerType::Jwt) {
        def["identitySource"] = a.identitySource.toStdString();
        def["issuerUrl"] = a.issuer.toStdString();
        def["audience"] = strings(a.audience);
        if (!a.jwksUri.isEmpty())
            s.report.warning(
                fieldPath(path, "jwksUri"),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "jwksUri is not exported to %1: API Gateway's JWT authorizer finds the keys through "
                    "the issuer's OpenID discovery document")
                    .arg(s.title()));
        return def;
    }
    const QString function = s.functionKey(a.function, fieldPath(path, "function"));
    if (function.isEmpty()) return nullptr;
    def["type"] = "request";
    def["functionName"] = function.toStdString();
    if (!a.identitySources.isEmpty()) def["identitySource"] = strings(a.identitySources);
    if (a.resultTtlSeconds) def["resultTtlInSeconds"] = *a.resultTtlSeconds;
    if (a.enableSimpleResponses) def["enableSimpleResponses"] = true;
    def["payloadVersion"] =
        a.payloadFormatVersion.isEmpty() ? std::string("2.0") : a.payloadFormatVersion.toStdString();
    return def;
}

void addHttpApi(Service &s) {
    OrderedJson httpApi = OrderedJson::object();
    const Api *api = s.httpApi;
    httpApi["name"] = api->name.toStdString();
    if (api->cors) {
        const Cors &c = *api->cors;
        OrderedJson cors = OrderedJson::object();
        if (!c.allowOrigins.isEmpty()) cors["allowedOrigins"] = strings(c.allowOrigins);
        if (!c.allowHeaders.isEmpty()) cors["allowedHeaders"] = strings(c.allowHeaders);
        if (!c.allowMethods.isEmpty()) cors["allowedMethods"] = strings(c.allowMethods);
        if (c.allowCredentials) cors["allowCredentials"] = true;
        if (!c.exposeHeaders.isEmpty()) cors["exposedResponseHeaders"] = strings(c.exposeHeaders);
        if (c.maxAgeSeconds) cors["maxAge"] = *c.maxAgeSeconds;
        httpApi["cors"] = std::move(cors);
    }
    OrderedJson authorizers = OrderedJson::object();
    for (qsizetype i = 0; i < s.project.authorizers.size(); ++i) {
        const Authorizer &a = s.project.authorizers[i];
        if (a.type == AuthorizerType::ApiKey) continue;
        bool used = false;
        for (const Api &other : s.project.apis)
            if (other.type == ApiType::Http)
                for (const Route &r : other.routes)
                    used = used || r.authorizer == a.name;
        if (!used) continue;
        OrderedJson def = httpAuthorizer(s, a, elementPath("authorizers", i));
        if (!def.is_null()) authorizers[a.name.toStdString()] = std::move(def);
    }
    if (!authorizers.empty()) httpApi["authorizers"] = std::move(authorizers);
    s.provider["httpApi"] = std::move(httpApi);
}

OrderedJson keyList(const Authorizer &a) {
    OrderedJson keys = OrderedJson::array();
    for (const ApiKey &k : a.apiKeys)
        keys.push_back(OrderedJson{{"name", k.name.toStdString()}, {"value", k.value.toStdString()}});
    return keys;
}

OrderedJson usagePlan(const Authorizer &a) {
    OrderedJson plan = OrderedJson::object();
    if (a.usagePlanQuota)
        plan["quota"] = OrderedJson{{"limit", a.usagePlanQuota->limit},
                                    {"period", a.usagePlanQuota->period.toStdString()}};
    OrderedJson throttle = OrderedJson::object();
    if (a.usagePlanThrottling.burstLimit) throttle["burstLimit"] = *a.usagePlanThrottling.burstLimit;
    if (a.usagePlanThrottling.rateLimit) throttle["rateLimit"] = *a.usagePlanThrottling.rateLimit;
    if (!throttle.empty()) plan["throttle"] = std::move(throttle);
    return plan;
}

// One key authorizer: the simple form (apiKeys list + usagePlan). Several: one named usage plan each.
void addApiGateway(Service &s) {
    OrderedJson apiGateway = OrderedJson::object();
    QList<const Authorizer *> keyAuthorizers;
    for (const Authorizer &a : s.project.authorizers) {
        if (a.type != AuthorizerType::ApiKey) continue;
        for (const Api &api : s.project.apis)
            if (api.type == ApiType::Rest)
                for (const Route &r : api.routes)
                    if (r.authorizer == a.name && !keyAuthorizers.contains(&a)) keyAuthorizers.append(&a);
    }
    if (keyAuthorizers.size() == 1) {
        apiGateway["apiKeys"] = keyList(*keyAuthorizers.first());
        const OrderedJson plan = usagePlan(*keyAuthorizers.first());
        if (!plan.empty()) apiGateway["usagePlan"] = plan;
    } else if (keyAuthorizers.size() > 1) {
        OrderedJson keys = OrderedJson::array();
        OrderedJson plans = OrderedJson::array();
        for (const Authorizer *a : keyAuthorizers) {
            keys.push_back(OrderedJson{{a->name.toStdString(), keyList(*a)}});
            plans.push_back(OrderedJson{{a->name.toStdString(), usagePlan(*a)}});
        }
        apiGateway["apiKeys"] = std::move(keys);
        apiGateway["usagePlan"] = std::move(plans);
    }
    if (s.restApi && !s.restApi->binaryMediaTypes.isEmpty())
        apiGateway["binaryMediaTypes"] = strings(s.restApi->binaryMediaTypes);
    if (!apiGateway.empty()) s.provider["apiGateway"] = std::move(apiGateway);
}

} // namespace

void addProvider(Service &s) {
    chooseApis(s);
    s.provider["name"] = "aws";
    s.provider["region"] = s.project.settings.region.toStdString();
    chooseStage(s);
    for (const Api &api : s.project.apis)
        warnAboutApiSettings(s, api);
    if (s.httpApi) addHttpApi(s);
    if (s.restApi) {
        s.provider["apiName"] = s.restApi->name.toStdString();
        addApiGateway(s);
    }
    if (s.webSocketApi) {
        s.provider["websocketsApiName"] = s.webSocketApi->name.toStdString();
        if (!s.webSocketApi->routeSelectionExpression.isEmpty())
            s.provider["websocketsApiRouteSelectionExpression"] =
                s.webSocketApi->routeSelectionExpression.toStdString();
    }
}

} // namespace gatehouse::serverless
