// Exports one API of a project as OpenAPI: the export dialog offers each HTTP and REST API on its own,
// since OpenAPI describes one API per document.
#pragma once

#include "export/ExportFormat.h"
#include "project/Project.h"

namespace gatehouse {

// The APIs an OpenAPI export writes a document for (HTTP and REST, not WebSocket), as indexes into
// project.apis in the order of the export's files.
QList<qsizetype> openApiExportableApis(const Project &project);

// exportOpenApi() narrowed to apis[apiIndex]: its document alone, and the warnings minus those about
// the other APIs. An error when apiIndex is not an exportable API.
ExportResult exportOpenApiOfApi(const Project &project, qsizetype apiIndex, const ExportOptions &options);

} // namespace gatehouse
