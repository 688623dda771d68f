#include "ImportFormatDetection.h"

#include "SourceDocument.h"

#include <QCoreApplication>

namespace gatehouse {

namespace {

bool hasKey(const OrderedJson &object, const char *key) {
    return object.is_object() && object.contains(key);
}

// The keys each format's specification makes mandatory, or that its tools always write.
std::optional<ImportFormat> formatOf(const OrderedJson &root) {
    if (!root.is_object()) return std::nullopt;
    if (hasKey(root, "openapi") || hasKey(root, "swagger")) return ImportFormat::OpenApi;
    if (hasKey(root, "AWSTemplateFormatVersion") || hasKey(root, "Resources") || hasKey(root, "Transform"))
        return ImportFormat::Sam;
    // Postman collections: info.schema names getpostman.com; exports also carry info._postman_id.
    // Environment files: a "values" list, marked by _postman_variable_scope when Postman wrote them.
    if (hasKey(root, "info")) {
        const OrderedJson &info = root["info"];
        if (hasKey(info, "_postman_id")) return ImportFormat::Postman;
        if (hasKey(info, "schema") && info["schema"].is_string() &&
            info["schema"].get<std::string>().find("getpostman.com") != std::string::npos)
            return ImportFormat::Postman;
    }
    if (hasKey(root, "item") && root["item"].is_array()) return ImportFormat::Postman;
    if (hasKey(root, "_postman_variable_scope")) return ImportFormat::Postman;
    return std::nullopt;
}

} // namespace

DetectedImportFormat detectImportFormat(const QByteArray &bytes, const QString &fileName) {
    DetectedImportFormat detected;
    const std::optional<SourceDocument> document = parseSourceDocument(bytes, fileName, detected.diagnostics);
    if (!document) return detected;
    detected.format = formatOf(document->root);
    if (!detected.format) {
        Diagnostic d;
        d.file = fileName;
        d.message = QCoreApplication::translate(
            "gatehouse::Import", "not an AWS SAM template, an OpenAPI document or a Postman collection");
        d.hint = QCoreApplication::translate(
            "gatehouse::Import", "SAM templates have Resources, OpenAPI documents an openapi field, Postman "
                                 "collections an info.schema naming getpostman.com");
        detected.diagnostics.append(d);
    }
    return detected;
}

} // namespace gatehouse
