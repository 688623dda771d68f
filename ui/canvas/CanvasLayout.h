// The automatic layout of the designer canvas: left to right, the sources (APIs, authorizers,
// buckets, schedules, queues), the routes grouped under their API, then the functions, ordered so
// that wires run as straight as they can; queues that only receive dead letters come last.
// Nodes with a stored position keep it; only unplaced nodes are laid out.
#pragma once

#include "Wiring.h"

#include <QHash>
#include <QPointF>
#include <QSizeF>

namespace gatehouse {

// A hashable key for a node: kind, index and (for routes) index inside the API.
inline quint64 nodeKey(const EntityRef &ref) {
    return (quint64(ref.kind) << 56) | (quint64(quint32(ref.index)) << 24) |
           quint64(quint32(ref.subIndex + 1) & 0xffffff);
}

struct CanvasLayout {
    static constexpr QSizeF kNodeSize{220, 56};
    static constexpr qreal kColumnGap = 110;
    static constexpr qreal kRowGap = 16;
    static constexpr qreal kGroupGap = 28;

    // Every node of `project` (see NodePositions::hasNode) and its top-left corner in scene
    // coordinates, in a stable order: sources, routes, functions, dead-letter queues.
    struct Placement {
        EntityRef ref;
        QPointF topLeft;
        bool stored = false; // the user put it there; false: the automatic layout did
    };
    static QList<Placement> compute(const Project &project, const QList<Link> &links);
};

} // namespace gatehouse
