#include "TestCommand.h"

#include "CollectionRun.h"
#include "Console.h"
#include "TestReport.h"
#include "cloud/LocalCloud.h"
#include "testing/CollectionRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

constexpr int kDefaultTimeoutMs = 30000; // a cold Node.js or Python start plus the function's own work

// Every request whose name equals or starts with one of the selectors, in the project's order.
QList<SavedRequest> selectRequests(const QList<SavedRequest> &all, const QStringList &selectors) {
    if (selectors.isEmpty()) return all;
    QList<SavedRequest> selected;
    for (const SavedRequest &request : all)
        for (const QString &selector : selectors)
            if (request.name.startsWith(selector)) {
                selected.append(request);
                break;
            }
    return selected;
}

int runTest(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Run a project's saved requests and their assertions against the project itself: its APIs "
           "are started locally on free ports, as `serve` would, and stopped afterwards. Prints one line "
           "per request and a summary; exits with 1 if any request fails. In URLs, headers and bodies, "
           "{{NAME}} takes the environment's variables and, for each HTTP or REST API, its local base URL "
           "as {{api-name}}, {{apiName}} and (the first API) {{baseUrl}}; these win over the environment."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("Project folder or its gatehouse.json."));
    const QCommandLineOption envOption(QStringLiteral("env"),
                                       tr("The environment (variable set) to use (default: the first)."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption requestOption(
        QStringLiteral("request"),
        tr("Run only the requests whose name is or starts with this (repeatable)."), QStringLiteral("NAME"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), tr("Longest wait for each response in milliseconds (default 30000)."),
        QStringLiteral("MS"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the results as JSON."));
    for (const QCommandLineOption &option : {envOption, requestOption, timeoutOption, jsonOption})
        parser.addOption(option);
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse test")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) return usageError(tr("test needs exactly one PROJECT argument"));
    testing::RunOptions run;
    run.timeoutMs = kDefaultTimeoutMs;
    if (parser.isSet(timeoutOption)) {
        bool ok = false;
        run.timeoutMs = parser.value(timeoutOption).toInt(&ok);
        if (!ok || run.timeoutMs <= 0)
            return usageError(tr("--timeout wants a positive number of milliseconds, not '%1'")
                                  .arg(parser.value(timeoutOption)));
    }

    QString filePath;
    const std::optional<ProjectFile::LoadResult> loaded = loadProjectToRun(
        positional.first(), tr("gatehouse: %1 has errors; fix them before testing"), &filePath);
    if (!loaded) return UsageError;
    const Project &project = loaded->project;

    const EnvironmentChoice environment = chooseEnvironment(project, parser.value(envOption), filePath);
    if (!environment.ok) return UsageError;
    const QList<SavedRequest> requests = selectRequests(project.requests, parser.values(requestOption));
    if (requests.isEmpty()) {
        if (project.requests.isEmpty())
            printErr(tr("gatehouse: %1 has no saved requests").arg(filePath));
        else
            printErr(tr("gatehouse: no saved request matches %1 (requests: %2)")
                         .arg(parser.values(requestOption).join(QStringLiteral(", ")),
                              namesOf(project.requests).join(QStringLiteral(", "))));
        return UsageError;
    }

    LocalCloudOptions cloudOptions; // free ports: a test run must not collide with a running serve
    cloudOptions.invoker.watchCode = false;
    LocalCloud cloud(cloudOptions);
    if (!startCloudForRun(cloud, project, loaded->folder)) return UsageError;

    run.variables = runVariablesFor(environment.environment, cloud);
    const bool json = parser.isSet(jsonOption);
    testing::CollectionRunner runner;
    QObject::connect(&runner, &testing::CollectionRunner::requestFinished, [&runner, json](int index) {
        if (!json) printOut(testResultLine(runner.outcomes().at(index)));
    });
    QObject::connect(&runner, &testing::CollectionRunner::finished, [] { QCoreApplication::exit(0); });
    runner.start(requests, run);
    QCoreApplication::exec();
    cloud.stop();

    if (json)
        printOut(QString::fromUtf8(
            QJsonDocument(testReportJson(project.name,
                                         environment.environment ? environment.environment->name : QString(),
                                         runner.outcomes()))
                .toJson(QJsonDocument::Indented)
                .trimmed()));
    else
        printOut(testSummaryLine(runner.passedCount(), runner.failedCount()));
    return runner.failedCount() == 0 ? Success : Failure;
}

} // namespace

Command testCommand() {
    return {QStringLiteral("test"),
            QStringLiteral("test PROJECT [--env NAME] [--request NAME] [--timeout MS] [--json]"),
            tr("run the saved requests' assertions against the project served locally; exit 1 on a failure"),
            &runTest};
}

} // namespace gatehouse::cli
