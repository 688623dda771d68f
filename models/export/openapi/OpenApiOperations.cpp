// Paths and operations with their x-amazon-apigateway-integration objects
// (API GW dev guide,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html;
// "any method": .../api-gateway-swagger-extensions-any-method.html; HTTP API export format:
// .../http-api-export.html, where the $default route is the path "/$default").
#include "OpenApiParts.h"
#include "export/Intrinsics.h"
#include "export/LogicalIds.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gatehouse::openapi {

namespace {

const QStringList &operationMethods() {
    static const QStringList methods = {
        QStringLiteral("get"),     QStringLiteral("put"),  QStringLiteral("post"),  QStringLiteral("delete"),
        QStringLiteral("options"), QStringLiteral("head"), QStringLiteral("patch"), QStringLiteral("trace")};
    return methods;
}

QStringList pathParameters(const QString &path) {
    static const QRegularExpression parameter(QStringLiteral("\\{([^{}]+)\\}"));
    QStringList names;
    for (auto it = parameter.globalMatch(path); it.hasNext();)
        names.append(it.next().captured(1));
    return names;
}

QString operationId(const Route &r, QSet<QString> &used) {
    QString base = r.path == QLatin1String("$default") ? QStringLiteral("default")
                                                       : r.method.toLower() + pascalCaseId(r.path);
    QString id = base;
    for (int n = 2; used.contains(id); ++n)
        id = base + QString::number(n);
    used.insert(id);
    return id;
}

OrderedJson mockIntegration(const Integration &in) {
    OrderedJson integration = OrderedJson::object();
    integration["type"] = "mock";
    // A mock integration answers with the status its request template selects.
    integration["requestTemplates"] = OrderedJson{
        {"application/json", QStringLiteral("{\"statusCode\": %1}").arg(in.mockStatusCode).toStdString()}};
    OrderedJson response = OrderedJson::object();
    response["statusCode"] = QString::number(in.mockStatusCode).toStdString();
    if (!in.mockHeaders.isEmpty()) {
        OrderedJson parameters = OrderedJson::object();
        for (const NameValue &h : in.mockHeaders)
            parameters[(QStringLiteral("method.response.header.") + h.name).toStdString()] =
                (QLatin1Char('\'') + h.value + QLatin1Char('\'')).toStdString();
        response["responseParameters"] = std::move(parameters);
    }
    if (!in.mockBody.isEmpty())
        response["responseTemplates"] = OrderedJson{{"application/json", in.mockBody.toStdString()}};
    integration["responses"] = OrderedJson{{"default", std::move(response)}};
    integration["passthroughBehavior"] = "when_no_match";
    return integration;
}

class OperationWriter {
public:
    explicit OperationWriter(ApiDocument &d)
        : d(d) {}

    void write(const Route &r, const QString &routePath) {
        const bool isDefault = r.path == QLatin1String("$default");
        if (isDefault && !d.http()) {
            d.report.warning(routePath, QCoreApplication::translate(
                                            "gatehouse::Export",
                                            "REST APIs have no $default route; it is not exported to %1")
                                            .arg(d.title()));
            return;
        }
        const QString pathKey = isDefault ? QStringLiteral("/$default") : r.path;
        const QString method = r.method.toLower();
        QString methodKey;
        if (isDefault || method == QLatin1String("any"))
            methodKey = QStringLiteral("x-amazon-apigateway-any-method");
        else if (operationMethods().contains(method))
            methodKey = method;
        if (methodKey.isEmpty()) {
            d.report.warning(
                fieldPath(routePath, "method"),
                QCoreApplication::translate(
                    "gatehouse::Export", "method '%1' cannot be described in %2; the route is not exported")
                    .arg(r.method, d.title()));
            return;
        }
        OrderedJson &item = d.paths[pathKey.toStdString()];
        if (item.is_null()) item = OrderedJson::object();
        if (item.contains(methodKey.toStdString())) {
            d.report.warning(routePath, QCoreApplication::translate(
                                            "gatehouse::Export",
                                            "route '%1' is defined twice; only the first is exported to %2")
                                            .arg(routeKeyOf(r, d.api.type), d.title()));
            return;
        }
        OrderedJson operation = OrderedJson::object();
        operation["operationId"] = operationId(r, usedIds).toStdString();
        OrderedJson parameters = OrderedJson::array();
        for (const QString &name : pathParameters(isDefault ? QString() : r.path))
            parameters.push_back(OrderedJson{{"name", name.toStdString()},
                                             {"in", "path"},
                                             {"required", true},
                                             {"schema", OrderedJson{{"type", "string"}}}});
        if (!parameters.empty()) operation["parameters"] = std::move(parameters);
        operation["responses"] = responses(r);
        OrderedJson security = securityOf(r, routePath);
        if (!security.is_null()) operation["security"] = std::move(security);
        const OrderedJson integration = integrationOf(r, fieldPath(routePath, "integration"));
        if (integration.is_null()) return;
        operation["x-amazon-apigateway-integration"] = integration;
        if (r.throttling.isSet())
            d.report.warning(fieldPath(routePath, "throttling"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "throttling of route '%1' is not exported: %2 has no throttling extension")
                                 .arg(routeKeyOf(r, d.api.type), d.title()));
        item[methodKey.toStdString()] = std::move(operation);
    }

private:
    OrderedJson responses(const Route &r) {
        const Integration &in = r.integration;
        if (in.type == IntegrationType::Mock) {
            // Mapped response headers must be declared on the method response.
            OrderedJson response = OrderedJson{{"description", "Mock response"}};
            for (const NameValue &h : in.mockHeaders)
                response["headers"][h.name.toStdString()] =
                    OrderedJson{{"schema", OrderedJson{{"type", "string"}}}};
            return OrderedJson{{QString::number(in.mockStatusCode).toStdString(), std::move(response)}};
        }
        const QString key =
            r.path == QLatin1String("$default") ? QStringLiteral("$default") : routeKeyOf(r, d.api.type);
        return OrderedJson{
            {"default",
             OrderedJson{{"description", (QStringLiteral("Default response for ") + key).toStdString()}}}};
    }

