// WebSocket APIs. The SAM version this exporter targets has no WebSocket resource of its own, so they
// are plain CloudFormation: AWS::ApiGatewayV2::Api (ProtocolType WEBSOCKET), Integration, Route,
// RouteResponse, Authorizer, Deployment, Stage, and AWS::Lambda::Permission
// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/AWS_ApiGatewayV2.html;
// API GW dev guide "websocket-api-develop-routes").
#include "SamAuth.h"
#include "export/Intrinsics.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {

// "$connect" -> "Connect", "sendmessage" -> "Sendmessage": readable pieces of generated IDs.
QString routeWord(const QString &routeKey) {
    const QString word = pascalCaseId(routeKey);
    return word.isEmpty() ? QStringLiteral("Route") : word;
}

class WebSocketWriter {
public:
    WebSocketWriter(SamTemplate &t, const Api &api, qsizetype index)
        : t(t)
        , api(api)
        , path(elementPath("apis", index))
        , id(t.apiIds.value(api.name)) {}

    void write() {
        OrderedJson props = OrderedJson::object();
        props["Name"] = api.name.toStdString();
        if (!api.description.isEmpty()) props["Description"] = api.description.toStdString();
        props["ProtocolType"] = "WEBSOCKET";
        props["RouteSelectionExpression"] =
            (api.routeSelectionExpression.isEmpty() ? QStringLiteral("$request.body.action")
                                                    : api.routeSelectionExpression)
                .toStdString();
        t.resources[id.toStdString()] =
            OrderedJson{{"Type", "AWS::ApiGatewayV2::Api"}, {"Properties", props}};

        OrderedJson routeIds = OrderedJson::array();
        for (qsizetype r = 0; r < api.routes.size(); ++r) {
            const QString routeId = writeRoute(api.routes[r], elementPath(path, "routes", r));
            if (!routeId.isEmpty()) routeIds.push_back(routeId.toStdString());
        }
        for (const QString &functionId : permittedFunctions)
            writePermission(functionId);

        // A deployment must come after the routes it deploys (CloudFormation orders by DependsOn only).
        const QString deploymentId = t.ids.allocate(id, QStringLiteral("Deployment"));
        OrderedJson deployment = OrderedJson::object();
        deployment["Type"] = "AWS::ApiGatewayV2::Deployment";
        if (!routeIds.empty()) deployment["DependsOn"] = routeIds;
        deployment["Properties"] = OrderedJson{{"ApiId", cfn::ref(id)}};
        t.resources[deploymentId.toStdString()] = std::move(deployment);

        QList<Stage> stages = api.stages;
        if (stages.isEmpty()) {
            Stage dev;
            dev.name = QStringLiteral("dev");
            stages.append(dev);
        }
        for (qsizetype s = 0; s < stages.size(); ++s)
            writeStage(stages[s], deploymentId,
                       s < api.stages.size() ? elementPath(path, "stages", s) : path);
        for (qsizetype d = 0; d < api.customDomains.size(); ++d)
            t.report.warning(elementPath(path, "customDomains", d),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "custom domain '%1' is not exported to %2: it needs an ACM certificate ARN")
                                 .arg(api.customDomains[d].domainName, t.title()));
        if (api.throttling.isSet())
            t.report.warning(
                fieldPath(path, "throttling"),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "API-wide throttling of a WebSocket API is exported to %1 as each stage's default "
                    "route settings")
                    .arg(t.title()));
    }

