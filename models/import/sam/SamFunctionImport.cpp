// AWS::Serverless::Function (SAM spec .../sam-resource-function.html) and plain AWS::Lambda::Function,
// with their code: copied from the template's folder when it is there, a stub otherwise.
#include "SamReader.h"
#include "export/CodeFolder.h"
#include "export/JavaScriptWrapper.h"
#include "export/sam/SamTemplate.h"
#include "import/CodeStubs.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {

QString moduleFile(const Function &f) {
    // Inline code goes to the handler's file: "index.handler" -> index.js / index.py.
    const bool python = f.runtime.startsWith(QLatin1String("python"));
    const qsizetype dot =
        python ? f.handler.lastIndexOf(QLatin1Char('.')) : f.handler.indexOf(QLatin1Char('.'));
    const QString module = dot > 0 ? f.handler.left(dot) : QStringLiteral("index");
    return module + (python ? QStringLiteral(".py") : QStringLiteral(".js"));
}

class FunctionReader {
public:
    FunctionReader(SamReader &r, const TemplateResource &res)
        : r(r)
        , res(res)
        , at(res.path + QStringLiteral(".Properties.")) {}

    void read() {
        const bool plainLambda = res.type == QLatin1String("AWS::Lambda::Function");
        const OrderedJson &p = res.properties;
        Function f;
        f.name = r.functionNames.value(res.id);
        f.description = json::textOr(json::member(p, "Description"));
        const QString handler =
            r.text(json::member(p, "Handler"), at + QStringLiteral("Handler")).value_or(QString());
        const QString runtime =
            r.text(json::member(p, "Runtime"), at + QStringLiteral("Runtime")).value_or(QString());
        const QString embedded =
            json::textOr(json::member(r.embeddedJavaScript, res.id.toStdString().c_str()));
        if (!embedded.isEmpty() && isJavaScriptWrapperHandler(handler)) {
            // Exported by Gatehouse from an embedded-JavaScript function: undo the wrapper.
            f.runtime = QStringLiteral("javascript");
            f.handler = embedded;
        } else {
            if (!runtime.isEmpty()) f.runtime = runtime;
            if (!handler.isEmpty()) f.handler = handler;
            if (runtime.isEmpty())
                r.ctx.warning(
                    res.path,
                    QCoreApplication::translate(
                        "gatehouse::Import",
                        "function has no Runtime (container images are not supported); the "
                        "embedded JavaScript runtime is assumed"),
                    QCoreApplication::translate("gatehouse::Import",
                                                "set the runtime and handler in the imported project"));
        }
        if (const auto v = r.integer(json::member(p, "MemorySize"), at + QStringLiteral("MemorySize")))
            f.memoryMB = *v;
        if (const auto v = r.integer(json::member(p, "Timeout"), at + QStringLiteral("Timeout")))
            f.timeoutSeconds = *v;
        const QStringList architectures = json::strings(json::member(p, "Architectures"));
        if (!architectures.isEmpty()) f.architecture = architectures.first();
        if (architectures.size() > 1)
            r.ctx.warning(
                at + QStringLiteral("Architectures"),
                QCoreApplication::translate("gatehouse::Import", "only the first architecture is imported"));
        f.reservedConcurrency = r.integer(json::member(p, "ReservedConcurrentExecutions"),
                                          at + QStringLiteral("ReservedConcurrentExecutions"));
        readEnvironment(f);
        readDeadLetterQueue(f, json::member(p, "DeadLetterQueue"), at + QStringLiteral("DeadLetterQueue"));
        readEventInvokeConfig(f, json::member(p, "EventInvokeConfig"),
                              at + QStringLiteral("EventInvokeConfig"));
        QStringList handled = {QStringLiteral("EventInvokeConfig"),
                               QStringLiteral("DeadLetterQueue"),
                               QStringLiteral("Description"),
                               QStringLiteral("Handler"),
                               QStringLiteral("Runtime"),
                               QStringLiteral("MemorySize"),
                               QStringLiteral("Timeout"),
                               QStringLiteral("Architectures"),
                               QStringLiteral("ReservedConcurrentExecutions"),
                               QStringLiteral("Environment"),
                               QStringLiteral("FunctionName")};
        if (plainLambda) {
            handled << QStringLiteral("Code");
            readCode(f, json::member(json::member(p, "Code"), "ZipFile"), nullptr, QStringLiteral("Code"));
            r.ctx.warning(res.path,
                          QCoreApplication::translate(
                              "gatehouse::Import",
                              "a plain AWS::Lambda::Function has no event sources of its own; its triggers "
                              "(permissions, event source mappings) are not imported"));
        } else {
            handled << QStringLiteral("CodeUri") << QStringLiteral("InlineCode") << QStringLiteral("Events");
            readCode(f, json::member(p, "InlineCode"), json::member(p, "CodeUri"), QStringLiteral("CodeUri"));
        }
        r.warnUnhandled(res, p, handled, QStringLiteral("function"));
        r.project.functions.append(f);
        r.consumed.insert(res.id);
    }

private:
    // DeadLetterQueue: {Type: SQS|SNS, TargetArn} (sam-property-function-deadletterqueue.html); the
    // project models SQS queues only.
    void readDeadLetterQueue(Function &f, const OrderedJson *config, const QString &path) {
        if (!config) return;
        const std::optional<QString> type =
            r.text(json::member(config, "Type"), path + QStringLiteral(".Type"));
        if (type != QLatin1String("SQS")) {
            r.ctx.warning(path, QCoreApplication::translate("gatehouse::Import",
                                                            "only SQS dead-letter queues are imported"));
            return;
        }
        bool local = false;
        f.deadLetterQueue =
            queueName(r, json::member(config, "TargetArn"), path + QStringLiteral(".TargetArn"), &local);
        if (!f.deadLetterQueue.isEmpty() && !local)
            r.ctx.warning(
                path, QCoreApplication::translate(
                          "gatehouse::Import",
                          "dead-letter queue '%1' is not in the template; create it in the project to use it")
                          .arg(f.deadLetterQueue));
    }

