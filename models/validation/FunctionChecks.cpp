// Checks of the functions: names, runtimes, handlers, Lambda's limits, environment variables and,
// when the project folder is known, that the code is on disk where the handler says it is.
#include "NamingRules.h"
#include "ValidationChecks.h"
#include "code/HandlerFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace gatehouse::validation {

namespace {

const QStringList &supportedRuntimes() {
    static const QStringList runtimes = {
        QStringLiteral("javascript"), QStringLiteral("nodejs18.x"),   QStringLiteral("nodejs20.x"),
        QStringLiteral("nodejs22.x"), QStringLiteral("python3.9"),    QStringLiteral("python3.10"),
        QStringLiteral("python3.11"), QStringLiteral("python3.12"),   QStringLiteral("python3.13"),
        QStringLiteral("provided"),   QStringLiteral("provided.al2"), QStringLiteral("provided.al2023")};
    return runtimes;
}

// The engine runs more runtimes than Lambda still offers (nodejs16.x, python3.8); the project accepts
// only the supported ones.
RuntimeFamily supportedFamily(const QString &runtime) {
    return supportedRuntimes().contains(runtime) ? runtimeFamily(runtime) : RuntimeFamily::Unknown;
}

QString handlerHint(RuntimeFamily family) {
    if (family == RuntimeFamily::Python)
        return QCoreApplication::translate("gatehouse::Validation",
                                           "write 'module.function', e.g. 'app.lambda_handler' for app.py");
    return QCoreApplication::translate("gatehouse::Validation",
                                       "write 'file.function', e.g. 'index.handler' for index.js");
}

// The handler's file without extension, relative to the code folder ("src/index", "pkg/app").
struct HandlerModule {
    QString path;
    bool valid = false;
    bool insideFolder = true;
};

HandlerModule handlerModule(const QString &handler, RuntimeFamily family) {
    HandlerModule result;
    const HandlerName name = splitHandler(handler, family);
    if (!name.isValid()) return result;
    static const QRegularExpression jsMember(
        QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$"));
    static const QRegularExpression pyMember(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!(family == RuntimeFamily::Python ? pyMember : jsMember).match(name.member).hasMatch()) return result;
    for (const QString &part : name.module.split(QLatin1Char('/'))) {
        if (part.isEmpty()) return result;
        if (part == QLatin1String("..") || part == QLatin1String(".")) result.insideFolder = false;
    }
    result.path = name.module;
    result.valid = true;
    return result;
}

QString shownPath(const QString &codeUri, const QString &file) {
    return QDir::cleanPath(codeUri.isEmpty() ? file : codeUri + QLatin1Char('/') + file);
}

void checkCodeOnDisk(const Function &f, RuntimeFamily family, const HandlerModule &module,
                     const QString &path, Reporter &r) {
    const QDir project(r.options().projectFolder);
    const QFileInfo folder(f.codeUri.isEmpty() ? project.absolutePath()
                                               : project.absoluteFilePath(f.codeUri));
    const QString shownFolder = f.codeUri.isEmpty() ? QStringLiteral(".") : QDir::cleanPath(f.codeUri);
    if (!folder.isDir()) {
        r.error(
            at(path, "codeUri"),
            folder.exists()
                ? QCoreApplication::translate("gatehouse::Validation", "code folder '%1' is not a folder")
                      .arg(shownFolder)
                : QCoreApplication::translate("gatehouse::Validation", "code folder '%1' does not exist")
                      .arg(shownFolder),
            QCoreApplication::translate("gatehouse::Validation",
                                        "create it, or fix codeUri (it is relative to the project folder)"));
        return;
    }
    const QDir code(folder.absoluteFilePath());
    if (family == RuntimeFamily::Provided) {
        const QFileInfo bootstrap(code.filePath(QStringLiteral("bootstrap")));
        const QString shown = shownPath(f.codeUri, QStringLiteral("bootstrap"));
        if (!bootstrap.isFile())
            r.error(at(path, "codeUri"),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' does not exist").arg(shown),
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "a provided runtime starts an executable named 'bootstrap' in the "
                        "code folder"));
        else if (!bootstrap.isExecutable())
            r.error(at(path, "codeUri"),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is not executable").arg(shown),
                    QCoreApplication::translate("gatehouse::Validation", "make it executable: chmod +x %1")
                        .arg(shown));
        return;
    }
    if (!module.valid || !module.insideFolder) return; // already reported
    // Found by the engine's own rules (an extensionless module, a Python package's __init__.py, ...).
    if (handlerFile(f, project.absolutePath()).exists) return;
    if (family == RuntimeFamily::Python) {
        const QString file = module.path + QLatin1String(".py");
        r.error(
            at(path, "handler"),
            QCoreApplication::translate("gatehouse::Validation", "handler file '%1' does not exist")
                .arg(shownPath(f.codeUri, file)),
            QCoreApplication::translate("gatehouse::Validation",
                                        "create it, or fix the handler ('module.function' runs module.py)"));
        return;
    }
    r.error(at(path, "handler"),
            QCoreApplication::translate("gatehouse::Validation",
                                        "handler file '%1' does not exist (nor its .mjs or .cjs variant)")
                .arg(shownPath(f.codeUri, module.path + QLatin1String(".js"))),
            QCoreApplication::translate("gatehouse::Validation",
                                        "create it, or fix the handler ('file.function' runs file.js)"));
}

void checkEnvironment(const Function &f, const QString &path, Reporter &r) {
    const QString envPath = at(path, "environment");
    qint64 bytes = 0;
    QSet<QString> seen;
    for (const NameValue &variable : f.environment) {
        const QString varPath = at(envPath, variable.name);
        bytes += variable.name.toUtf8().size() + variable.value.toUtf8().size();
        if (naming::isReservedEnvironmentVariable(variable.name))
            r.error(varPath,
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is reserved by Lambda")
                        .arg(variable.name),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "Lambda sets it itself; choose another name"));
        else if (!naming::isValidEnvironmentVariableName(variable.name))
            r.error(
                varPath,
                QCoreApplication::translate("gatehouse::Validation",
                                            "'%1' is not a valid environment variable name")
                    .arg(variable.name),
                QCoreApplication::translate("gatehouse::Validation",
                                            "start with a letter, then letters, digits or '_' (2 or more)"));
        else if (naming::isTracingEnvironmentVariable(variable.name))
            r.warning(varPath,
                      QCoreApplication::translate("gatehouse::Validation",
                                                  "Lambda sets '%1' itself for X-Ray tracing")
                          .arg(variable.name),
                      QCoreApplication::translate("gatehouse::Validation",
                                                  "remove it unless you mean to override the tracing setup"));
        if (seen.contains(variable.name))
            r.error(
                varPath,
                QCoreApplication::translate("gatehouse::Validation", "'%1' is set twice").arg(variable.name),
                QCoreApplication::translate("gatehouse::Validation", "keep one of them"));
        seen.insert(variable.name);
    }
    // "Total size of all environment variables: 4 KB" (Lambda quotas, gettingstarted-limits.html).
    if (bytes > 4096)
        r.error(envPath,
                QCoreApplication::translate(
                    "gatehouse::Validation",
                    "environment variables take %1 bytes; Lambda allows 4 KB (4096 bytes)")
                    .arg(bytes),
                QCoreApplication::translate("gatehouse::Validation",
                                            "move large values into files or a secret store"));
}

