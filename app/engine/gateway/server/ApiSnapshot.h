// One API's configuration compiled for serving: the routes' matcher, CORS policy, JWT key sets and
// access log formats, built once per project version. Requests read a snapshot without locks; a hot
// reload builds a new one while in-flight requests finish on the old one.
#pragma once

#include "gateway/AccessLogFormat.h"
#include "gateway/CorsPolicy.h"
#include "gateway/JwtAuthorizer.h"
#include "gateway/RouteMatcher.h"
#include "project/Project.h"

#include <QHash>
#include <QSet>
#include <memory>
#include <optional>

namespace gatehouse {

// JWKS documents fetched from URLs, by URL; file paths are read when the snapshot is built.
using FetchedJwks = QHash<QString, QByteArray>;

struct ApiSnapshot {
    Api api;
    ProjectSettings settings;
    QString apiId; // 10 lower-case letters and digits, stable for the API's name (as AWS ids look)
    RouteMatcher matcher;
    std::optional<CorsPolicy> cors;
    QHash<QString, Authorizer> authorizers;                   // every project authorizer, by name
    QHash<QString, std::shared_ptr<const JwtAuthorizer>> jwt; // JWT authorizers with their keys
    QHash<QString, AccessLogFormat> accessLogs;               // by stage name
    AccessLogFormat defaultAccessLog{AccessLogFormat::commonLogFormat(ApiType::Http)};
    QStringList problems; // configuration problems found while compiling (unreadable JWKS, ...)
    // The project's functions whose runtime builds events from a PrebuiltEvent (the embedded one): the
    // gateway makes one only for them (a Node.js or Python function reads the JSON text alone).
    QSet<QString> prebuiltEventFunctions;

    ApiSnapshot(const Project &project, const Api &api, const QString &projectFolder,
                const FetchedJwks &fetched = {});

    const Stage *stage(const QString &name) const;
    const Route *route(int index) const;
    const AccessLogFormat &accessLogFor(const QString &stageName) const;
};

// A stable API id derived from its name: "hello-http" always becomes the same 10 characters.
QString localApiId(const QString &apiName);
// REST APIs identify each resource (path) with a 6-character id; derived from the path likewise.
QString localResourceId(const QString &resourcePath);
// The JWKS URLs (http:// or https://) the project's JWT authorizers name.
QStringList jwksUrlsOf(const Project &project);

} // namespace gatehouse
