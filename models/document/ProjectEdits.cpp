#include "ProjectEdits.h"

namespace gatehouse::ProjectEdits {

namespace {

// Calls `visit` with the named list that holds entities of `kind`; returns false for kinds that
// are not top-level lists (project, route, stage).
template <typename Project_, typename Visitor>
bool withList(Project_ &project, EntityKind kind, Visitor &&visit) {
    switch (kind) {
    case EntityKind::Function:
        visit(project.functions);
        return true;
    case EntityKind::Api:
        visit(project.apis);
        return true;
    case EntityKind::Authorizer:
        visit(project.authorizers);
        return true;
    case EntityKind::Bucket:
        visit(project.buckets);
        return true;
    case EntityKind::Schedule:
        visit(project.schedules);
        return true;
    case EntityKind::Queue:
        visit(project.queues);
        return true;
    case EntityKind::Request:
        visit(project.requests);
        return true;
    case EntityKind::Project:
    case EntityKind::Route:
    case EntityKind::Stage:
        return false;
    }
    return false;
}

void replaceIfEqual(QString &value, const QString &from, const QString &to) {
    if (value == from) value = to;
}

template <typename List> void renameIn(List &list, const QString &from, const QString &to) {
    for (auto &item : list)
        replaceIfEqual(item.name, from, to);
}

} // namespace

bool exists(const Project &project, const EntityRef &ref) {
    if (ref.kind == EntityKind::Project) return true;
    if (ref.index < 0) return false;
    if (ref.kind == EntityKind::Route || ref.kind == EntityKind::Stage) {
        if (ref.index >= project.apis.size() || ref.subIndex < 0) return false;
        const Api &api = project.apis[ref.index];
        return ref.subIndex < (ref.kind == EntityKind::Route ? api.routes.size() : api.stages.size());
    }
    bool found = false;
    withList(project, ref.kind, [&](const auto &list) { found = ref.index < list.size(); });
    return found;
}

QString nameOf(const Project &project, const EntityRef &ref) {
    if (!exists(project, ref)) return {};
    switch (ref.kind) {
    case EntityKind::Project:
        return project.name;
    case EntityKind::Route: {
        const Api &api = project.apis[ref.index];
        return routeKeyOf(api.routes[ref.subIndex], api.type);
    }
    case EntityKind::Stage:
        return project.apis[ref.index].stages[ref.subIndex].name;
    default:
        break;
    }
    QString name;
    withList(project, ref.kind, [&](const auto &list) { name = list[ref.index].name; });
    return name;
}

QStringList namesOf(const Project &project, EntityKind kind) {
    QStringList names;
    withList(project, kind, [&](const auto &list) {
        for (const auto &item : list)
            names.append(item.name);
    });
    return names;
}

int countOf(const Project &project, EntityKind kind) {
    int count = 0;
    withList(project, kind, [&](const auto &list) { count = int(list.size()); });
    return count;
}

bool isRenamable(EntityKind kind) {
    Project probe;
    return withList(probe, kind, [](const auto &) {});
}

QString uniqueName(const QStringList &taken, const QString &base) {
    if (!taken.contains(base)) return base;
    for (int n = 2;; ++n) {
        const QString candidate = base + QString::number(n);
        if (!taken.contains(candidate)) return candidate;
    }
}

namespace {

void rewriteFunctionReferences(Project &project, const QString &from, const QString &to) {
    for (Api &api : project.apis)
        for (Route &route : api.routes)
            replaceIfEqual(route.integration.function, from, to);
    for (Authorizer &authorizer : project.authorizers)
        replaceIfEqual(authorizer.function, from, to);
    for (Bucket &bucket : project.buckets)
        for (BucketNotification &notification : bucket.notifications)
            replaceIfEqual(notification.function, from, to);
    for (Schedule &schedule : project.schedules)
        replaceIfEqual(schedule.function, from, to);
    for (Queue &queue : project.queues)
        if (queue.trigger) replaceIfEqual(queue.trigger->function, from, to);
    for (Function &function : project.functions) {
        replaceIfEqual(function.asyncInvoke.onSuccess.function, from, to);
        replaceIfEqual(function.asyncInvoke.onFailure.function, from, to);
    }
}

void rewriteAuthorizerReferences(Project &project, const QString &from, const QString &to) {
    for (Api &api : project.apis)
        for (Route &route : api.routes)
            replaceIfEqual(route.authorizer, from, to);
}

void rewriteQueueReferences(Project &project, const QString &from, const QString &to) {
    for (Queue &queue : project.queues)
        replaceIfEqual(queue.deadLetterQueue, from, to);
    for (Function &function : project.functions) {
        replaceIfEqual(function.deadLetterQueue, from, to);
        replaceIfEqual(function.asyncInvoke.onSuccess.queue, from, to);
        replaceIfEqual(function.asyncInvoke.onFailure.queue, from, to);
    }
}

} // namespace

Project renameFunction(Project project, const QString &from, const QString &to) {
    renameIn(project.functions, from, to);
    rewriteFunctionReferences(project, from, to);
    return project;
}

Project renameAuthorizer(Project project, const QString &from, const QString &to) {
    renameIn(project.authorizers, from, to);
    rewriteAuthorizerReferences(project, from, to);
    return project;
}

Project renameQueue(Project project, const QString &from, const QString &to) {
    renameIn(project.queues, from, to);
    rewriteQueueReferences(project, from, to);
    return project;
}

Project renameEntity(Project project, const EntityRef &ref, const QString &newName) {
    if (!isRenamable(ref.kind) || !exists(project, ref)) return project;
    const QString oldName = nameOf(project, ref);
    if (oldName == newName) return project;
    // Only the named entity changes, even when a duplicate shares its old name (the validator
    // already reports duplicates); the references follow it.
    withList(project, ref.kind, [&](auto &list) { list[ref.index].name = newName; });
    switch (ref.kind) {
    case EntityKind::Function:
        rewriteFunctionReferences(project, oldName, newName);
        break;
    case EntityKind::Authorizer:
        rewriteAuthorizerReferences(project, oldName, newName);
        break;
    case EntityKind::Queue:
        rewriteQueueReferences(project, oldName, newName);
        break;
    default:
        break;
    }
    return project;
}

Project removeEntity(Project project, const EntityRef &ref) {
    if (ref.kind == EntityKind::Project || !exists(project, ref)) return project;
    if (ref.kind == EntityKind::Route) {
        project.apis[ref.index].routes.removeAt(ref.subIndex);
    } else if (ref.kind == EntityKind::Stage) {
        project.apis[ref.index].stages.removeAt(ref.subIndex);
    } else {
        withList(project, ref.kind, [&](auto &list) { list.removeAt(ref.index); });
    }
    return project;
}

} // namespace gatehouse::ProjectEdits