// Lambda's DeadLetterConfig takes an SQS queue (or SNS topic); a FIFO queue is refused by Lambda
// ("InvalidParameterValueException: ... FIFO queue is not supported").
void checkDeadLetterQueue(const Project &project, const Function &f, const QString &path, Reporter &r) {
    if (f.deadLetterQueue.isEmpty()) return;
    const Queue *queue = project.findQueue(f.deadLetterQueue);
    if (!queue) {
        QStringList names;
        for (const Queue &q : project.queues)
            names.append(q.name);
        r.error(at(path, "deadLetterQueue"),
                QCoreApplication::translate("gatehouse::Validation", "references unknown queue '%1'")
                    .arg(f.deadLetterQueue),
                referenceHint(f.deadLetterQueue, names));
    } else if (queue->fifo) {
        r.error(at(path, "deadLetterQueue"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "a function's dead-letter queue cannot be a FIFO queue"),
                QCoreApplication::translate("gatehouse::Validation", "choose a standard queue"));
    }
}

// A destination names one of the project's standard queues or another function (Lambda's destinations
// refuse FIFO queues: "Capturing records of Lambda asynchronous invocations").
void checkAsyncDestination(const Project &project, const Function &f, const AsyncDestination &d,
                           const QString &path, Reporter &r) {
    if (!d.queue.isEmpty() && !d.function.isEmpty()) {
        r.error(path,
                QCoreApplication::translate("gatehouse::Validation",
                                            "a destination is either a queue or a function, not both"),
                QCoreApplication::translate("gatehouse::Validation", "keep \"queue\" or \"function\""));
        return;
    }
    if (!d.queue.isEmpty()) {
        const Queue *queue = project.findQueue(d.queue);
        if (!queue) {
            QStringList names;
            for (const Queue &q : project.queues)
                names.append(q.name);
            r.error(at(path, "queue"),
                    QCoreApplication::translate("gatehouse::Validation", "references unknown queue '%1'")
                        .arg(d.queue),
                    referenceHint(d.queue, names));
        } else if (queue->fifo) {
            r.error(
                at(path, "queue"),
                QCoreApplication::translate("gatehouse::Validation", "a destination cannot be a FIFO queue"),
                QCoreApplication::translate("gatehouse::Validation", "choose a standard queue"));
        }
    }
    if (!d.function.isEmpty()) {
        if (!project.findFunction(d.function)) {
            QStringList names;
            for (const Function &other : project.functions)
                names.append(other.name);
            r.error(at(path, "function"),
                    QCoreApplication::translate("gatehouse::Validation", "references unknown function '%1'")
                        .arg(d.function),
                    referenceHint(d.function, names));
        } else if (d.function == f.name) {
            // Every record would invoke the function again, and its outcome would send another record.
            r.error(at(path, "function"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "a function cannot be its own destination"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "each record would invoke it again, without end"));
        }
    }
}