    // EventInvokeConfig (sam-property-function-eventinvokeconfiguration.html): retry attempts, event
    // age and SQS or Lambda destinations; SNS, EventBridge and S3 destinations have no local
    // counterpart.
    void readEventInvokeConfig(Function &f, const OrderedJson *config, const QString &path) {
        if (!config) return;
        AsyncInvokeConfig &c = f.asyncInvoke;
        c.maximumRetryAttempts = r.integer(json::member(config, "MaximumRetryAttempts"),
                                           path + QStringLiteral(".MaximumRetryAttempts"));
        c.maximumEventAgeSeconds = r.integer(json::member(config, "MaximumEventAgeInSeconds"),
                                             path + QStringLiteral(".MaximumEventAgeInSeconds"));
        const OrderedJson *destinations = json::member(config, "DestinationConfig");
        readDestination(c.onSuccess, json::member(destinations, "OnSuccess"),
                        path + QStringLiteral(".DestinationConfig.OnSuccess"));
        readDestination(c.onFailure, json::member(destinations, "OnFailure"),
                        path + QStringLiteral(".DestinationConfig.OnFailure"));
    }

    void readDestination(AsyncDestination &d, const OrderedJson *config, const QString &path) {
        if (!config) return;
        const QString type =
            r.text(json::member(config, "Type"), path + QStringLiteral(".Type")).value_or(QString());
        const OrderedJson *target = json::member(config, "Destination");
        if (type == QLatin1String("SQS")) {
            bool local = false;
            d.queue = queueName(r, target, path + QStringLiteral(".Destination"), &local);
            if (!d.queue.isEmpty() && !local)
                r.ctx.warning(path, QCoreApplication::translate(
                                        "gatehouse::Import",
                                        "destination queue '%1' is not in the template; create it in the "
                                        "project to use it")
                                        .arg(d.queue));
        } else if (type == QLatin1String("Lambda")) {
            const QString id = target ? TemplateValues::referencedId(*target) : QString();
            if (r.functionNames.contains(id)) {
                d.function = r.functionNames.value(id);
            } else if (const std::optional<QString> arn =
                           r.text(target, path + QStringLiteral(".Destination"))) {
                // arn:aws:lambda:region:account:function:name[:qualifier]
                d.function = arn->section(QLatin1Char(':'), 6, 6);
                r.ctx.warning(path, QCoreApplication::translate(
                                        "gatehouse::Import",
                                        "destination function '%1' is not in the template; create it in "
                                        "the project to use it")
                                        .arg(d.function));
            }
        } else {
            r.ctx.warning(path, QCoreApplication::translate("gatehouse::Import",
                                                            "only SQS and Lambda destinations are imported; "
                                                            "'%1' is left out")
                                    .arg(type));
        }
    }

