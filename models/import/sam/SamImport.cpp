// AWS SAM template anatomy:
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-specification-template-anatomy.html
// Globals: .../sam-specification-template-anatomy-globals.html ("Overridable properties": a resource's
// own value replaces a global primitive, maps are merged with the resource's keys winning, and lists
// are concatenated with the global entries first).
#include "SamImport.h"

#include "SamReader.h"
#include "export/sam/SamTemplate.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace gatehouse {

namespace sam {

namespace {

OrderedJson mergeGlobal(const OrderedJson &global, const OrderedJson &local) {
    if (global.is_object() && local.is_object() && !local.empty() &&
        !local.begin().key().starts_with("Fn::") && local.begin().key() != "Ref") {
        OrderedJson merged = global;
        for (const auto &[key, value] : local.items())
            merged[key] = merged.contains(key) ? mergeGlobal(merged[key], value) : value;
        return merged;
    }
    if (global.is_array() && local.is_array()) {
        OrderedJson merged = global;
        for (const OrderedJson &item : local)
            merged.push_back(item);
        return merged;
    }
    return local;
}

QString globalsSectionFor(const QString &type) {
    if (type == QLatin1String("AWS::Serverless::Function")) return QStringLiteral("Function");
    if (type == QLatin1String("AWS::Serverless::Api")) return QStringLiteral("Api");
    if (type == QLatin1String("AWS::Serverless::HttpApi")) return QStringLiteral("HttpApi");
    return {};
}

void readMetadata(SamReader &r, const OrderedJson &root) {
    const OrderedJson *gatehouse = json::member(json::member(root, "Metadata"), kMetadataKey);
    if (const OrderedJson *n = json::member(gatehouse, kMetadataNames); n && n->is_object()) r.names = *n;
    if (const OrderedJson *e = json::member(gatehouse, kMetadataEmbeddedJavaScript); e && e->is_object())
        r.embeddedJavaScript = *e;
    QString name = json::textOr(json::member(gatehouse, kMetadataProject));
    if (name.isEmpty()) name = r.options.projectName;
    if (name.isEmpty()) name = QFileInfo(r.ctx.document().fileName).completeBaseName();
    r.project.name = name;
    const QString description = json::textOr(json::member(root, "Description"));
    if (description != name) r.project.description = description;
}

void readGlobals(SamReader &r, const OrderedJson &root) {
    const OrderedJson *globals = json::member(root, "Globals");
    if (!globals) return;
    if (!globals->is_object()) {
        r.ctx.warning(
            QStringLiteral("Globals"),
            QCoreApplication::translate("gatehouse::Import", "Globals is not a mapping; it is ignored"));
        return;
    }
    for (const auto &[section, value] : globals->items()) {
        const QString name = QString::fromStdString(section);
        if (name == QLatin1String("Function") || name == QLatin1String("Api") ||
            name == QLatin1String("HttpApi")) {
            if (value.is_object()) r.globals[section] = value;
            continue;
        }
        r.ctx.warning(
            QStringLiteral("Globals.") + name,
            QCoreApplication::translate("gatehouse::Import",
                                        "Globals for %1 are not imported: Gatehouse has no such resource")
                .arg(name));
    }
}

void indexResources(SamReader &r, const OrderedJson &root) {
    const OrderedJson *resources = json::member(root, "Resources");
    if (!resources || !resources->is_object()) {
        r.ctx.error(QStringLiteral("Resources"),
                    QCoreApplication::translate("gatehouse::Import", "the template has no Resources mapping"),
                    QCoreApplication::translate(
                        "gatehouse::Import", "a SAM template lists its functions and APIs under Resources"));
        return;
    }
    for (const auto &[key, value] : resources->items()) {
        TemplateResource res;
        res.id = QString::fromStdString(key);
        res.path = QStringLiteral("Resources.") + res.id;
        if (!value.is_object() || !json::member(value, "Type") || !json::member(value, "Type")->is_string()) {
            r.ctx.warning(res.path, QCoreApplication::translate("gatehouse::Import",
                                                                "resource has no Type; it is ignored"));
            continue;
        }
        res.type = json::textOr(json::member(value, "Type"));
        if (const OrderedJson *condition = json::member(value, "Condition")) {
            const std::optional<bool> on = r.values.namedCondition(json::textOr(condition));
            if (on && !*on) {
                r.ctx.warning(res.path, QCoreApplication::translate(
                                            "gatehouse::Import",
                                            "resource is not imported: its condition '%1' is false with the "
                                            "parameters' default values")
                                            .arg(json::textOr(condition)));
                continue;
            }
        }
        const OrderedJson *props = json::member(value, "Properties");
        if (props && !props->is_object()) {
            r.ctx.warning(res.path + QStringLiteral(".Properties"),
                          QCoreApplication::translate("gatehouse::Import",
                                                      "Properties is not a mapping; it is ignored"));
            props = nullptr;
        }
        res.properties = props ? *props : OrderedJson::object();
        res.ownProperties = res.properties;
        res.globalsSection = globalsSectionFor(res.type);
        if (const OrderedJson *global = json::member(r.globals, res.globalsSection.toStdString().c_str())) {
            for (const auto &item : global->items())
                if (!res.properties.contains(item.key()))
                    res.fromGlobals.insert(QString::fromStdString(item.key()));
            res.properties = mergeGlobal(*global, res.properties);
        }
        r.resourceIndex.insert(res.id, r.resources.size());
        r.resources.append(std::move(res));
    }
}

// Resource types that exist to wire others together; reading the others covers them.
bool isGlue(const QString &type) {
    return type == QLatin1String("AWS::Lambda::Permission") ||
           type == QLatin1String("AWS::ApiGatewayV2::Deployment") ||
           type == QLatin1String("AWS::ApiGateway::Deployment");
}

// Names first: events, environment variables and redrive policies refer to resources by logical ID.
void collectNames(SamReader &r) {
    for (const TemplateResource &res : r.resources) {
        const OrderedJson *props = &res.properties;
        if (res.type == QLatin1String("AWS::Serverless::Function") ||
            res.type == QLatin1String("AWS::Lambda::Function")) {
            QString name = r.nameFor(NamedKind::Function, res.id);
            if (!json::member(r.names, res.id.toStdString().c_str()))
                if (const OrderedJson *fn = json::member(props, "FunctionName"); fn && fn->is_string())
                    name = json::textOr(fn);
            r.functionNames.insert(res.id, name);
        } else if (res.type == QLatin1String("AWS::S3::Bucket")) {
            QString name = r.nameFor(NamedKind::Bucket, res.id);
            if (!json::member(r.names, res.id.toStdString().c_str()))
                if (const OrderedJson *bn = json::member(props, "BucketName"))
                    if (const auto t = r.values.text(*bn)) name = *t;
            r.bucketNames.insert(res.id, name);
        } else if (res.type == QLatin1String("AWS::SQS::Queue")) {
            QString name = r.nameFor(NamedKind::Queue, res.id);
            if (!json::member(r.names, res.id.toStdString().c_str()))
                if (const OrderedJson *qn = json::member(props, "QueueName"))
                    if (const auto t = r.values.text(*qn)) name = *t;
            r.queueNames.insert(res.id, name);
        }
    }
    const QString region = r.project.settings.region;
    const QString account = r.project.settings.accountId;
    r.values.localName = [&r](const QString &id) {
        return r.functionNames.value(id, r.bucketNames.value(id, r.queueNames.value(id)));
    };
    // ARNs of local resources, as the emulated services name them.
    r.values.arnOf = [&r, region, account](const QString &id) -> QString {
        if (r.functionNames.contains(id))
            return QStringLiteral("arn:aws:lambda:%1:%2:function:%3")
                .arg(region, account, r.functionNames.value(id));
        if (r.bucketNames.contains(id)) return QStringLiteral("arn:aws:s3:::%1").arg(r.bucketNames.value(id));
        if (r.queueNames.contains(id))
            return QStringLiteral("arn:aws:sqs:%1:%2:%3").arg(region, account, r.queueNames.value(id));
        return {};
    };
}

void warnAboutTheRest(SamReader &r, const OrderedJson &root) {
    for (const TemplateResource &res : r.resources) {
        if (r.consumed.contains(res.id) || isGlue(res.type)) continue;
        QString hint;
        if (res.type.startsWith(QLatin1String("AWS::IAM::")))
            hint = QCoreApplication::translate(
                "gatehouse::Import",
                "IAM permissions are not emulated: every local function may use every local resource");
        r.ctx.warning(
            res.path,
            QCoreApplication::translate("gatehouse::Import",
                                        "resource type %1 is not imported: Gatehouse has no equivalent")
                .arg(res.type),
            hint);
    }
    if (const OrderedJson *outputs = json::member(root, "Outputs"); outputs && !outputs->empty())
        r.ctx.warning(QStringLiteral("Outputs"),
                      QCoreApplication::translate(
                          "gatehouse::Import",
                          "Outputs are not imported; an AWS SAM export writes the endpoint URLs again"));
}

} // namespace

const TemplateResource *SamReader::resource(const QString &id) const {
    const auto it = resourceIndex.constFind(id);
    return it == resourceIndex.constEnd() ? nullptr : &resources[*it];
}

QString SamReader::nameFor(NamedKind kind, const QString &id) const {
    if (const OrderedJson *n = json::member(names, id.toStdString().c_str()); n && n->is_string())
        return QString::fromStdString(n->get<std::string>());
    return defaultNameForId(kind, id);
}

std::optional<QString> SamReader::text(const OrderedJson *value, const QString &path) {
    if (!value) return std::nullopt;
    QString why;
    const std::optional<QString> t = values.text(*value, &why);
    if (!t)
        ctx.warning(path, QCoreApplication::translate(
                              "gatehouse::Import", "value %1 cannot be evaluated locally and is not imported")
                              .arg(why));
    return t;
}

QStringList SamReader::strings(const OrderedJson *value, const QString &path) {
    QStringList list;
    if (!value) return list;
    const OrderedJson evaluated = values.evaluate(*value);
    if (!evaluated.is_array()) {
        if (const auto t = text(&evaluated, path)) list.append(*t);
        return list;
    }
    for (size_t i = 0; i < evaluated.size(); ++i)
        if (const auto t = text(&evaluated[i], sourcePath(path, qsizetype(i)))) list.append(*t);
    return list;
}

void SamReader::warnOnce(const QString &path, const QString &message, const QString &hint) {
    const QString key = path + QLatin1Char('\n') + message;
    if (reportedOnce.contains(key)) return;
    reportedOnce.insert(key);
    ctx.warning(path, message, hint);
}

std::optional<int> SamReader::integer(const OrderedJson *value, const QString &path) {
    const std::optional<QString> t = text(value, path);
    if (!t) return std::nullopt;
    bool ok = false;
    const int v = t->toInt(&ok);
    if (!ok) {
        ctx.warning(path, QCoreApplication::translate("gatehouse::Import",
                                                      "expected a whole number, found '%1'; it is ignored")
                              .arg(*t));
        return std::nullopt;
    }
    return v;
}

void SamReader::warnUnhandled(const TemplateResource &res, const OrderedJson &properties,
                              const QStringList &handled, const QString &what) {
    for (const auto &item : properties.items()) {
        const QString key = QString::fromStdString(item.key());
        if (handled.contains(key)) continue;
        QString path = res.path + QStringLiteral(".Properties.") + key;
        if (res.fromGlobals.contains(key) && !res.globalsSection.isEmpty()) {
            const QString global = res.globalsSection + QLatin1Char('.') + key;
            if (reportedGlobals.contains(global)) continue;
            reportedGlobals.insert(global);
            path = QStringLiteral("Globals.") + global;
        }
        QString hint;
        if (key == QLatin1String("Policies") || key == QLatin1String("Role"))
            hint = QCoreApplication::translate(
                "gatehouse::Import",
                "IAM permissions are not emulated: every local function may use every local resource");
        ctx.warning(path,
                    QCoreApplication::translate("gatehouse::Import",
                                                "%1 property %2 is not imported: Gatehouse does not model it")
                        .arg(what, key),
                    hint);
    }
}

Authorizer *SamReader::findAuthorizer(const QString &name) {
    for (Authorizer &a : project.authorizers)
        if (a.name == name) return &a;
    return nullptr;
}

namespace {
// The same authorizer declared by two APIs (SAM declares authorizers per API) may carry different
// subsets of its settings: an HttpApi has a payload format version, a WebSocket authorizer has none.
bool sameAuthorizer(const Authorizer &a, const Authorizer &b) {
    if (a.type != b.type) return false;
    if (a.type == AuthorizerType::Lambda)
        return a.function == b.function && a.identitySources == b.identitySources;
    if (a.type == AuthorizerType::Jwt) return a.issuer == b.issuer && a.audience == b.audience;
    return true;
}
} // namespace

QString SamReader::addAuthorizer(Authorizer a, const QString &prefix) {
    if (Authorizer *existing = findAuthorizer(a.name)) {
        if (sameAuthorizer(*existing, a)) {
            if (existing->payloadFormatVersion.isEmpty())
                existing->payloadFormatVersion = a.payloadFormatVersion;
            existing->enableSimpleResponses = existing->enableSimpleResponses || a.enableSimpleResponses;
            if (!existing->resultTtlSeconds) existing->resultTtlSeconds = a.resultTtlSeconds;
            return existing->name;
        }
        a.name = prefix + QLatin1Char('-') + a.name;
        if (const Authorizer *again = findAuthorizer(a.name); again && sameAuthorizer(*again, a))
            return a.name;
        while (findAuthorizer(a.name))
            a.name += QLatin1Char('_');
    }
    project.authorizers.append(a);
    return a.name;
}

ApiState &SamReader::implicitApi(ApiType type) {
    // SAM's logical IDs for the APIs it creates from events without an explicit API.
    const QString id =
        type == ApiType::Http ? QStringLiteral("ServerlessHttpApi") : QStringLiteral("ServerlessRestApi");
    if (apis.contains(id)) return apis[id];
    Api api;
    api.name = nameFor(NamedKind::Api, id);
    api.type = type;
    Stage stage;
    // Implicit HTTP APIs deploy to $default; implicit REST APIs to "Prod" (SAM spec, "Api" event source).
    stage.name = type == ApiType::Http ? QStringLiteral("$default") : QStringLiteral("Prod");
    api.stages.append(stage);
    ApiState state;
    state.index = project.apis.size();
    project.apis.append(api);
    apis.insert(id, state);
    return apis[id];
}

} // namespace sam

