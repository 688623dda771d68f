#include "SamExport.h"

#include "SamTemplate.h"
#include "export/FunctionCodeCopy.h"
#include "export/UnknownFieldWarnings.h"
#include "export/YamlWriter.h"

#include <QCoreApplication>

namespace gatehouse {

namespace sam {

void SamTemplate::recordName(NamedKind kind, const QString &id, const QString &name) {
    if (defaultNameForId(kind, id) != name) names[id.toStdString()] = name.toStdString();
}

void SamTemplate::addEvent(const QString &functionId, const QString &keyHint, OrderedJson event) {
    const QString key = eventKeys[functionId].allocate(keyHint, {});
    OrderedJson &list = events[functionId];
    if (list.is_null()) list = OrderedJson::object();
    list[key.toStdString()] = std::move(event);
}

QString SamTemplate::functionId(const QString &name, const QString &path) {
    const QString id = functionIds.value(name);
    if (id.isEmpty())
        report.warning(path,
                       QCoreApplication::translate("gatehouse::Export",
                                                   "function '%1' does not exist; this is not exported to %2")
                           .arg(name, title()));
    return id;
}

OrderedJson throttleSettings(const ThrottleSettings &throttle) {
    OrderedJson settings = OrderedJson::object();
    if (throttle.burstLimit) settings["ThrottlingBurstLimit"] = *throttle.burstLimit;
    if (throttle.rateLimit) settings["ThrottlingRateLimit"] = *throttle.rateLimit;
    return settings;
}

// "https://${HelloHttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/dev": the default endpoint
// (API GW dev guide, "Invoking a REST API":
// https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-call-api.html).
QString endpointPattern(const QString &scheme, const QString &apiId, const QString &stage) {
    QString url =
        QStringLiteral("%1://${%2}.execute-api.${AWS::Region}.${AWS::URLSuffix}/").arg(scheme, apiId);
    if (stage != QLatin1String("$default")) url += stage;
    return url;
}

namespace {

// Fixed logical IDs first, so that generated resources (routes, permissions) never take a name a
// project element needs.
void allocateIds(SamTemplate &t) {
    const Project &p = t.project;
    for (const Function &f : p.functions)
        if (!t.functionIds.contains(f.name)) {
            const QString id = t.ids.allocate(f.name, QStringLiteral("Function"));
            t.functionIds.insert(f.name, id);
            t.recordName(NamedKind::Function, id, f.name);
        }
    for (const Api &a : p.apis)
        if (!t.apiIds.contains(a.name))
            t.apiIds.insert(a.name, t.ids.allocate(a.name, QStringLiteral("Api")));
    for (const Authorizer &a : p.authorizers)
        if (a.type != AuthorizerType::ApiKey && !t.authorizerIds.contains(a.name)) {
            // The name is recorded when an API declares the authorizer: unused ones are not exported.
            t.authorizerIds.insert(a.name, t.ids.allocate(a.name, QStringLiteral("Authorizer")));
        }
    for (const Bucket &b : p.buckets)
        if (!t.bucketIds.contains(b.name)) {
            const QString id = t.ids.allocate(b.name, QStringLiteral("Bucket"));
            t.bucketIds.insert(b.name, id);
            t.recordName(NamedKind::Bucket, id, b.name);
        }
    for (const Queue &q : p.queues)
        if (!t.queueIds.contains(q.name)) {
            const QString id = t.ids.allocate(q.name, QStringLiteral("Queue"));
            t.queueIds.insert(q.name, id);
            t.recordName(NamedKind::Queue, id, q.name);
        }
}

void warnAboutWhatSamDoesNotHold(SamTemplate &t) {
    const Project &p = t.project;
    if (!p.requests.isEmpty())
        t.report.warning(
            QStringLiteral("requests"),
            QCoreApplication::translate("gatehouse::Export",
                                        "%n saved request(s) are not part of an AWS SAM template", nullptr,
                                        int(p.requests.size())),
            QCoreApplication::translate("gatehouse::Export", "export them with --format postman"));
    if (!p.environments.isEmpty())
        t.report.warning(
            QStringLiteral("environments"),
            QCoreApplication::translate("gatehouse::Export",
                                        "request environments are not part of an AWS SAM template"),
            QCoreApplication::translate("gatehouse::Export", "export them with --format postman"));
}

} // namespace

} // namespace sam

ExportResult exportSam(const Project &project, const ExportOptions &options) {
    ExportReport report(options.projectFileName);
    sam::SamTemplate t(project, options, report);
    sam::allocateIds(t);
    sam::addFunctions(t);
    sam::addHttpAndRestApis(t);
    sam::addWebSocketApis(t);
    sam::addBuckets(t);
    sam::addQueues(t);
    sam::addSchedules(t);
    sam::warnAboutWhatSamDoesNotHold(t);
    warnAboutUnknownFields(project, t.title(), UnknownFieldScope::Design, report);

    // Events go last in each function's Properties, after everything they refer to was allocated.
    for (auto it = t.events.cbegin(); it != t.events.cend(); ++it)
        t.resources[it.key().toStdString()]["Properties"]["Events"] = it.value();

    OrderedJson doc = OrderedJson::object();
    doc["AWSTemplateFormatVersion"] = "2010-09-09";
    doc["Transform"] = "AWS::Serverless-2016-10-31";
    doc["Description"] = (project.description.isEmpty() ? project.name : project.description).toStdString();
    OrderedJson gatehouse = OrderedJson::object();
    gatehouse[sam::kMetadataProject] = project.name.toStdString();
    if (!t.names.empty()) {
        // Sorted: the order elements are met in depends on the project's list order, which an import
        // may not reproduce (schedules come back in function order), and the bytes must not change.
        std::map<std::string, OrderedJson> sorted;
        for (const auto &item : t.names.items())
            sorted.emplace(item.key(), item.value());
        OrderedJson names = OrderedJson::object();
        for (const auto &[id, name] : sorted)
            names[id] = name;
        gatehouse[sam::kMetadataNames] = std::move(names);
    }
    if (!t.embeddedJavaScript.empty()) gatehouse[sam::kMetadataEmbeddedJavaScript] = t.embeddedJavaScript;
    doc["Metadata"][sam::kMetadataKey] = std::move(gatehouse);
    if (t.resources.empty())
        report.error({},
                     QCoreApplication::translate("gatehouse::Export",
                                                 "the project has nothing an AWS SAM template can hold"),
                     QCoreApplication::translate("gatehouse::Export", "add a function first"));
    doc["Resources"] = t.resources;
    if (!t.outputs.empty()) doc["Outputs"] = t.outputs;

    ExportResult result;
    result.files.append({QString::fromLatin1(kSamTemplateFile), toYaml(doc), ExportedFile::Kind::Document});
    result.files.append(t.files);
    appendFunctionCode(t.project, t.options, t.report, result.files);
    result.diagnostics = report.takeDiagnostics();
    return result;
}

} // namespace gatehouse
