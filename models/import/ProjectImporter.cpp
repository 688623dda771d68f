#include "ProjectImporter.h"

#include "openapi/OpenApiImport.h"
#include "postman/PostmanImport.h"
#include "sam/SamImport.h"

#include <QCoreApplication>

namespace gatehouse {

ImportResult importFiles(const QList<ImportSource> &sources, ImportFormat format,
                         const ImportOptions &options) {
    if (sources.isEmpty()) {
        ImportResult result;
        Diagnostic d;
        d.message = QCoreApplication::translate("gatehouse::Import", "nothing to import");
        result.diagnostics.append(d);
        return result;
    }
    ImportResult result;
    switch (format) {
    case ImportFormat::Sam:
        result = importSam(sources.first(), options);
        break;
    case ImportFormat::OpenApi:
        result = importOpenApi(sources.first(), options);
        break;
    case ImportFormat::Postman:
        return importPostman(sources, options);
    }
    for (qsizetype i = 1; i < sources.size(); ++i) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.file = sources[i].fileName;
        d.message = QCoreApplication::translate("gatehouse::Import",
                                                "only one %1 file is imported at a time; this one is ignored")
                        .arg(importFormatTitle(format));
        result.diagnostics.append(d);
    }
    if (!options.projectName.isEmpty()) result.project.name = options.projectName;
    return result;
}

ImportResult importFile(const QByteArray &bytes, const QString &fileName, ImportFormat format,
                        const ImportOptions &options) {
    return importFiles({ImportSource{fileName, bytes}}, format, options);
}

} // namespace gatehouse
