#include "ProjectLoading.h"

#include "Console.h"
#include "validation/ProjectValidator.h"

namespace gatehouse::cli {

std::optional<ProjectFile::LoadResult> loadRunnableProject(const QString &path, bool *unreadable) {
    ProjectFile::LoadResult loaded = ProjectFile::load(path);
    *unreadable = !loaded.readable;
    Diagnostics diagnostics = loaded.diagnostics;
    if (loaded.readable) {
        ValidationOptions options;
        options.projectFolder = loaded.folder;
        diagnostics.append(validateProject(loaded.project, options));
    }
    bool errors = !loaded.readable;
    for (const Diagnostic &d : diagnostics) {
        printErr(d.toString());
        errors = errors || d.isError();
    }
    if (errors) return std::nullopt;
    return loaded;
}

bool portInUse(const QStringList &errors) {
    for (const QString &error : errors)
        if (error.contains(QLatin1String("in use"), Qt::CaseInsensitive)) return true;
    return false;
}

} // namespace gatehouse::cli
