// The one entry point the GUI and the CLI call to import foreign files into a new project: picks the
// format's importer and returns the project, the code files to write beside it, and the diagnostics.
#pragma once

#include "ImportFormat.h"

namespace gatehouse {

// SAM and OpenAPI read the first source only; Postman merges a collection with environment files.
ImportResult importFiles(const QList<ImportSource> &sources, ImportFormat format,
                         const ImportOptions &options = {});
ImportResult importFile(const QByteArray &bytes, const QString &fileName, ImportFormat format,
                        const ImportOptions &options = {});

} // namespace gatehouse
