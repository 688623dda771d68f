// <project>/.gatehouse/: the project's local state (bucket contents, request history, saved events,
// test keys, the endpoints file of a running serve), never part of the project itself. Whoever writes
// there first creates it with a .gitignore of `*`, so a committed project leaves it out.
#pragma once

#include <QString>

namespace gatehouse {

// Creates <projectFolder>/.gatehouse and its .gitignore when missing; returns the folder's path, or
// an empty string with `error` (optional) saying what could not be created.
QString ensureLocalStateFolder(const QString &projectFolder, QString *error = nullptr);

} // namespace gatehouse
