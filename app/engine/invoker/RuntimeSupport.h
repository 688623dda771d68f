// Which Lambda runtimes this build can run, and the kind of execution environment that runs each.
#pragma once

#include "ExecutionEnvironment.h"

namespace gatehouse::runtimesupport {

bool isSupported(const QString &runtime);
// True for the runtime that builds events from a PrebuiltEvent (the embedded one); the others read the
// JSON text only, so a caller need not make one for them.
bool takesPrebuiltEvents(const QString &runtime);
// "runtime 'nodejs20.x' is not supported by this build yet"
QString unsupportedMessage(const QString &runtime);
// A new environment for spec.function.runtime, or nullptr when the runtime is not supported.
ExecutionEnvironment *createEnvironment(EnvironmentSpec spec, QObject *parent = nullptr);

} // namespace gatehouse::runtimesupport
