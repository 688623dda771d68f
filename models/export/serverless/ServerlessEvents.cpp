// Function events: httpApi, http, websocket (Serverless v3 docs "Functions > Events"), and s3, schedule,
// sqs with the queues as CloudFormation resources.
#include "ServerlessService.h"
#include "export/Intrinsics.h"

#include <QCoreApplication>

namespace gatehouse::serverless {

namespace {

OrderedJson strings(const QStringList &list) {
    OrderedJson array = OrderedJson::array();
    for (const QString &s : list)
        array.push_back(s.toStdString());
    return array;
}

class ApiEvents {
public:
    ApiEvents(Service &s, const Api &api, qsizetype index)
        : s(s)
        , api(api)
        , path(elementPath("apis", index)) {}

    void write() {
        for (qsizetype r = 0; r < api.routes.size(); ++r)
            route(api.routes[r], elementPath(path, "routes", r));
    }

private:
    void route(const Route &r, const QString &routePath) {
        const QString integrationPath = fieldPath(routePath, "integration");
        const Integration &in = r.integration;
        if (in.type != IntegrationType::Lambda) {
            s.report.warning(
                integrationPath,
                QCoreApplication::translate("gatehouse::Export",
                                            "%1 integration of route '%2' is not exported: %3 events connect "
                                            "routes to functions only")
                    .arg(in.type == IntegrationType::Mock
                             ? QCoreApplication::translate("gatehouse::Export", "the mock")
                             : QCoreApplication::translate("gatehouse::Export", "the HTTP proxy"),
                         routeKeyOf(r, api.type), s.title()));
            return;
        }
        const QString function = s.functionKey(in.function, fieldPath(integrationPath, "function"));
        if (function.isEmpty()) return;
        if (r.throttling.isSet())
            s.report.warning(fieldPath(routePath, "throttling"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "throttling of route '%1' is not exported: %2 has no per-route throttling")
                                 .arg(routeKeyOf(r, api.type), s.title()));
        if (!in.requestParameters.isEmpty())
            s.report.warning(
                fieldPath(integrationPath, "requestParameters"),
                QCoreApplication::translate("gatehouse::Export",
                                            "parameter mappings of route '%1' are not exported to %2")
                    .arg(routeKeyOf(r, api.type), s.title()));
        switch (api.type) {
        case ApiType::Http:
            return httpApiEvent(r, routePath, function);
        case ApiType::Rest:
            return restEvent(r, routePath, function);
        case ApiType::WebSocket:
            return webSocketEvent(r, routePath, function);
        }
    }

    void httpApiEvent(const Route &r, const QString &routePath, const QString &function) {
        const Integration &in = r.integration;
        if (!in.payloadFormatVersion.isEmpty() && in.payloadFormatVersion != QLatin1String("2.0"))
            s.report.warning(
                fieldPath(fieldPath(routePath, "integration"), "payloadFormatVersion"),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "payload format %1 of route '%2' is not exported: %3 sets one version for the whole "
                    "HTTP API (2.0)")
                    .arg(in.payloadFormatVersion, routeKeyOf(r, api.type), s.title()));
        if (in.timeoutMs)
            s.report.warning(
                fieldPath(fieldPath(routePath, "integration"), "timeoutMs"),
                QCoreApplication::translate(
                    "gatehouse::Export",
                    "the integration timeout of route '%1' is not exported: %2 derives it from the "
                    "function's timeout")
                    .arg(routeKeyOf(r, api.type), s.title()));
        OrderedJson event = OrderedJson::object();
        if (r.path == QLatin1String("$default")) {
            event["httpApi"] = "*"; // the framework's spelling of the $default route
        } else {
            OrderedJson def = OrderedJson::object();
            def["method"] = (r.method == QLatin1String("ANY") ? QStringLiteral("*") : r.method).toStdString();
            def["path"] = r.path.toStdString();
            const OrderedJson auth = authorizer(r, routePath, true);
            if (!auth.is_null()) def["authorizer"] = auth;
            event["httpApi"] = std::move(def);
        }
        if (r.path == QLatin1String("$default") && !r.authorizer.isEmpty())
            s.report.warning(
                fieldPath(routePath, "authorizer"),
                QCoreApplication::translate("gatehouse::Export",
                                            "the authorizer of the $default route is not exported to %1")
                    .arg(s.title()));
        s.addEvent(function, std::move(event));
    }

