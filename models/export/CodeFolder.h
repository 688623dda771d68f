// Reads a function's code folder into memory so an export (or import) can hand it over as files:
// bounded in size, hidden folders skipped, and paths kept inside the folder.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace gatehouse {

struct CodeFile {
    QString path; // relative to the root the folder was read from, '/'-separated
    QByteArray bytes;
};

struct CodeFolderLimits {
    qint64 maxTotalBytes = 64 * 1024 * 1024; // Lambda's unzipped limit is 250 MB; a local copy stays smaller
    int maxFiles = 10000;
};

struct CodeFolderRead {
    QList<CodeFile> files;
    QString error; // set when the folder is missing or over the limits (files then holds what fit)
};

// Reads `root`/`folder` recursively; returned paths are `folder`/... so they keep their place
// relative to `root`. `folder` must stay inside `root` (no "..", not absolute).
CodeFolderRead readCodeFolder(const QString &root, const QString &folder,
                              const CodeFolderLimits &limits = {});

// "functions/./hello/" -> "functions/hello"; empty when the path leaves its root or is absolute.
QString normalizedRelativePath(const QString &path);

} // namespace gatehouse
