#include "InvokeCommand.h"

#include "Console.h"
#include "invoker/Invoker.h"
#include "invoker/RuntimeSupport.h"
#include "io/ProjectFile.h"
#include "telemetry/LogStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <cstdio>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

bool readEvent(const QString &source, QByteArray *event, QString *error) {
    QFile file;
    const bool fromStdin = source == QLatin1String("-");
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly)
                                  : (file.setFileName(source), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = tr("cannot read the event file %1: %2").arg(source, file.errorString());
        return false;
    }
    *event = file.readAll().trimmed();
    if (event->isEmpty()) *event = QByteArrayLiteral("{}");
    // Any JSON value is a valid event ("text", 42, [..]); [] around it lets QJsonDocument check scalars too.
    QJsonParseError parse{};
    QJsonDocument::fromJson('[' + *event + ']', &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = tr("the event in %1 is not valid JSON: %2")
                     .arg(fromStdin ? tr("standard input") : source, parse.errorString());
        return false;
    }
    return true;
}

int runInvoke(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run one function of a project locally, as Lambda would, and print its "
           "result on stdout and its logs (START..REPORT) on stderr."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("Project folder or its gatehouse.json."));
    parser.addPositionalArgument(QStringLiteral("FUNCTION"), tr("Name of the function to invoke."));
    const QCommandLineOption eventOption(QStringLiteral("event"),
                                         tr("The event: a JSON file, or - for standard input (default {})."),
                                         QStringLiteral("FILE|-"));
    parser.addOption(eventOption);
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse invoke")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) return usageError(tr("invoke needs a PROJECT and a FUNCTION argument"));

    const QString filePath = ProjectFile::resolveProjectFile(positional.at(0));
    if (!QFileInfo(filePath).isFile() || !QFileInfo(filePath).isReadable()) {
        printErr(tr("gatehouse: cannot read %1: no such project").arg(positional.at(0)));
        return UsageError;
    }
    ProjectFile::LoadResult loaded = ProjectFile::load(filePath);
    if (!loaded.readable) {
        for (const Diagnostic &d : loaded.diagnostics)
            printErr(d.toString());
        printErr(tr("gatehouse: cannot read %1").arg(filePath));
        return UsageError;
    }
    const Function *function = loaded.project.findFunction(positional.at(1));
    if (!function) {
        QStringList names;
        for (const Function &f : loaded.project.functions)
            names.append(f.name);
        printErr(tr("gatehouse: no function '%1' in %2 (functions: %3)")
                     .arg(positional.at(1), filePath,
                          names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))));
        return UsageError;
    }
    if (!runtimesupport::isSupported(function->runtime)) {
        printErr(QStringLiteral("gatehouse: ") + runtimesupport::unsupportedMessage(function->runtime));
        return Failure;
    }
    QByteArray event = QByteArrayLiteral("{}");
    if (parser.isSet(eventOption)) {
        QString error;
        if (!readEvent(parser.value(eventOption), &event, &error)) {
            printErr(QStringLiteral("gatehouse: ") + error);
            return UsageError;
        }
    }

    LogStore logs(10000);
    InvokerOptions options;
    options.watchCode = false; // one invocation: nothing to reload
    Invoker invoker(loaded.project, loaded.folder, &logs, options);
    const InvocationResult result = invoker.invokeAndWait(function->name, event);
    for (const QString &line : result.logLines)
        printErr(line);
    if (result.isPlatformError()) {
        printErr(QStringLiteral("gatehouse: %1: %2").arg(result.errorType, result.errorMessage));
        return Failure;
    }
    printOut(QString::fromUtf8(result.payload));
    return result.isFunctionError() ? Failure : Success;
}

} // namespace

Command invokeCommand() {
    return {QStringLiteral("invoke"), QStringLiteral("invoke PROJECT FUNCTION [--event FILE|-]"),
            tr("run a function locally; payload on stdout, logs on stderr; exit 1 on a function error"),
            &runInvoke};
}

} // namespace gatehouse::cli
