// Helpers for the export/import tests: loading fixture projects, finding a generated file, checking
// for a warning at a path, and running the third-party validators in ../shared/validate.
#pragma once

#include "TestSupport.h"
#include "export/ExportFormat.h"
#include "import/ImportFormat.h"
#include "io/ProjectFile.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace gatehouse::test {

inline Project loadProject(const QString &folder) {
    const ProjectFile::LoadResult loaded = ProjectFile::load(folder);
    if (!loaded.readable) qWarning("cannot load %s", qPrintable(folder));
    return loaded.project;
}
inline Project sampleProject() {
    return loadProject(samplePath());
}
inline Project edgeProject() {
    return loadProject(sourcePath(QStringLiteral("tests/data/export/edge-project")));
}
inline QByteArray readSource(const QString &relative) {
    QFile f(sourcePath(relative));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool hasDiagnostic(const Diagnostics &diagnostics, const QString &path, const QString &messagePart,
                          Diagnostic::Severity severity = Diagnostic::Severity::Warning) {
    for (const Diagnostic &d : diagnostics)
        if (d.severity == severity && d.path == path && d.message.contains(messagePart)) return true;
    return false;
}
inline QString describe(const Diagnostics &diagnostics) {
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines.append(d.toString());
    return lines.join(QLatin1Char('\n'));
}

// The validators are installed by ../shared/validate/install.sh into /tmp/validate-tools (CI does it).
inline QString validateToolsHome() {
    const QByteArray home = qgetenv("VALIDATE_HOME");
    return home.isEmpty() ? QStringLiteral("/tmp/validate-tools") : QString::fromLocal8Bit(home);
}
inline bool validateToolsInstalled() {
    return QDir(validateToolsHome() + QStringLiteral("/node_modules")).exists();
}

struct ScriptRun {
    int exitCode = -1;
    QByteArray output; // stdout and stderr together, for failure messages
};
inline ScriptRun runValidator(const QString &script, const QStringList &arguments, int timeoutMs = 120000) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("bash"),
                  QStringList{sharedPath(QStringLiteral("validate/") + script)} + arguments);
    ScriptRun run;
    if (!process.waitForStarted(10000)) return run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        run.output = process.readAll() + "\n(timed out)";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.output = process.readAll();
    return run;
}

// Writes an export's files under `folder`; returns the path of the first (main) document.
inline QString writeExport(const ExportResult &result, const QString &folder) {
    for (const ExportedFile &f : result.files) {
        const QString path = QDir(folder).filePath(f.path);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile out(path);
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate)) out.write(f.bytes);
    }
    return result.files.isEmpty() ? QString() : QDir(folder).filePath(result.files.first().path);
}

} // namespace gatehouse::test
