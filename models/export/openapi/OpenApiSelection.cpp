#include "OpenApiSelection.h"

#include "OpenApiExport.h"
#include "export/ExportReport.h"

#include <QCoreApplication>

namespace gatehouse {

namespace {

// "apis[3]" names API 3 and everything under it ("apis[3].routes[0]"), but not "apis[30]".
bool isAboutApi(const QString &path, qsizetype apiIndex) {
    const QString prefix = elementPath("apis", apiIndex);
    if (!path.startsWith(prefix)) return false;
    return path.size() == prefix.size() || path.at(prefix.size()) == QLatin1Char('.') ||
           path.at(prefix.size()) == QLatin1Char('[');
}

bool isAboutAnotherApi(const QString &path, qsizetype apiIndex, qsizetype apiCount) {
    for (qsizetype i = 0; i < apiCount; ++i)
        if (i != apiIndex && isAboutApi(path, i)) return true;
    return false;
}

} // namespace

QList<qsizetype> openApiExportableApis(const Project &project) {
    QList<qsizetype> indexes;
    for (qsizetype i = 0; i < project.apis.size(); ++i)
        if (project.apis[i].type != ApiType::WebSocket) indexes.append(i);
    return indexes;
}

ExportResult exportOpenApiOfApi(const Project &project, qsizetype apiIndex, const ExportOptions &options) {
    // exportOpenApi writes one file per exportable API, in order; that order finds this API's file.
    const qsizetype fileIndex = openApiExportableApis(project).indexOf(apiIndex);
    ExportResult all = exportOpenApi(project, options);
    ExportResult one;
    if (fileIndex < 0 || fileIndex >= all.files.size()) {
        ExportReport report(options.projectFileName);
        report.error(elementPath("apis", apiIndex),
                     QCoreApplication::translate("gatehouse::Export",
                                                 "there is no HTTP or REST API at this position to describe "
                                                 "in OpenAPI"));
        one.diagnostics = report.takeDiagnostics();
        return one;
    }
    one.files.append(all.files[fileIndex]);
    for (const Diagnostic &d : std::as_const(all.diagnostics))
        if (!isAboutAnotherApi(d.path, apiIndex, project.apis.size())) one.diagnostics.append(d);
    return one;
}

} // namespace gatehouse
