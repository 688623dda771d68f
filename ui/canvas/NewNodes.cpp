#include "NewNodes.h"

#include "EntityText.h"
#include "Icons.h"
#include "cloud/LocalCloud.h"
#include "commands/AddFunctionCommand.h"
#include "document/ProjectEdits.h"

namespace gatehouse {

namespace {

// Default names are identifiers in templates and URLs, so they stay ASCII in every language.
QString uniqueName(const Project &project, EntityKind kind, const char *base) {
    return ProjectEdits::uniqueName(ProjectEdits::namesOf(project, kind), QLatin1String(base));
}

Api newApi(const Project &project, ApiType type) {
    Api api;
    api.type = type;
    switch (type) {
    case ApiType::Http:
        api.name = uniqueName(project, EntityKind::Api, "http-api");
        api.stages = {Stage{}}; // "$default", served at the root as on AWS
        break;
    case ApiType::Rest:
        api.name = uniqueName(project, EntityKind::Api, "rest-api");
        api.stages = {Stage{QStringLiteral("dev"), {}, {}, {}, {}}};
        break;
    case ApiType::WebSocket:
        api.name = uniqueName(project, EntityKind::Api, "websocket-api");
        api.stages = {Stage{QStringLiteral("dev"), {}, {}, {}, {}}};
        break;
    }
    return api;
}

Route newRoute(const Api &api) {
    Route route;
    QStringList taken;
    for (const Route &r : api.routes)
        taken.append(api.type == ApiType::WebSocket ? r.routeKey : r.path);
    if (api.type == ApiType::WebSocket)
        route.routeKey = ProjectEdits::uniqueName(taken, QStringLiteral("action"));
    else
        route.path = ProjectEdits::uniqueName(taken, QStringLiteral("/items"));
    return route;
}

} // namespace

QList<NewNodes::Type> NewNodes::all() {
    return {Type::HttpApi,    Type::RestApi, Type::WebSocketApi, Type::Route, Type::Function,
            Type::Authorizer, Type::Bucket,  Type::Schedule,     Type::Queue};
}

QString NewNodes::label(Type type) {
    switch (type) {
    case Type::HttpApi:
        return apiTypeLabel(ApiType::Http);
    case Type::RestApi:
        return apiTypeLabel(ApiType::Rest);
    case Type::WebSocketApi:
        return apiTypeLabel(ApiType::WebSocket);
    case Type::Route:
        return tr("Route");
    case Type::Function:
        return tr("Function");
    case Type::Authorizer:
        return tr("Authorizer");
    case Type::Bucket:
        return tr("Bucket");
    case Type::Schedule:
        return tr("Schedule");
    case Type::Queue:
        return tr("Queue");
    }
    return {};
}

QString NewNodes::description(Type type) {
    switch (type) {
    case Type::HttpApi:
        return tr("An HTTP API: low-latency proxy to functions and URLs, JWT authorizers");
    case Type::RestApi:
        return tr("A REST API: API keys and usage plans, binary media types");
    case Type::WebSocketApi:
        return tr("A WebSocket API: $connect, $disconnect and message routes");
    case Type::Route:
        return tr("A route of an API: drop it onto the API it belongs to");
    case Type::Function:
        return tr("A Lambda function with a starter handler");
    case Type::Authorizer:
        return tr("A JWT, Lambda or API-key authorizer: wire it to the routes it protects");
    case Type::Bucket:
        return tr("An S3-style bucket whose uploads can invoke functions");
    case Type::Schedule:
        return tr("An EventBridge schedule (rate or cron) that invokes a function");
    case Type::Queue:
        return tr("An SQS-style queue that feeds a function in batches");
    }
    return {};
}

EntityKind NewNodes::kindOf(Type type) {
    switch (type) {
    case Type::HttpApi:
    case Type::RestApi:
    case Type::WebSocketApi:
        return EntityKind::Api;
    case Type::Route:
        return EntityKind::Route;
    case Type::Function:
        return EntityKind::Function;
    case Type::Authorizer:
        return EntityKind::Authorizer;
    case Type::Bucket:
        return EntityKind::Bucket;
    case Type::Schedule:
        return EntityKind::Schedule;
    case Type::Queue:
        return EntityKind::Queue;
    }
    return EntityKind::Project;
}

QIcon NewNodes::icon(Type type) {
    switch (type) {
    case Type::HttpApi:
        return Icons::forApiType(int(ApiType::Http));
    case Type::RestApi:
        return Icons::forApiType(int(ApiType::Rest));
    case Type::WebSocketApi:
        return Icons::forApiType(int(ApiType::WebSocket));
    default:
        return Icons::forKind(kindOf(type));
    }
}

NewNodes::Result NewNodes::add(const Project &project, Type type, std::optional<CanvasPoint> at,
                               int apiIndex) {
    Project after = project;
    EntityRef added{kindOf(type), -1, -1};
    QString name;
    // Top-level entities: placed at `at` and appended to their list.
    const auto append = [&](auto &list, auto item) {
        item.position = at;
        name = item.name;
        added.index = int(list.size());
        list.append(std::move(item));
    };
    const auto named = [&](auto item, const char *base) {
        item.name = uniqueName(project, added.kind, base);
        return item;
    };
    switch (type) {
    case Type::HttpApi:
        append(after.apis, newApi(project, ApiType::Http));
        break;
    case Type::RestApi:
        append(after.apis, newApi(project, ApiType::Rest));
        break;
    case Type::WebSocketApi:
        append(after.apis, newApi(project, ApiType::WebSocket));
        break;
    case Type::Route: {
        if (after.apis.isEmpty())
            return {std::nullopt, {}, tr("Add an API first, then drop the route onto it.")};
        if (apiIndex < 0 || apiIndex >= after.apis.size()) apiIndex = int(after.apis.size()) - 1;
        Api &api = after.apis[apiIndex];
        Route route = newRoute(api);
        route.position = at;
        added = {EntityKind::Route, apiIndex, int(api.routes.size())};
        name = routeKeyOf(route, api.type);
        api.routes.append(route);
        break;
    }
    case Type::Function:
        append(after.functions, AddFunctionCommand::newFunction(project));
        break;
    case Type::Authorizer:
        append(after.authorizers, named(Authorizer{}, "newAuthorizer"));
        break;
    case Type::Bucket:
        // S3 bucket names are lower case letters, digits, dots and hyphens.
        append(after.buckets, named(Bucket{}, "new-bucket"));
        break;
    case Type::Schedule: {
        Schedule schedule = named(Schedule{}, "newSchedule");
        schedule.expression = QStringLiteral("rate(5 minutes)");
        append(after.schedules, schedule);
        break;
    }
    case Type::Queue:
        append(after.queues, named(Queue{}, "newQueue"));
        break;
    }
    return {std::move(after), added, tr("Add %1 \u201c%2\u201d").arg(EntityText::kindName(added.kind), name)};
}

} // namespace gatehouse
