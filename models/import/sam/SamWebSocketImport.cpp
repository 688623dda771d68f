// ApiGatewayV2 resources (CloudFormation "AWS::ApiGatewayV2::Api/Route/Integration/Stage/Authorizer/
// RouteResponse", https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_ApiGatewayV2.html):
// WebSocket APIs, and HTTP APIs declared without SAM.
#include "SamReader.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {

QString apiOf(const TemplateResource &res) {
    const OrderedJson *ref = json::member(res.properties, "ApiId");
    return ref ? TemplateValues::referencedId(*ref) : QString();
}

// Target "integrations/<id>" written as !Join ['/', [integrations, !Ref X]], !Sub 'integrations/${X}' or
// text.
QString integrationOf(const OrderedJson *target) {
    if (!target) return {};
    return TemplateValues::referencedId(*target);
}

class V2Reader {
public:
    explicit V2Reader(SamReader &r)
        : r(r) {}

    void read() {
        for (const TemplateResource &res : r.resources)
            if (res.type == QLatin1String("AWS::ApiGatewayV2::Api")) readApi(res);
        if (apiIds.isEmpty()) return;
        for (const TemplateResource &res : r.resources) {
            if (!apiIds.contains(apiOf(res))) continue;
            if (res.type == QLatin1String("AWS::ApiGatewayV2::Authorizer")) readAuthorizer(res);
            if (res.type == QLatin1String("AWS::ApiGatewayV2::Stage")) readStage(res);
        }
        for (const TemplateResource &res : r.resources)
            if (res.type == QLatin1String("AWS::ApiGatewayV2::Route") && apiIds.contains(apiOf(res)))
                readRoute(res);
        for (const TemplateResource &res : r.resources) {
            if (!apiIds.contains(apiOf(res))) continue;
            if (res.type == QLatin1String("AWS::ApiGatewayV2::RouteResponse")) readRouteResponse(res);
            if (res.type == QLatin1String("AWS::ApiGatewayV2::Integration") ||
                res.type == QLatin1String("AWS::ApiGatewayV2::Deployment") ||
                res.type == QLatin1String("AWS::ApiGatewayV2::IntegrationResponse"))
                r.consumed.insert(res.id);
        }
        for (const QString &id : apiIds) {
            Api &api = r.project.apis[r.apis[id].index];
            if (!api.stages.isEmpty()) continue;
            Stage stage;
            stage.name = api.type == ApiType::Http ? QStringLiteral("$default") : QStringLiteral("dev");
            api.stages.append(stage);
        }
    }

private:
    void readApi(const TemplateResource &res) {
        const OrderedJson &p = res.properties;
        const QString protocol = json::textOr(json::member(p, "ProtocolType")).toUpper();
        if (protocol != QLatin1String("WEBSOCKET") && protocol != QLatin1String("HTTP")) {
            r.ctx.warning(res.path,
                          QCoreApplication::translate(
                              "gatehouse::Import", "ApiGatewayV2 API with ProtocolType '%1' is not imported")
                              .arg(protocol));
            return;
        }
        Api api;
        api.type = protocol == QLatin1String("HTTP") ? ApiType::Http : ApiType::WebSocket;
        api.name = r.nameFor(NamedKind::Api, res.id);
        if (const OrderedJson *n = json::member(p, "Name"))
            if (const auto t = r.values.text(*n)) api.name = *t;
        api.description = json::textOr(json::member(p, "Description"));
        if (api.type == ApiType::WebSocket) {
            api.routeSelectionExpression = json::textOr(json::member(p, "RouteSelectionExpression"));
        } else if (const OrderedJson *cors = json::member(p, "CorsConfiguration")) {
            Cors c;
            c.allowOrigins = json::strings(json::member(cors, "AllowOrigins"));
            c.allowMethods = json::strings(json::member(cors, "AllowMethods"));
            c.allowHeaders = json::strings(json::member(cors, "AllowHeaders"));
            c.exposeHeaders = json::strings(json::member(cors, "ExposeHeaders"));
            c.maxAgeSeconds = json::integer(json::member(cors, "MaxAge"));
            c.allowCredentials = json::boolean(json::member(cors, "AllowCredentials")).value_or(false);
            api.cors = c;
        }
        r.warnUnhandled(res, p,
                        {QStringLiteral("Name"), QStringLiteral("Description"),
                         QStringLiteral("ProtocolType"), QStringLiteral("RouteSelectionExpression"),
                         QStringLiteral("CorsConfiguration")},
                        QStringLiteral("ApiGatewayV2 API"));
        ApiState state;
        state.index = r.project.apis.size();
        state.path = res.path;
        r.project.apis.append(api);
        r.apis.insert(res.id, state);
        apiIds.append(res.id);
        r.consumed.insert(res.id);
    }

