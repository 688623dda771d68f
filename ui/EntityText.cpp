#include "EntityText.h"

#include "document/ProjectEdits.h"

namespace gatehouse {

namespace {
const QString kArrow = QStringLiteral("\u2192 ");
const QString kDot = QStringLiteral(" \u00b7 ");
} // namespace

QString EntityText::groupTitle(EntityKind kind) {
    switch (kind) {
    case EntityKind::Api:
        return tr("APIs");
    case EntityKind::Function:
        return tr("Functions");
    case EntityKind::Authorizer:
        return tr("Authorizers");
    case EntityKind::Bucket:
        return tr("Buckets");
    case EntityKind::Schedule:
        return tr("Schedules");
    case EntityKind::Queue:
        return tr("Queues");
    case EntityKind::Request:
        return tr("Saved requests");
    case EntityKind::Route:
        return tr("Routes");
    case EntityKind::Stage:
        return tr("Stages");
    case EntityKind::Project:
        return tr("Project");
    }
    return {};
}

QString EntityText::kindName(EntityKind kind) {
    switch (kind) {
    case EntityKind::Api:
        return tr("API");
    case EntityKind::Function:
        return tr("function");
    case EntityKind::Authorizer:
        return tr("authorizer");
    case EntityKind::Bucket:
        return tr("bucket");
    case EntityKind::Schedule:
        return tr("schedule");
    case EntityKind::Queue:
        return tr("queue");
    case EntityKind::Request:
        return tr("saved request");
    case EntityKind::Route:
        return tr("route");
    case EntityKind::Stage:
        return tr("stage");
    case EntityKind::Project:
        return tr("project");
    }
    return {};
}

QString EntityText::apiType(ApiType type) {
    switch (type) {
    case ApiType::Http:
        return tr("HTTP");
    case ApiType::Rest:
        return tr("REST");
    case ApiType::WebSocket:
        return tr("WebSocket");
    }
    return {};
}

QString EntityText::authorizerType(AuthorizerType type) {
    switch (type) {
    case AuthorizerType::Jwt:
        return tr("JWT");
    case AuthorizerType::Lambda:
        return tr("Lambda");
    case AuthorizerType::ApiKey:
        return tr("API key");
    }
    return {};
}

QString EntityText::detail(const Project &project, const EntityRef &ref) {
    if (!ProjectEdits::exists(project, ref)) return {};
    switch (ref.kind) {
    case EntityKind::Api:
        return apiType(project.apis[ref.index].type);
    case EntityKind::Route: {
        const Route &route = project.apis[ref.index].routes[ref.subIndex];
        QString text;
        switch (route.integration.type) {
        case IntegrationType::Lambda:
            text = kArrow + route.integration.function;
            break;
        case IntegrationType::HttpProxy:
            text = kArrow + route.integration.url;
            break;
        case IntegrationType::Mock:
            text = tr("mock %1").arg(route.integration.mockStatusCode);
            break;
        }
        if (!route.authorizer.isEmpty()) text += kDot + route.authorizer;
        return text;
    }
    case EntityKind::Function:
        return project.functions[ref.index].runtime;
    case EntityKind::Authorizer:
        return authorizerType(project.authorizers[ref.index].type);
    case EntityKind::Bucket: {
        const int n = int(project.buckets[ref.index].notifications.size());
        return n == 0 ? QString() : tr("%n notification(s)", "", n);
    }
    case EntityKind::Schedule: {
        const Schedule &schedule = project.schedules[ref.index];
        return schedule.enabled ? schedule.expression : tr("%1 (disabled)").arg(schedule.expression);
    }
    case EntityKind::Queue: {
        const Queue &queue = project.queues[ref.index];
        QString text = queue.fifo ? tr("FIFO") : tr("standard");
        if (queue.trigger) text += kDot + kArrow + queue.trigger->function;
        return text;
    }
    case EntityKind::Request:
        return project.requests[ref.index].method;
    case EntityKind::Stage:
    case EntityKind::Project:
        return {};
    }
    return {};
}

QString EntityText::toolTip(const Project &project, const EntityRef &ref) {
    if (!ProjectEdits::exists(project, ref)) return {};
    QStringList lines;
    switch (ref.kind) {
    case EntityKind::Api: {
        const Api &api = project.apis[ref.index];
        lines << tr("%1 API").arg(apiType(api.type));
        if (!api.description.isEmpty()) lines << api.description;
        lines << tr("%n route(s)", "", int(api.routes.size()))
              << tr("%n stage(s)", "", int(api.stages.size()));
        break;
    }
    case EntityKind::Function: {
        const Function &function = project.functions[ref.index];
        if (!function.description.isEmpty()) lines << function.description;
        lines << tr("Runtime: %1").arg(function.runtime) << tr("Handler: %1").arg(function.handler)
              << tr("Code: %1").arg(function.codeUri)
              << tr("%1 MB, %2 s timeout").arg(function.memoryMB).arg(function.timeoutSeconds);
        break;
    }
    case EntityKind::Request: {
        const SavedRequest &request = project.requests[ref.index];
        lines << request.method + QLatin1Char(' ') + request.url;
        break;
    }
    default: {
        const QString text = detail(project, ref);
        lines << ProjectEdits::nameOf(project, ref);
        if (!text.isEmpty()) lines << text;
        break;
    }
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace gatehouse
