// OpenAPI 3.0 (https://spec.openapis.org/oas/v3.0.3) and 3.1 documents; Swagger 2.0 is refused with a hint.
#include "OpenApiImport.h"

#include "import/CodeStubs.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace gatehouse {

namespace {

bool anyIntegration(const OrderedJson &doc, const std::function<bool(const OrderedJson &)> &test) {
    const OrderedJson *paths = json::member(doc, "paths");
    if (!paths || !paths->is_object()) return false;
    for (const auto &item : paths->items())
        if (item.value().is_object())
            for (const auto &op : item.value().items())
                if (const OrderedJson *ext = json::member(op.value(), "x-amazon-apigateway-integration");
                    ext && test(*ext))
                    return true;
    return false;
}

// API Gateway exports HTTP APIs with x-amazon-apigateway-importexport-version and payloadFormatVersion
// on every Lambda integration; REST APIs have neither, and only they know API keys, binary media types
// and mock integrations.
ApiType detectApiType(const OrderedJson &doc) {
    if (json::member(doc, "x-amazon-apigateway-importexport-version") ||
        json::member(doc, "x-amazon-apigateway-cors") ||
        json::member(json::member(doc, "paths"), "/$default") ||
        anyIntegration(
            doc, [](const OrderedJson &ext) { return json::member(ext, "payloadFormatVersion") != nullptr; }))
        return ApiType::Http;
    if (json::member(doc, "x-amazon-apigateway-api-key-source") ||
        json::member(doc, "x-amazon-apigateway-binary-media-types") ||
        anyIntegration(doc, [](const OrderedJson &ext) {
            const QString type = json::textOr(json::member(ext, "type")).toLower();
            return type == QLatin1String("aws_proxy") || type == QLatin1String("mock") ||
                   type == QLatin1String("aws");
        }))
        return ApiType::Rest;
    return ApiType::Http;
}

} // namespace

ImportResult importOpenApi(const ImportSource &source, const ImportOptions &options) {
    ImportResult result;
    SourceLimits limits;
    limits.maxBytes = options.maxBytes;
    const std::optional<SourceDocument> doc =
        parseSourceDocument(source.bytes, source.fileName, result.diagnostics, limits);
    if (!doc) return result;
    ImportContext ctx(*doc, result.diagnostics);
    const OrderedJson &root = doc->root;
    const QString version = json::textOr(json::member(root, "openapi"));
    if (!root.is_object() || version.isEmpty()) {
        if (json::member(root, "swagger"))
            ctx.error(
                QStringLiteral("swagger"),
                QCoreApplication::translate("gatehouse::Import", "Swagger 2.0 documents are not supported"),
                QCoreApplication::translate("gatehouse::Import",
                                            "convert it to OpenAPI 3 first (e.g. with swagger2openapi)"));
        else
            ctx.error({}, QCoreApplication::translate(
                              "gatehouse::Import",
                              "not an OpenAPI document: the 'openapi' version field is missing"));
        return result;
    }
    if (!version.startsWith(QLatin1String("3.0")) && !version.startsWith(QLatin1String("3.1")))
        ctx.warning(QStringLiteral("openapi"),
                    QCoreApplication::translate("gatehouse::Import", "OpenAPI version %1 is read as 3.0")
                        .arg(version));

    Project &project = result.project;
    const OrderedJson *info = json::member(root, "info");
    Api api;
    api.type = detectApiType(root);
    api.name = json::textOr(json::member(info, "title"));
    if (api.name.isEmpty())
        api.name = QFileInfo(source.fileName).completeBaseName().section(QLatin1Char('.'), 0, 0);
    api.description = json::textOr(json::member(info, "description"));
    Stage stage;
    stage.name = api.type == ApiType::Http ? QStringLiteral("$default") : QStringLiteral("dev");
    api.stages.append(stage);
    project.name = options.projectName.isEmpty() ? api.name : options.projectName;
    project.apis.append(api);

    const OrderedJson *names = json::member(root, "x-gatehouse-names");
    OpenApiTarget target{project, 0, true, {}, {}};
    target.functionName = [&project, names](const QString &idOrName, bool) {
        QString name = json::textOr(json::member(names, idOrName.toStdString().c_str()), idOrName);
        if (!project.findFunction(name)) {
            // OpenAPI knows functions by ARN only: the project gets a stub that answers 501.
            Function f;
            f.name = name;
            f.codeUri = QStringLiteral("functions/") + name;
            project.functions.append(f);
        }
        return name;
    };
    target.addAuthorizer = [&project](const Authorizer &a) {
        Authorizer copy = a;
        while (project.findAuthorizer(copy.name))
            copy.name += QLatin1Char('_');
        project.authorizers.append(copy);
        return copy.name;
    };
    readOpenApiDocument(ctx, root, {}, target);
    for (const Function &f : project.functions)
        if (const std::optional<ImportedFile> stub = codeStub(f)) result.files.append(*stub);
    if (project.apis.first().routes.isEmpty())
        ctx.warning(QStringLiteral("paths"),
                    QCoreApplication::translate("gatehouse::Import", "no routes were imported"));
    return result;
}

} // namespace gatehouse
