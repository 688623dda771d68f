#include "ValidateCommand.h"

#include "Console.h"
#include "io/ProjectFile.h"
#include "validation/ProjectValidator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

QJsonObject toJson(const Diagnostic &d) {
    QJsonObject o{
        {QStringLiteral("severity"), d.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
        {QStringLiteral("file"), d.file},
        {QStringLiteral("path"), d.path},
        {QStringLiteral("message"), d.message},
        {QStringLiteral("hint"), d.hint}};
    if (d.line > 0) o.insert(QStringLiteral("line"), d.line);
    if (d.column > 0) o.insert(QStringLiteral("column"), d.column);
    return o;
}

int runValidate(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Check a project and print its problems."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("Project folder or its gatehouse.json."));
    const QCommandLineOption format(QStringLiteral("format"), tr("Output format: text (default) or json."),
                                    QStringLiteral("text|json"), QStringLiteral("text"));
    parser.addOption(format);
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse validate")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) return usageError(tr("validate needs exactly one PROJECT argument"));
    const QString formatName = parser.value(format);
    if (formatName != QLatin1String("text") && formatName != QLatin1String("json"))
        return usageError(tr("unknown --format '%1' (use text or json)").arg(formatName));

    const QString filePath = ProjectFile::resolveProjectFile(positional.first());
    const QFileInfo info(filePath);
    if (!info.isFile() || !info.isReadable()) {
        printErr(tr("gatehouse: cannot read %1: no such project").arg(positional.first()));
        return UsageError;
    }

    ProjectFile::LoadResult loaded = ProjectFile::load(filePath);
    Diagnostics diagnostics = loaded.diagnostics;
    if (loaded.readable) {
        ValidationOptions options;
        options.fileName = info.fileName();
        options.projectFolder = loaded.folder;
        appendWithoutRepeats(diagnostics, validateProject(loaded.project, options));
    }
    const int errors = errorCount(diagnostics);
    const int warnings = int(diagnostics.size()) - errors;

    if (formatName == QLatin1String("json")) {
        QJsonArray list;
        for (const Diagnostic &d : diagnostics)
            list.append(toJson(d));
        printOut(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("file"), filePath},
                                                             {QStringLiteral("errors"), errors},
                                                             {QStringLiteral("warnings"), warnings},
                                                             {QStringLiteral("diagnostics"), list}})
                                       .toJson(QJsonDocument::Indented)));
        return errors > 0 ? Failure : Success;
    }
    for (const Diagnostic &d : diagnostics)
        printErr(d.toString());
    if (errors > 0) {
        printErr(tr("%1: %2 error(s), %3 warning(s)").arg(info.fileName()).arg(errors).arg(warnings));
        return Failure;
    }
    const Project &p = loaded.project;
    printOut(tr("%1: OK (%2 functions, %3 APIs, %4 buckets, %5 schedules, %6 queues; %7 warning(s))")
                 .arg(info.fileName())
                 .arg(p.functions.size())
                 .arg(p.apis.size())
                 .arg(p.buckets.size())
                 .arg(p.schedules.size())
                 .arg(p.queues.size())
                 .arg(warnings));
    return Success;
}

} // namespace

Command validateCommand() {
    return {QStringLiteral("validate"), QStringLiteral("validate PROJECT [--format text|json]"),
            tr("check a project; exit 0 when clean, 1 with errors, 2 on usage errors"), &runValidate};
}

} // namespace gatehouse::cli
