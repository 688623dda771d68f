// Loading and saving a project folder: `gatehouse.json` plus the functions' code beside it.
// Saves are atomic (QSaveFile): a crash or a full disk never leaves a half-written project file.
#pragma once

#include "ProjectJson.h"

namespace gatehouse::ProjectFile {

inline constexpr auto kFileName = "gatehouse.json";
inline constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

struct LoadResult {
    Project project;
    Diagnostics diagnostics;
    QString folder;   // absolute folder of the project
    QString filePath; // absolute path of gatehouse.json
    bool readable = false;
};

// A folder holding gatehouse.json, or the file itself. Returns the absolute file path.
QString resolveProjectFile(const QString &path);
LoadResult load(const QString &path);
// Writes `folder`/gatehouse.json atomically, creating the folder if needed.
bool save(const Project &project, const QString &folder, QString *errorMessage);

} // namespace gatehouse::ProjectFile