    void restEvent(const Route &r, const QString &routePath, const QString &function) {
        if (r.path == QLatin1String("$default")) {
            s.report.warning(routePath, QCoreApplication::translate(
                                            "gatehouse::Export",
                                            "REST APIs have no $default route; it is not exported to %1")
                                            .arg(s.title()));
            return;
        }
        OrderedJson def = OrderedJson::object();
        def["method"] =
            (r.method == QLatin1String("ANY") ? QStringLiteral("any") : r.method.toLower()).toStdString();
        def["path"] = r.path.mid(r.path.startsWith(QLatin1Char('/')) ? 1 : 0).toStdString();
        if (r.integration.timeoutMs) def["timeout"] = (*r.integration.timeoutMs + 999) / 1000;
        const Authorizer *a = s.project.findAuthorizer(r.authorizer);
        if (a && a->type == AuthorizerType::ApiKey) {
            def["private"] = true;
        } else {
            const OrderedJson auth = authorizer(r, routePath, false);
            if (!auth.is_null()) def["authorizer"] = auth;
        }
        if (api.cors) {
            const Cors &c = *api.cors;
            OrderedJson cors = OrderedJson::object();
            cors["origins"] =
                strings(c.allowOrigins.isEmpty() ? QStringList{QStringLiteral("*")} : c.allowOrigins);
            if (!c.allowHeaders.isEmpty()) cors["headers"] = strings(c.allowHeaders);
            if (c.allowCredentials) cors["allowCredentials"] = true;
            if (c.maxAgeSeconds) cors["maxAge"] = *c.maxAgeSeconds;
            def["cors"] = std::move(cors);
            if (!c.exposeHeaders.isEmpty() && !warnedCors) {
                warnedCors = true;
                s.report.warning(fieldPath(fieldPath(path, "cors"), "exposeHeaders"),
                                 QCoreApplication::translate(
                                     "gatehouse::Export",
                                     "%1 has no expose-headers setting for REST API CORS; it is not exported")
                                     .arg(s.title()));
            }
        }
        s.addEvent(function, OrderedJson{{"http", std::move(def)}});
    }

    void webSocketEvent(const Route &r, const QString &routePath, const QString &function) {
        OrderedJson def = OrderedJson::object();
        def["route"] = r.routeKey.toStdString();
        if (r.routeResponse) def["routeResponseSelectionExpression"] = "$default";
        if (!r.authorizer.isEmpty()) {
            const Authorizer *a = s.project.findAuthorizer(r.authorizer);
            const QString fn =
                a && a->type == AuthorizerType::Lambda ? s.functionKeys.value(a->function) : QString();
            if (fn.isEmpty() || r.routeKey != QLatin1String("$connect")) {
                s.report.warning(
                    fieldPath(routePath, "authorizer"),
                    QCoreApplication::translate(
                        "gatehouse::Export",
                        "WebSocket APIs take a Lambda authorizer on $connect only; the authorizer of route "
                        "'%1' is not exported to %2")
                        .arg(r.routeKey, s.title()));
            } else {
                OrderedJson auth = OrderedJson{{"name", fn.toStdString()}};
                QStringList sources;
                for (const QString &source : a->identitySources)
                    sources.append(
                        QString(source).replace(QLatin1String("$request."), QLatin1String("route.request.")));
                if (!sources.isEmpty()) auth["identitySource"] = strings(sources);
                def["authorizer"] = std::move(auth);
            }
        }
        if (r.integration.timeoutMs)
            s.report.warning(fieldPath(fieldPath(routePath, "integration"), "timeoutMs"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "the integration timeout of WebSocket route '%1' is not exported to %2")
                                 .arg(r.routeKey, s.title()));
        s.addEvent(function, OrderedJson{{"websocket", std::move(def)}});
    }

