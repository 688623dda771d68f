// Checks a loaded project for everything that would fail at run time or on AWS: names, limits,
// references between parts, route templates, schedule expressions, bucket names and code files.
#pragma once

#include "Diagnostic.h"
#include "project/Project.h"

namespace gatehouse {

struct ValidationOptions {
    QString fileName = QStringLiteral("gatehouse.json"); // named in every diagnostic
    QString projectFolder; // when set, code folders and handler files are checked on disk
};

Diagnostics validateProject(const Project &project, const ValidationOptions &options = {});

} // namespace gatehouse
