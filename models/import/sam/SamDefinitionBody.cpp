// An HttpApi/Api DefinitionBody is an OpenAPI document with API Gateway extensions; the OpenAPI
// importer reads it into the API, naming functions through the template's logical IDs.
#include "SamReader.h"
#include "import/openapi/OpenApiImport.h"

#include <QCoreApplication>

namespace gatehouse::sam {

void readDefinitionBody(SamReader &r, qsizetype apiIndex, const OrderedJson &definition,
                        const QString &path) {
    OpenApiTarget target{r.project, apiIndex, false, {}, {}};
    target.functionName = [&r](const QString &idOrName, bool fromArn) -> QString {
        if (!fromArn) return r.functionNames.value(idOrName);
        for (const QString &name : r.functionNames)
            if (name == idOrName) return name;
        return {};
    };
    const QString prefix = r.project.apis[apiIndex].name;
    target.addAuthorizer = [&r, prefix](const Authorizer &a) { return r.addAuthorizer(a, prefix); };
    readOpenApiDocument(r.ctx, definition, path, target);
}

} // namespace gatehouse::sam
