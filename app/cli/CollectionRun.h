// What `gatehouse test` and `gatehouse load` share before they send anything: the environment that
// --env names, and the project's local cloud started on free ports with its variables.
#pragma once

#include "cloud/LocalCloud.h"
#include "io/ProjectFile.h"
#include "testing/RequestVariables.h"

#include <QStringList>
#include <optional>

namespace gatehouse::cli {

template <typename List> QStringList namesOf(const List &list) {
    QStringList names;
    for (const auto &item : list)
        names.append(item.name);
    return names;
}

// The project that PROJECT (a folder or its gatehouse.json) names, read and valid, with `filePath` set
// to its file; nullopt after printing why not — `hasErrors` is a "%1 has errors" message for the file.
std::optional<ProjectFile::LoadResult> loadProjectToRun(const QString &argument, const QString &hasErrors,
                                                        QString *filePath);

struct EnvironmentChoice {
    bool ok = true;                           // false: the named environment does not exist (printed)
    const VariableSet *environment = nullptr; // null: the project has none
};

// The environment called `requested`, or the project's first when `requested` is empty, as in
// Postman's runner; an unknown name is printed on stderr with the names there are.
EnvironmentChoice chooseEnvironment(const Project &project, const QString &requested,
                                    const QString &filePath);

// Starts the cloud for a run, printing its notices, its errors and the gateway's errors (access logs
// stay out of the report: one per request). False when it did not start.
bool startCloudForRun(LocalCloud &cloud, const Project &project, const QString &folder);

// The environment's variables overlaid with the running cloud's API URLs.
testing::VariableMap runVariablesFor(const VariableSet *environment, const LocalCloud &cloud);

} // namespace gatehouse::cli
