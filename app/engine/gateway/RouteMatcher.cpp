#include "RouteMatcher.h"

#include "HeaderFields.h"

namespace gatehouse {

namespace {

const QString kDefault = QStringLiteral("$default");

// Specificity of one template segment: literal text beats a {parameter}, which beats {greedy+}.
int rankOf(int kind) {
    return 2 - kind;
}

} // namespace

struct RouteMatcher::Candidate {
    const CompiledRoute *route = nullptr;
    NameValueList parameters;
    bool greedy = false;
    QList<int> ranks;
    bool exactMethod = false;

    // "Most specific wins": any full match beats any greedy match; then segment by segment from the
    // left (literal > parameter > greedy); then an exact method beats ANY; then definition order.
    bool beats(const Candidate &other) const {
        if (greedy != other.greedy) return !greedy;
        for (qsizetype i = 0; i < std::min(ranks.size(), other.ranks.size()); ++i)
            if (ranks[i] != other.ranks[i]) return ranks[i] > other.ranks[i];
        if (ranks.size() != other.ranks.size()) return ranks.size() > other.ranks.size();
        if (exactMethod != other.exactMethod) return exactMethod;
        return route->index < other.route->index;
    }
};

RouteMatcher::RouteMatcher(const Api &api)
    : m_type(api.type) {
    for (const Stage &stage : api.stages)
        m_stageNames.append(stage.name);
    for (int i = 0; i < api.routes.size(); ++i) {
        const Route &route = api.routes[i];
        CompiledRoute compiled;
        compiled.index = i;
        compiled.method = route.method.toUpper();
        compiled.isDefault = route.path == kDefault;
        compiled.segments = compiled.isDefault ? QList<Segment>() : compile(route.path);
        compiled.routeKey = routeKeyOf(route, api.type);
        compiled.path = route.path;
        m_routes.append(compiled);
    }
}

QStringList RouteMatcher::splitPath(const QString &path) {
    QStringList segments = path.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty()) segments.removeFirst();
    // API Gateway treats "/pets/" like "/pets".
    if (!segments.isEmpty() && segments.last().isEmpty()) segments.removeLast();
    return segments;
}

QList<RouteMatcher::Segment> RouteMatcher::compile(const QString &path) {
    QList<Segment> segments;
    for (const QString &piece : splitPath(path)) {
        Segment segment;
        if (piece.size() > 2 && piece.startsWith(QLatin1Char('{')) && piece.endsWith(QLatin1Char('}'))) {
            const QString name = piece.mid(1, piece.size() - 2);
            segment.kind = name.endsWith(QLatin1Char('+')) ? Segment::Kind::Greedy : Segment::Kind::Parameter;
            segment.text = segment.kind == Segment::Kind::Greedy ? name.chopped(1) : name;
        } else {
            segment.text = piece;
        }
        segments.append(segment);
    }
    return segments;
}

std::optional<StageSelection> RouteMatcher::selectStage(const QString &rawPath) const {
    const QString path = rawPath.isEmpty() ? QStringLiteral("/") : rawPath;
    const qsizetype end = path.indexOf(QLatin1Char('/'), 1);
    const QString first = path.mid(1, end < 0 ? -1 : end - 1);
    const QString rest = end < 0 ? QStringLiteral("/") : path.mid(end);
    const qsizetype named = first.isEmpty() || first == kDefault ? -1 : m_stageNames.indexOf(first);
    if (named >= 0) return StageSelection{static_cast<int>(named), first, rest};
    if (m_type != ApiType::Http) return std::nullopt;
    const qsizetype fallback = m_stageNames.indexOf(kDefault);
    if (fallback >= 0) return StageSelection{static_cast<int>(fallback), kDefault, path};
    if (m_stageNames.isEmpty()) return StageSelection{-1, kDefault, path};
    return std::nullopt;
}

RouteLookup RouteMatcher::match(const QString &method, const QString &rawPath) const {
    const std::optional<StageSelection> stage = selectStage(rawPath);
    if (!stage) return {RouteLookup::Outcome::StageNotFound, {}};
    return matchInStage(method, *stage);
}

QString RouteMatcher::segmentValue(const QString &rawSegment) const {
    return m_type == ApiType::Http ? percentDecoded(rawSegment) : rawSegment;
}

bool RouteMatcher::matchSegments(const CompiledRoute &route, const QStringList &segments,
                                 NameValueList &parameters) const {
    const qsizetype count = route.segments.size();
    const bool greedy = count > 0 && route.segments.last().kind == Segment::Kind::Greedy;
    // A greedy variable takes one or more trailing segments; everything else is one to one.
    if (greedy ? segments.size() < count : segments.size() != count) return false;
    for (qsizetype i = 0; i < count; ++i) {
        const Segment &segment = route.segments[i];
        const QString value = segmentValue(segments[i]);
        switch (segment.kind) {
        case Segment::Kind::Literal:
            if (value != segment.text) return false;
            break;
        case Segment::Kind::Parameter:
            if (value.isEmpty()) return false;
            parameters.append({segment.text, value});
            break;
        case Segment::Kind::Greedy: {
            const QString remainder = segments.mid(i).join(QLatin1Char('/'));
            if (remainder.isEmpty()) return false;
            parameters.append({segment.text, segmentValue(remainder)});
            break;
        }
        }
    }
    return true;
}

RouteLookup RouteMatcher::matchInStage(const QString &method, const StageSelection &stage) const {
    const QString upperMethod = method.toUpper();
    const QStringList segments = splitPath(stage.pathInStage);
    std::optional<Candidate> best;
    const CompiledRoute *defaultRoute = nullptr;
    for (const CompiledRoute &route : m_routes) {
        if (route.isDefault) {
            if (!defaultRoute) defaultRoute = &route;
            continue;
        }
        const bool exactMethod = route.method == upperMethod;
        if (!exactMethod && route.method != QLatin1String("ANY")) continue;
        Candidate candidate;
        if (!matchSegments(route, segments, candidate.parameters)) continue;
        candidate.route = &route;
        candidate.exactMethod = exactMethod;
        for (const Segment &segment : route.segments) {
            candidate.ranks.append(rankOf(static_cast<int>(segment.kind)));
            candidate.greedy = candidate.greedy || segment.kind == Segment::Kind::Greedy;
        }
        if (!best || candidate.beats(*best)) best = candidate;
    }
    RouteLookup lookup;
    if (best) {
        lookup.outcome = RouteLookup::Outcome::Matched;
        lookup.match = {best->route->index, best->route->routeKey, best->route->path, best->parameters,
                        stage};
    } else if (defaultRoute && m_type == ApiType::Http) {
        lookup.outcome = RouteLookup::Outcome::Matched;
        lookup.match = {defaultRoute->index, kDefault, kDefault, {}, stage};
    }
    return lookup;
}

} // namespace gatehouse
