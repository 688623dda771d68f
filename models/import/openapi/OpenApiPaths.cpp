// Paths and operations to routes; x-amazon-apigateway-integration to integrations
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-integration.html),
// plus the API-level extensions (cors, binary media types).
#include "OpenApiReading.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gatehouse::openapi {

namespace {

const char *const kMethods[] = {
    "get", "put", "post", "delete", "options", "head", "patch", "trace", "x-amazon-apigateway-any-method"};

// The status and body a mock route answers when the document has no integration: its first success
// response, with the JSON example if it gives one.
void mockFromResponses(const OrderedJson *responses, Integration &in) {
    in.type = IntegrationType::Mock;
    in.mockStatusCode = 200;
    if (!responses || !responses->is_object()) return;
    for (const auto &[code, response] : responses->items()) {
        bool ok = false;
        const int status = QString::fromStdString(code).toInt(&ok);
        if (!ok || status >= 400) continue;
        in.mockStatusCode = status;
        const OrderedJson *media = json::member(json::member(response, "content"), "application/json");
        const OrderedJson *example = json::member(media, "example");
        if (!example)
            if (const OrderedJson *examples = json::member(media, "examples");
                examples && examples->is_object() && !examples->empty())
                example = json::member(examples->begin().value(), "value");
        if (example) {
            in.mockBody = QString::fromStdString(example->dump());
            in.mockHeaders.append({QStringLiteral("content-type"), QStringLiteral("application/json")});
        }
        return;
    }
}

void readMock(const OrderedJson &ext, Integration &in) {
    in.type = IntegrationType::Mock;
    static const QRegularExpression status(QStringLiteral("\"statusCode\"\\s*:\\s*(\\d+)"));
    const QString request =
        json::textOr(json::member(json::member(ext, "requestTemplates"), "application/json"));
    if (const auto m = status.match(request); m.hasMatch()) in.mockStatusCode = m.captured(1).toInt();
    const OrderedJson *responses = json::member(ext, "responses");
    const OrderedJson *response = json::member(responses, "default");
    if (!response && responses && responses->is_object() && !responses->empty())
        response = &responses->begin().value();
    if (!response) return;
    in.mockBody = json::textOr(json::member(json::member(response, "responseTemplates"), "application/json"));
    if (const OrderedJson *params = json::member(response, "responseParameters");
        params && params->is_object())
        for (const auto &[name, value] : params->items()) {
            const QString n = QString::fromStdString(name);
            if (!n.startsWith(QLatin1String("method.response.header."))) continue;
            QString v = json::textOr(&value);
            if (v.size() >= 2 && v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))
                v = v.mid(1, v.size() - 2);
            in.mockHeaders.append({n.mid(23), v});
        }
}

class OperationReader {
public:
    OperationReader(DocumentReader &d, const QString &pathKey, const QString &method, const OrderedJson &op,
                    const QString &path)
        : d(d)
        , pathKey(pathKey)
        , method(method)
        , op(op)
        , path(path) {}

    void read() {
        Route route;
        route.path = pathKey == QLatin1String("/$default") ? QStringLiteral("$default") : pathKey;
        route.method = method == QLatin1String("x-amazon-apigateway-any-method") ? QStringLiteral("ANY")
                                                                                 : method.toUpper();
        const OrderedJson *ext = d.resolve(json::member(op, "x-amazon-apigateway-integration"), path);
        if (!ext) {
            mockFromResponses(json::member(op, "responses"), route.integration);
            d.ctx.warning(d.at(path),
                          QCoreApplication::translate(
                              "gatehouse::Import",
                              "operation %1 %2 has no x-amazon-apigateway-integration; it is imported with a "
                              "mock integration answering %3")
                              .arg(route.method, pathKey)
                              .arg(route.integration.mockStatusCode),
                          QCoreApplication::translate("gatehouse::Import",
                                                      "connect the route to a function in the project"));
        } else if (!readIntegration(*ext, route.integration)) {
            return;
        }
        readSecurity(route);
        d.api().routes.append(route);
    }

private:
    bool readIntegration(const OrderedJson &ext, Integration &in) {
        const QString type = json::textOr(json::member(ext, "type")).toLower();
        const QString extPath = path + QStringLiteral(".x-amazon-apigateway-integration");
        if (type == QLatin1String("aws_proxy") || type == QLatin1String("aws")) {
            in.type = IntegrationType::Lambda;
            in.function = d.functionFromUri(json::member(ext, "uri"), extPath + QStringLiteral(".uri"));
            if (in.function.isEmpty()) return false;
            if (type == QLatin1String("aws"))
                d.ctx.warning(d.at(extPath),
                              QCoreApplication::translate(
                                  "gatehouse::Import",
                                  "the non-proxy Lambda integration is imported as a proxy integration: "
                                  "mapping templates are not emulated"));
            if (const OrderedJson *v = json::member(ext, "payloadFormatVersion"))
                in.payloadFormatVersion = json::textOr(v);
        } else if (type == QLatin1String("http_proxy") || type == QLatin1String("http")) {
            in.type = IntegrationType::HttpProxy;
            in.url = json::textOr(json::member(ext, "uri"));
            in.httpMethod = json::textOr(json::member(ext, "httpMethod")).toUpper();
            if (in.httpMethod == QLatin1String("ANY")) in.httpMethod.clear();
            if (type == QLatin1String("http"))
                d.ctx.warning(d.at(extPath),
                              QCoreApplication::translate(
                                  "gatehouse::Import",
                                  "the non-proxy HTTP integration is imported as a proxy integration: "
                                  "mapping templates are not emulated"));
            if (json::textOr(json::member(ext, "connectionType")).toUpper() == QLatin1String("VPC_LINK"))
                d.ctx.warning(
                    d.at(extPath),
                    QCoreApplication::translate(
                        "gatehouse::Import",
                        "the VPC link of the integration is not imported; the uri is called directly"));
        } else if (type == QLatin1String("mock")) {
            readMock(ext, in);
        } else {
            d.ctx.warning(d.at(extPath), QCoreApplication::translate("gatehouse::Import",
                                                                     "integration type '%1' is not imported")
                                             .arg(type));
            return false;
        }
        in.timeoutMs = json::integer(json::member(ext, "timeoutInMillis"));
        if (const OrderedJson *params = json::member(ext, "requestParameters");
            params && params->is_object() && d.api().type == ApiType::Http)
            for (const auto &[name, value] : params->items())
                in.requestParameters.append({QString::fromStdString(name), json::textOr(&value)});
        return true;
    }

