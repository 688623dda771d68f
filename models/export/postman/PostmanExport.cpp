// Postman Collection Format v2.1.0 (schema
// https://schema.getpostman.com/json/collection/v2.1.0/collection.json) and Postman environment files (name,
// values[{key, value, type, enabled}], _postman_variable_scope).
#include "PostmanExport.h"

#include "PostmanTests.h"
#include "export/ExportReport.h"
#include "export/UnknownFieldWarnings.h"

#include <QCoreApplication>

namespace gatehouse {

namespace {

// Request names like "Users / Create" become the folder "Users" holding "Create", the inverse of how
// an import flattens folders.
inline constexpr auto kFolderSeparator = " / ";

QByteArray json(const OrderedJson &document) {
    return QByteArray::fromStdString(document.dump(2)) + '\n';
}

QString fileStem(const QString &name) {
    QString stem;
    for (const QChar c : name)
        stem +=
            (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')) ? c : QLatin1Char('-');
    return stem.isEmpty() ? QStringLiteral("gatehouse") : stem;
}

// Postman sends "Content-Type: application/json" by itself for a raw body in JSON mode, so the mode
// follows the request's own content-type header: a request without one is sent without one.
bool declaresJson(const SavedRequest &r) {
    for (const NameValue &h : r.headers)
        if (h.name.compare(QLatin1String("content-type"), Qt::CaseInsensitive) == 0)
            return h.value.contains(QLatin1String("json"), Qt::CaseInsensitive);
    return false;
}

OrderedJson requestItem(const SavedRequest &r, const QString &itemName, const QString &path,
                        ExportReport &report) {
    OrderedJson request = OrderedJson::object();
    request["method"] = r.method.toStdString();
    OrderedJson headers = OrderedJson::array();
    for (const NameValue &h : r.headers)
        headers.push_back(OrderedJson{{"key", h.name.toStdString()}, {"value", h.value.toStdString()}});
    request["header"] = std::move(headers);
    if (!r.body.isEmpty()) {
        OrderedJson body = OrderedJson::object();
        body["mode"] = "raw";
        body["raw"] = r.body.toStdString();
        if (declaresJson(r)) body["options"] = OrderedJson{{"raw", OrderedJson{{"language", "json"}}}};
        request["body"] = std::move(body);
    }
    // The string form of "url" (allowed by the v2.1 schema) keeps {{variables}} exactly as written.
    request["url"] = r.url.toStdString();

    QStringList lines;
    bool needsHelpers = false;
    for (qsizetype a = 0; a < r.assertions.size(); ++a) {
        const RequestAssertion &assertion = r.assertions[a];
        const std::optional<QString> line = postmanTestLine(assertion);
        if (!line) {
            report.warning(elementPath(path, "assertions", a),
                           QCoreApplication::translate(
                               "gatehouse::Export",
                               "assertion '%1 %2 %3' has no Postman test equivalent and is not exported")
                               .arg(assertion.kind, assertion.op, assertion.expected));
            continue;
        }
        needsHelpers = needsHelpers || assertion.kind == QLatin1String("jsonPath");
        lines.append(*line);
    }
    if (needsHelpers) lines = postmanHelperLines() + lines;

    OrderedJson item = OrderedJson::object();
    item["name"] = itemName.toStdString();
    if (!lines.isEmpty()) {
        OrderedJson exec = OrderedJson::array();
        for (const QString &l : lines)
            exec.push_back(l.toStdString());
        item["event"] = OrderedJson::array({OrderedJson{
            {"listen", "test"}, {"script", OrderedJson{{"type", "text/javascript"}, {"exec", exec}}}}});
    }
    item["request"] = std::move(request);
    return item;
}

// Finds (or appends) the folder `name` in `items`.
OrderedJson &folder(OrderedJson &items, const std::string &name) {
    for (OrderedJson &item : items)
        if (item.contains("item") && item["name"] == name) return item["item"];
    items.push_back(OrderedJson{{"name", name}, {"item", OrderedJson::array()}});
    return items.back()["item"];
}

OrderedJson environmentFile(const VariableSet &set) {
    OrderedJson values = OrderedJson::array();
    for (const NameValue &v : set.variables)
        values.push_back(OrderedJson{{"key", v.name.toStdString()},
                                     {"value", v.value.toStdString()},
                                     {"type", "default"},
                                     {"enabled", true}});
    return OrderedJson{
        {"name", set.name.toStdString()}, {"values", values}, {"_postman_variable_scope", "environment"}};
}

} // namespace

ExportResult exportPostman(const Project &project, const ExportOptions &options) {
    ExportReport report(options.projectFileName);
    OrderedJson items = OrderedJson::array();
    for (qsizetype i = 0; i < project.requests.size(); ++i) {
        const SavedRequest &r = project.requests[i];
        const QStringList parts = r.name.split(QString::fromLatin1(kFolderSeparator));
        OrderedJson *target = &items;
        for (qsizetype p = 0; p + 1 < parts.size(); ++p)
            target = &folder(*target, parts[p].toStdString());
        target->push_back(requestItem(r, parts.last(), elementPath("requests", i), report));
    }
    OrderedJson info = OrderedJson::object();
    info["name"] = project.name.toStdString();
    if (!project.description.isEmpty()) info["description"] = project.description.toStdString();
    info["schema"] = kPostmanCollectionSchema;
    const OrderedJson collection = OrderedJson{{"info", info}, {"item", items}};

    ExportResult result;
    const QString stem = fileStem(project.name);
    result.files.append(
        {stem + QStringLiteral(".postman_collection.json"), json(collection), ExportedFile::Kind::Document});
    for (const VariableSet &set : project.environments)
        result.files.append(
            {stem + QLatin1Char('.') + fileStem(set.name) + QStringLiteral(".postman_environment.json"),
             json(environmentFile(set)), ExportedFile::Kind::Document});
    if (project.requests.isEmpty())
        report.warning(
            QStringLiteral("requests"),
            QCoreApplication::translate("gatehouse::Export",
                                        "the project has no saved requests; the collection is empty"));
    if (!project.functions.isEmpty() || !project.apis.isEmpty())
        report.warning({},
                       QCoreApplication::translate(
                           "gatehouse::Export",
                           "functions, APIs and other resources are not part of a Postman collection"),
                       QCoreApplication::translate("gatehouse::Export", "export them with --format sam"));
    warnAboutUnknownFields(project, QStringLiteral("Postman"), UnknownFieldScope::Requests, report);
    result.diagnostics = report.takeDiagnostics();
    return result;
}

} // namespace gatehouse
