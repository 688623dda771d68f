// What an export is asked for and what it gives back: the target formats, their options, and the
// generated files plus the warnings naming everything the format cannot represent.
#pragma once

#include "validation/Diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace gatehouse {

enum class ExportFormat { Sam, OpenApi, Serverless, Postman };

QString exportFormatName(ExportFormat format); // "sam", "openapi", "serverless", "postman"
// The name users read in warnings: "AWS SAM", "OpenAPI 3.0", "serverless.yml", "Postman".
QString exportFormatTitle(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(const QString &name);

struct ExportOptions {
    // The project folder. When set (and includeCode is true) the functions' code is read from it and
    // returned with the generated files, so that the exported folder deploys on its own.
    QString projectFolder;
    bool includeCode = true;
    // OpenAPI documents as JSON instead of YAML.
    bool openApiJson = false;
    // Named in every diagnostic, like the validator does.
    QString projectFileName = QStringLiteral("gatehouse.json");
};

struct ExportedFile {
    enum class Kind {
        Document,  // the exported template/definition/collection itself
        Generated, // a file Gatehouse generated to make the export work (e.g. a handler wrapper)
        Code       // a copy of the project's own code
    };
    QString path; // relative, '/'-separated, e.g. "template.yaml" or "functions/hello/index.js"
    QByteArray bytes;
    Kind kind = Kind::Document;
};

struct ExportResult {
    // The main document comes first; for OpenAPI there is one document per HTTP/REST API.
    QList<ExportedFile> files;
    // Warnings: what the target format cannot represent, each at the project element it concerns.
    // Errors: the export could not be made (nothing exportable, unreadable code folder...).
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics) && !files.isEmpty(); }
    const ExportedFile *file(const QString &path) const;
};

} // namespace gatehouse
