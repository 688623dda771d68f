// What an import would create, in words for the import dialog and the status bar:
// "4 functions, 3 APIs with 7 routes, 1 bucket; 4 code files (1 placeholder)".
#pragma once

#include "import/ImportFormat.h"

#include <QCoreApplication>

namespace gatehouse {

class ImportSummary {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::ImportSummary)
public:
    // Every kind of part the project holds, skipping empty ones; "Nothing to import." when empty.
    static QString text(const ImportResult &result);
    // A folder name made from a project name: path separators and characters that file systems
    // refuse become '-', so "Store API" stays readable and "a/b" cannot climb out of the parent.
    static QString folderName(const QString &projectName);
};

} // namespace gatehouse
