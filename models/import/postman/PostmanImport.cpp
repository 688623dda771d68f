// Postman Collection Format v2.1.0 / v2.0.0
// (https://schema.getpostman.com/json/collection/v2.1.0/collection.json) and environment files (name,
// values[{key, value, enabled}]).
#include "PostmanImport.h"

#include "PostmanScriptParser.h"
#include "import/ImportContext.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QUrlQuery>

namespace gatehouse {

namespace {

constexpr int kMaxFolderDepth = 32;

// The url of a request: a string, or an object whose "raw" (or host/path/query parts) spell it.
QString urlOf(const OrderedJson *url) {
    if (!url) return {};
    if (url->is_string()) return QString::fromStdString(url->get<std::string>());
    if (const auto raw = json::text(json::member(url, "raw")); raw && !raw->isEmpty()) return *raw;
    QString text = json::textOr(json::member(url, "protocol"));
    if (!text.isEmpty()) text += QStringLiteral("://");
    text += json::strings(json::member(url, "host")).join(QLatin1Char('.'));
    if (const auto port = json::text(json::member(url, "port"))) text += QLatin1Char(':') + *port;
    const QStringList path = json::strings(json::member(url, "path"));
    if (!path.isEmpty()) text += QLatin1Char('/') + path.join(QLatin1Char('/'));
    QStringList query;
    if (const OrderedJson *q = json::member(url, "query"); q && q->is_array())
        for (const OrderedJson &p : *q)
            if (!json::boolean(json::member(p, "disabled")).value_or(false))
                query.append(json::textOr(json::member(p, "key")) + QLatin1Char('=') +
                             json::textOr(json::member(p, "value")));
    if (!query.isEmpty()) text += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return text;
}

class CollectionReader {
public:
    CollectionReader(ImportContext &ctx, Project &project)
        : ctx(ctx)
        , project(project) {}

    void read(const OrderedJson &root) {
        const OrderedJson *info = json::member(root, "info");
        const QString schema = json::textOr(json::member(info, "schema"));
        if (!schema.contains(QLatin1String("v2.1.0")) && !schema.contains(QLatin1String("v2.0.0")))
            ctx.warning(
                QStringLiteral("info.schema"),
                QCoreApplication::translate(
                    "gatehouse::Import",
                    "the collection does not declare the v2.1.0 or v2.0.0 schema; it is read as v2.1"));
        if (project.name.isEmpty()) project.name = json::textOr(json::member(info, "name"));
        if (project.description.isEmpty()) {
            const OrderedJson *description = json::member(info, "description");
            project.description = description && description->is_object()
                                      ? json::textOr(json::member(description, "content"))
                                      : json::textOr(description);
        }
        if (json::member(root, "auth"))
            ctx.warning(QStringLiteral("auth"),
                        QCoreApplication::translate(
                            "gatehouse::Import",
                            "collection-level auth is not imported; add the header to each request"));
        warnAboutScripts(json::member(root, "event"), QStringLiteral("event"),
                         QCoreApplication::translate("gatehouse::Import", "collection"));
        readVariables(json::member(root, "variable"), json::textOr(json::member(info, "name")));
        readItems(json::member(root, "item"), QStringLiteral("item"), {}, 0);
    }

private:
    void readVariables(const OrderedJson *variables, const QString &collection) {
        if (!variables || !variables->is_array() || variables->empty()) return;
        VariableSet set;
        set.name =
            collection.isEmpty() ? QStringLiteral("collection") : collection + QStringLiteral(" variables");
        for (const OrderedJson &v : *variables) {
            const QString key = json::textOr(json::member(v, "key"));
            if (!key.isEmpty()) set.variables.append({key, json::textOr(json::member(v, "value"))});
        }
        project.environments.append(set);
    }

    void warnAboutScripts(const OrderedJson *events, const QString &path, const QString &owner) {
        if (!events || !events->is_array()) return;
        for (size_t i = 0; i < events->size(); ++i) {
            const QString listen = json::textOr(json::member((*events)[i], "listen"));
            if (listen == QLatin1String("prerequest"))
                ctx.warning(sourcePath(path, qsizetype(i)),
                            QCoreApplication::translate("gatehouse::Import",
                                                        "the pre-request script of the %1 is not imported")
                                .arg(owner));
            else if (listen == QLatin1String("test") &&
                     owner != QCoreApplication::translate("gatehouse::Import", "request"))
                ctx.warning(sourcePath(path, qsizetype(i)),
                            QCoreApplication::translate("gatehouse::Import",
                                                        "the test script of the %1 is not imported")
                                .arg(owner));
        }
    }

