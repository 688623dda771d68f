// Function events (SAM spec "EventSource": .../sam-property-function-eventsource.html): HttpApi and Api
// become routes, S3 bucket notifications, SQS queue triggers, Schedule/ScheduleV2 schedules.
#include "SamReader.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {

class EventReader {
public:
    EventReader(SamReader &r, const TemplateResource &res, const QString &key, const OrderedJson &event)
        : r(r)
        , function(r.functionNames.value(res.id))
        , key(key)
        , event(event)
        , path(res.path + QStringLiteral(".Properties.Events.") + key)
        , props(json::member(event, "Properties")) {}

    void read() {
        const QString type = json::textOr(json::member(event, "Type"));
        if (type == QLatin1String("HttpApi")) return route(ApiType::Http);
        if (type == QLatin1String("Api")) return route(ApiType::Rest);
        if (type == QLatin1String("S3")) return s3();
        if (type == QLatin1String("SQS")) return sqs();
        if (type == QLatin1String("Schedule") || type == QLatin1String("ScheduleV2"))
            return schedule(type == QLatin1String("ScheduleV2"));
        r.ctx.warning(
            path,
            QCoreApplication::translate(
                "gatehouse::Import",
                "event type %1 is not imported: Gatehouse triggers functions from HTTP, REST and WebSocket "
                "APIs, buckets, queues and schedules")
                .arg(type.isEmpty() ? QCoreApplication::translate("gatehouse::Import", "(none)") : type));
    }

private:
    QString at(const char *property) const {
        return path + QStringLiteral(".Properties.") + QLatin1String(property);
    }

    void unhandled(const QStringList &handled) {
        for (const QString &k : json::keys(props))
            if (!handled.contains(k))
                r.ctx.warning(
                    path + QStringLiteral(".Properties.") + k,
                    QCoreApplication::translate("gatehouse::Import", "event property %1 is not imported")
                        .arg(k));
    }

    void route(ApiType type) {
        const bool http = type == ApiType::Http;
        const OrderedJson *apiRef = json::member(props, http ? "ApiId" : "RestApiId");
        ApiState *state = nullptr;
        if (!apiRef) {
            state = &r.implicitApi(type);
        } else {
            const QString id = TemplateValues::referencedId(*apiRef);
            if (!r.apis.contains(id) || r.project.apis[r.apis[id].index].type != type) {
                r.ctx.warning(at(http ? "ApiId" : "RestApiId"),
                              QCoreApplication::translate(
                                  "gatehouse::Import",
                                  "the event's API is not a %1 in this template; the route is not imported")
                                  .arg(http ? QStringLiteral("AWS::Serverless::HttpApi")
                                            : QStringLiteral("AWS::Serverless::Api")));
                return;
            }
            state = &r.apis[id];
        }
        Route route;
        const auto routePath = r.text(json::member(props, "Path"), at("Path"));
        const auto method = r.text(json::member(props, "Method"), at("Method"));
        if (routePath && method) {
            route.path = *routePath;
            route.method = method->toUpper();
        } else if (http && !routePath && !method) {
            route.path = QStringLiteral("$default"); // an HttpApi event without Path and Method
        } else {
            r.ctx.warning(path, QCoreApplication::translate(
                                    "gatehouse::Import",
                                    "the event needs both Path and Method; the route is not imported"));
            return;
        }
        route.integration.type = IntegrationType::Lambda;
        route.integration.function = function;
        if (const OrderedJson *v = json::member(props, "PayloadFormatVersion"))
            route.integration.payloadFormatVersion = json::textOr(v);
        route.integration.timeoutMs =
            r.integer(json::member(props, "TimeoutInMillis"), at("TimeoutInMillis"));
        if (http && json::member(props, "RouteSettings")) {
            const OrderedJson *s = json::member(props, "RouteSettings");
            route.throttling.burstLimit = json::integer(json::member(s, "ThrottlingBurstLimit"));
            route.throttling.rateLimit = json::number(json::member(s, "ThrottlingRateLimit"));
        }
        readAuth(route, *state, http);
        unhandled(
            http ? QStringList{QStringLiteral("ApiId"), QStringLiteral("Path"), QStringLiteral("Method"),
                               QStringLiteral("Auth"), QStringLiteral("PayloadFormatVersion"),
                               QStringLiteral("TimeoutInMillis"), QStringLiteral("RouteSettings")}
                 : QStringList{QStringLiteral("RestApiId"), QStringLiteral("Path"), QStringLiteral("Method"),
                               QStringLiteral("Auth"), QStringLiteral("TimeoutInMillis")});
        // SAM merges events into a DefinitionBody: an event replaces the integration of the same route.
        for (Route &existing : r.project.apis[state->index].routes)
            if (existing.path == route.path &&
                (existing.method == route.method || route.path == QLatin1String("$default"))) {
                existing.integration = route.integration;
                if (!route.authorizer.isEmpty()) existing.authorizer = route.authorizer;
                if (!route.authorizationScopes.isEmpty())
                    existing.authorizationScopes = route.authorizationScopes;
                if (route.throttling.isSet()) existing.throttling = route.throttling;
                return;
            }
        r.project.apis[state->index].routes.append(route);
    }

