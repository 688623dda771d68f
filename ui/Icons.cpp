#include "Icons.h"

#include "project/Api.h"

namespace gatehouse::Icons {

namespace {
QIcon load(const char *name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}
} // namespace

QIcon forKind(EntityKind kind) {
    switch (kind) {
    case EntityKind::Project:
        return application();
    case EntityKind::Function:
        return load("function");
    case EntityKind::Api:
        return load("api");
    case EntityKind::Route:
        return load("route");
    case EntityKind::Stage:
        return load("stage");
    case EntityKind::Authorizer:
        return load("authorizer");
    case EntityKind::Bucket:
        return load("bucket");
    case EntityKind::Schedule:
        return load("schedule");
    case EntityKind::Queue:
        return load("queue");
    case EntityKind::Request:
        return load("request");
    }
    return {};
}

QIcon forApiType(int apiType) {
    switch (ApiType(apiType)) {
    case ApiType::Http:
        return load("api");
    case ApiType::Rest:
        return load("api-rest");
    case ApiType::WebSocket:
        return load("api-websocket");
    }
    return load("api");
}

QIcon forSeverity(Diagnostic::Severity severity) {
    return severity == Diagnostic::Severity::Error ? load("error") : load("warning");
}

QIcon application() {
    return load("gatehouse");
}
QIcon healthy() {
    return load("ok");
}

} // namespace gatehouse::Icons