    void readAuthorizer(const TemplateResource &res) {
        const OrderedJson &p = res.properties;
        ApiState &state = r.apis[apiOf(res)];
        Authorizer a;
        a.name = json::textOr(json::member(p, "Name"), r.nameFor(NamedKind::Authorizer, res.id));
        const QString type = json::textOr(json::member(p, "AuthorizerType")).toUpper();
        QStringList sources;
        for (QString source : json::strings(json::member(p, "IdentitySource")))
            sources.append(source.replace(QLatin1String("route.request."), QLatin1String("$request.")));
        if (type == QLatin1String("JWT")) {
            a.type = AuthorizerType::Jwt;
            const OrderedJson *jwt = json::member(p, "JwtConfiguration");
            a.issuer = json::textOr(json::member(jwt, "Issuer"));
            a.audience = json::strings(json::member(jwt, "Audience"));
            if (!sources.isEmpty()) a.identitySource = sources.first();
        } else if (type == QLatin1String("REQUEST")) {
            a.type = AuthorizerType::Lambda;
            const OrderedJson *uri = json::member(p, "AuthorizerUri");
            a.function = r.functionNames.value(uri ? TemplateValues::referencedId(*uri) : QString());
            if (a.function.isEmpty()) {
                r.ctx.warning(res.path,
                              QCoreApplication::translate(
                                  "gatehouse::Import",
                                  "the authorizer's function is not in the template; it is not imported"));
                return;
            }
            a.identitySources = sources;
            a.payloadFormatVersion = json::textOr(json::member(p, "AuthorizerPayloadFormatVersion"));
            a.enableSimpleResponses = json::boolean(json::member(p, "EnableSimpleResponses")).value_or(false);
            a.resultTtlSeconds = json::integer(json::member(p, "AuthorizerResultTtlInSeconds"));
        } else {
            r.ctx.warning(res.path, QCoreApplication::translate("gatehouse::Import",
                                                                "authorizer type %1 is not imported")
                                        .arg(type));
            return;
        }
        state.authorizers.insert(res.id, r.addAuthorizer(a, r.project.apis[state.index].name));
        r.consumed.insert(res.id);
    }

    void readStage(const TemplateResource &res) {
        const OrderedJson &p = res.properties;
        Api &api = r.project.apis[r.apis[apiOf(res)].index];
        Stage stage;
        stage.name = json::textOr(json::member(p, "StageName"), QStringLiteral("$default"));
        if (const OrderedJson *vars = json::member(p, "StageVariables"); vars && vars->is_object())
            for (const auto &[name, value] : vars->items())
                if (const auto t = r.text(&value, res.path + QStringLiteral(".Properties.StageVariables")))
                    stage.variables.append({QString::fromStdString(name), *t});
        if (const OrderedJson *s = json::member(p, "DefaultRouteSettings")) {
            stage.throttling.burstLimit = json::integer(json::member(s, "ThrottlingBurstLimit"));
            stage.throttling.rateLimit = json::number(json::member(s, "ThrottlingRateLimit"));
        }
        stage.accessLogFormat = json::textOr(json::member(json::member(p, "AccessLogSettings"), "Format"));
        r.warnUnhandled(res, p,
                        {QStringLiteral("ApiId"), QStringLiteral("StageName"),
                         QStringLiteral("StageVariables"), QStringLiteral("DefaultRouteSettings"),
                         QStringLiteral("DeploymentId"), QStringLiteral("AutoDeploy"),
                         QStringLiteral("AccessLogSettings")},
                        QStringLiteral("ApiGatewayV2 Stage"));
        api.stages.append(stage);
        r.consumed.insert(res.id);
    }

