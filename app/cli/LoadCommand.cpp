#include "LoadCommand.h"

#include "CollectionRun.h"
#include "Console.h"
#include "LoadReport.h"
#include "UnixSignals.h"
#include "cloud/LocalCloud.h"
#include "testing/CollectionRunner.h"
#include "testing/LoadCost.h"
#include "testing/LoadTest.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

constexpr int kDefaultConcurrency = 10;
constexpr int kDefaultDurationS = 10;
constexpr int kDefaultTimeoutMs = 30000;

// The saved request named exactly `name`, else the only one whose name starts with it.
const SavedRequest *findRequest(const QList<SavedRequest> &requests, const QString &name) {
    const SavedRequest *prefixed = nullptr;
    int prefixMatches = 0;
    for (const SavedRequest &request : requests) {
        if (request.name == name) return &request;
        if (request.name.startsWith(name)) {
            prefixed = &request;
            ++prefixMatches;
        }
    }
    return prefixMatches == 1 ? prefixed : nullptr;
}

std::optional<qint64> positiveNumber(const QString &text) {
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value > 0 ? std::optional<qint64>(value) : std::nullopt;
}

int runLoad(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Load-test one of a project's saved requests against the project itself: its APIs are started "
           "locally on free ports, as `test` does, and the request is sent from N kept-alive connections "
           "for a duration or a number of requests. Prints latency percentiles, requests per second, status "
           "codes, errors, and what a month at the measured rate would cost on AWS. Exits with 1 if any "
           "request got no response or a 5xx."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("Project folder or its gatehouse.json."));
    const QCommandLineOption requestOption(QStringLiteral("request"),
                                           tr("The saved request to send (its name or a unique prefix)."),
                                           QStringLiteral("NAME"));
    const QCommandLineOption concurrencyOption(
        QStringLiteral("concurrency"), tr("Requests in flight at once (default 10)."), QStringLiteral("N"));
    const QCommandLineOption durationOption(
        QStringLiteral("duration"), tr("Send for this many seconds (default 10)."), QStringLiteral("S"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         tr("Send exactly this many requests instead."), QStringLiteral("N"));
    const QCommandLineOption envOption(QStringLiteral("env"),
                                       tr("The environment (variable set) to use (default: the first)."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), tr("Longest wait for each response in milliseconds (default 30000)."),
        QStringLiteral("MS"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the results as JSON."));
    for (const QCommandLineOption &option : {requestOption, concurrencyOption, durationOption, countOption,
                                             envOption, timeoutOption, jsonOption})
        parser.addOption(option);
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse load")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) return usageError(tr("load needs exactly one PROJECT argument"));
    if (!parser.isSet(requestOption)) return usageError(tr("load needs --request NAME"));
    if (parser.isSet(durationOption) && parser.isSet(countOption))
        return usageError(tr("give --duration or --count, not both"));

    testing::LoadTestOptions load;
    load.concurrency = kDefaultConcurrency;
    load.durationMs = qint64(kDefaultDurationS) * 1000;
    if (parser.isSet(concurrencyOption)) {
        const auto n = positiveNumber(parser.value(concurrencyOption));
        if (!n || *n > testing::LoadTestOptions::kMaxConcurrency)
            return usageError(tr("--concurrency wants a number from 1 to %1, not '%2'")
                                  .arg(testing::LoadTestOptions::kMaxConcurrency)
                                  .arg(parser.value(concurrencyOption)));
        load.concurrency = int(*n);
    }
    if (parser.isSet(durationOption)) {
        const auto s = positiveNumber(parser.value(durationOption));
        if (!s || *s > 24 * 3600)
            return usageError(tr("--duration wants a positive number of seconds, not '%1'")
                                  .arg(parser.value(durationOption)));
        load.durationMs = *s * 1000;
    }
    if (parser.isSet(countOption)) {
        const auto n = positiveNumber(parser.value(countOption));
        if (!n)
            return usageError(tr("--count wants a positive number, not '%1'").arg(parser.value(countOption)));
        load.count = *n;
        load.durationMs = 0;
    }
    testing::RunOptions run;
    run.timeoutMs = kDefaultTimeoutMs;
    if (parser.isSet(timeoutOption)) {
        const auto t = positiveNumber(parser.value(timeoutOption));
        if (!t || *t > std::numeric_limits<int>::max())
            return usageError(tr("--timeout wants a positive number of milliseconds, not '%1'")
                                  .arg(parser.value(timeoutOption)));
        run.timeoutMs = int(*t);
    }

    QString filePath;
    const std::optional<ProjectFile::LoadResult> loaded = loadProjectToRun(
        positional.first(), tr("gatehouse: %1 has errors; fix them before load-testing"), &filePath);
    if (!loaded) return UsageError;
    const Project &project = loaded->project;
    const SavedRequest *saved = findRequest(project.requests, parser.value(requestOption));
    if (!saved) {
        const QStringList names = namesOf(project.requests);
        printErr(tr("gatehouse: no saved request '%1' in %2 (requests: %3)")
                     .arg(parser.value(requestOption), filePath,
                          names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))));
        return UsageError;
    }
    const EnvironmentChoice environment = chooseEnvironment(project, parser.value(envOption), filePath);
    if (!environment.ok) return UsageError;

    LocalCloudOptions cloudOptions; // free ports: a load run must not collide with a running serve
    cloudOptions.invoker.watchCode = false;
    LocalCloud cloud(cloudOptions);
    if (!startCloudForRun(cloud, project, loaded->folder)) return UsageError;

    run.variables = runVariablesFor(environment.environment, cloud);
    const testing::PreparedRequest prepared = testing::prepareRequest(*saved, run);
    if (!prepared.unknownVariables.isEmpty()) {
        printErr(tr("gatehouse: no value for {{%1}} in '%2'")
                     .arg(prepared.unknownVariables.join(QStringLiteral("}}, {{")), saved->name));
        cloud.stop();
        return UsageError;
    }
    load.request = prepared.request;

    testing::LoadCostMeasurement cost(cloud.costMeter(), cloud.metrics());
    testing::LoadTest test;
    QString error;
    cost.begin();
    if (!test.start(load, &error)) {
        printErr(tr("gatehouse: %1").arg(error));
        cloud.stop();
        return UsageError;
    }
    const bool json = parser.isSet(jsonOption);
    QObject::connect(&test, &testing::LoadTest::finished, &cost,
                     [&] { cost.finish(test.result().requestsPerSecond()); });
    QObject::connect(&cost, &testing::LoadCostMeasurement::ready, [] { QCoreApplication::exit(0); });
    // Ctrl-C ends the run early; what completed is still reported.
    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::received, &test, [&test](int) { test.cancel(); });
    QCoreApplication::exec();
    const QString currency = cloud.costMeter()->pricing().currency;
    cloud.stop();

    LoadReport report;
    report.project = project.name;
    report.request = saved->name;
    report.environment = environment.environment ? environment.environment->name : QString();
    report.options = load;
    report.result = test.result();
    report.cost = cost.projection();
    report.currency = currency;
    if (json)
        printOut(QString::fromUtf8(
            QJsonDocument(loadReportJson(report)).toJson(QJsonDocument::Indented).trimmed()));
    else
        for (const QString &line : loadReportLines(report))
            printOut(line);
    return loadRunFailed(report.result) ? Failure : Success;
}

} // namespace

Command loadCommand() {
    return {QStringLiteral("load"),
            QStringLiteral(
                "load PROJECT --request NAME [--concurrency N] [--duration S | --count N] [--env NAME] "
                "[--timeout MS] [--json]"),
            tr("load-test a saved request against the project served locally: latency, throughput, cost"),
            &runLoad};
}

} // namespace gatehouse::cli