    void readAuth(Route &route, ApiState &state, bool http) {
        const OrderedJson *auth = json::member(props, "Auth");
        const QString key = json::textOr(json::member(auth, "Authorizer"));
        if (key == QLatin1String("NONE")) {
            // explicitly public, even under a DefaultAuthorizer
        } else if (!key.isEmpty()) {
            route.authorizer = state.authorizers.value(key);
            if (route.authorizer.isEmpty())
                r.ctx.warning(
                    at("Auth") + QStringLiteral(".Authorizer"),
                    key == QLatin1String("AWS_IAM")
                        ? QCoreApplication::translate(
                              "gatehouse::Import",
                              "IAM authorization is not emulated; the route is imported without it")
                        : QCoreApplication::translate(
                              "gatehouse::Import",
                              "authorizer '%1' is not declared by the API; the route is imported without it")
                              .arg(key));
        } else {
            route.authorizer = state.defaultAuthorizer;
        }
        route.authorizationScopes = json::strings(json::member(auth, "AuthorizationScopes"));
        if (!http && !route.authorizationScopes.isEmpty()) {
            r.ctx.warning(
                at("Auth") + QStringLiteral(".AuthorizationScopes"),
                QCoreApplication::translate(
                    "gatehouse::Import",
                    "authorization scopes of a REST API route need Cognito; they are not imported"));
            route.authorizationScopes.clear();
        }
        if (http) return;
        const bool keyRequired =
            json::boolean(json::member(auth, "ApiKeyRequired")).value_or(state.apiKeyRequired);
        if (!keyRequired) return;
        if (!route.authorizer.isEmpty()) {
            r.ctx.warning(at("Auth") + QStringLiteral(".ApiKeyRequired"),
                          QCoreApplication::translate("gatehouse::Import",
                                                      "a route has one authorizer in Gatehouse; the API key "
                                                      "requirement of %1 %2 is not imported "
                                                      "because it also has a Lambda authorizer")
                              .arg(route.method, route.path));
            return;
        }
        if (state.apiKeyAuthorizer.isEmpty()) {
            // ApiKeyRequired without a usage plan in the template: keys are managed elsewhere.
            Authorizer a;
            a.type = AuthorizerType::ApiKey;
            a.name = r.project.apis[state.index].name + QStringLiteral("-api-keys");
            state.apiKeyAuthorizer = r.addAuthorizer(a, r.project.apis[state.index].name);
            r.ctx.warning(at("Auth"),
                          QCoreApplication::translate(
                              "gatehouse::Import",
                              "the API requires API keys but the template defines none; add keys to "
                              "authorizer '%1'")
                              .arg(state.apiKeyAuthorizer));
        }
        route.authorizer = state.apiKeyAuthorizer;
    }

    void s3() {
        const QString bucketId = TemplateValues::referencedId(
            json::member(props, "Bucket") ? *json::member(props, "Bucket") : OrderedJson());
        Bucket *bucket = nullptr;
        for (Bucket &b : r.project.buckets)
            if (r.bucketNames.contains(bucketId) && b.name == r.bucketNames.value(bucketId)) bucket = &b;
        if (!bucket) {
            r.ctx.warning(
                at("Bucket"),
                QCoreApplication::translate(
                    "gatehouse::Import",
                    "S3 events need a bucket defined in the same template; this one is not imported"));
            return;
        }
        BucketNotification note;
        note.function = function;
        const QStringList events = json::strings(json::member(props, "Events"));
        if (!events.isEmpty()) note.events = events;
        const OrderedJson *rules =
            json::member(json::member(json::member(props, "Filter"), "S3Key"), "Rules");
        if (rules && rules->is_array())
            for (const OrderedJson &rule : *rules) {
                const QString name = json::textOr(json::member(rule, "Name")).toLower();
                const QString value = r.text(json::member(rule, "Value"), at("Filter")).value_or(QString());
                if (name == QLatin1String("prefix"))
                    note.prefix = value;
                else if (name == QLatin1String("suffix"))
                    note.suffix = value;
            }
        unhandled({QStringLiteral("Bucket"), QStringLiteral("Events"), QStringLiteral("Filter")});
        bucket->notifications.append(note);
    }