private:
    QString integrationUri(const QString &functionId) { return cfn::lambdaInvocationUriPattern(functionId); }

    QString writeRoute(const Route &r, const QString &routePath) {
        const Integration &in = r.integration;
        const QString word = routeWord(r.routeKey);
        OrderedJson integration = OrderedJson::object();
        integration["ApiId"] = cfn::ref(id);
        if (in.type == IntegrationType::Lambda) {
            const QString functionId =
                t.functionId(in.function, fieldPath(fieldPath(routePath, "integration"), "function"));
            if (functionId.isEmpty()) return {};
            integration["IntegrationType"] = "AWS_PROXY";
            integration["IntegrationUri"] = cfn::sub(integrationUri(functionId));
            if (!permittedFunctions.contains(functionId)) permittedFunctions.append(functionId);
        } else if (in.type == IntegrationType::HttpProxy) {
            integration["IntegrationType"] = "HTTP_PROXY";
            integration["IntegrationUri"] = in.url.toStdString();
            integration["IntegrationMethod"] =
                (in.httpMethod.isEmpty() ? QStringLiteral("POST") : in.httpMethod).toStdString();
        } else {
            t.report.warning(
                fieldPath(routePath, "integration"),
                QCoreApplication::translate(
                    "gatehouse::Export", "the mock integration of WebSocket route '%1' is not exported to %2")
                    .arg(r.routeKey, t.title()));
            return {};
        }
        if (in.timeoutMs) integration["TimeoutInMillis"] = *in.timeoutMs;
        const QString integrationId = t.ids.allocate(id + word, QStringLiteral("Integration"));
        t.resources[integrationId.toStdString()] =
            OrderedJson{{"Type", "AWS::ApiGatewayV2::Integration"}, {"Properties", std::move(integration)}};

        OrderedJson route = OrderedJson::object();
        route["ApiId"] = cfn::ref(id);
        route["RouteKey"] = r.routeKey.toStdString();
        route["AuthorizationType"] = "NONE";
        if (!r.authorizer.isEmpty()) writeRouteAuthorizer(r, routePath, route);
        if (r.routeResponse) route["RouteResponseSelectionExpression"] = "$default";
        route["Target"] =
            cfn::join(QStringLiteral("/"), OrderedJson::array({"integrations", cfn::ref(integrationId)}));
        const QString routeId = t.ids.allocate(id + word, QStringLiteral("Route"));
        t.resources[routeId.toStdString()] =
            OrderedJson{{"Type", "AWS::ApiGatewayV2::Route"}, {"Properties", route}};
        if (r.routeResponse) {
            const QString responseId = t.ids.allocate(id + word, QStringLiteral("RouteResponse"));
            t.resources[responseId.toStdString()] =
                OrderedJson{{"Type", "AWS::ApiGatewayV2::RouteResponse"},
                            {"Properties", OrderedJson{{"ApiId", cfn::ref(id)},
                                                       {"RouteId", cfn::ref(routeId)},
                                                       {"RouteResponseKey", "$default"}}}};
        }
        if (r.throttling.isSet())
            t.report.warning(
                fieldPath(routePath, "throttling"),
                QCoreApplication::translate(
                    "gatehouse::Export", "per-route throttling of WebSocket route '%1' is not exported to %2")
                    .arg(r.routeKey, t.title()));
        return routeId;
    }

    // WebSocket APIs authorize on $connect only, with a Lambda REQUEST authorizer whose identity
    // sources read "route.request.header.X" (API GW dev guide "apigateway-websocket-api-lambda-auth").
    void writeRouteAuthorizer(const Route &r, const QString &routePath, OrderedJson &route) {
        const Authorizer *a = t.project.findAuthorizer(r.authorizer);
        if (!a || a->type != AuthorizerType::Lambda || r.routeKey != QLatin1String("$connect")) {
            t.report.warning(
                fieldPath(routePath, "authorizer"),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "WebSocket APIs take a Lambda authorizer on $connect only; the authorizer of "
                    "route '%1' is not exported to %2")
                    .arg(r.routeKey, t.title()));
            return;
        }
        const QString functionId = t.functionId(a->function, fieldPath(routePath, "authorizer"));
        if (functionId.isEmpty()) return;
        const QString authorizerId = t.ids.allocate(id + pascalCaseId(a->name), QStringLiteral("Authorizer"));
        OrderedJson sources = OrderedJson::array();
        const IdentityLists lists = splitIdentitySources(a->identitySources);
        for (const QString &h : lists.headers)
            sources.push_back((QStringLiteral("route.request.header.") + h).toStdString());
        for (const QString &q : lists.queryStrings)
            sources.push_back((QStringLiteral("route.request.querystring.") + q).toStdString());
        OrderedJson props = OrderedJson::object();
        props["ApiId"] = cfn::ref(id);
        props["AuthorizerType"] = "REQUEST";
        props["AuthorizerUri"] = cfn::sub(integrationUri(functionId));
        if (!sources.empty()) props["IdentitySource"] = std::move(sources);
        props["Name"] = a->name.toStdString();
        t.resources[authorizerId.toStdString()] =
            OrderedJson{{"Type", "AWS::ApiGatewayV2::Authorizer"}, {"Properties", std::move(props)}};
        route["AuthorizationType"] = "CUSTOM";
        route["AuthorizerId"] = cfn::ref(authorizerId);
        if (!permittedFunctions.contains(functionId)) permittedFunctions.append(functionId);
    }

    // API Gateway may invoke the function from any route and stage of this API.
    void writePermission(const QString &functionId) {
        const QString permissionId = t.ids.allocate(id + functionId, QStringLiteral("Permission"));
        t.resources[permissionId.toStdString()] = OrderedJson{
            {"Type", "AWS::Lambda::Permission"},
            {"Properties",
             OrderedJson{
                 {"Action", "lambda:InvokeFunction"},
                 {"FunctionName", cfn::ref(functionId)},
                 {"Principal", "apigateway.amazonaws.com"},
                 {"SourceArn", cfn::sub(QStringLiteral("arn:${AWS::Partition}:execute-api:${AWS::Region}:"
                                                       "${AWS::AccountId}:${%1}/*")
                                            .arg(id))}}}};
    }

    void writeStage(const Stage &stage, const QString &deploymentId, const QString &stagePath) {
        OrderedJson props = OrderedJson::object();
        props["ApiId"] = cfn::ref(id);
        props["StageName"] = stage.name.toStdString();
        props["DeploymentId"] = cfn::ref(deploymentId);
        if (!stage.variables.isEmpty()) {
            OrderedJson variables = OrderedJson::object();
            for (const NameValue &nv : stage.variables)
                variables[nv.name.toStdString()] = nv.value.toStdString();
            props["StageVariables"] = std::move(variables);
        }
        const ThrottleSettings throttle = stage.throttling.isSet() ? stage.throttling : api.throttling;
        if (throttle.isSet()) props["DefaultRouteSettings"] = throttleSettings(throttle);
        if (!stage.accessLogFormat.isEmpty())
            t.report.warning(fieldPath(stagePath, "accessLogFormat"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "access logging is not exported to %1: it needs a CloudWatch log group ARN")
                                 .arg(t.title()));
        const QString stageId = t.ids.allocate(id + QLatin1Char('-') + stage.name, QStringLiteral("Stage"));
        t.resources[stageId.toStdString()] =
            OrderedJson{{"Type", "AWS::ApiGatewayV2::Stage"}, {"Properties", props}};
        t.outputs[(id + pascalCaseId(stage.name) + QStringLiteral("Url")).toStdString()] =
            OrderedJson{{"Description", QStringLiteral("WebSocket endpoint of the %1 API (stage %2)")
                                            .arg(api.name, stage.name)
                                            .toStdString()},
                        {"Value", cfn::sub(endpointPattern(QStringLiteral("wss"), id, stage.name))}};
    }

    SamTemplate &t;
    const Api &api;
    const QString path;
    const QString id;
    QStringList permittedFunctions;
};

} // namespace

void addWebSocketApis(SamTemplate &t) {
    for (qsizetype i = 0; i < t.project.apis.size(); ++i)
        if (t.project.apis[i].type == ApiType::WebSocket) WebSocketWriter(t, t.project.apis[i], i).write();
}

} // namespace gatehouse::sam