ImportResult importSam(const ImportSource &source, const ImportOptions &options) {
    ImportResult result;
    SourceLimits limits;
    limits.maxBytes = options.maxBytes;
    const std::optional<SourceDocument> doc =
        parseSourceDocument(source.bytes, source.fileName, result.diagnostics, limits);
    if (!doc) return result;
    ImportContext ctx(*doc, result.diagnostics);
    if (!doc->root.is_object()) {
        ctx.error({}, QCoreApplication::translate(
                          "gatehouse::Import",
                          "the file is not a mapping; a SAM template starts with keys such as Resources"));
        return result;
    }
    const QStringList transforms = json::strings(json::member(doc->root, "Transform"));
    if (!transforms.contains(QLatin1String("AWS::Serverless-2016-10-31")))
        ctx.warning(QStringLiteral("Transform"),
                    QCoreApplication::translate(
                        "gatehouse::Import",
                        "the template does not declare Transform: AWS::Serverless-2016-10-31; it is read as "
                        "plain CloudFormation"));
    sam::SamReader r(ctx, options);
    sam::readMetadata(r, doc->root);
    r.values.setTemplate(doc->root);
    r.values.setPseudo(r.project.settings.region, r.project.settings.accountId, r.project.name);
    sam::readGlobals(r, doc->root);
    sam::indexResources(r, doc->root);
    if (hasErrors(result.diagnostics)) return result;
    sam::collectNames(r);
    sam::readStorage(r);
    sam::readFunctions(r);
    sam::readApis(r);
    sam::readUsagePlans(r);
    sam::readWebSocketApis(r);
    sam::readFunctionEvents(r);
    sam::applyMethodSettings(r);
    sam::readApiKeys(r);
    sam::warnAboutTheRest(r, doc->root);
    if (r.project.functions.isEmpty() && r.project.apis.isEmpty() && r.project.buckets.isEmpty() &&
        r.project.queues.isEmpty())
        ctx.error(
            QStringLiteral("Resources"),
            QCoreApplication::translate("gatehouse::Import",
                                        "the template has no resource Gatehouse can import"),
            QCoreApplication::translate("gatehouse::Import",
                                        "Gatehouse imports functions, APIs, buckets, queues and schedules"));
    result.project = std::move(r.project);
    result.files = std::move(r.files);
    return result;
}

} // namespace gatehouse
