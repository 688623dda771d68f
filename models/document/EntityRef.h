// Names one part of a project (a function, an API, a route of an API, ...) by kind and position,
// so that views, diagnostics and undo commands can point at the same thing.
#pragma once

#include <QList>
#include <QString>

namespace gatehouse {

enum class EntityKind { Project, Function, Api, Route, Stage, Authorizer, Bucket, Schedule, Queue, Request };

struct EntityRef {
    EntityKind kind = EntityKind::Project;
    int index = -1;    // position in its list (for routes and stages: of the API)
    int subIndex = -1; // routes and stages: position inside the API

    bool operator==(const EntityRef &) const = default;
    bool isValid() const { return kind == EntityKind::Project || index >= 0; }
};

// Parses the start of a diagnostic JSON path ("apis[0].routes[2].path") into the entity it names.
EntityRef entityRefFromJsonPath(const QString &path);

} // namespace gatehouse
