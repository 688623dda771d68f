#include "EventTemplateChoice.h"

namespace gatehouse {

QList<EventTemplateChoice> EventTemplateChoices::all() {
    QList<EventTemplateChoice> choices;
    for (const EventTemplateName &name : eventTemplateNames()) {
        QString label;
        switch (name.kind) {
        case EventTemplateKind::HttpApi:
            label = tr("API Gateway HTTP API (payload 2.0)");
            break;
        case EventTemplateKind::RestApi:
            label = tr("API Gateway REST API (payload 1.0)");
            break;
        case EventTemplateKind::S3Put:
            label = tr("S3 put (ObjectCreated)");
            break;
        case EventTemplateKind::S3Delete:
            label = tr("S3 delete (ObjectRemoved)");
            break;
        case EventTemplateKind::Schedule:
            label = tr("EventBridge schedule");
            break;
        case EventTemplateKind::Sqs:
            label = tr("SQS batch");
            break;
        case EventTemplateKind::WebSocketMessage:
            label = tr("WebSocket message");
            break;
        }
        choices.append({name.kind, label});
    }
    return choices;
}

EventTemplateOptions EventTemplateChoices::optionsFor(EventTemplateKind kind, const Project &project,
                                                      const QString &function) {
    EventTemplateOptions options;
    options.region = project.settings.region;
    options.accountId = project.settings.accountId;
    switch (kind) {
    case EventTemplateKind::HttpApi:
    case EventTemplateKind::RestApi: {
        // The function's first route in an API of that type, when its path has no {parameters}
        // (a literal "{id}" in the event's path would match nothing).
        const ApiType type = kind == EventTemplateKind::HttpApi ? ApiType::Http : ApiType::Rest;
        for (const Api &api : project.apis) {
            if (api.type != type) continue;
            for (const Route &route : api.routes)
                if (route.integration.type == IntegrationType::Lambda &&
                    route.integration.function == function && route.path.startsWith(QLatin1Char('/')) &&
                    !route.path.contains(QLatin1Char('{'))) {
                    options.method =
                        route.method == QLatin1String("ANY") ? QStringLiteral("GET") : route.method;
                    options.path = route.path;
                    return options;
                }
        }
        break;
    }
    case EventTemplateKind::S3Put:
    case EventTemplateKind::S3Delete:
        for (const Bucket &bucket : project.buckets)
            for (const BucketNotification &notification : bucket.notifications)
                if (notification.function == function) {
                    options.bucket = bucket.name;
                    options.key =
                        notification.prefix + QStringLiteral("example") +
                        (notification.suffix.isEmpty() ? QStringLiteral(".txt") : notification.suffix);
                    return options;
                }
        break;
    case EventTemplateKind::Schedule:
        for (const Schedule &schedule : project.schedules)
            if (schedule.function == function) {
                options.rule = schedule.name;
                return options;
            }
        break;
    case EventTemplateKind::Sqs:
        for (const Queue &queue : project.queues)
            if (queue.trigger && queue.trigger->function == function) {
                options.queue = queue.name;
                break;
            }
        break;
    case EventTemplateKind::WebSocketMessage:
        break;
    }
    return options;
}

QByteArray EventTemplateChoices::eventFor(EventTemplateKind kind, const Project &project,
                                          const QString &function) {
    return QByteArray::fromStdString(generateEvent(kind, optionsFor(kind, project, function))
                                         .dump(2, ' ', false, OrderedJson::error_handler_t::replace));
}

} // namespace gatehouse
