#include "EntityAccess.h"

namespace gatehouse {

QString jsonPathOf(const EntityRef &ref) {
    const auto item = [](const char *list, int index) {
        return QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(index);
    };
    switch (ref.kind) {
    case EntityKind::Project:
        return {};
    case EntityKind::Function:
        return item("functions", ref.index);
    case EntityKind::Api:
        return item("apis", ref.index);
    case EntityKind::Route:
        return item("apis", ref.index) + QLatin1Char('.') + item("routes", ref.subIndex);
    case EntityKind::Stage:
        return item("apis", ref.index) + QLatin1Char('.') + item("stages", ref.subIndex);
    case EntityKind::Authorizer:
        return item("authorizers", ref.index);
    case EntityKind::Bucket:
        return item("buckets", ref.index);
    case EntityKind::Schedule:
        return item("schedules", ref.index);
    case EntityKind::Queue:
        return item("queues", ref.index);
    case EntityKind::Request:
        return item("requests", ref.index);
    }
    return {};
}

} // namespace gatehouse
