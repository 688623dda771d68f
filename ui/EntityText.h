// User-facing words for the parts of a project: group titles, kind names, and one-line details.
#pragma once

#include "document/EntityRef.h"
#include "project/Project.h"

#include <QCoreApplication>

namespace gatehouse {

class EntityText {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::EntityText)
public:
    // "APIs", "Functions", ...: the title of a group of entities.
    static QString groupTitle(EntityKind kind);
    // "function", "API", ...: a kind in running text ("Rename function 'a' to 'b'").
    static QString kindName(EntityKind kind);
    static QString apiType(ApiType type);
    static QString authorizerType(AuthorizerType type);
    // The short detail shown beside an entity: an API's type, a function's runtime, a route's target.
    static QString detail(const Project &project, const EntityRef &ref);
    // Several lines for a tooltip: description, code location, limits.
    static QString toolTip(const Project &project, const EntityRef &ref);
};

} // namespace gatehouse