    void sqs() {
        const OrderedJson *queueValue = json::member(props, "Queue");
        const QString id = queueValue ? TemplateValues::referencedId(*queueValue) : QString();
        QString name = r.queueNames.value(id);
        if (name.isEmpty()) {
            const auto arn = r.text(queueValue, at("Queue"));
            if (!arn) return;
            name = arn->section(QLatin1Char(':'), -1);
            Queue q;
            q.name = name;
            r.project.queues.append(q);
            r.ctx.warning(at("Queue"),
                          QCoreApplication::translate(
                              "gatehouse::Import",
                              "queue '%1' is not in the template; a local queue of that name is created")
                              .arg(name));
        }
        Queue *queue = nullptr;
        for (Queue &q : r.project.queues)
            if (q.name == name) queue = &q;
        if (!queue) return;
        if (queue->trigger) {
            r.ctx.warning(
                path,
                QCoreApplication::translate(
                    "gatehouse::Import",
                    "queue '%1' already triggers function '%2'; a Gatehouse queue feeds one function, so "
                    "this trigger is not imported")
                    .arg(name, queue->trigger->function));
            return;
        }
        QueueTrigger t;
        t.function = function;
        if (const auto v = r.integer(json::member(props, "BatchSize"), at("BatchSize"))) t.batchSize = *v;
        if (const auto v = r.integer(json::member(props, "MaximumBatchingWindowInSeconds"),
                                     at("MaximumBatchingWindowInSeconds")))
            t.maximumBatchingWindowSeconds = *v;
        t.reportBatchItemFailures = json::strings(json::member(props, "FunctionResponseTypes"))
                                        .contains(QLatin1String("ReportBatchItemFailures"));
        t.enabled = json::boolean(json::member(props, "Enabled")).value_or(true);
        unhandled({QStringLiteral("Queue"), QStringLiteral("BatchSize"),
                   QStringLiteral("MaximumBatchingWindowInSeconds"), QStringLiteral("FunctionResponseTypes"),
                   QStringLiteral("Enabled")});
        queue->trigger = t;
    }

    void schedule(bool v2) {
        Schedule s;
        s.function = function;
        const OrderedJson *recorded = json::member(r.names, key.toStdString().c_str());
        if (recorded && recorded->is_string())
            s.name = json::textOr(recorded);
        else if (const OrderedJson *n = json::member(props, "Name"); n && n->is_string())
            s.name = json::textOr(n);
        else
            s.name = key;
        const auto expression = r.text(json::member(props, v2 ? "ScheduleExpression" : "Schedule"),
                                       at(v2 ? "ScheduleExpression" : "Schedule"));
        if (!expression) {
            r.ctx.warning(path,
                          QCoreApplication::translate("gatehouse::Import",
                                                      "the schedule has no expression; it is not imported"));
            return;
        }
        s.expression = *expression;
        if (v2) s.timezone = json::textOr(json::member(props, "ScheduleExpressionTimezone"));
        s.enabled = json::boolean(json::member(props, "Enabled")).value_or(true) &&
                    json::textOr(json::member(props, "State"), QStringLiteral("ENABLED")).toUpper() !=
                        QLatin1String("DISABLED");
        if (const OrderedJson *input = json::member(props, "Input")) {
            // Input is the event as JSON text.
            const QString text = json::textOr(input);
            if (input->is_object() || input->is_array())
                s.input = *input;
            else
                try {
                    s.input = OrderedJson::parse(text.toStdString());
                } catch (const std::exception &) {
                    s.input = text.toStdString();
                    r.ctx.warning(at("Input"),
                                  QCoreApplication::translate(
                                      "gatehouse::Import", "Input is not JSON; it is imported as a string"));
                }
        }
        unhandled({QStringLiteral("Schedule"), QStringLiteral("ScheduleExpression"),
                   QStringLiteral("ScheduleExpressionTimezone"), QStringLiteral("Enabled"),
                   QStringLiteral("State"), QStringLiteral("Input"), QStringLiteral("Name"),
                   QStringLiteral("Description")});
        r.project.schedules.append(s);
    }

    SamReader &r;
    const QString function;
    const QString key;
    const OrderedJson &event;
    const QString path;
    const OrderedJson *props;
};

} // namespace

void readFunctionEvents(SamReader &r) {
    for (const TemplateResource &res : r.resources) {
        if (res.type != QLatin1String("AWS::Serverless::Function")) continue;
        const OrderedJson *events = json::member(res.properties, "Events");
        if (!events || !events->is_object()) continue;
        for (const auto &[key, event] : events->items())
            EventReader(r, res, QString::fromStdString(key), event).read();
    }
}

} // namespace gatehouse::sam
