#include "EntityRef.h"

#include <QRegularExpression>

namespace gatehouse {

EntityRef entityRefFromJsonPath(const QString &path) {
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(functions|apis|authorizers|buckets|schedules|queues|requests)\[(\d+)\](?:\.(routes|stages)\[(\d+)\])?)"));
    const auto match = pattern.match(path);
    if (!match.hasMatch()) return {};
    static const QList<std::pair<QString, EntityKind>> kinds = {
        {QStringLiteral("functions"), EntityKind::Function},
        {QStringLiteral("apis"), EntityKind::Api},
        {QStringLiteral("authorizers"), EntityKind::Authorizer},
        {QStringLiteral("buckets"), EntityKind::Bucket},
        {QStringLiteral("schedules"), EntityKind::Schedule},
        {QStringLiteral("queues"), EntityKind::Queue},
        {QStringLiteral("requests"), EntityKind::Request}};
    EntityRef ref;
    for (const auto &[name, kind] : kinds)
        if (name == match.captured(1)) ref.kind = kind;
    ref.index = match.captured(2).toInt();
    if (match.hasCaptured(3) && !match.captured(3).isEmpty()) {
        ref.kind = match.captured(3) == QLatin1String("routes") ? EntityKind::Route : EntityKind::Stage;
        ref.subIndex = match.captured(4).toInt();
    }
    return ref;
}

} // namespace gatehouse
