// Pure edits on a project value (rename with reference updates, remove, unique names): the domain
// half of the undo commands in ui/commands, kept here so that every layer renames the same way.
#pragma once

#include "EntityRef.h"
#include "project/Project.h"

#include <QStringList>

namespace gatehouse::ProjectEdits {

// Whether `ref` names an entity that exists in `project` (a route: its API and the route).
bool exists(const Project &project, const EntityRef &ref);
// The name the user sees: an entity's name, or a route's key ("GET /hello"); empty when absent.
QString nameOf(const Project &project, const EntityRef &ref);
// Names taken by entities of `kind` (used to keep new and renamed names unique).
QStringList namesOf(const Project &project, EntityKind kind);
// How many entities of `kind` the project has (0 for kinds that are not top-level lists).
int countOf(const Project &project, EntityKind kind);
// Functions, APIs, authorizers, buckets, schedules, queues and saved requests have names to edit.
bool isRenamable(EntityKind kind);
// `base`, or `base2`, `base3`, ... whichever is not in `taken`.
QString uniqueName(const QStringList &taken, const QString &base);

// Renames and rewrites every reference to the old name: route integrations, Lambda authorizers,
// bucket notifications, schedule targets and queue triggers.
Project renameFunction(Project project, const QString &from, const QString &to);
// Renames and rewrites the routes that use the authorizer.
Project renameAuthorizer(Project project, const QString &from, const QString &to);
// Renames and rewrites the dead-letter references of other queues.
Project renameQueue(Project project, const QString &from, const QString &to);
// Renames any renamable entity, updating references as above. Returns `project` unchanged when
// `ref` names nothing renamable.
Project renameEntity(Project project, const EntityRef &ref, const QString &newName);

// Removes the entity. References to it are left as they are, so validation shows them dangling.
Project removeEntity(Project project, const EntityRef &ref);

} // namespace gatehouse::ProjectEdits
