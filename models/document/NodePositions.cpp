#include "NodePositions.h"

#include "ProjectEdits.h"

namespace gatehouse::NodePositions {

namespace {

// Calls `visit` with the position field of the entity `ref` names, if it exists and has one.
template <typename ProjectT, typename Visit>
void withField(ProjectT &project, const EntityRef &ref, Visit visit) {
    if (!ProjectEdits::exists(project, ref)) return;
    switch (ref.kind) {
    case EntityKind::Function:
        visit(project.functions[ref.index].position);
        break;
    case EntityKind::Api:
        visit(project.apis[ref.index].position);
        break;
    case EntityKind::Route:
        visit(project.apis[ref.index].routes[ref.subIndex].position);
        break;
    case EntityKind::Authorizer:
        visit(project.authorizers[ref.index].position);
        break;
    case EntityKind::Bucket:
        visit(project.buckets[ref.index].position);
        break;
    case EntityKind::Schedule:
        visit(project.schedules[ref.index].position);
        break;
    case EntityKind::Queue:
        visit(project.queues[ref.index].position);
        break;
    case EntityKind::Project:
    case EntityKind::Stage:
    case EntityKind::Request:
        break;
    }
}

template <typename List> void clearAll(List &list) {
    for (auto &item : list)
        item.position.reset();
}

} // namespace

bool hasNode(EntityKind kind) {
    switch (kind) {
    case EntityKind::Function:
    case EntityKind::Api:
    case EntityKind::Route:
    case EntityKind::Authorizer:
    case EntityKind::Bucket:
    case EntityKind::Schedule:
    case EntityKind::Queue:
        return true;
    case EntityKind::Project:
    case EntityKind::Stage:
    case EntityKind::Request:
        return false;
    }
    return false;
}

std::optional<CanvasPoint> positionOf(const Project &project, const EntityRef &ref) {
    std::optional<CanvasPoint> result;
    withField(project, ref, [&](const std::optional<CanvasPoint> &position) { result = position; });
    return result;
}

Project withPosition(Project project, const EntityRef &ref, std::optional<CanvasPoint> position) {
    withField(project, ref, [&](std::optional<CanvasPoint> &field) { field = position; });
    return project;
}

Project withoutPositions(Project project) {
    clearAll(project.functions);
    clearAll(project.authorizers);
    clearAll(project.buckets);
    clearAll(project.schedules);
    clearAll(project.queues);
    for (Api &api : project.apis) {
        api.position.reset();
        clearAll(api.routes);
    }
    return project;
}

} // namespace gatehouse::NodePositions
