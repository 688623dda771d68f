// Tells which importer a foreign file needs (AWS SAM, OpenAPI, Postman) from its top-level keys, so
// the import dialog can preselect the format; the user can still choose another one.
#pragma once

#include "ImportFormat.h"

namespace gatehouse {

struct DetectedImportFormat {
    std::optional<ImportFormat> format;
    // Why there is no format: the syntax error (with line and column) of a file that does not parse,
    // or an error saying the file is none of the formats. Empty when a format was found.
    Diagnostics diagnostics;
};

DetectedImportFormat detectImportFormat(const QByteArray &bytes, const QString &fileName);

} // namespace gatehouse
