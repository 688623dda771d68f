// AWS::Serverless::Function resources and their Schedule events
// (SAM spec:
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html).
#include "SamTemplate.h"
#include "export/Intrinsics.h"
#include "export/JavaScriptWrapper.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {

// DestinationConfig.OnSuccess/OnFailure: {Type: SQS|Lambda, Destination: ARN}
// (sam-property-function-eventinvokedestinationconfiguration.html).
OrderedJson destination(SamTemplate &t, const AsyncDestination &d) {
    if (const QString queueId = t.queueIds.value(d.queue); !queueId.isEmpty())
        return OrderedJson{{"Type", "SQS"}, {"Destination", cfn::getAtt(queueId, QStringLiteral("Arn"))}};
    if (const QString functionId = t.functionIds.value(d.function); !functionId.isEmpty())
        return OrderedJson{{"Type", "Lambda"},
                           {"Destination", cfn::getAtt(functionId, QStringLiteral("Arn"))}};
    return OrderedJson::object();
}

// EventInvokeConfig (sam-property-function-eventinvokeconfiguration.html).
OrderedJson eventInvokeConfig(SamTemplate &t, const AsyncInvokeConfig &c) {
    OrderedJson config = OrderedJson::object();
    if (c.maximumEventAgeSeconds) config["MaximumEventAgeInSeconds"] = *c.maximumEventAgeSeconds;
    if (c.maximumRetryAttempts) config["MaximumRetryAttempts"] = *c.maximumRetryAttempts;
    OrderedJson destinations = OrderedJson::object();
    if (OrderedJson d = destination(t, c.onSuccess); !d.empty()) destinations["OnSuccess"] = std::move(d);
    if (OrderedJson d = destination(t, c.onFailure); !d.empty()) destinations["OnFailure"] = std::move(d);
    if (!destinations.empty()) config["DestinationConfig"] = std::move(destinations);
    return config;
}

OrderedJson functionProperties(SamTemplate &t, const Function &f, qsizetype index, const QString &id) {
    const QString path = elementPath("functions", index);
    OrderedJson props = OrderedJson::object();
    if (!f.description.isEmpty()) props["Description"] = f.description.toStdString();
    // SAM resolves CodeUri relative to the template; the template sits in the project folder (or in
    // an export folder holding a copy of the code at the same relative paths).
    props["CodeUri"] = f.codeUri.isEmpty() ? std::string(".") : f.codeUri.toStdString();
    if (f.runtime == QLatin1String("javascript")) {
        const JavaScriptWrapper wrapper = addJavaScriptWrapper(t.files, f.codeUri, f.handler);
        props["Handler"] = wrapper.lambdaHandler.toStdString();
        props["Runtime"] = kJavaScriptExportRuntime;
        t.embeddedJavaScript[id.toStdString()] = f.handler.toStdString();
        t.report.warning(
            fieldPath(path, "runtime"),
            QCoreApplication::translate("gatehouse::Export",
                                        "the embedded 'javascript' runtime does not exist on AWS Lambda; "
                                        "exported to %1 as %2 with the generated wrapper %3")
                .arg(t.title(), QString::fromLatin1(kJavaScriptExportRuntime), wrapper.path),
            QCoreApplication::translate("gatehouse::Export",
                                        "deploy the wrapper with the code; Lambda runs it as %1")
                .arg(wrapper.lambdaHandler));
    } else {
        props["Handler"] = f.handler.toStdString();
        props["Runtime"] = f.runtime.toStdString();
    }
    props["MemorySize"] = f.memoryMB;
    props["Timeout"] = f.timeoutSeconds;
    props["Architectures"] = OrderedJson::array({f.architecture.toStdString()});
    if (f.reservedConcurrency) props["ReservedConcurrentExecutions"] = *f.reservedConcurrency;
    // DeadLetterQueue: {Type: SQS, TargetArn} (sam-property-function-deadletterqueue.html).
    if (const QString queueId = t.queueIds.value(f.deadLetterQueue); !queueId.isEmpty())
        props["DeadLetterQueue"] =
            OrderedJson{{"Type", "SQS"}, {"TargetArn", cfn::getAtt(queueId, QStringLiteral("Arn"))}};
    if (OrderedJson config = eventInvokeConfig(t, f.asyncInvoke); !config.empty())
        props["EventInvokeConfig"] = std::move(config);
    if (!f.environment.isEmpty()) {
        OrderedJson variables = OrderedJson::object();
        for (const NameValue &nv : f.environment)
            variables[nv.name.toStdString()] = nv.value.toStdString();
        props["Environment"]["Variables"] = std::move(variables);
    }
    return props;
}

} // namespace

void addFunctions(SamTemplate &t) {
    for (qsizetype i = 0; i < t.project.functions.size(); ++i) {
        const Function &f = t.project.functions[i];
        const QString id = t.functionIds.value(f.name);
        OrderedJson resource = OrderedJson::object();
        resource["Type"] = "AWS::Serverless::Function";
        resource["Properties"] = functionProperties(t, f, i, id);
        t.resources[id.toStdString()] = std::move(resource);
    }
}

// Schedule events (EventBridge rules); a time zone needs ScheduleV2 (EventBridge Scheduler), the only
// kind that has one (SAM spec, "ScheduleV2": .../sam-property-function-schedulev2.html).
void addSchedules(SamTemplate &t) {
    for (qsizetype i = 0; i < t.project.schedules.size(); ++i) {
        const Schedule &s = t.project.schedules[i];
        const QString path = elementPath("schedules", i);
        const QString functionId = t.functionId(s.function, fieldPath(path, "function"));
        if (functionId.isEmpty()) continue;
        OrderedJson &list = t.events[functionId];
        if (list.is_null()) list = OrderedJson::object();
        // The key is unique in the whole template (not just in the function) so that Metadata can name it.
        QString key;
        do {
            key = t.ids.allocate(s.name, QStringLiteral("Schedule"));
        } while (list.contains(key.toStdString()));
        t.eventKeys[functionId].reserve(key);
        t.recordName(NamedKind::Schedule, key, s.name);
        OrderedJson props = OrderedJson::object();
        OrderedJson event = OrderedJson::object();
        if (s.timezone.isEmpty()) {
            event["Type"] = "Schedule";
            props["Schedule"] = s.expression.toStdString();
        } else {
            event["Type"] = "ScheduleV2";
            props["ScheduleExpression"] = s.expression.toStdString();
            props["ScheduleExpressionTimezone"] = s.timezone.toStdString();
        }
        if (!s.enabled) props["State"] = "DISABLED";
        if (!s.input.is_null()) props["Input"] = s.input.dump();
        event["Properties"] = std::move(props);
        list[key.toStdString()] = std::move(event);
    }
}

} // namespace gatehouse::sam
