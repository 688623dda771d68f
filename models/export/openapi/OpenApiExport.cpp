#include "OpenApiExport.h"

#include "OpenApiParts.h"
#include "export/LogicalIds.h"
#include "export/UnknownFieldWarnings.h"
#include "export/YamlWriter.h"

#include <QCoreApplication>

namespace gatehouse {

namespace {

OrderedJson strings(const QStringList &list) {
    OrderedJson array = OrderedJson::array();
    for (const QString &s : list)
        array.push_back(s.toStdString());
    return array;
}

// HTTP API CORS (API GW dev guide "x-amazon-apigateway-cors object":
// https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-cors-configuration.html).
OrderedJson corsExtension(const Cors &c) {
    OrderedJson cors = OrderedJson::object();
    if (!c.allowOrigins.isEmpty()) cors["allowOrigins"] = strings(c.allowOrigins);
    if (!c.allowMethods.isEmpty()) cors["allowMethods"] = strings(c.allowMethods);
    if (!c.allowHeaders.isEmpty()) cors["allowHeaders"] = strings(c.allowHeaders);
    if (!c.exposeHeaders.isEmpty()) cors["exposeHeaders"] = strings(c.exposeHeaders);
    if (c.maxAgeSeconds) cors["maxAge"] = *c.maxAgeSeconds;
    if (c.allowCredentials) cors["allowCredentials"] = true;
    return cors;
}

// What an API holds that OpenAPI (even with API Gateway's extensions) has no place for.
void warnAboutDeploymentSettings(openapi::ApiDocument &d) {
    const Api &api = d.api;
    for (qsizetype s = 0; s < api.stages.size(); ++s) {
        const Stage &stage = api.stages[s];
        const QString stagePath = elementPath(d.path, "stages", s);
        if (!stage.variables.isEmpty())
            d.report.warning(
                fieldPath(stagePath, "variables"),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "stage variables of stage '%1' are not exported: %2 describes routes, not stages")
                    .arg(stage.name, d.title()));
        if (stage.throttling.isSet())
            d.report.warning(fieldPath(stagePath, "throttling"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "throttling of stage '%1' is not exported: %2 has no throttling extension")
                                 .arg(stage.name, d.title()));
        if (!stage.accessLogFormat.isEmpty())
            d.report.warning(fieldPath(stagePath, "accessLogFormat"),
                             QCoreApplication::translate("gatehouse::Export",
                                                         "access logging of stage '%1' is not exported to %2")
                                 .arg(stage.name, d.title()));
    }
    if (api.throttling.isSet())
        d.report.warning(
            fieldPath(d.path, "throttling"),
            QCoreApplication::translate("gatehouse::Export",
                                        "API throttling is not exported: %1 has no throttling extension")
                .arg(d.title()));
    for (qsizetype c = 0; c < api.customDomains.size(); ++c)
        d.report.warning(
            elementPath(d.path, "customDomains", c),
            QCoreApplication::translate("gatehouse::Export", "custom domain '%1' is not exported to %2")
                .arg(api.customDomains[c].domainName, d.title()));
    if (api.cors && !d.http())
        d.report.warning(
            fieldPath(d.path, "cors"),
            QCoreApplication::translate(
                "gatehouse::Export",
                "REST API CORS is not exported to %1: API Gateway implements it with OPTIONS methods and "
                "response headers, which this export does not generate")
                .arg(d.title()),
            QCoreApplication::translate("gatehouse::Export", "the AWS SAM export keeps it (Api Cors)"));
}

QString sanitizedFileStem(const QString &name) {
    QString stem;
    for (const QChar c : name)
        stem +=
            (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_') || c == QLatin1Char('.'))
                ? c
                : QLatin1Char('-');
    return stem.isEmpty() ? QStringLiteral("api") : stem;
}

} // namespace

QString openapi::ApiDocument::useFunction(const QString &name) {
    const QString id = functionIds.value(name);
    if (!id.isEmpty() && defaultNameForId(NamedKind::Function, id) != name)
        names[id.toStdString()] = name.toStdString();
    return id;
}

QString openApiFileName(const Api &api, bool json) {
    return sanitizedFileStem(api.name) +
           (json ? QStringLiteral(".openapi.json") : QStringLiteral(".openapi.yaml"));
}

OrderedJson openApiDocument(const Project &project, qsizetype apiIndex, ExportReport &report) {
    const Api &api = project.apis.at(apiIndex);
    openapi::ApiDocument d(project, api, elementPath("apis", apiIndex), report);
    // The same logical IDs the SAM export gives the functions, so a document can serve as the
    // DefinitionBody of that template.
    LogicalIdAllocator ids;
    for (const Function &f : project.functions)
        if (!d.functionIds.contains(f.name)) {
            d.functionIds.insert(f.name, ids.allocate(f.name, QStringLiteral("Function")));
        }
    openapi::addSecuritySchemes(d);
    openapi::addOperations(d);
    warnAboutDeploymentSettings(d);

    OrderedJson doc = OrderedJson::object();
    doc["openapi"] = "3.0.1";
    OrderedJson info = OrderedJson::object();
    info["title"] = api.name.toStdString();
    if (!api.description.isEmpty()) info["description"] = api.description.toStdString();
    info["version"] = "1.0";
    doc["info"] = std::move(info);
    doc["paths"] = d.paths;
    if (!d.schemes.empty()) doc["components"]["securitySchemes"] = d.schemes;
    if (d.http()) {
        if (api.cors) doc["x-amazon-apigateway-cors"] = corsExtension(*api.cors);
        doc["x-amazon-apigateway-importexport-version"] = "1.0";
    } else {
        // Clients send keys in the x-api-key header (API GW dev guide "x-amazon-apigateway-api-key-source").
        if (d.usesApiKeys) doc["x-amazon-apigateway-api-key-source"] = "HEADER";
        if (!api.binaryMediaTypes.isEmpty())
            doc["x-amazon-apigateway-binary-media-types"] = strings(api.binaryMediaTypes);
    }
    if (!d.names.empty()) doc[openapi::kNamesExtension] = d.names;
    return doc;
}

ExportResult exportOpenApi(const Project &project, const ExportOptions &options) {
    ExportReport report(options.projectFileName);
    ExportResult result;
    for (qsizetype i = 0; i < project.apis.size(); ++i) {
        const Api &api = project.apis[i];
        if (api.type == ApiType::WebSocket) {
            report.warning(
                elementPath("apis", i),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "WebSocket API '%1' is not exported: OpenAPI describes HTTP request/response APIs only")
                    .arg(api.name),
                QCoreApplication::translate("gatehouse::Export", "the AWS SAM export includes it"));
            continue;
        }
        const OrderedJson doc = openApiDocument(project, i, report);
        QByteArray bytes;
        if (options.openApiJson) {
            bytes = QByteArray::fromStdString(doc.dump(2)) + '\n';
        } else {
            YamlWriteOptions yaml;
            yaml.shortIntrinsics = false; // generic OpenAPI tools cannot read !Sub
            bytes = toYaml(doc, yaml);
        }
        QString name = openApiFileName(api, options.openApiJson);
        while (result.file(name))
            name.insert(name.indexOf(QLatin1Char('.')), QLatin1Char('_'));
        result.files.append({name, bytes, ExportedFile::Kind::Document});
    }
    if (result.files.isEmpty())
        report.error(
            {}, QCoreApplication::translate("gatehouse::Export",
                                            "the project has no HTTP or REST API to describe in OpenAPI"));
    if (!project.functions.isEmpty() || !project.buckets.isEmpty() || !project.queues.isEmpty() ||
        !project.schedules.isEmpty())
        report.warning(
            {},
            QCoreApplication::translate(
                "gatehouse::Export",
                "functions (code, runtime, memory), buckets, queues and schedules are not part of an "
                "OpenAPI document: routes name their functions by ARN only"),
            QCoreApplication::translate("gatehouse::Export",
                                        "the AWS SAM and serverless.yml exports include them"));
    if (!project.requests.isEmpty())
        report.warning(
            QStringLiteral("requests"),
            QCoreApplication::translate("gatehouse::Export", "saved requests are not exported to OpenAPI"),
            QCoreApplication::translate("gatehouse::Export", "export them with --format postman"));
    warnAboutUnknownFields(project, QStringLiteral("OpenAPI 3.0"), UnknownFieldScope::Design, report);
    result.diagnostics = report.takeDiagnostics();
    return result;
}

} // namespace gatehouse