    void readSecurity(Route &route) {
        const OrderedJson *security = json::member(op, "security");
        if (!security) security = json::member(d.doc, "security");
        if (!security || !security->is_array() || security->empty()) return;
        if (security->size() > 1)
            d.ctx.warning(d.at(path + QStringLiteral(".security")),
                          QCoreApplication::translate(
                              "gatehouse::Import",
                              "alternative security requirements are not imported; the first one is used"));
        const OrderedJson &requirement = (*security)[0];
        if (!requirement.is_object() || requirement.empty()) return;
        if (requirement.size() > 1)
            d.ctx.warning(
                d.at(path + QStringLiteral(".security")),
                QCoreApplication::translate("gatehouse::Import",
                                            "a route has one authorizer in Gatehouse; only '%1' is imported")
                    .arg(QString::fromStdString(requirement.begin().key())));
        const QString scheme = QString::fromStdString(requirement.begin().key());
        route.authorizer = d.schemeAuthorizers.value(scheme);
        if (route.authorizer.isEmpty()) return; // reported with the scheme
        const Authorizer *a = d.target.project.findAuthorizer(route.authorizer);
        if (a && a->type == AuthorizerType::Jwt)
            route.authorizationScopes = json::strings(&requirement.begin().value());
    }

    DocumentReader &d;
    const QString pathKey;
    const QString method;
    const OrderedJson &op;
    const QString path;
};

} // namespace

void readPaths(DocumentReader &d) {
    const OrderedJson *paths = json::member(d.doc, "paths");
    if (!paths || !paths->is_object()) {
        d.ctx.warning(d.at(QStringLiteral("paths")),
                      QCoreApplication::translate("gatehouse::Import", "the document has no paths"));
        return;
    }
    for (const auto &[pathKey, rawItem] : paths->items()) {
        const QString key = QString::fromStdString(pathKey);
        const QString itemPath = QStringLiteral("paths.") + key;
        const OrderedJson *item = d.resolve(&rawItem, itemPath);
        if (!item || !item->is_object()) continue;
        for (const char *method : kMethods)
            if (const OrderedJson *op = json::member(item, method); op && op->is_object())
                OperationReader(d, key, QString::fromLatin1(method), *op,
                                itemPath + QLatin1Char('.') + QLatin1String(method))
                    .read();
    }
}

void readApiExtensions(DocumentReader &d) {
    Api &api = d.api();
    if (const OrderedJson *cors = json::member(d.doc, "x-amazon-apigateway-cors")) {
        Cors c;
        c.allowOrigins = json::strings(json::member(cors, "allowOrigins"));
        c.allowMethods = json::strings(json::member(cors, "allowMethods"));
        c.allowHeaders = json::strings(json::member(cors, "allowHeaders"));
        c.exposeHeaders = json::strings(json::member(cors, "exposeHeaders"));
        c.maxAgeSeconds = json::integer(json::member(cors, "maxAge"));
        c.allowCredentials = json::boolean(json::member(cors, "allowCredentials")).value_or(false);
        api.cors = c;
    }
    for (const QString &type : json::strings(json::member(d.doc, "x-amazon-apigateway-binary-media-types")))
        if (!api.binaryMediaTypes.contains(type)) api.binaryMediaTypes.append(type);
    if (json::textOr(json::member(d.doc, "x-amazon-apigateway-api-key-source")).toUpper() ==
        QLatin1String("AUTHORIZER"))
        d.ctx.warning(
            d.at(QStringLiteral("x-amazon-apigateway-api-key-source")),
            QCoreApplication::translate(
                "gatehouse::Import",
                "API keys from a Lambda authorizer are not emulated; clients send them in x-api-key"));
}

} // namespace gatehouse::openapi

namespace gatehouse {

void readOpenApiDocument(ImportContext &ctx, const OrderedJson &document, const QString &basePath,
                         OpenApiTarget &target) {
    openapi::DocumentReader d(ctx, document, basePath, target);
    if (const OrderedJson *names = json::member(document, "x-gatehouse-names"); names && names->is_object())
        d.names = *names;
    openapi::readSecuritySchemes(d);
    openapi::readPaths(d);
    openapi::readApiExtensions(d);
}

} // namespace gatehouse
