#include "CanvasLayout.h"

#include "document/NodePositions.h"

#include <algorithm>

namespace gatehouse {

namespace {

constexpr qreal kRowStep = CanvasLayout::kNodeSize.height() + CanvasLayout::kRowGap;

qreal columnX(int column) {
    return column * (CanvasLayout::kNodeSize.width() + CanvasLayout::kColumnGap);
}

// Places nodes of one column top to bottom at their wanted y when free, else just below the previous.
void stack(QList<std::pair<EntityRef, qreal>> wanted, int column, QHash<quint64, QPointF> &out) {
    std::stable_sort(wanted.begin(), wanted.end(),
                     [](const auto &a, const auto &b) { return a.second < b.second; });
    qreal next = 0;
    for (const auto &[ref, y] : wanted) {
        const qreal top = std::max(y, next);
        out.insert(nodeKey(ref), QPointF(columnX(column), top));
        next = top + kRowStep;
    }
}

} // namespace

QList<CanvasLayout::Placement> CanvasLayout::compute(const Project &project, const QList<Link> &links) {
    QHash<quint64, QPointF> automatic;
    QList<EntityRef> order;

    // Column 1: routes, API after API, with a gap between the groups; each API faces its routes.
    QList<std::pair<EntityRef, qreal>> sources;
    qreal y = 0;
    for (int a = 0; a < project.apis.size(); ++a) {
        const Api &api = project.apis[a];
        const qreal groupTop = y;
        for (int r = 0; r < api.routes.size(); ++r) {
            const EntityRef ref{EntityKind::Route, a, r};
            automatic.insert(nodeKey(ref), QPointF(columnX(1), y));
            y += kRowStep;
        }
        const qreal groupHeight = std::max(qreal(0), y - groupTop - kRowGap);
        const qreal apiTop =
            api.routes.isEmpty() ? groupTop : groupTop + (groupHeight - kNodeSize.height()) / 2;
        sources.append({EntityRef{EntityKind::Api, a, -1}, apiTop});
        if (api.routes.isEmpty()) y += kRowStep;
        y += kGroupGap;
    }

    // Column 0: APIs where their routes are, then the other sources below them, in project order.
    QSet<int> deadLetterOnly;
    QSet<int> consumedQueues;
    for (const Link &link : links) {
        if (link.kind == LinkKind::QueueTrigger) consumedQueues.insert(link.from.index);
        if ((link.kind == LinkKind::DeadLetter || link.kind == LinkKind::AsyncDestination) &&
            link.to.kind == EntityKind::Queue)
            deadLetterOnly.insert(link.to.index);
    }
    for (int q : consumedQueues)
        deadLetterOnly.remove(q);
    qreal below = y;
    const auto appendSources = [&](EntityKind kind, qsizetype count) {
        for (int i = 0; i < count; ++i) {
            if (kind == EntityKind::Queue && deadLetterOnly.contains(i)) continue;
            sources.append({EntityRef{kind, i, -1}, below});
            below += kRowStep;
        }
    };
    appendSources(EntityKind::Authorizer, project.authorizers.size());
    appendSources(EntityKind::Bucket, project.buckets.size());
    appendSources(EntityKind::Schedule, project.schedules.size());
    appendSources(EntityKind::Queue, project.queues.size());
    stack(sources, 0, automatic);

    // Column 2: each function at the mean height of what wires into it (barycentre ordering keeps
    // wires short and mostly uncrossed); unwired functions follow the rest.
    QHash<int, std::pair<qreal, int>> pull; // function index -> (sum of y, count)
    for (const Link &link : links) {
        if (link.to.kind != EntityKind::Function) continue;
        const QPointF from = automatic.value(nodeKey(link.from), QPointF(0, -1));
        if (from.y() < 0) continue;
        auto &[sum, count] = pull[link.to.index];
        sum += from.y();
        ++count;
    }
    QList<std::pair<EntityRef, qreal>> functions;
    qreal unwired = std::max(y, below);
    for (int f = 0; f < project.functions.size(); ++f) {
        const auto it = pull.constFind(f);
        if (it != pull.constEnd()) {
            functions.append({EntityRef{EntityKind::Function, f, -1}, it->first / it->second});
        } else {
            functions.append({EntityRef{EntityKind::Function, f, -1}, unwired});
            unwired += kRowStep;
        }
    }
    stack(functions, 2, automatic);

    // Column 3: queues that only receive dead letters, beside the functions that fail into them.
    QList<std::pair<EntityRef, qreal>> deadLetters;
    for (int q : deadLetterOnly) {
        qreal sum = 0;
        int count = 0;
        for (const Link &link : links)
            if ((link.kind == LinkKind::DeadLetter || link.kind == LinkKind::AsyncDestination) &&
                link.to.kind == EntityKind::Queue && link.to.index == q) {
                sum += automatic.value(nodeKey(link.from)).y();
                ++count;
            }
        deadLetters.append({EntityRef{EntityKind::Queue, q, -1}, count ? sum / count : 0});
    }
    std::sort(deadLetters.begin(), deadLetters.end(),
              [](const auto &a, const auto &b) { return a.first.index < b.first.index; });
    stack(deadLetters, 3, automatic);

    // The output order: sources, routes, functions, dead-letter queues.
    for (const auto &[ref, wantedY] : sources)
        order.append(ref);
    for (int a = 0; a < project.apis.size(); ++a)
        for (int r = 0; r < project.apis[a].routes.size(); ++r)
            order.append({EntityKind::Route, a, r});
    for (int f = 0; f < project.functions.size(); ++f)
        order.append({EntityKind::Function, f, -1});
    for (const auto &[ref, wantedY] : deadLetters)
        order.append(ref);

    QList<Placement> placements;
    placements.reserve(order.size());
    for (const EntityRef &ref : order) {
        if (const std::optional<CanvasPoint> stored = NodePositions::positionOf(project, ref))
            placements.append({ref, QPointF(stored->x, stored->y), true});
        else
            placements.append({ref, automatic.value(nodeKey(ref)), false});
    }
    return placements;
}

} // namespace gatehouse
