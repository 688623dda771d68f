#include "CollectionRun.h"

#include "Console.h"
#include "ProjectLoading.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

} // namespace

std::optional<ProjectFile::LoadResult> loadProjectToRun(const QString &argument, const QString &hasErrors,
                                                        QString *filePath) {
    *filePath = ProjectFile::resolveProjectFile(argument);
    if (!QFileInfo(*filePath).isFile()) {
        printErr(tr("gatehouse: cannot read %1: no such project").arg(argument));
        return std::nullopt;
    }
    bool unreadable = false;
    std::optional<ProjectFile::LoadResult> loaded = loadRunnableProject(*filePath, &unreadable);
    if (!loaded) printErr(hasErrors.arg(*filePath));
    return loaded;
}

EnvironmentChoice chooseEnvironment(const Project &project, const QString &requested,
                                    const QString &filePath) {
    if (requested.isEmpty())
        return {true, project.environments.isEmpty() ? nullptr : &project.environments.first()};
    for (const VariableSet &set : project.environments)
        if (set.name == requested) return {true, &set};
    const QStringList names = namesOf(project.environments);
    printErr(tr("gatehouse: no environment '%1' in %2 (environments: %3)")
                 .arg(requested, filePath, names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))));
    return {false, nullptr};
}

bool startCloudForRun(LocalCloud &cloud, const Project &project, const QString &folder) {
    cloud.setGatewayObserver([](const GatewayEvent &event) {
        if (event.kind != GatewayEvent::Kind::AccessLog)
            printErr(event.apiName + QLatin1Char(' ') + event.requestId + QLatin1Char(' ') + event.text);
    });
    const LocalGateway::Outcome started = cloud.start(project, folder);
    for (const QString &notice : started.notices)
        printErr(tr("gatehouse: note: %1").arg(notice));
    for (const QString &error : started.errors)
        printErr(tr("gatehouse: %1").arg(error));
    return started.ok();
}

testing::VariableMap runVariablesFor(const VariableSet *environment, const LocalCloud &cloud) {
    return testing::runVariables(environment ? testing::environmentVariables(*environment)
                                             : testing::VariableMap(),
                                 testing::localEndpointVariables(cloud.endpointsJson()));
}

} // namespace gatehouse::cli
