// Imports an OpenAPI 3.0/3.1 document (JSON or YAML) as one API: paths and methods become routes,
// API Gateway extensions become integrations, authorizers and CORS, and Lambda integrations get
// function stubs named from their ARN; routes without an integration get a mock one (with a warning).
#pragma once

#include "import/ImportContext.h"

#include <functional>

namespace gatehouse {

ImportResult importOpenApi(const ImportSource &source, const ImportOptions &options);

// Where an OpenAPI document's contents go; shared with the SAM importer (DefinitionBody).
struct OpenApiTarget {
    Project &project;
    qsizetype apiIndex = -1;
    // True: the document decides HTTP vs REST and names the API (a standalone file). False: the
    // API already exists (a SAM HttpApi/Api) and only its routes, authorizers and CORS are read.
    bool standalone = true;
    // The project name of the function a logical ID ("HelloFunction" in ${HelloFunction.Arn}) or an
    // ARN's function name stands for; empty when unknown.
    std::function<QString(const QString &idOrName, bool fromArn)> functionName;
    // Adds an authorizer, returning the name it got (which may differ when the name was taken).
    std::function<QString(const Authorizer &)> addAuthorizer;
};

void readOpenApiDocument(ImportContext &ctx, const OrderedJson &document, const QString &basePath,
                         OpenApiTarget &target);

} // namespace gatehouse
