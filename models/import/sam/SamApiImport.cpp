// AWS::Serverless::HttpApi (.../sam-resource-httpapi.html) and AWS::Serverless::Api
// (.../sam-resource-api.html): stage, CORS, auth (JWT, Lambda, API keys), throttling, definitions.
#include "SamAuthImport.h"
#include "SamReader.h"
#include "export/CodeFolder.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace gatehouse::sam {

namespace {

ThrottleSettings throttle(const OrderedJson *settings) {
    ThrottleSettings t;
    t.burstLimit = json::integer(json::member(settings, "ThrottlingBurstLimit"));
    t.rateLimit = json::number(json::member(settings, "ThrottlingRateLimit"));
    return t;
}

// "'GET,POST'" -> ["GET", "POST"]: REST CORS values are header values in single quotes.
QStringList quotedList(const QString &value) {
    QString v = value.trimmed();
    if (v.size() >= 2 && v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))
        v = v.mid(1, v.size() - 2);
    QStringList list;
    for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
        list.append(part.trimmed());
    return list;
}

class ApiReader {
public:
    ApiReader(SamReader &r, const TemplateResource &res)
        : r(r)
        , res(res)
        , at(res.path + QStringLiteral(".Properties.")) {}

    void read() {
        http = res.type == QLatin1String("AWS::Serverless::HttpApi");
        const OrderedJson &p = res.properties;
        api.type = http ? ApiType::Http : ApiType::Rest;
        api.name = r.nameFor(NamedKind::Api, res.id);
        if (const OrderedJson *name = json::member(p, "Name"))
            if (const auto t = r.values.text(*name)) api.name = *t;
        api.description = json::textOr(json::member(p, "Description"));
        Stage stage;
        stage.name = http ? QStringLiteral("$default") : QStringLiteral("Prod");
        if (const auto t = r.text(json::member(p, "StageName"), at + QStringLiteral("StageName")))
            stage.name = *t;
        readVariables(json::member(p, http ? "StageVariables" : "Variables"), stage);
        const OrderedJson *accessLog = json::member(p, http ? "AccessLogSettings" : "AccessLogSetting");
        if (const OrderedJson *format = json::member(accessLog, "Format"))
            stage.accessLogFormat =
                r.text(format, at + QStringLiteral("AccessLogSettings.Format")).value_or(QString());
        api.stages.append(stage);
        if (http) {
            api.throttling = throttle(json::member(p, "DefaultRouteSettings"));
            readHttpCors(json::member(p, "CorsConfiguration"));
        } else {
            readRestCors(json::member(p, "Cors"));
            for (const QString &type : json::strings(json::member(p, "BinaryMediaTypes")))
                api.binaryMediaTypes.append(QString(type).replace(QLatin1String("~1"), QLatin1String("/")));
        }
        readDomain(json::member(p, "Domain"), stage.name);
        ApiState state;
        state.index = r.project.apis.size();
        state.path = res.path;
        if (const OrderedJson *ms = json::member(p, "MethodSettings")) state.methodSettings = *ms;
        if (const OrderedJson *rs = json::member(p, "RouteSettings")) state.routeSettings = *rs;
        readAuth(json::member(p, "Auth"), state);
        r.project.apis.append(api);
        r.apis.insert(res.id, state);
        readDefinition();
        r.warnUnhandled(res, p,
                        {QStringLiteral("Name"), QStringLiteral("Description"), QStringLiteral("StageName"),
                         QStringLiteral("StageVariables"), QStringLiteral("Variables"),
                         QStringLiteral("AccessLogSettings"), QStringLiteral("AccessLogSetting"),
                         QStringLiteral("DefaultRouteSettings"), QStringLiteral("CorsConfiguration"),
                         QStringLiteral("Cors"), QStringLiteral("BinaryMediaTypes"), QStringLiteral("Domain"),
                         QStringLiteral("MethodSettings"), QStringLiteral("RouteSettings"),
                         QStringLiteral("Auth"), QStringLiteral("DefinitionBody"),
                         QStringLiteral("DefinitionUri")},
                        http ? QStringLiteral("HttpApi") : QStringLiteral("Api"));
        r.consumed.insert(res.id);
    }

private:
    void readVariables(const OrderedJson *variables, Stage &stage) {
        if (!variables || !variables->is_object()) return;
        for (const auto &[name, value] : variables->items())
            if (const auto t =
                    r.text(&value, at + QStringLiteral("Variables.") + QString::fromStdString(name)))
                stage.variables.append({QString::fromStdString(name), *t});
    }

