#include "FunctionCodeCopy.h"

#include "CodeFolder.h"

#include <QCoreApplication>
#include <QSet>

namespace gatehouse {

void appendFunctionCode(const Project &project, const ExportOptions &options, ExportReport &report,
                        QList<ExportedFile> &files) {
    if (options.projectFolder.isEmpty() || !options.includeCode) return;
    QSet<QString> seen;
    for (qsizetype i = 0; i < project.functions.size(); ++i) {
        const Function &f = project.functions[i];
        if (seen.contains(f.codeUri)) continue;
        seen.insert(f.codeUri);
        const CodeFolderRead read = readCodeFolder(options.projectFolder, f.codeUri);
        if (!read.error.isEmpty())
            report.warning(
                fieldPath(elementPath("functions", i), "codeUri"),
                QCoreApplication::translate("gatehouse::Export", "code of function '%1' not copied: %2")
                    .arg(f.name, read.error));
        for (const CodeFile &code : read.files)
            files.append({code.path, code.bytes, ExportedFile::Kind::Code});
    }
}

} // namespace gatehouse
