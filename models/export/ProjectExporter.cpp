#include "ProjectExporter.h"

#include "openapi/OpenApiExport.h"
#include "postman/PostmanExport.h"
#include "sam/SamExport.h"
#include "serverless/ServerlessExport.h"

namespace gatehouse {

ExportResult exportProject(const Project &project, ExportFormat format, const ExportOptions &options) {
    switch (format) {
    case ExportFormat::Sam:
        return exportSam(project, options);
    case ExportFormat::OpenApi:
        return exportOpenApi(project, options);
    case ExportFormat::Serverless:
        return exportServerless(project, options);
    case ExportFormat::Postman:
        return exportPostman(project, options);
    }
    return {};
}

} // namespace gatehouse
