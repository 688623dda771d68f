#include "RuntimeSupport.h"

#include "JsEnvironment.h"

#include <QCoreApplication>

namespace gatehouse::runtimesupport {

bool isSupported(const QString &runtime) {
    return runtime == QLatin1String("javascript");
}

QString unsupportedMessage(const QString &runtime) {
    return QCoreApplication::translate("gatehouse::Invoker",
                                       "runtime '%1' is not supported by this build yet")
        .arg(runtime);
}

ExecutionEnvironment *createEnvironment(EnvironmentSpec spec, QObject *parent) {
    // The process runtimes (nodejs*, python*, provided*) join here as ExecutionEnvironment subclasses
    // that start a child process speaking the Runtime API.
    if (spec.function.runtime == QLatin1String("javascript"))
        return new JsEnvironment(std::move(spec), parent);
    return nullptr;
}

} // namespace gatehouse::runtimesupport
