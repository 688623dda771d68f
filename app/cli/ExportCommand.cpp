#include "ExportCommand.h"

#include "Console.h"
#include "export/OutputFolder.h"
#include "export/ProjectExporter.h"
#include "export/serverless/ServerlessExport.h"
#include "io/ProjectFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

// Where the files go: -o DIR (existing folder or ending in '/') puts every file under DIR; -o FILE
// names the main document and puts the others beside it, at their relative paths.
struct Destination {
    QString folder;
    QString mainFileName; // empty: keep the exporter's name
};

Destination destinationOf(const QString &output) {
    const QFileInfo info(output);
    if (output.endsWith(QLatin1Char('/')) || info.isDir()) return {info.absoluteFilePath(), {}};
    return {info.absolutePath(), info.fileName()};
}

int runExport(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Export a project as an AWS SAM template, OpenAPI documents, a serverless.yml "
           "service or a Postman collection."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("Project folder or its gatehouse.json."));
    const QCommandLineOption format(QStringLiteral("format"), tr("sam, openapi, serverless or postman."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption output(
        {QStringLiteral("o"), QStringLiteral("output")},
        tr("Output file or folder (a folder: an existing one, or a path ending in '/'). "
           "Without it a single-file export is printed on stdout."),
        QStringLiteral("FILE|DIR"));
    const QCommandLineOption noCode(
        QStringLiteral("no-code"),
        tr("Do not copy the functions' code next to the template (SAM, serverless)."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("OpenAPI: write JSON instead of YAML."));
    const QCommandLineOption existingBuckets(
        QStringLiteral("existing-buckets"),
        tr("serverless: the buckets exist already (s3 events get existing: true)."));
    const QCommandLineOption strict(QStringLiteral("strict"),
                                    tr("Exit with 1 when the format cannot hold everything."));
    parser.addOptions({format, output, noCode, jsonOption, existingBuckets, strict});
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse export")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Success;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(tr("export needs exactly one PROJECT argument"));
    const std::optional<ExportFormat> chosen = exportFormatFromName(parser.value(format));
    if (!chosen)
        return usageError(parser.isSet(format)
                              ? tr("unknown --format '%1' (use sam, openapi, serverless or postman)")
                                    .arg(parser.value(format))
                              : tr("export needs --format sam|openapi|serverless|postman"));

    const QString projectArgument = parser.positionalArguments().first();
    const QString filePath = ProjectFile::resolveProjectFile(projectArgument);
    if (!QFileInfo(filePath).isFile()) {
        printErr(tr("gatehouse: cannot read %1: no such project").arg(projectArgument));
        return UsageError;
    }
    const ProjectFile::LoadResult loaded = ProjectFile::load(filePath);
    for (const Diagnostic &d : loaded.diagnostics)
        printErr(d.toString());
    if (!loaded.readable || hasErrors(loaded.diagnostics)) {
        printErr(tr("gatehouse: %1 has errors; nothing was exported").arg(QFileInfo(filePath).fileName()));
        return Failure;
    }

    ExportOptions options;
    options.projectFolder = loaded.folder;
    options.includeCode = !parser.isSet(noCode) && parser.isSet(output);
    options.openApiJson =
        parser.isSet(jsonOption) ||
        (parser.isSet(output) && parser.value(output).endsWith(QLatin1String(".json"), Qt::CaseInsensitive) &&
         *chosen == ExportFormat::OpenApi);
    options.projectFileName = QFileInfo(filePath).fileName();
    ServerlessOptions serverless;
    serverless.existingBuckets = parser.isSet(existingBuckets);
    const ExportResult result = *chosen == ExportFormat::Serverless
                                    ? exportServerless(loaded.project, options, serverless)
                                    : exportProject(loaded.project, *chosen, options);
    for (const Diagnostic &d : result.diagnostics)
        printErr(d.toString());
    const int warnings = int(result.diagnostics.size()) - errorCount(result.diagnostics);
    if (!result.ok()) {
        printErr(tr("gatehouse: export to %1 failed").arg(exportFormatTitle(*chosen)));
        return Failure;
    }

    if (!parser.isSet(output)) {
        const auto needed =
            std::count_if(result.files.begin(), result.files.end(),
                          [](const ExportedFile &f) { return f.kind != ExportedFile::Kind::Code; });
        if (needed != 1)
            return usageError(tr("this export produces %1 files; give a folder with -o DIR").arg(needed));
        QByteArray bytes = result.files.first().bytes;
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
        std::fflush(stdout);
        return parser.isSet(strict) && warnings > 0 ? Failure : Success;
    }

    const Destination destination = destinationOf(parser.value(output));
    QList<OutputFile> files;
    for (qsizetype i = 0; i < result.files.size(); ++i) {
        const ExportedFile &f = result.files[i];
        files.append(
            {i == 0 && !destination.mainFileName.isEmpty() ? destination.mainFileName : f.path, f.bytes});
    }
    const OutputReport written = writeOutputFiles(destination.folder, files);
    if (!written.ok()) {
        printErr(QStringLiteral("gatehouse: ") + written.error);
        return Failure;
    }
    printOut(tr("exported %1 to %2: %3 file(s) written, %4 unchanged, %5 warning(s)")
                 .arg(exportFormatTitle(*chosen), QDir::toNativeSeparators(destination.folder))
                 .arg(written.written.size())
                 .arg(written.unchanged.size())
                 .arg(warnings));
    return parser.isSet(strict) && warnings > 0 ? Failure : Success;
}

} // namespace

Command exportCommand() {
    return {QStringLiteral("export"),
            QStringLiteral("export PROJECT --format sam|openapi|serverless|postman [-o FILE|DIR]"),
            tr("write the project for another tool; what the format cannot hold is listed as warnings"),
            &runExport};
}

} // namespace gatehouse::cli
