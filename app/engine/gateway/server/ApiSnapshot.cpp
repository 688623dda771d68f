#include "ApiSnapshot.h"

#include "invoker/RuntimeSupport.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace gatehouse {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::ApiSnapshot", text);
}

// Base-36 digits of a SHA-1, so ids look like AWS's ("a1b2c3d4e5") and never change for a name.
QString stableId(const QString &seed, int length) {
    static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    const QByteArray hash = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1);
    QString id;
    for (int i = 0; i < length; ++i)
        id.append(QLatin1Char(digits[static_cast<unsigned char>(hash.at(i)) % 36]));
    return id;
}

bool isUrl(const QString &location) {
    return location.startsWith(QLatin1String("http://")) || location.startsWith(QLatin1String("https://"));
}

} // namespace

QString localApiId(const QString &apiName) {
    return stableId(QStringLiteral("api:") + apiName, 10);
}

QString localResourceId(const QString &resourcePath) {
    return stableId(QStringLiteral("resource:") + resourcePath, 6);
}

QStringList jwksUrlsOf(const Project &project) {
    QStringList urls;
    for (const Authorizer &authorizer : project.authorizers)
        if (authorizer.type == AuthorizerType::Jwt && isUrl(authorizer.jwksUri) &&
            !urls.contains(authorizer.jwksUri))
            urls.append(authorizer.jwksUri);
    return urls;
}

ApiSnapshot::ApiSnapshot(const Project &project, const Api &configuredApi, const QString &projectFolder,
                         const FetchedJwks &fetched)
    : api(configuredApi)
    , settings(project.settings)
    , apiId(localApiId(configuredApi.name))
    , matcher(configuredApi)
    , defaultAccessLog(AccessLogFormat::commonLogFormat(configuredApi.type)) {
    // REST APIs have no CORS setting on AWS (the console's "Enable CORS" adds OPTIONS mock methods);
    // answering preflights for them too is what that button produces, so the policy applies to both.
    if (api.cors && api.cors->isSet()) cors.emplace(*api.cors);
    for (const Function &function : project.functions)
        if (runtimesupport::takesPrebuiltEvents(function.runtime))
            prebuiltEventFunctions.insert(function.name);
    for (const Stage &stage : api.stages)
        if (!stage.accessLogFormat.trimmed().isEmpty())
            accessLogs.insert(stage.name, AccessLogFormat(stage.accessLogFormat));

    for (const Authorizer &authorizer : project.authorizers) {
        authorizers.insert(authorizer.name, authorizer);
        if (authorizer.type != AuthorizerType::Jwt) continue;
        QByteArray document;
        if (authorizer.jwksUri.isEmpty()) {
            problems.append(
                tr("JWT authorizer '%1' names no JWKS: every token is refused").arg(authorizer.name));
        } else if (isUrl(authorizer.jwksUri)) {
            document = fetched.value(authorizer.jwksUri);
            if (document.isEmpty())
                problems.append(tr("JWT authorizer '%1': the key set at %2 could not be fetched")
                                    .arg(authorizer.name, authorizer.jwksUri));
        } else {
            QFile file(QDir(projectFolder).absoluteFilePath(authorizer.jwksUri));
            if (file.open(QIODevice::ReadOnly))
                document = file.read(1024 * 1024);
            else
                problems.append(tr("JWT authorizer '%1': cannot read %2: %3")
                                    .arg(authorizer.name, file.fileName(), file.errorString()));
        }
        Jwks keys = Jwks::fromJson(document);
        if (!document.isEmpty()) // an empty document was reported above
            for (const QString &problem : keys.problems())
                problems.append(tr("JWT authorizer '%1': %2").arg(authorizer.name, problem));
        jwt.insert(authorizer.name, std::make_shared<const JwtAuthorizer>(authorizer, std::move(keys)));
    }
}

const Stage *ApiSnapshot::stage(const QString &name) const {
    for (const Stage &s : api.stages)
        if (s.name == name) return &s;
    return nullptr;
}

const Route *ApiSnapshot::route(int index) const {
    return index >= 0 && index < api.routes.size() ? &api.routes[index] : nullptr;
}

const AccessLogFormat &ApiSnapshot::accessLogFor(const QString &stageName) const {
    const auto it = accessLogs.constFind(stageName);
    return it != accessLogs.cend() ? *it : defaultAccessLog;
}

} // namespace gatehouse