    OrderedJson securityOf(const Route &r, const QString &routePath) {
        if (r.authorizer.isEmpty()) return nullptr;
        const QString scheme = d.schemeNames.value(r.authorizer);
        if (scheme.isEmpty()) {
            d.report.warning(fieldPath(routePath, "authorizer"),
                             QCoreApplication::translate("gatehouse::Export",
                                                         "the authorizer of route '%1' is not exported to %2")
                                 .arg(routeKeyOf(r, d.api.type), d.title()));
            return nullptr;
        }
        OrderedJson scopes = OrderedJson::array();
        for (const QString &s : r.authorizationScopes)
            scopes.push_back(s.toStdString());
        return OrderedJson::array({OrderedJson{{scheme.toStdString(), std::move(scopes)}}});
    }

    OrderedJson integrationOf(const Route &r, const QString &path) {
        const Integration &in = r.integration;
        OrderedJson integration = OrderedJson::object();
        switch (in.type) {
        case IntegrationType::Lambda: {
            const QString functionId = d.useFunction(in.function);
            if (functionId.isEmpty()) {
                d.report.warning(
                    fieldPath(path, "function"),
                    QCoreApplication::translate(
                        "gatehouse::Export", "function '%1' does not exist; route '%2' is not exported to %3")
                        .arg(in.function, routeKeyOf(r, d.api.type), d.title()));
                return nullptr;
            }
            integration["type"] = "aws_proxy";
            integration["httpMethod"] = "POST"; // Lambda is always invoked with POST
            integration["uri"] = cfn::sub(cfn::lambdaInvocationUriPattern(functionId));
            if (d.http())
                // Required for HTTP APIs; Gatehouse's default for them is 2.0.
                integration["payloadFormatVersion"] = in.payloadFormatVersion.isEmpty()
                                                          ? std::string("2.0")
                                                          : in.payloadFormatVersion.toStdString();
            else if (!in.payloadFormatVersion.isEmpty() && in.payloadFormatVersion != QLatin1String("1.0"))
                d.report.warning(
                    fieldPath(path, "payloadFormatVersion"),
                    QCoreApplication::translate(
                        "gatehouse::Export",
                        "REST APIs always send payload format 1.0; version %1 is not exported to %2")
                        .arg(in.payloadFormatVersion, d.title()));
            break;
        }
        case IntegrationType::HttpProxy:
            integration["type"] = "http_proxy";
            integration["httpMethod"] =
                (in.httpMethod.isEmpty() ? QStringLiteral("ANY") : in.httpMethod).toStdString();
            integration["uri"] = in.url.toStdString();
            if (d.http())
                integration["payloadFormatVersion"] = "1.0"; // the only version HTTP proxy integrations take
            else
                integration["passthroughBehavior"] = "when_no_match";
            integration["connectionType"] = "INTERNET";
            break;
        case IntegrationType::Mock:
            integration = mockIntegration(in);
            if (d.http())
                d.report.warning(
                    path, QCoreApplication::translate(
                              "gatehouse::Export",
                              "HTTP APIs on AWS have no mock integrations; route '%1' is exported to %2 "
                              "with one, which API Gateway will reject for an HTTP API")
                              .arg(routeKeyOf(r, d.api.type), d.title()));
            break;
        }
        if (in.timeoutMs) integration["timeoutInMillis"] = *in.timeoutMs;
        if (!in.requestParameters.isEmpty()) {
            if (d.http()) {
                OrderedJson parameters = OrderedJson::object();
                for (const NameValue &nv : in.requestParameters)
                    parameters[nv.name.toStdString()] = nv.value.toStdString();
                integration["requestParameters"] = std::move(parameters);
            } else {
                d.report.warning(
                    fieldPath(path, "requestParameters"),
                    QCoreApplication::translate(
                        "gatehouse::Export",
                        "HTTP API parameter mappings do not apply to REST APIs; they are not exported to %1")
                        .arg(d.title()));
            }
        }
        return integration;
    }

    ApiDocument &d;
    QSet<QString> usedIds;
};

} // namespace

void addOperations(ApiDocument &d) {
    OperationWriter writer(d);
    for (qsizetype r = 0; r < d.api.routes.size(); ++r)
        writer.write(d.api.routes[r], elementPath(d.path, "routes", r));
    // Paths whose only routes were not exported would be empty path items: leave them out.
    for (auto it = d.paths.begin(); it != d.paths.end();)
        it = it->empty() ? d.paths.erase(it) : std::next(it);
}

} // namespace gatehouse::openapi