    OrderedJson authorizer(const Route &r, const QString &routePath, bool http) {
        if (r.authorizer.isEmpty()) return nullptr;
        const Authorizer *a = s.project.findAuthorizer(r.authorizer);
        const QString at = fieldPath(routePath, "authorizer");
        if (!a) {
            s.report.warning(at, QCoreApplication::translate(
                                     "gatehouse::Export",
                                     "authorizer '%1' does not exist; the route is exported to %2 without it")
                                     .arg(r.authorizer, s.title()));
            return nullptr;
        }
        if (http) {
            if (a->type == AuthorizerType::ApiKey) {
                s.report.warning(
                    at, QCoreApplication::translate(
                            "gatehouse::Export",
                            "HTTP APIs have no API keys; the API key requirement of route '%1' is not "
                            "exported to %2")
                            .arg(routeKeyOf(r, api.type), s.title()));
                return nullptr;
            }
            OrderedJson auth = OrderedJson{{"name", a->name.toStdString()}};
            if (!r.authorizationScopes.isEmpty()) auth["scopes"] = strings(r.authorizationScopes);
            return auth;
        }
        if (a->type == AuthorizerType::Jwt) {
            s.report.warning(
                at, QCoreApplication::translate(
                        "gatehouse::Export",
                        "REST APIs have no JWT authorizers; the authorizer of route '%1' is not exported "
                        "to %2")
                        .arg(routeKeyOf(r, api.type), s.title()));
            return nullptr;
        }
        const QString fn = s.functionKeys.value(a->function);
        if (fn.isEmpty()) return nullptr;
        // REST authorizers are declared on each event (Serverless docs "REST API: Authorizers").
        OrderedJson auth = OrderedJson::object();
        auth["name"] = fn.toStdString();
        const bool token = a->lambdaType == QLatin1String("TOKEN");
        auth["type"] = token ? "token" : "request";
        QStringList sources;
        for (const QString &source : a->identitySources)
            sources.append(source.startsWith(QLatin1String("$request."))
                               ? QStringLiteral("method.") + source.mid(1)
                               : source);
        if (!sources.isEmpty())
            auth["identitySource"] =
                (token ? sources.first() : sources.join(QStringLiteral(", "))).toStdString();
        if (a->resultTtlSeconds) auth["resultTtlInSeconds"] = *a->resultTtlSeconds;
        if (token && !a->tokenValidationRegex.isEmpty())
            auth["identityValidationExpression"] = a->tokenValidationRegex.toStdString();
        return auth;
    }

