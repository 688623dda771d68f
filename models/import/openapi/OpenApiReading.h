// Internal to the OpenAPI importer: local $ref resolution and the reading of security schemes,
// shared by the file that reads paths and operations.
#pragma once

#include "OpenApiImport.h"

#include <QHash>

namespace gatehouse::openapi {

struct DocumentReader {
    DocumentReader(ImportContext &c, const OrderedJson &d, const QString &base, OpenApiTarget &t)
        : ctx(c)
        , doc(d)
        , basePath(base)
        , target(t) {}

    ImportContext &ctx;
    const OrderedJson &doc;
    const QString basePath; // prefix of diagnostic paths ("" or "Resources.X.Properties.DefinitionBody")
    OpenApiTarget &target;
    QHash<QString, QString> schemeAuthorizers; // securitySchemes key -> project authorizer name
    OrderedJson names = OrderedJson::object(); // x-gatehouse-names

    QString at(const QString &path) const {
        return basePath.isEmpty() ? path : basePath + QLatin1Char('.') + path;
    }
    Api &api() { return target.project.apis[target.apiIndex]; }
    // Follows "#/..." references (bounded, so a cycle ends); warns and returns nullptr for others.
    const OrderedJson *resolve(const OrderedJson *value, const QString &path);
    // The function an integration or authorizer URI names, or empty (with a warning).
    QString functionFromUri(const OrderedJson *uri, const QString &path);
};

void readSecuritySchemes(DocumentReader &d);
void readPaths(DocumentReader &d);

} // namespace gatehouse::openapi
