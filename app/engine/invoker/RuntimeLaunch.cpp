#include "RuntimeLaunch.h"

#include "RuntimeShims.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace gatehouse::runtimelaunch {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::runtimelaunch", text);
}

bool isExecutableFile(const QString &path) {
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

// The interpreter named by `variable`, else the first of `candidates` that exists ("" = look on PATH).
QString findInterpreter(const char *variable, const QStringList &candidates, const QString &name,
                        const QString &runtime, QString *problem) {
    if (const QString chosen = qEnvironmentVariable(variable); !chosen.isEmpty()) {
        if (isExecutableFile(chosen)) return chosen;
        *problem = tr("%1 is set to '%2', which is not an executable file (runtime '%3')")
                       .arg(QLatin1String(variable), chosen, runtime);
        return {};
    }
    for (const QString &candidate : candidates) {
        const QString path = candidate.isEmpty() ? QStandardPaths::findExecutable(name) : candidate;
        if (!path.isEmpty() && isExecutableFile(path)) return path;
    }
    QStringList places;
    for (const QString &candidate : candidates)
        places.append(candidate.isEmpty() ? QStringLiteral("PATH") : candidate);
    *problem = tr("runtime '%1' needs %2, which was not found (looked on %3): install it or set %4 to the "
                  "interpreter's path")
                   .arg(runtime, name, places.join(QLatin1String(", ")), QLatin1String(variable));
    return {};
}

} // namespace

Family familyOf(const QString &runtime) {
    static const QRegularExpression node(QStringLiteral("^nodejs\\d+\\.x$"));
    static const QRegularExpression python(QStringLiteral("^python3\\.\\d+$"));
    if (node.match(runtime).hasMatch()) return Family::Node;
    if (python.match(runtime).hasMatch()) return Family::Python;
    if (runtime == QLatin1String("provided") || runtime == QLatin1String("provided.al2") ||
        runtime == QLatin1String("provided.al2023"))
        return Family::Provided;
    return Family::None;
}

Plan plan(const EnvironmentSpec &spec) {
    const QString &runtime = spec.function.runtime;
    Plan p;
    p.family = familyOf(runtime);
    switch (p.family) {
    case Family::None:
        p.problem = tr("runtime '%1' does not run as a process").arg(runtime);
        return p;
    case Family::Provided:
        // Custom runtimes: Lambda runs the function's own bootstrap from the code folder
        // (runtimes-custom.md); a missing one is the function's error (Runtime.InvalidEntrypoint).
        p.program = spec.codeDir + QStringLiteral("/bootstrap");
        return p;
    case Family::Node:
        p.program = findInterpreter("GATEHOUSE_NODE", {QString(), QStringLiteral("/usr/bin/node")},
                                    QStringLiteral("node"), runtime, &p.problem);
        break;
    case Family::Python:
        p.program = findInterpreter("GATEHOUSE_PYTHON", {QStringLiteral("/usr/bin/python3"), QString()},
                                    QStringLiteral("python3"), runtime, &p.problem);
        break;
    }
    if (!p.ok()) return p;
    p.runtimeDir = runtimeshims::directory(&p.problem);
    if (!p.ok()) return p;
    p.executionEnv = QStringLiteral("AWS_Lambda_") + runtime;
    if (p.family == Family::Node) {
        p.arguments = {p.runtimeDir + QStringLiteral("/node/bootstrap.js")};
    } else {
        // -u: unbuffered stdout/stderr, so each line reaches the log as it is written (Lambda's Python
        // runtime writes its log records unbuffered too).
        p.arguments = {QStringLiteral("-u"), p.runtimeDir + QStringLiteral("/python/bootstrap.py")};
    }
    return p;
}

QString nodeRuntimeModulesDir() {
    if (const QString chosen = qEnvironmentVariable("GATEHOUSE_NODE_RUNTIME_MODULES"); !chosen.isEmpty())
        return chosen;
    // Spelled out rather than QStandardPaths::GenericDataLocation so that it is the same folder as
    // install-deps.sh's (Qt's test mode would move it) and so that the rule fits in the documentation.
    QString data = qEnvironmentVariable("XDG_DATA_HOME");
    if (!QDir::isAbsolutePath(data)) data = QDir::homePath() + QStringLiteral("/.local/share");
    return data + QStringLiteral("/gatehouse/node-runtime-modules");
}

QProcessEnvironment environment(const EnvironmentSpec &spec, const Plan &plan, const QString &runtimeApi) {
    QProcessEnvironment env; // empty: nothing of Gatehouse's own environment leaks into the function
    for (const NameValue &v : spec.variables(plan.executionEnv))
        env.insert(v.name, v.value);
    if (plan.executionEnv.isEmpty()) env.remove(QStringLiteral("AWS_EXECUTION_ENV"));
    if (!plan.runtimeDir.isEmpty()) env.insert(QStringLiteral("LAMBDA_RUNTIME_DIR"), plan.runtimeDir);
    env.insert(QStringLiteral("AWS_LAMBDA_RUNTIME_API"), runtimeApi);
    if (plan.family == Family::Node) {
        // Looked up at every process start (one stat), so that modules installed while Gatehouse runs
        // are found by the next cold start; absent, the bootstrap registers no module hook at all.
        const QString modules = nodeRuntimeModulesDir() + QStringLiteral("/node_modules");
        if (QFileInfo(modules).isDir())
            env.insert(QStringLiteral("_GATEHOUSE_RUNTIME_NODE_MODULES"),
                       QFileInfo(modules).absoluteFilePath());
    }
    // Lambda's PATH is /var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin; the interpreter's folder
    // stands in for /var/lang/bin.
    QStringList path;
    if (plan.family != Family::Provided) path.append(QFileInfo(plan.program).absolutePath());
    for (const char *dir : {"/usr/local/bin", "/usr/bin", "/bin"})
        if (!path.contains(QLatin1String(dir))) path.append(QLatin1String(dir));
    env.insert(QStringLiteral("PATH"), path.join(QLatin1Char(':')));
    return env;
}

} // namespace gatehouse::runtimelaunch
