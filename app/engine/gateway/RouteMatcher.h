// Chooses the stage and the route for a request as API Gateway does. Sources: "Working with routes
// for HTTP APIs" (stage first, then the most specific route: full match, then greedy {proxy+}, then
// $default; ANY covers methods a path does not define) and REST "Set up a proxy integration with a
// proxy resource" ({proxy+} is last and matches one or more segments).
#pragma once

#include "project/Api.h"

#include <QList>
#include <QString>

namespace gatehouse {

struct StageSelection {
    int stageIndex = -1; // into Api::stages; -1 = the implicit $default stage of an HTTP API with no stages
    QString stageName;   // "$default", "prod", ...
    QString pathInStage; // the raw path without the stage prefix; always starts with '/'
};

struct RouteMatch {
    int routeIndex = -1;  // into Api::routes
    QString routeKey;     // "GET /items/{id}" or "$default"
    QString resourcePath; // the route's template "/items/{id}", or "$default"
    // In template order. HTTP APIs decode values ("API Gateway decodes URL-encoded request
    // parameters", Working with routes for HTTP APIs); REST APIs pass them as sent (percent-encoded).
    NameValueList pathParameters;
    StageSelection stage;
};

struct RouteLookup {
    enum class Outcome { Matched, StageNotFound, RouteNotFound };
    Outcome outcome = Outcome::RouteNotFound;
    RouteMatch match; // meaningful when outcome == Matched
    bool matched() const { return outcome == Outcome::Matched; }
};

class RouteMatcher {
public:
    explicit RouteMatcher(const Api &api);

    // HTTP APIs: a first segment naming a stage selects it, otherwise the $default stage serves the
    // whole path (an API without stages behaves as if it had $default). REST APIs: the first segment
    // must name a stage.
    std::optional<StageSelection> selectStage(const QString &rawPath) const;
    RouteLookup match(const QString &method, const QString &rawPath) const;
    // Route selection inside an already chosen stage (the gateway's custom domains use this).
    RouteLookup matchInStage(const QString &method, const StageSelection &stage) const;

private:
    struct Segment {
        enum class Kind { Literal, Parameter, Greedy };
        Kind kind = Kind::Literal;
        QString text; // literal text or parameter name
    };
    struct CompiledRoute {
        int index = -1;
        QString method; // upper case; "ANY" matches every method
        bool isDefault = false;
        QList<Segment> segments;
        QString routeKey;
        QString path;
    };
    struct Candidate;

    static QList<Segment> compile(const QString &path);
    static QStringList splitPath(const QString &path);
    bool matchSegments(const CompiledRoute &route, const QStringList &segments,
                       NameValueList &parameters) const;
    QString segmentValue(const QString &rawSegment) const;

    ApiType m_type;
    QStringList m_stageNames;
    QList<CompiledRoute> m_routes;
};

} // namespace gatehouse