// PutFunctionEventInvokeConfig: MaximumRetryAttempts 0-2, MaximumEventAgeInSeconds 60-21600.
void checkAsyncInvoke(const Project &project, const Function &f, const QString &path, Reporter &r) {
    const AsyncInvokeConfig &c = f.asyncInvoke;
    const QString asyncPath = at(path, "asyncInvoke");
    if (c.maximumRetryAttempts)
        checkRange(r, asyncPath, "maximumRetryAttempts", *c.maximumRetryAttempts, 0, 2,
                   QCoreApplication::translate("gatehouse::Validation",
                                               "Lambda retries a failed asynchronous event 0, 1 or 2 times"));
    if (c.maximumEventAgeSeconds)
        checkRange(
            r, asyncPath, "maximumEventAgeSeconds", *c.maximumEventAgeSeconds, 60, 21600,
            QCoreApplication::translate("gatehouse::Validation", "60 seconds to 6 hours (21600 seconds)"));
    checkAsyncDestination(project, f, c.onSuccess, at(asyncPath, "onSuccess"), r);
    checkAsyncDestination(project, f, c.onFailure, at(asyncPath, "onFailure"), r);
}

void checkFunction(const Project &project, const Function &f, const QString &path, Reporter &r) {
    if (f.name.isEmpty())
        r.error(at(path, "name"),
                QCoreApplication::translate("gatehouse::Validation", "a function needs a name"),
                QCoreApplication::translate("gatehouse::Validation", "add \"name\": \"myFunction\""));
    else if (!naming::isValidFunctionName(f.name))
        r.error(
            at(path, "name"),
            QCoreApplication::translate("gatehouse::Validation", "'%1' is not a valid function name")
                .arg(f.name),
            QCoreApplication::translate("gatehouse::Validation", "use 1 to 64 letters, digits, '-' or '_'"));

    const RuntimeFamily family = supportedFamily(f.runtime);
    HandlerModule module;
    if (family == RuntimeFamily::Unknown) {
        r.error(at(path, "runtime"),
                QCoreApplication::translate("gatehouse::Validation", "runtime '%1' is not supported")
                    .arg(f.runtime),
                QCoreApplication::translate("gatehouse::Validation", "use one of: %1")
                    .arg(supportedRuntimes().join(QLatin1String(", "))));
    } else if (f.handler.isEmpty()) {
        r.error(
            at(path, "handler"), QCoreApplication::translate("gatehouse::Validation", "handler is empty"),
            family == RuntimeFamily::Provided
                ? QCoreApplication::translate("gatehouse::Validation",
                                              "any name your bootstrap understands, e.g. 'function.handler'")
                : handlerHint(family));
    } else if (family != RuntimeFamily::Provided) {
        module = handlerModule(f.handler, family);
        if (!module.valid)
            r.error(at(path, "handler"),
                    family == RuntimeFamily::Python
                        ? QCoreApplication::translate("gatehouse::Validation",
                                                      "handler '%1' is not of the form 'module.function'")
                              .arg(f.handler)
                        : QCoreApplication::translate("gatehouse::Validation",
                                                      "handler '%1' is not of the form 'file.function'")
                              .arg(f.handler),
                    handlerHint(family));
        else if (!module.insideFolder)
            r.error(at(path, "handler"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "handler '%1' points outside the code folder")
                        .arg(f.handler),
                    QCoreApplication::translate("gatehouse::Validation", "use a path below codeUri"));
    }

    // Lambda quotas: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
    checkRange(r, path, "memoryMB", f.memoryMB, 128, 10240,
               QCoreApplication::translate("gatehouse::Validation", "Lambda allows 128 to 10240 MB"));
    checkRange(
        r, path, "timeoutSeconds", f.timeoutSeconds, 1, 900,
        QCoreApplication::translate("gatehouse::Validation", "Lambda allows up to 900 seconds (15 minutes)"));
    if (f.architecture != QLatin1String("x86_64") && f.architecture != QLatin1String("arm64"))
        r.error(at(path, "architecture"),
                QCoreApplication::translate("gatehouse::Validation", "architecture '%1' is not supported")
                    .arg(f.architecture),
                QCoreApplication::translate("gatehouse::Validation", "use x86_64 or arm64"));
    if (f.reservedConcurrency) {
        const int reserved = *f.reservedConcurrency;
        // The default Regional concurrency quota is 1,000 (same page).
        if (checkRange(r, path, "reservedConcurrency", reserved, 0, 1000,
                       QCoreApplication::translate("gatehouse::Validation",
                                                   "Lambda's default account concurrency is 1000"))) {
            if (reserved == 0)
                r.warning(
                    at(path, "reservedConcurrency"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "reservedConcurrency 0 throttles every invocation"),
                    QCoreApplication::translate("gatehouse::Validation", "remove it to use the shared pool"));
            else if (reserved > project.settings.concurrencyLimit)
                r.warning(
                    at(path, "reservedConcurrency"),
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "reservedConcurrency %1 is above the project's concurrencyLimit of %2")
                        .arg(reserved)
                        .arg(project.settings.concurrencyLimit),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "raise settings.concurrencyLimit to run that many at once"));
        }
    }
    checkEnvironment(f, path, r);
    checkDeadLetterQueue(project, f, path, r);
    checkAsyncInvoke(project, f, path, r);
    if (!r.options().projectFolder.isEmpty() && family != RuntimeFamily::Unknown && !f.handler.isEmpty())
        checkCodeOnDisk(f, family, module, path, r);
}

} // namespace

void checkFunctions(const Project &project, Reporter &r) {
    QStringList names;
    for (qsizetype i = 0; i < project.functions.size(); ++i) {
        checkFunction(project, project.functions[i], at(QStringLiteral("functions"), i), r);
        names.append(project.functions[i].name);
    }
    checkUniqueNames(r, names, [](qsizetype i) { return at(QStringLiteral("functions"), i); });
}

} // namespace gatehouse::validation
