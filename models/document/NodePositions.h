// Where nodes sit on the designer canvas: each entity that has a node (functions, APIs, routes,
// authorizers, buckets, schedules, queues) keeps an optional position in the project value itself.
#pragma once

#include "EntityRef.h"
#include "project/Project.h"

namespace gatehouse::NodePositions {

// Whether entities of `kind` appear as nodes on the canvas (stages and saved requests do not).
bool hasNode(EntityKind kind);
// The stored position, unset when the node is placed by the automatic layout (or `ref` names nothing).
std::optional<CanvasPoint> positionOf(const Project &project, const EntityRef &ref);
// `project` with `ref`'s position set (or cleared with nullopt); unchanged when `ref` names nothing.
Project withPosition(Project project, const EntityRef &ref, std::optional<CanvasPoint> position);
// Every stored position cleared: the whole canvas goes back to the automatic layout.
Project withoutPositions(Project project);

} // namespace gatehouse::NodePositions
