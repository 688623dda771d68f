#include "RuntimeSupport.h"

#include "JsEnvironment.h"
#include "ProcessEnvironment.h"
#include "RuntimeLaunch.h"

#include <QCoreApplication>

namespace gatehouse::runtimesupport {

bool isSupported(const QString &runtime) {
    // Process runtimes count as supported even when their interpreter is missing on this machine: the
    // invocation then fails with a message that says what to install (InvalidRuntimeException).
    return runtime == QLatin1String("javascript") ||
           runtimelaunch::familyOf(runtime) != runtimelaunch::Family::None;
}

QString unsupportedMessage(const QString &runtime) {
    return QCoreApplication::translate("gatehouse::Invoker",
                                       "runtime '%1' is not supported by this build yet")
        .arg(runtime);
}

bool takesPrebuiltEvents(const QString &runtime) {
    return runtime == QLatin1String("javascript");
}

ExecutionEnvironment *createEnvironment(EnvironmentSpec spec, QObject *parent) {
    if (spec.function.runtime == QLatin1String("javascript"))
        return new JsEnvironment(std::move(spec), parent);
    // nodejs*, python3.*, provided*: a child process speaking the Runtime API.
    if (runtimelaunch::familyOf(spec.function.runtime) != runtimelaunch::Family::None)
        return new ProcessEnvironment(std::move(spec), parent);
    return nullptr;
}

} // namespace gatehouse::runtimesupport
