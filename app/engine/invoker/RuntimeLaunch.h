// How each process runtime starts: which program with which arguments and environment, found where.
#pragma once

#include "ExecutionEnvironment.h"

#include <QProcessEnvironment>
#include <QStringList>

namespace gatehouse::runtimelaunch {

enum class Family { None, Node, Python, Provided };
// nodejs<N>.x → Node, python3.<N> → Python, provided / provided.al2 / provided.al2023 → Provided.
Family familyOf(const QString &runtime);

struct Plan {
    Family family = Family::None;
    QString program;
    QStringList arguments;
    QString runtimeDir;   // LAMBDA_RUNTIME_DIR: the shim folder (empty for provided)
    QString executionEnv; // AWS_EXECUTION_ENV ("AWS_Lambda_nodejs20.x"); Lambda sets none for provided
    // Non-empty when the runtime cannot start on this machine: what is missing and how to fix it.
    QString problem;
    bool ok() const { return problem.isEmpty(); }
};

// Interpreters: every nodejs* runtime runs on the one Node.js found (GATEHOUSE_NODE, else `node` on
// PATH, else /usr/bin/node) and every python3.* on the one Python (GATEHOUSE_PYTHON, else
// /usr/bin/python3 — preferred to PATH, where a pyenv shim costs ~150 ms per start — else `python3` on
// PATH), whatever version the runtime names: a function written for nodejs22.x runs on the installed
// Node.js even when that is version 20. `provided*` runs <code dir>/bootstrap.
Plan plan(const EnvironmentSpec &spec);

// The folder standing in for the modules Lambda's Node.js runtimes provide (the AWS SDK for JavaScript
// v3, "Lambda runtimes" in the Lambda guide): GATEHOUSE_NODE_RUNTIME_MODULES, else
// $XDG_DATA_HOME/gatehouse/node-runtime-modules (~/.local/share/... without XDG_DATA_HOME), where
// install-deps.sh installs the SDK clients the sample project uses. Holds a node_modules folder; it may
// not exist.
QString nodeRuntimeModulesDir();

// The runtime's whole environment. Nothing is inherited from Gatehouse's own: Lambda's variables for
// the function (EnvironmentSpec::variables) and AWS_LAMBDA_RUNTIME_API, plus PATH set as Lambda sets
// it (the interpreter's folder, then /usr/local/bin:/usr/bin:/bin) so that a bootstrap or a handler
// finds the usual tools, and LAMBDA_RUNTIME_DIR pointing at the shims. For nodejs*, when
// nodeRuntimeModulesDir()/node_modules exists, _GATEHOUSE_RUNTIME_NODE_MODULES names it for the bootstrap
// (which removes it before the function runs).
QProcessEnvironment environment(const EnvironmentSpec &spec, const Plan &plan, const QString &runtimeApi);

} // namespace gatehouse::runtimelaunch