    void readHttpCors(const OrderedJson *cors) {
        if (!cors) return;
        Cors c;
        if (cors->is_boolean()) {
            if (!cors->get<bool>()) return;
            // "CorsConfiguration: true" allows every origin, method and header (SAM spec, HttpApi).
            c.allowOrigins = c.allowMethods = c.allowHeaders = QStringList{QStringLiteral("*")};
        } else {
            const QString corsPath = at + QStringLiteral("CorsConfiguration.");
            c.allowOrigins =
                r.strings(json::member(cors, "AllowOrigins"), corsPath + QStringLiteral("AllowOrigins"));
            c.allowMethods =
                r.strings(json::member(cors, "AllowMethods"), corsPath + QStringLiteral("AllowMethods"));
            c.allowHeaders =
                r.strings(json::member(cors, "AllowHeaders"), corsPath + QStringLiteral("AllowHeaders"));
            c.exposeHeaders =
                r.strings(json::member(cors, "ExposeHeaders"), corsPath + QStringLiteral("ExposeHeaders"));
            c.maxAgeSeconds = json::integer(json::member(cors, "MaxAge"));
            c.allowCredentials = json::boolean(json::member(cors, "AllowCredentials")).value_or(false);
        }
        api.cors = c;
    }

    void readRestCors(const OrderedJson *cors) {
        if (!cors) return;
        Cors c;
        if (cors->is_string()) {
            c.allowOrigins = quotedList(QString::fromStdString(cors->get<std::string>()));
        } else {
            c.allowOrigins = quotedList(json::textOr(json::member(cors, "AllowOrigin")));
            c.allowMethods = quotedList(json::textOr(json::member(cors, "AllowMethods")));
            c.allowHeaders = quotedList(json::textOr(json::member(cors, "AllowHeaders")));
            const QStringList maxAge = quotedList(json::textOr(json::member(cors, "MaxAge")));
            if (!maxAge.isEmpty()) {
                bool ok = false;
                const int v = maxAge.first().toInt(&ok);
                if (ok) c.maxAgeSeconds = v;
            }
            c.allowCredentials = json::boolean(json::member(cors, "AllowCredentials")).value_or(false);
        }
        api.cors = c;
    }

    void readDomain(const OrderedJson *domain, const QString &stage) {
        if (!domain) return;
        CustomDomain d;
        d.domainName = r.text(json::member(domain, "DomainName"), at + QStringLiteral("Domain.DomainName"))
                           .value_or(QString());
        if (d.domainName.isEmpty()) return;
        QStringList basePaths = json::strings(json::member(domain, "BasePath"));
        if (basePaths.isEmpty()) basePaths.append(QString());
        for (const QString &basePath : basePaths)
            d.mappings.append(
                {QString(basePath).remove(0, basePath.startsWith(QLatin1Char('/')) ? 1 : 0), stage, {}});
        api.customDomains.append(d);
    }

    void readAuth(const OrderedJson *auth, ApiState &state) {
        if (!auth) return;
        const QString authPath = at + QStringLiteral("Auth");
        if (const OrderedJson *authorizers = json::member(auth, "Authorizers");
            authorizers && authorizers->is_object())
            for (const auto &[key, def] : authorizers->items()) {
                const QString k = QString::fromStdString(key);
                std::optional<Authorizer> a =
                    http ? readHttpApiAuthorizer(r, k, def, authPath + QStringLiteral(".Authorizers.") + k)
                         : readRestApiAuthorizer(r, k, def, authPath + QStringLiteral(".Authorizers.") + k);
                if (a) state.authorizers.insert(k, r.addAuthorizer(*a, api.name));
            }
        const QString defaultKey = json::textOr(json::member(auth, "DefaultAuthorizer"));
        if (!defaultKey.isEmpty()) {
            state.defaultAuthorizer = state.authorizers.value(defaultKey);
            if (state.defaultAuthorizer.isEmpty() && defaultKey != QLatin1String("NONE"))
                r.ctx.warning(authPath + QStringLiteral(".DefaultAuthorizer"),
                              QCoreApplication::translate("gatehouse::Import",
                                                          "default authorizer '%1' is not imported")
                                  .arg(defaultKey));
        }
        state.apiKeyRequired = json::boolean(json::member(auth, "ApiKeyRequired")).value_or(false);
        if (const OrderedJson *plan = json::member(auth, "UsagePlan"))
            state.apiKeyAuthorizer = readUsagePlan(r, *plan, api.name);
        for (const QString &key : json::keys(auth))
            if (!QStringList{QStringLiteral("Authorizers"), QStringLiteral("DefaultAuthorizer"),
                             QStringLiteral("ApiKeyRequired"), QStringLiteral("UsagePlan")}
                     .contains(key))
                r.ctx.warning(
                    authPath + QLatin1Char('.') + key,
                    QCoreApplication::translate("gatehouse::Import", "Auth setting %1 is not imported")
                        .arg(key));
    }

