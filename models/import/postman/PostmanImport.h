// Imports Postman Collection v2.0/v2.1 files (saved requests; folders flattened as "Folder / Name";
// test scripts turned back into assertions where they match known forms; collection variables as an
// environment) and Postman environment files (as environments).
#pragma once

#include "import/ImportFormat.h"

namespace gatehouse {

// Each source is a collection or an environment; they are merged into one project.
ImportResult importPostman(const QList<ImportSource> &sources, const ImportOptions &options);

} // namespace gatehouse
