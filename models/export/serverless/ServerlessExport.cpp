// serverless.yml (Serverless Framework v3,
// https://www.serverless.com/framework/docs/providers/aws/guide/serverless.yml).
#include "ServerlessExport.h"

#include "ServerlessService.h"
#include "export/FunctionCodeCopy.h"
#include "export/Intrinsics.h"
#include "export/JavaScriptWrapper.h"
#include "export/UnknownFieldWarnings.h"
#include "export/YamlWriter.h"

#include <QCoreApplication>

namespace gatehouse {

namespace serverless {

namespace {

// Service and function names: letters, digits and hyphens, starting with a letter.
QString serviceName(const QString &name) {
    QString out;
    for (const QChar c : name)
        out += c.unicode() < 128 && c.isLetterOrNumber() ? c : QLatin1Char('-');
    while (out.contains(QLatin1String("--")))
        out.replace(QLatin1String("--"), QLatin1String("-"));
    out = out.trimmed();
    while (out.startsWith(QLatin1Char('-')))
        out.remove(0, 1);
    if (out.isEmpty() || !out.front().isLetter()) out.prepend(QStringLiteral("service-"));
    return out;
}

QString functionKeyFor(const QString &name) {
    QString key;
    for (const QChar c : name)
        key += c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_'))
                   ? c
                   : QLatin1Char('_');
    return key.isEmpty() ? QStringLiteral("function") : key;
}

QString joinPath(const QString &folder, const QString &file) {
    if (folder.isEmpty() || folder == QLatin1String(".")) return file;
    return folder.endsWith(QLatin1Char('/')) ? folder + file : folder + QLatin1Char('/') + file;
}

OrderedJson functionDefinition(Service &s, const Function &f, qsizetype index) {
    const QString path = elementPath("functions", index);
    OrderedJson def = OrderedJson::object();
    // The framework packages the whole service folder, so handlers name their file from its root.
    if (f.runtime == QLatin1String("javascript")) {
        const JavaScriptWrapper wrapper = addJavaScriptWrapper(s.files, f.codeUri, f.handler);
        def["handler"] = joinPath(f.codeUri, wrapper.lambdaHandler).toStdString();
        def["runtime"] = kJavaScriptExportRuntime;
        s.report.warning(
            fieldPath(path, "runtime"),
            QCoreApplication::translate(
                "gatehouse::Export",
                "the embedded 'javascript' runtime does not exist on AWS Lambda; exported to %1 as %2 "
                "with the generated wrapper %3")
                .arg(s.title(), QString::fromLatin1(kJavaScriptExportRuntime), wrapper.path));
    } else {
        def["handler"] = joinPath(f.codeUri, f.handler).toStdString();
        def["runtime"] = f.runtime.toStdString();
    }
    if (!f.description.isEmpty()) def["description"] = f.description.toStdString();
    def["memorySize"] = f.memoryMB;
    def["timeout"] = f.timeoutSeconds;
    def["architecture"] = f.architecture.toStdString();
    if (f.reservedConcurrency) def["reservedConcurrency"] = *f.reservedConcurrency;
    // The framework's `onError` takes SNS topic ARNs only ("due to a race condition when using SQS
    // queue ARNs", serverless.com/framework/docs/providers/aws/guide/functions#dlq-with-sns).
    if (!f.deadLetterQueue.isEmpty())
        s.report.warning(fieldPath(path, "deadLetterQueue"),
                         QCoreApplication::translate(
                             "gatehouse::Export",
                             "%1 cannot name an SQS dead-letter queue for a function (onError takes SNS "
                             "topics only); dead-letter queue '%2' is not exported")
                             .arg(s.title(), f.deadLetterQueue));
    if (!f.environment.isEmpty()) {
        OrderedJson env = OrderedJson::object();
        for (const NameValue &nv : f.environment)
            env[nv.name.toStdString()] = nv.value.toStdString();
        def["environment"] = std::move(env);
    }
    return def;
}

// maximumRetryAttempts, maximumEventAge and destinations (framework docs, "Functions" > "Asynchronous
// invocation"): a destination names a function of the service by its key, or a queue by
// {type: sqs, arn: Fn::GetAtt}, the form the framework needs for CloudFormation references. Runs after
// the queues have their logical IDs.
void addAsyncInvoke(Service &s, OrderedJson &def, const Function &f) {
    const AsyncInvokeConfig &c = f.asyncInvoke;
    if (c.maximumRetryAttempts) def["maximumRetryAttempts"] = *c.maximumRetryAttempts;
    if (c.maximumEventAgeSeconds) def["maximumEventAge"] = *c.maximumEventAgeSeconds;
    OrderedJson destinations = OrderedJson::object();
    const auto add = [&](const char *key, const AsyncDestination &d) {
        if (const QString id = s.queueIds.value(d.queue); !id.isEmpty())
            destinations[key] = OrderedJson{{"type", "sqs"}, {"arn", cfn::getAtt(id, QStringLiteral("Arn"))}};
        else if (const QString fn = s.functionKeys.value(d.function); !fn.isEmpty())
            destinations[key] = fn.toStdString();
    };
    add("onSuccess", c.onSuccess);
    add("onFailure", c.onFailure);
    if (!destinations.empty()) def["destinations"] = std::move(destinations);
}

} // namespace

QString Service::functionKey(const QString &name, const QString &path) {
    const QString key = functionKeys.value(name);
    if (key.isEmpty())
        report.warning(path,
                       QCoreApplication::translate("gatehouse::Export",
                                                   "function '%1' does not exist; this is not exported to %2")
                           .arg(name, title()));
    return key;
}

void Service::addEvent(const QString &functionKey, OrderedJson event) {
    OrderedJson &list = events[functionKey];
    if (list.is_null()) list = OrderedJson::array();
    list.push_back(std::move(event));
}

} // namespace serverless

ExportResult exportServerless(const Project &project, const ExportOptions &options,
                              const ServerlessOptions &serverlessOptions) {
    ExportReport report(options.projectFileName);
    serverless::Service s(project, options, serverlessOptions, report);
    OrderedJson functions = OrderedJson::object();
    for (qsizetype i = 0; i < project.functions.size(); ++i) {
        const Function &f = project.functions[i];
        QString key = serverless::functionKeyFor(f.name);
        while (functions.contains(key.toStdString()))
            key += QLatin1Char('_');
        s.functionKeys.insert(f.name, key);
        if (key != f.name)
            report.warning(elementPath("functions", i),
                           QCoreApplication::translate(
                               "gatehouse::Export",
                               "function '%1' is exported to %2 as '%3' (letters, digits, '-' and '_' only)")
                               .arg(f.name, s.title(), key));
        functions[key.toStdString()] = serverless::functionDefinition(s, f, i);
    }
    serverless::addProvider(s);
    serverless::addApiEvents(s);
    serverless::addSourceEvents(s);
    for (auto it = s.events.cbegin(); it != s.events.cend(); ++it)
        functions[it.key().toStdString()]["events"] = it.value();
    for (const Function &f : project.functions)
        serverless::addAsyncInvoke(s, functions[s.functionKeys.value(f.name).toStdString()], f);

    if (!project.requests.isEmpty())
        report.warning(
            QStringLiteral("requests"),
            QCoreApplication::translate("gatehouse::Export", "saved requests are not part of serverless.yml"),
            QCoreApplication::translate("gatehouse::Export", "export them with --format postman"));
    warnAboutUnknownFields(project, s.title(), UnknownFieldScope::Design, report);

    OrderedJson doc = OrderedJson::object();
    doc["service"] = serverless::serviceName(project.name).toStdString();
    doc["frameworkVersion"] = "3";
    doc["provider"] = s.provider;
    if (!functions.empty()) doc["functions"] = std::move(functions);
    if (!s.resources.empty()) doc["resources"]["Resources"] = s.resources;

    ExportResult result;
    if (project.functions.isEmpty())
        report.error({}, QCoreApplication::translate(
                             "gatehouse::Export",
                             "the project has no functions; a serverless.yml service needs at least one"));
    result.files.append({QString::fromLatin1(kServerlessFile), toYaml(doc), ExportedFile::Kind::Document});
    result.files.append(s.files);
    appendFunctionCode(s.project, s.options, s.report, result.files);
    result.diagnostics = report.takeDiagnostics();
    return result;
}

} // namespace gatehouse
