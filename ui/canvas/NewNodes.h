// What the palette creates: a new API, route, function, authorizer, bucket, schedule or queue with
// sensible defaults and a unique name, placed where it was dropped.
#pragma once

#include "document/EntityRef.h"
#include "project/Project.h"

#include <QCoreApplication>
#include <QIcon>

namespace gatehouse {

class NewNodes {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::NewNodes)
public:
    enum class Type { HttpApi, RestApi, WebSocketApi, Route, Function, Authorizer, Bucket, Schedule, Queue };

    struct Result {
        std::optional<Project> project; // unset when refused
        EntityRef added;
        QString text; // undo text, or the reason for a refusal
    };

    static QList<Type> all();
    static QString label(Type type);       // "HTTP API", "Route", ... (palette entries)
    static QString description(Type type); // one line for the palette's tooltip
    static QIcon icon(Type type);
    static EntityKind kindOf(Type type);

    // Adds one node of `type` at `at` (unset: the automatic layout places it). Routes go into API
    // `apiIndex`, or into the last API when it is -1; without any API the route is refused.
    static Result add(const Project &project, Type type, std::optional<CanvasPoint> at, int apiIndex = -1);
};

} // namespace gatehouse