    void readDefinition() {
        const OrderedJson &p = res.properties;
        const qsizetype index = r.apis.value(res.id).index;
        if (const OrderedJson *body = json::member(p, "DefinitionBody")) {
            readDefinitionBody(r, index, r.values.evaluate(*body), at + QStringLiteral("DefinitionBody"));
            return;
        }
        const OrderedJson *uri = json::member(p, "DefinitionUri");
        if (!uri) return;
        // Only files inside the template's folder: an imported template must not read the rest of the disk.
        const QString file = uri->is_string()
                                 ? normalizedRelativePath(QString::fromStdString(uri->get<std::string>()))
                                 : QString();
        if (file.isEmpty() || r.options.sourceFolder.isEmpty()) {
            r.ctx.warning(at + QStringLiteral("DefinitionUri"),
                          QCoreApplication::translate(
                              "gatehouse::Import",
                              "the API definition is not beside the template; its routes are not imported"),
                          QCoreApplication::translate("gatehouse::Import",
                                                      "import the OpenAPI file with --from openapi"));
            return;
        }
        QFile definition(QFileInfo(r.options.sourceFolder + QLatin1Char('/') + file).absoluteFilePath());
        if (definition.size() > r.options.maxBytes || !definition.open(QIODevice::ReadOnly)) {
            r.ctx.warning(
                at + QStringLiteral("DefinitionUri"),
                QCoreApplication::translate("gatehouse::Import", "cannot read the API definition %1")
                    .arg(file));
            return;
        }
        Diagnostics parse;
        std::optional<SourceDocument> doc = parseSourceDocument(definition.readAll(), file, parse);
        for (Diagnostic &d : parse) {
            d.severity = Diagnostic::Severity::Warning;
            r.ctx.warning(at + QStringLiteral("DefinitionUri"), d.toString());
        }
        if (doc) readDefinitionBody(r, index, doc->root, at + QStringLiteral("DefinitionUri"));
    }

    SamReader &r;
    const TemplateResource &res;
    const QString at;
    bool http = true;
    Api api;
};

} // namespace

void readApis(SamReader &r) {
    for (const TemplateResource &res : r.resources)
        if (res.type == QLatin1String("AWS::Serverless::HttpApi") ||
            res.type == QLatin1String("AWS::Serverless::Api"))
            ApiReader(r, res).read();
    // Globals.Api/HttpApi also shape SAM's implicit APIs; they are created when an event needs them.
}

void applyMethodSettings(SamReader &r) {
    for (auto it = r.apis.begin(); it != r.apis.end(); ++it) {
        ApiState &state = it.value();
        Api &api = r.project.apis[state.index];
        if (state.methodSettings.is_array())
            for (const OrderedJson &setting : state.methodSettings) {
                const QString path = QString(json::textOr(json::member(setting, "ResourcePath")))
                                         .replace(QLatin1String("~1"), QLatin1String("/"));
                const QString method = json::textOr(json::member(setting, "HttpMethod")).toUpper();
                const ThrottleSettings t = throttle(&setting);
                if (!t.isSet()) continue;
                if (path == QLatin1String("/*") && method == QLatin1String("*")) {
                    api.throttling = t;
                    continue;
                }
                bool applied = false;
                for (Route &route : api.routes)
                    if (route.path == path &&
                        (route.method == method ||
                         (method == QLatin1String("*") && route.method == QLatin1String("ANY")))) {
                        route.throttling = t;
                        applied = true;
                    }
                if (!applied)
                    r.ctx.warning(state.path + QStringLiteral(".Properties.MethodSettings"),
                                  QCoreApplication::translate(
                                      "gatehouse::Import",
                                      "method settings for %1 %2 match no route; they are not imported")
                                      .arg(method, path));
            }
        if (state.routeSettings.is_object())
            for (const auto &[key, setting] : state.routeSettings.items()) {
                const QString routeKey = QString::fromStdString(key);
                bool applied = false;
                for (Route &route : api.routes)
                    if (routeKeyOf(route, api.type) == routeKey) {
                        route.throttling = throttle(&setting);
                        applied = true;
                    }
                if (!applied)
                    r.ctx.warning(state.path + QStringLiteral(".Properties.RouteSettings"),
                                  QCoreApplication::translate(
                                      "gatehouse::Import",
                                      "route settings for '%1' match no route; they are not imported")
                                      .arg(routeKey));
            }
    }
}

} // namespace gatehouse::sam
