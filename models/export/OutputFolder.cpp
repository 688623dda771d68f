#include "OutputFolder.h"

#include "CodeFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse {

OutputReport writeOutputFiles(const QString &folder, const QList<OutputFile> &files, bool overwrite) {
    OutputReport report;
    const QDir root(folder);
    if (!root.exists() && !QDir().mkpath(root.absolutePath())) {
        report.error =
            QStringLiteral("cannot create folder %1").arg(QDir::toNativeSeparators(root.absolutePath()));
        return report;
    }
    for (const OutputFile &file : files) {
        // A path from a template or collection must not climb out of the folder ("../../.bashrc").
        const QString relative = normalizedRelativePath(file.path);
        if (relative.isEmpty()) {
            report.error = QStringLiteral("refusing to write '%1': it is outside %2")
                               .arg(file.path, root.absolutePath());
            return report;
        }
        const QString target = root.absoluteFilePath(relative);
        QFile existing(target);
        if (existing.exists()) {
            if (existing.open(QIODevice::ReadOnly) && existing.readAll() == file.bytes) {
                report.unchanged.append(relative);
                continue;
            }
            if (!overwrite) {
                report.kept.append(relative);
                continue;
            }
        }
        if (!QDir().mkpath(QFileInfo(target).absolutePath())) {
            report.error = QStringLiteral("cannot create folder for %1").arg(relative);
            return report;
        }
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.bytes) != file.bytes.size() || !out.commit()) {
            report.error = QStringLiteral("cannot write %1: %2").arg(relative, out.errorString());
            return report;
        }
        report.written.append(relative);
    }
    return report;
}

} // namespace gatehouse
