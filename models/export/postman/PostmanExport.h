// Exports the project's saved requests as a Postman Collection v2.1 (assertions become test scripts)
// and each request environment as a Postman environment file, so newman can run them.
#pragma once

#include "export/ExportFormat.h"
#include "project/Project.h"

namespace gatehouse {

inline constexpr auto kPostmanCollectionSchema =
    "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

// "<project>.postman_collection.json" and "<project>.<environment>.postman_environment.json".
ExportResult exportPostman(const Project &project, const ExportOptions &options);

} // namespace gatehouse
