#include "ImportCommand.h"

#include "Console.h"
#include "export/OutputFolder.h"
#include "import/ProjectImporter.h"
#include "io/ProjectFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

int runImport(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Create a project from an AWS SAM template, an OpenAPI document or a Postman "
           "collection (with environment files)."));
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 tr("The file to import (Postman: a collection and environments)."),
                                 QStringLiteral("FILE..."));
    const QCommandLineOption from(QStringLiteral("from"), tr("sam, openapi or postman."),
                                  QStringLiteral("FORMAT"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("The new project's folder."), QStringLiteral("PROJECT_DIR"));
    const QCommandLineOption name(QStringLiteral("name"), tr("The project's name (default: from the file)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption force(QStringLiteral("force"),
                                   tr("Replace an existing gatehouse.json and code files."));
    parser.addOptions({from, output, name, force});
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse import")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Success;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) return usageError(tr("import needs a FILE argument"));
    const std::optional<ImportFormat> format = importFormatFromName(parser.value(from));
    if (!format)
        return usageError(
            parser.isSet(from)
                ? tr("unknown --from '%1' (use sam, openapi or postman)").arg(parser.value(from))
                : tr("import needs --from sam|openapi|postman"));
    if (!parser.isSet(output)) return usageError(tr("import needs -o PROJECT_DIR"));
    const QString folder = QFileInfo(parser.value(output)).absoluteFilePath();
    const QString projectFile = QDir(folder).filePath(QString::fromLatin1(ProjectFile::kFileName));
    if (QFileInfo::exists(projectFile) && !parser.isSet(force)) {
        printErr(tr("gatehouse: %1 already exists; use --force to replace it")
                     .arg(QDir::toNativeSeparators(projectFile)));
        return Failure;
    }

    ImportOptions options;
    options.sourceFolder = QFileInfo(files.first()).absolutePath();
    options.projectName = parser.value(name);
    QList<ImportSource> sources;
    for (const QString &file : files) {
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly)) {
            printErr(tr("gatehouse: cannot read %1: %2").arg(file, in.errorString()));
            return UsageError;
        }
        // Read one byte past the limit so the importer reports the size instead of us reading gigabytes.
        sources.append({QFileInfo(file).fileName(), in.read(options.maxBytes + 1)});
    }
    const ImportResult result = importFiles(sources, *format, options);
    for (const Diagnostic &d : result.diagnostics)
        printErr(d.toString());
    const int warnings = int(result.diagnostics.size()) - errorCount(result.diagnostics);
    if (!result.ok()) {
        printErr(tr("gatehouse: nothing was imported (%1 error(s))").arg(errorCount(result.diagnostics)));
        return Failure;
    }

    QList<OutputFile> code;
    for (const ImportedFile &f : result.files)
        code.append({f.path, f.bytes});
    const OutputReport written = writeOutputFiles(folder, code, parser.isSet(force));
    if (!written.ok()) {
        printErr(QStringLiteral("gatehouse: ") + written.error);
        return Failure;
    }
    for (const QString &kept : written.kept)
        printErr(tr("gatehouse: kept the existing %1 (use --force to replace it)").arg(kept));
    QString error;
    if (!ProjectFile::save(result.project, folder, &error)) {
        printErr(tr("gatehouse: cannot save the project: %1").arg(error));
        return Failure;
    }
    const Project &p = result.project;
    qsizetype routes = 0;
    for (const Api &api : p.apis)
        routes += api.routes.size();
    printOut(tr("imported %1 into %2: %3 function(s), %4 API(s) with %5 route(s), %6 bucket(s), %7 queue(s), "
                "%8 schedule(s), %9 request(s); %10 code file(s) written; %11 warning(s)")
                 .arg(sources.first().fileName, QDir::toNativeSeparators(folder))
                 .arg(p.functions.size())
                 .arg(p.apis.size())
                 .arg(routes)
                 .arg(p.buckets.size())
                 .arg(p.queues.size())
                 .arg(p.schedules.size())
                 .arg(p.requests.size())
                 .arg(written.written.size())
                 .arg(warnings));
    return Success;
}

} // namespace

Command importCommand() {
    return {QStringLiteral("import"),
            QStringLiteral("import FILE... --from sam|openapi|postman -o PROJECT_DIR"),
            tr("create a project from another tool's file; what cannot be imported is listed as warnings"),
            &runImport};
}

} // namespace gatehouse::cli
