#include "OutputFolder.h"

#include "CodeFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace gatehouse {

namespace {

enum class Existing { None, Same, Different };

Existing existingState(const QString &target, const QByteArray &bytes) {
    QFile existing(target);
    if (!existing.exists()) return Existing::None;
    return existing.open(QIODevice::ReadOnly) && existing.readAll() == bytes ? Existing::Same
                                                                             : Existing::Different;
}

// A path from a template or collection must not climb out of the folder ("../../.bashrc").
QString outsideError(const OutputFile &file, const QDir &root) {
    return QStringLiteral("refusing to write '%1': it is outside %2").arg(file.path, root.absolutePath());
}

} // namespace

OutputReport writeOutputFiles(const QString &folder, const QList<OutputFile> &files, bool overwrite) {
    OutputReport report;
    const QDir root(folder);
    if (!root.exists() && !QDir().mkpath(root.absolutePath())) {
        report.error =
            QStringLiteral("cannot create folder %1").arg(QDir::toNativeSeparators(root.absolutePath()));
        return report;
    }
    for (const OutputFile &file : files) {
        const QString relative = normalizedRelativePath(file.path);
        if (relative.isEmpty()) {
            report.error = outsideError(file, root);
            return report;
        }
        const QString target = root.absoluteFilePath(relative);
        const Existing existing = existingState(target, file.bytes);
        if (existing == Existing::Same) {
            report.unchanged.append(relative);
            continue;
        }
        if (existing == Existing::Different && !overwrite) {
            report.kept.append(relative);
            continue;
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

OutputReport planOutputFiles(const QString &folder, const QList<OutputFile> &files) {
    OutputReport report;
    const QDir root(folder);
    for (const OutputFile &file : files) {
        const QString relative = normalizedRelativePath(file.path);
        if (relative.isEmpty()) {
            report.error = outsideError(file, root);
            return report;
        }
        switch (existingState(root.absoluteFilePath(relative), file.bytes)) {
        case Existing::None:
            report.written.append(relative);
            break;
        case Existing::Same:
            report.unchanged.append(relative);
            break;
        case Existing::Different:
            report.kept.append(relative);
            break;
        }
    }
    return report;
}

} // namespace gatehouse