    void readItems(const OrderedJson *items, const QString &path, const QString &prefix, int depth) {
        if (!items || !items->is_array()) return;
        if (depth > kMaxFolderDepth) {
            ctx.warning(
                path, QCoreApplication::translate(
                          "gatehouse::Import", "folders nest deeper than %1 levels; the rest is not imported")
                          .arg(kMaxFolderDepth));
            return;
        }
        for (size_t i = 0; i < items->size(); ++i) {
            const OrderedJson &item = (*items)[i];
            const QString itemPath = sourcePath(path, qsizetype(i));
            const QString name =
                json::textOr(json::member(item, "name"),
                             QCoreApplication::translate("gatehouse::Import", "Request %1").arg(i + 1));
            const QString fullName = prefix.isEmpty() ? name : prefix + QStringLiteral(" / ") + name;
            if (const OrderedJson *children = json::member(item, "item")) {
                warnAboutScripts(
                    json::member(item, "event"), itemPath + QStringLiteral(".event"),
                    QCoreApplication::translate("gatehouse::Import", "folder '%1'").arg(fullName));
                if (json::member(item, "auth"))
                    ctx.warning(itemPath + QStringLiteral(".auth"),
                                QCoreApplication::translate("gatehouse::Import",
                                                            "folder-level auth is not imported"));
                readItems(children, itemPath + QStringLiteral(".item"), fullName, depth + 1);
                continue;
            }
            readRequest(item, itemPath, fullName);
        }
    }

    void readRequest(const OrderedJson &item, const QString &path, const QString &name) {
        const OrderedJson *request = json::member(item, "request");
        if (!request) {
            ctx.warning(path, QCoreApplication::translate("gatehouse::Import",
                                                          "item '%1' has no request; it is not imported")
                                  .arg(name));
            return;
        }
        SavedRequest r;
        r.name = name;
        if (request->is_string()) {
            r.url = QString::fromStdString(request->get<std::string>());
        } else {
            r.method = json::textOr(json::member(request, "method"), QStringLiteral("GET")).toUpper();
            r.url = urlOf(json::member(request, "url"));
            readHeaders(*request, path, r);
            readBody(json::member(request, "body"), path + QStringLiteral(".request.body"), r);
            readAuth(json::member(request, "auth"), path + QStringLiteral(".request.auth"), r);
        }
        const OrderedJson *events = json::member(item, "event");
        warnAboutScripts(events, path + QStringLiteral(".event"),
                         QCoreApplication::translate("gatehouse::Import", "request"));
        if (events && events->is_array())
            for (size_t e = 0; e < events->size(); ++e) {
                const OrderedJson &event = (*events)[e];
                if (json::textOr(json::member(event, "listen")) != QLatin1String("test")) continue;
                const ParsedScript parsed = parsePostmanTestScript(
                    json::strings(json::member(json::member(event, "script"), "exec")));
                r.assertions.append(parsed.assertions);
                for (const QString &line : parsed.unrecognised)
                    ctx.warning(sourcePath(path + QStringLiteral(".event"), qsizetype(e)),
                                QCoreApplication::translate(
                                    "gatehouse::Import",
                                    "test '%1' is not imported: no Gatehouse assertion expresses it")
                                    .arg(line.left(120)));
            }
        project.requests.append(r);
    }

    void readHeaders(const OrderedJson &request, const QString &path, SavedRequest &r) {
        const OrderedJson *headers = json::member(request, "header");
        if (!headers || !headers->is_array()) return;
        for (size_t h = 0; h < headers->size(); ++h) {
            const OrderedJson &header = (*headers)[h];
            const QString key = json::textOr(json::member(header, "key"));
            if (json::boolean(json::member(header, "disabled")).value_or(false)) {
                ctx.warning(
                    sourcePath(path + QStringLiteral(".request.header"), qsizetype(h)),
                    QCoreApplication::translate("gatehouse::Import", "disabled header '%1' is not imported")
                        .arg(key));
                continue;
            }
            if (!key.isEmpty()) r.headers.append({key, json::textOr(json::member(header, "value"))});
        }
    }

    bool hasHeader(const SavedRequest &r, const QString &name) const {
        return std::any_of(r.headers.begin(), r.headers.end(), [&](const NameValue &h) {
            return h.name.compare(name, Qt::CaseInsensitive) == 0;
        });
    }

