// Internal to the OpenAPI exporter: the document being built for one API and the helpers that write
// its operations (paths) and its security schemes (authorizers).
#pragma once

#include "export/ExportReport.h"
#include "project/Project.h"

#include <QHash>

namespace gatehouse::openapi {

// Top-level extension recording project names that an import cannot derive from logical IDs.
inline constexpr auto kNamesExtension = "x-gatehouse-names";

struct ApiDocument {
    ApiDocument(const Project &p, const Api &a, QString apiPath, ExportReport &r)
        : project(p)
        , api(a)
        , path(std::move(apiPath))
        , report(r) {}

    const Project &project;
    const Api &api;
    const QString path; // "apis[1]"
    ExportReport &report;

    QHash<QString, QString> functionIds; // function name -> logical ID used in Fn::Sub ARNs
    QHash<QString, QString> schemeNames; // authorizer name -> securitySchemes key
    OrderedJson names = OrderedJson::object();
    OrderedJson paths = OrderedJson::object();
    OrderedJson schemes = OrderedJson::object();
    bool usesApiKeys = false;

    QString title() const { return QStringLiteral("OpenAPI 3.0"); }
    // The function's logical ID (empty if unknown); records its name in x-gatehouse-names when an import
    // could not derive it from the ID. Only functions the document uses are recorded.
    QString useFunction(const QString &name);
    bool http() const { return api.type == ApiType::Http; }
};

void addOperations(ApiDocument &d);
void addSecuritySchemes(ApiDocument &d);
// A valid components key (letters, digits, '.', '-', '_') for an authorizer name.
QString schemeNameFor(const QString &authorizerName);

} // namespace gatehouse::openapi