    Service &s;
    const Api &api;
    const QString path;
    bool warnedCors = false;
};

void bucketEvents(Service &s) {
    for (qsizetype b = 0; b < s.project.buckets.size(); ++b) {
        const Bucket &bucket = s.project.buckets[b];
        // The framework creates the buckets its s3 events name; a bucket no function listens to is a
        // plain resource. Existing buckets are created elsewhere, so they are not declared at all.
        if (bucket.notifications.isEmpty() && !s.serverlessOptions.existingBuckets) {
            const QString id = s.ids.allocate(bucket.name, QStringLiteral("Bucket"));
            s.resources[id.toStdString()] =
                OrderedJson{{"Type", "AWS::S3::Bucket"},
                            {"Properties", OrderedJson{{"BucketName", bucket.name.toStdString()}}}};
        }
        for (qsizetype n = 0; n < bucket.notifications.size(); ++n) {
            const BucketNotification &note = bucket.notifications[n];
            const QString notePath = elementPath(elementPath("buckets", b), "notifications", n);
            const QString function = s.functionKey(note.function, fieldPath(notePath, "function"));
            if (function.isEmpty()) continue;
            // One s3 event per event type: the framework takes a single "event" each.
            for (const QString &eventType : note.events) {
                OrderedJson def = OrderedJson::object();
                def["bucket"] = bucket.name.toStdString();
                def["event"] = eventType.toStdString();
                OrderedJson rules = OrderedJson::array();
                if (!note.prefix.isEmpty())
                    rules.push_back(OrderedJson{{"prefix", note.prefix.toStdString()}});
                if (!note.suffix.isEmpty())
                    rules.push_back(OrderedJson{{"suffix", note.suffix.toStdString()}});
                if (!rules.empty()) def["rules"] = std::move(rules);
                if (s.serverlessOptions.existingBuckets) def["existing"] = true;
                s.addEvent(function, OrderedJson{{"s3", std::move(def)}});
            }
        }
    }
}

void scheduleEvents(Service &s) {
    for (qsizetype i = 0; i < s.project.schedules.size(); ++i) {
        const Schedule &sc = s.project.schedules[i];
        const QString function =
            s.functionKey(sc.function, fieldPath(elementPath("schedules", i), "function"));
        if (function.isEmpty()) continue;
        OrderedJson def = OrderedJson::object();
        def["rate"] = OrderedJson::array({sc.expression.toStdString()});
        if (!sc.enabled) def["enabled"] = false;
        if (!sc.input.is_null()) def["input"] = sc.input;
        if (!sc.timezone.isEmpty()) {
            // Only EventBridge Scheduler knows time zones (Serverless docs "Schedule": method: scheduler).
            def["method"] = "scheduler";
            def["timezone"] = sc.timezone.toStdString();
        }
        s.addEvent(function, OrderedJson{{"schedule", std::move(def)}});
    }
}

void queues(Service &s) {
    for (const Queue &q : s.project.queues)
        s.queueIds.insert(q.name, s.ids.allocate(q.name, QStringLiteral("Queue")));
    for (qsizetype i = 0; i < s.project.queues.size(); ++i) {
        const Queue &q = s.project.queues[i];
        const QString path = elementPath("queues", i);
        const QString id = s.queueIds.value(q.name);
        OrderedJson props = OrderedJson::object();
        if (q.fifo) props["FifoQueue"] = true;
        props["VisibilityTimeout"] = q.visibilityTimeoutSeconds;
        props["MessageRetentionPeriod"] = q.messageRetentionSeconds;
        if (!q.deadLetterQueue.isEmpty()) {
            const QString dlq = s.queueIds.value(q.deadLetterQueue);
            if (dlq.isEmpty())
                s.report.warning(
                    fieldPath(path, "deadLetterQueue"),
                    QCoreApplication::translate(
                        "gatehouse::Export",
                        "dead-letter queue '%1' does not exist; the redrive policy is not exported to %2")
                        .arg(q.deadLetterQueue, s.title()));
            else
                props["RedrivePolicy"] =
                    OrderedJson{{"deadLetterTargetArn", cfn::getAtt(dlq, QStringLiteral("Arn"))},
                                {"maxReceiveCount", q.maxReceiveCount}};
        }
        s.resources[id.toStdString()] =
            OrderedJson{{"Type", "AWS::SQS::Queue"}, {"Properties", std::move(props)}};
        if (!q.trigger) continue;
        const QueueTrigger &t = *q.trigger;
        const QString function = s.functionKey(t.function, fieldPath(fieldPath(path, "trigger"), "function"));
        if (function.isEmpty()) continue;
        OrderedJson def = OrderedJson::object();
        def["arn"] = cfn::getAtt(id, QStringLiteral("Arn"));
        def["batchSize"] = t.batchSize;
        if (t.maximumBatchingWindowSeconds > 0) def["maximumBatchingWindow"] = t.maximumBatchingWindowSeconds;
        if (t.reportBatchItemFailures) def["functionResponseType"] = "ReportBatchItemFailures";
        if (!t.enabled) def["enabled"] = false;
        s.addEvent(function, OrderedJson{{"sqs", std::move(def)}});
    }
}

} // namespace

void addApiEvents(Service &s) {
    for (qsizetype i = 0; i < s.project.apis.size(); ++i)
        ApiEvents(s, s.project.apis[i], i).write();
}

void addSourceEvents(Service &s) {
    bucketEvents(s);
    queues(s);
    scheduleEvents(s);
}

} // namespace gatehouse::serverless