    void readRoute(const TemplateResource &res) {
        const OrderedJson &p = res.properties;
        ApiState &state = r.apis[apiOf(res)];
        Api &api = r.project.apis[state.index];
        Route route;
        const QString key = json::textOr(json::member(p, "RouteKey"));
        if (api.type == ApiType::WebSocket) {
            route.routeKey = key;
        } else if (key == QLatin1String("$default")) {
            route.path = key;
        } else {
            route.method = key.section(QLatin1Char(' '), 0, 0).toUpper();
            route.path = key.section(QLatin1Char(' '), 1);
        }
        route.routeResponse = json::member(p, "RouteResponseSelectionExpression") != nullptr;
        const QString authorizerId = TemplateValues::referencedId(
            json::member(p, "AuthorizerId") ? *json::member(p, "AuthorizerId") : OrderedJson());
        if (!authorizerId.isEmpty()) route.authorizer = state.authorizers.value(authorizerId);
        route.authorizationScopes = json::strings(json::member(p, "AuthorizationScopes"));
        const QString integrationId = integrationOf(json::member(p, "Target"));
        const TemplateResource *integration = r.resource(integrationId);
        if (!integration || integration->type != QLatin1String("AWS::ApiGatewayV2::Integration")) {
            r.ctx.warning(
                res.path + QStringLiteral(".Properties.Target"),
                QCoreApplication::translate(
                    "gatehouse::Import", "route '%1' has no integration in the template; it is not imported")
                    .arg(key));
            r.consumed.insert(res.id);
            return;
        }
        if (!readIntegration(*integration, route.integration)) {
            r.consumed.insert(res.id);
            return;
        }
        routeIds.insert(res.id, {state.index, api.routes.size()});
        api.routes.append(route);
        r.consumed.insert(res.id);
    }

    bool readIntegration(const TemplateResource &res, Integration &in) {
        const OrderedJson &p = res.properties;
        const QString type = json::textOr(json::member(p, "IntegrationType")).toUpper();
        if (type == QLatin1String("AWS_PROXY")) {
            in.type = IntegrationType::Lambda;
            const OrderedJson *uri = json::member(p, "IntegrationUri");
            in.function = r.functionNames.value(uri ? TemplateValues::referencedId(*uri) : QString());
            if (in.function.isEmpty()) {
                r.ctx.warning(
                    res.path,
                    QCoreApplication::translate(
                        "gatehouse::Import",
                        "the integration's function is not in the template; its route is not imported"));
                return false;
            }
            in.payloadFormatVersion = json::textOr(json::member(p, "PayloadFormatVersion"));
        } else if (type == QLatin1String("HTTP_PROXY")) {
            in.type = IntegrationType::HttpProxy;
            in.url = r.text(json::member(p, "IntegrationUri"),
                            res.path + QStringLiteral(".Properties.IntegrationUri"))
                         .value_or(QString());
            in.httpMethod = json::textOr(json::member(p, "IntegrationMethod"));
            if (in.httpMethod == QLatin1String("ANY")) in.httpMethod.clear();
        } else if (type == QLatin1String("MOCK")) {
            in.type = IntegrationType::Mock;
        } else {
            r.ctx.warning(res.path, QCoreApplication::translate("gatehouse::Import",
                                                                "integration type %1 is not imported")
                                        .arg(type));
            return false;
        }
        in.timeoutMs = json::integer(json::member(p, "TimeoutInMillis"));
        return true;
    }

    void readRouteResponse(const TemplateResource &res) {
        const QString routeId = TemplateValues::referencedId(json::member(res.properties, "RouteId")
                                                                 ? *json::member(res.properties, "RouteId")
                                                                 : OrderedJson());
        if (const auto it = routeIds.constFind(routeId); it != routeIds.constEnd())
            r.project.apis[it->first].routes[it->second].routeResponse = true;
        r.consumed.insert(res.id);
    }

    SamReader &r;
    QStringList apiIds;
    QHash<QString, std::pair<qsizetype, qsizetype>> routeIds; // route logical ID -> (api index, route index)
};

} // namespace

void readWebSocketApis(SamReader &r) {
    V2Reader(r).read();
}

} // namespace gatehouse::sam
