// Writes generated files into a folder for exports and imports (the CLI and the GUI's dialogs):
// atomically (QSaveFile), never outside the folder, and leaving files that already hold the same bytes.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse {

struct OutputFile {
    QString path; // relative, '/'-separated
    QByteArray bytes;
};

struct OutputReport {
    QStringList written;   // relative paths written or replaced
    QStringList unchanged; // relative paths that already held these bytes
    QStringList kept;      // existing files left alone because overwrite was off
    QString error;         // first failure; writing stops there
    bool ok() const { return error.isEmpty(); }
};

// Writes `files` under `folder` (created if needed). With `overwrite` off, existing files with other
// contents are kept and listed in `kept`.
OutputReport writeOutputFiles(const QString &folder, const QList<OutputFile> &files, bool overwrite = true);
// What writeOutputFiles(folder, files, false) would do, without touching the disk: new files in
// `written`, files already holding these bytes in `unchanged`, existing files with other contents
// in `kept`. Lets a dialog show the outcome and ask before replacing anything.
OutputReport planOutputFiles(const QString &folder, const QList<OutputFile> &files);

} // namespace gatehouse