    void readEnvironment(Function &f) {
        const OrderedJson *variables = json::member(json::member(res.properties, "Environment"), "Variables");
        if (!variables || !variables->is_object()) return;
        const OrderedJson *global =
            json::member(json::member(json::member(r.globals, "Function"), "Environment"), "Variables");
        const OrderedJson *own = json::member(json::member(res.ownProperties, "Environment"), "Variables");
        for (const auto &[name, value] : variables->items()) {
            const QString n = QString::fromStdString(name);
            // A value from Globals is reported once, at Globals, not once per function.
            const bool fromGlobals = json::member(global, name.c_str()) && !json::member(own, name.c_str());
            const QString path = fromGlobals ? QStringLiteral("Globals.Function.Environment.Variables.") + n
                                             : at + QStringLiteral("Environment.Variables.") + n;
            QString why;
            if (const auto text = r.values.text(value, &why)) {
                f.environment.append({n, *text});
                continue;
            }
            // A reference to a resource Gatehouse does not model (a table, a topic): the logical ID is
            // the most useful local stand-in, and the warning says so.
            const QString id = TemplateValues::referencedId(value);
            if (!id.isEmpty() && r.resource(id)) {
                f.environment.append({n, id});
                r.warnOnce(path,
                           QCoreApplication::translate(
                               "gatehouse::Import",
                               "%1 refers to %2, which is not modelled locally; the variable is set to '%2'")
                               .arg(why, id));
                continue;
            }
            r.warnOnce(path, QCoreApplication::translate(
                                 "gatehouse::Import",
                                 "value %1 cannot be evaluated locally; the variable is not imported")
                                 .arg(why));
        }
    }

    void readCode(Function &f, const OrderedJson *inlineCode, const OrderedJson *codeUri,
                  const QString &codeKey) {
        const QString fallbackFolder = QStringLiteral("functions/") + f.name;
        if (inlineCode && inlineCode->is_string()) {
            f.codeUri = fallbackFolder;
            r.files.append({f.codeUri + QLatin1Char('/') + moduleFile(f),
                            QByteArray::fromStdString(inlineCode->get<std::string>()), false});
            return;
        }
        QString uri =
            codeUri && codeUri->is_string() ? QString::fromStdString(codeUri->get<std::string>()) : QString();
        const bool remote = uri.startsWith(QLatin1String("s3://")) || (codeUri && !codeUri->is_string());
        const QString relative = normalizedRelativePath(uri);
        const bool root =
            relative.isEmpty() && !uri.startsWith(QLatin1Char('/')) && !uri.contains(QLatin1String(".."));
        if (remote || (!root && relative.isEmpty())) {
            f.codeUri = fallbackFolder;
            r.ctx.warning(
                at + codeKey,
                QCoreApplication::translate(
                    "gatehouse::Import",
                    "the code is not in a folder beside the template (%1); a stub is written to %2")
                    .arg(remote ? QCoreApplication::translate("gatehouse::Import", "S3 location") : uri,
                         f.codeUri));
            writeStub(f);
            return;
        }
        f.codeUri = relative;
        if (r.options.sourceFolder.isEmpty()) {
            writeStub(f);
            return;
        }
        if (r.copiedCodeFolders.contains(relative)) return;
        r.copiedCodeFolders.insert(relative);
        const CodeFolderRead read = readCodeFolder(r.options.sourceFolder, relative);
        if (!read.error.isEmpty() && read.files.isEmpty()) {
            r.ctx.warning(at + codeKey,
                          QCoreApplication::translate(
                              "gatehouse::Import", "code folder not copied (%1); a stub is written instead")
                              .arg(read.error));
            writeStub(f);
            return;
        }
        if (!read.error.isEmpty())
            r.ctx.warning(at + codeKey,
                          QCoreApplication::translate("gatehouse::Import", "code folder partly copied: %1")
                              .arg(read.error));
        for (const CodeFile &code : read.files) {
            // The wrapper an embedded-JavaScript export adds is regenerated on the next export.
            const QString file = code.path.section(QLatin1Char('/'), -1);
            if (f.runtime == QLatin1String("javascript") && file.endsWith(QLatin1String(".cjs")) &&
                isJavaScriptWrapperHandler(file.chopped(4) + QStringLiteral(".handler")))
                continue;
            r.files.append({code.path, code.bytes, false});
        }
    }

    void writeStub(const Function &f) {
        if (const std::optional<ImportedFile> stub = codeStub(f)) {
            if (std::none_of(r.files.begin(), r.files.end(),
                             [&](const ImportedFile &x) { return x.path == stub->path; }))
                r.files.append(*stub);
        } else {
            r.ctx.warning(res.path, QCoreApplication::translate(
                                        "gatehouse::Import",
                                        "no stub can be written for runtime '%1'; add the code yourself")
                                        .arg(f.runtime));
        }
    }

    SamReader &r;
    const TemplateResource &res;
    const QString at;
};

} // namespace

void readFunctions(SamReader &r) {
    for (const TemplateResource &res : r.resources)
        if (res.type == QLatin1String("AWS::Serverless::Function") ||
            res.type == QLatin1String("AWS::Lambda::Function"))
            FunctionReader(r, res).read();
}

} // namespace gatehouse::sam
