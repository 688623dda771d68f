// Where the export dialog writes: a folder for exports of several files, a file for a single
// document; the default place beside the project folder; and the files mapped onto the destination.
#pragma once

#include "export/ExportFormat.h"
#include "export/OutputFolder.h"

namespace gatehouse::ExportDestination {

// True when the export is one document, so the destination names that file rather than a folder.
bool isSingleFile(const ExportResult &result);

// Beside the project folder, so an export never lands inside the project it describes:
// "<parent>/<project>-sam" for a folder, "<parent>/<main file name>" for a single file.
QString defaultPath(const QString &projectFolder, ExportFormat format, const ExportResult &result);

// What the user typed, made absolute: relative paths count from the project folder's parent (where
// the defaults are), since the process's working directory means nothing in a GUI.
QString absolutePath(const QString &path, const QString &projectFolder);

struct Target {
    QString folder;          // absolute
    QList<OutputFile> files; // relative to folder; the main document first
    QString mainFilePath;    // absolute path of the main document
};

// Like `gatehouse export -o`: a single file goes to `path` itself, unless `path` is an existing folder
// or ends in '/', where it keeps its own name; several files go under the folder `path`.
Target targetFor(const ExportResult &result, const QString &absolutePath);

// Keeps a destination the user chose sensible when the export changes shape: a file path becomes its
// folder (and back), and a file named after the old main document follows the new document's name.
QString adjusted(const QString &path, bool wasSingleFile, const QString &oldMainName, bool isSingleFile,
                 const QString &newMainName);

} // namespace gatehouse::ExportDestination
