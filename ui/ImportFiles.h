// The import dialog's side of the file system: reading the chosen file and the Postman environments
// beside it (capped; failures become diagnostics), and writing the new project with its code files.
#pragma once

#include "export/OutputFolder.h"
#include "import/ImportFormat.h"

#include <QCoreApplication>

namespace gatehouse {

class ImportFiles {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::ImportFiles)
public:
    // Reads one byte past `maxBytes`, so the importer reports the size instead of us reading
    // gigabytes. Nullopt, with an error in `problems`, when the file cannot be read.
    static std::optional<ImportSource> read(const QString &path, qint64 maxBytes, Diagnostics &problems);
    // The "*.postman_environment.json" files in the collection's folder, sorted by name.
    static QStringList environmentsBeside(const QString &collectionPath);
    // "staging" for ".../store.staging.postman_environment.json".
    static QString environmentName(const QString &path);

    struct Written {
        OutputReport code;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };
    // The code files (replacing existing ones only with `replace`: otherwise they are the user's and
    // stay), then gatehouse.json, atomically, as `gatehouse import` does.
    static Written writeProject(const ImportResult &result, const QString &folder, bool replace);
};

} // namespace gatehouse
