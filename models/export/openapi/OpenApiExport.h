// Exports each HTTP and REST API of a project as an OpenAPI 3.0 document with API Gateway's
// extensions (x-amazon-apigateway-integration, -authorizer, -cors, -api-key-source), the form
// `sam deploy` (DefinitionBody) and API Gateway's "import API" accept.
#pragma once

#include "export/ExportFormat.h"
#include "export/ExportReport.h"
#include "project/Project.h"

namespace gatehouse {

ExportResult exportOpenApi(const Project &project, const ExportOptions &options);

// The OpenAPI document of one API (apis[index]); warnings go to `report`. Used by exportOpenApi and
// by tests that compare documents.
OrderedJson openApiDocument(const Project &project, qsizetype apiIndex, ExportReport &report);

// "hello-http" -> "hello-http.openapi.yaml" (or .json).
QString openApiFileName(const Api &api, bool json);

} // namespace gatehouse
