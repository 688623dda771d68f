// Loading a project for commands that run it (serve, test): read, validate, print the diagnostics.
#pragma once

#include "io/ProjectFile.h"

#include <optional>

namespace gatehouse::cli {

// Loads and validates; prints what is wrong on stderr. Warnings do not stop a run, errors do.
// `unreadable` tells a broken file (exit 2) from a project with errors (exit 1 for serve).
std::optional<ProjectFile::LoadResult> loadRunnableProject(const QString &path, bool *unreadable);

// Whether LocalCloud's start errors are about a port already in use (a usage error: exit 2).
bool portInUse(const QStringList &errors);

} // namespace gatehouse::cli
