// What an import is asked for and what it gives back: the source formats, the files read, and the
// project plus the code files to write and the diagnostics (errors with line/column, warnings for
// everything the project model cannot hold).
#pragma once

#include "project/Project.h"
#include "validation/Diagnostic.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace gatehouse {

enum class ImportFormat { Sam, OpenApi, Postman };

QString importFormatName(ImportFormat format);  // "sam", "openapi", "postman"
QString importFormatTitle(ImportFormat format); // "AWS SAM", "OpenAPI", "Postman"
std::optional<ImportFormat> importFormatFromName(const QString &name);

struct ImportSource {
    QString fileName; // shown in diagnostics; its extension helps tell JSON from YAML
    QByteArray bytes;
};

struct ImportOptions {
    // Folder holding the imported file. When set, SAM CodeUri folders and DefinitionUri files are read
    // from it, so the imported project gets the real code instead of stubs.
    QString sourceFolder;
    // Project name when the file does not give one (SAM Metadata, OpenAPI title, collection name).
    QString projectName;
    qint64 maxBytes = 8 * 1024 * 1024; // templates and collections are kilobytes; this catches the wrong file
};

struct ImportedFile {
    QString path; // relative to the new project folder, '/'-separated
    QByteArray bytes;
    bool stub = false; // generated placeholder code (the source had none)
};

struct ImportResult {
    Project project;
    QList<ImportedFile> files;
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

} // namespace gatehouse