    void readBody(const OrderedJson *body, const QString &path, SavedRequest &r) {
        if (!body) return;
        const QString mode = json::textOr(json::member(body, "mode"));
        if (mode == QLatin1String("raw")) {
            r.body = json::textOr(json::member(body, "raw"));
            const QString language =
                json::textOr(json::member(json::member(json::member(body, "options"), "raw"), "language"));
            if (language == QLatin1String("json") && !hasHeader(r, QStringLiteral("content-type")) &&
                !r.body.isEmpty())
                r.headers.append({QStringLiteral("content-type"), QStringLiteral("application/json")});
        } else if (mode == QLatin1String("urlencoded")) {
            QUrlQuery query;
            if (const OrderedJson *fields = json::member(body, "urlencoded"); fields && fields->is_array())
                for (const OrderedJson &f : *fields)
                    if (!json::boolean(json::member(f, "disabled")).value_or(false))
                        query.addQueryItem(json::textOr(json::member(f, "key")),
                                           json::textOr(json::member(f, "value")));
            r.body = query.toString(QUrl::FullyEncoded);
            if (!hasHeader(r, QStringLiteral("content-type")))
                r.headers.append(
                    {QStringLiteral("content-type"), QStringLiteral("application/x-www-form-urlencoded")});
        } else if (mode == QLatin1String("graphql")) {
            const OrderedJson *graphql = json::member(body, "graphql");
            OrderedJson payload = OrderedJson::object();
            payload["query"] = json::textOr(json::member(graphql, "query")).toStdString();
            const QString variables = json::textOr(json::member(graphql, "variables"));
            if (!variables.isEmpty()) {
                try {
                    payload["variables"] = OrderedJson::parse(variables.toStdString());
                } catch (const std::exception &) {
                    ctx.warning(path, QCoreApplication::translate(
                                          "gatehouse::Import",
                                          "GraphQL variables are not JSON; they are not imported"));
                }
            }
            r.body = QString::fromStdString(payload.dump());
            if (!hasHeader(r, QStringLiteral("content-type")))
                r.headers.append({QStringLiteral("content-type"), QStringLiteral("application/json")});
        } else if (!mode.isEmpty() && mode != QLatin1String("none")) {
            ctx.warning(
                path, QCoreApplication::translate(
                          "gatehouse::Import", "a '%1' body is not imported: saved requests hold text bodies")
                          .arg(mode));
        }
    }

    void readAuth(const OrderedJson *auth, const QString &path, SavedRequest &r) {
        if (!auth) return;
        const QString type = json::textOr(json::member(auth, "type"));
        const auto value = [&](const char *key) {
            const OrderedJson *list = json::member(auth, type.toStdString().c_str());
            if (list && list->is_array())
                for (const OrderedJson &entry : *list)
                    if (json::textOr(json::member(entry, "key")) == QLatin1String(key))
                        return json::textOr(json::member(entry, "value"));
            return QString();
        };
        if (type == QLatin1String("bearer")) {
            r.headers.append({QStringLiteral("Authorization"), QStringLiteral("Bearer ") + value("token")});
        } else if (type == QLatin1String("apikey") && value("in") != QLatin1String("query")) {
            r.headers.append({value("key"), value("value")});
        } else if (type != QLatin1String("noauth") && !type.isEmpty()) {
            ctx.warning(path, QCoreApplication::translate(
                                  "gatehouse::Import",
                                  "'%1' auth is not imported; add the header it sends to the request")
                                  .arg(type));
        }
    }

    ImportContext &ctx;
    Project &project;
};

void readEnvironment(ImportContext &ctx, const OrderedJson &root, Project &project) {
    VariableSet set;
    set.name =
        json::textOr(json::member(root, "name"), QFileInfo(ctx.document().fileName).completeBaseName());
    const OrderedJson *values = json::member(root, "values");
    for (size_t i = 0; values && values->is_array() && i < values->size(); ++i) {
        const OrderedJson &v = (*values)[i];
        const QString key = json::textOr(json::member(v, "key"));
        if (json::boolean(json::member(v, "enabled")).value_or(true) && !key.isEmpty())
            set.variables.append({key, json::textOr(json::member(v, "value"))});
        else if (!key.isEmpty())
            ctx.warning(
                sourcePath(QStringLiteral("values"), qsizetype(i)),
                QCoreApplication::translate("gatehouse::Import", "disabled variable '%1' is not imported")
                    .arg(key));
    }
    project.environments.append(set);
}

} // namespace

ImportResult importPostman(const QList<ImportSource> &sources, const ImportOptions &options) {
    ImportResult result;
    SourceLimits limits;
    limits.maxBytes = options.maxBytes;
    bool haveCollection = false;
    for (const ImportSource &source : sources) {
        const std::optional<SourceDocument> doc =
            parseSourceDocument(source.bytes, source.fileName, result.diagnostics, limits);
        if (!doc) continue;
        ImportContext ctx(*doc, result.diagnostics);
        const OrderedJson &root = doc->root;
        if (json::member(root, "values") && !json::member(root, "item")) {
            readEnvironment(ctx, root, result.project);
        } else if (json::member(root, "item") || json::member(root, "info")) {
            haveCollection = true;
            CollectionReader(ctx, result.project).read(root);
        } else {
            ctx.error({},
                      QCoreApplication::translate(
                          "gatehouse::Import",
                          "neither a Postman collection (info, item) nor a Postman environment (values)"),
                      QCoreApplication::translate("gatehouse::Import",
                                                  "export the collection from Postman as Collection v2.1"));
        }
    }
    if (!options.projectName.isEmpty()) result.project.name = options.projectName;
    if (result.project.name.isEmpty() && !sources.isEmpty())
        result.project.name =
            QFileInfo(sources.first().fileName).completeBaseName().section(QLatin1Char('.'), 0, 0);
    if (!haveCollection && !hasErrors(result.diagnostics) && !sources.isEmpty()) {
        Diagnostic d;
        d.severity = Diagnostic::Severity::Warning;
        d.file = sources.first().fileName;
        d.message = QCoreApplication::translate(
            "gatehouse::Import", "only environments were imported; add a collection to import requests");
        result.diagnostics.append(d);
    }
    return result;
}

} // namespace gatehouse
