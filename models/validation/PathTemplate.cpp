// Route path templates as API Gateway accepts them (see PathTemplate.h). Rules from "Working with
// routes for HTTP APIs"
// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-routes.html) and "Set up a
// proxy integration with a proxy resource" (greedy {proxy+} must end the path).
#include "PathTemplate.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace gatehouse {

namespace {

bool isValidParameterName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    return pattern.match(name).hasMatch();
}
} // namespace

PathTemplate PathTemplate::parse(const QString &path) {
    PathTemplate t;
    t.m_text = path;
    if (path.isEmpty()) {
        t.error(QCoreApplication::translate("gatehouse::Validation", "path is empty"),
                QCoreApplication::translate("gatehouse::Validation", "start it with '/', e.g. '/items'"));
        return t;
    }
    if (!path.startsWith(QLatin1Char('/'))) {
        t.error(
            QCoreApplication::translate("gatehouse::Validation", "'%1' does not start with '/'").arg(path),
            QCoreApplication::translate("gatehouse::Validation", "write '/%1'").arg(path));
        return t;
    }
    if (path == QLatin1String("/")) return t;

    QString body = path.mid(1);
    if (body.endsWith(QLatin1Char('/'))) {
        body.chop(1);
        // API Gateway keeps the slash as part of the resource, so "/items/" does not match "/items".
        t.m_problems.append(
            {true, QCoreApplication::translate("gatehouse::Validation", "'%1' ends with '/'").arg(path),
             QCoreApplication::translate("gatehouse::Validation", "remove the trailing '/': '%1'")
                 .arg(QLatin1Char('/') + body)});
    }
    const QStringList parts = body.split(QLatin1Char('/'));
    bool reportedEmpty = false;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts[i].isEmpty()) {
            if (!reportedEmpty)
                t.error(
                    QCoreApplication::translate("gatehouse::Validation", "'%1' has an empty segment ('//')")
                        .arg(path),
                    QCoreApplication::translate("gatehouse::Validation", "remove the extra '/'"));
            reportedEmpty = true;
            continue;
        }
        t.parseSegment(parts[i], i == parts.size() - 1);
    }
    return t;
}

void PathTemplate::parseSegment(const QString &segment, bool last) {
    // Find the braces first: a segment is literal text or exactly one "{name}" / "{name+}".
    int opened = 0;
    bool inParameter = false;
    for (QChar c : segment) {
        if (c == QLatin1Char('{')) {
            if (inParameter) {
                error(
                    QCoreApplication::translate("gatehouse::Validation", "'%1' has a '{' inside a parameter")
                        .arg(segment),
                    QCoreApplication::translate("gatehouse::Validation", "write a parameter as '{name}'"));
                return;
            }
            inParameter = true;
            ++opened;
        } else if (c == QLatin1Char('}')) {
            if (!inParameter) {
                error(QCoreApplication::translate("gatehouse::Validation",
                                                  "'%1' has a '}' without a matching '{'")
                          .arg(segment),
                      QCoreApplication::translate("gatehouse::Validation", "write a parameter as '{name}'"));
                return;
            }
            inParameter = false;
        }
    }
    if (inParameter) {
        error(QCoreApplication::translate("gatehouse::Validation", "'%1' has an unclosed '{'").arg(segment),
              QCoreApplication::translate("gatehouse::Validation", "close it: '%1'")
                  .arg(segment + QLatin1Char('}')));
        return;
    }
    if (opened == 0) {
        static const QRegularExpression forbidden(QStringLiteral("[\\s?#]"));
        const QRegularExpressionMatch bad = forbidden.match(segment);
        if (bad.hasMatch()) {
            error(QCoreApplication::translate("gatehouse::Validation", "'%1' contains '%2'")
                      .arg(segment, bad.captured()),
                  QCoreApplication::translate(
                      "gatehouse::Validation",
                      "a route path has no spaces, query string ('?') or fragment ('#')"));
        }
        m_segments.append({Segment::Kind::Literal, segment});
        return;
    }
    if (opened > 1) {
        error(QCoreApplication::translate("gatehouse::Validation", "'%1' has more than one parameter")
                  .arg(segment),
              QCoreApplication::translate("gatehouse::Validation", "give each parameter its own segment"));
        return;
    }
    if (!segment.startsWith(QLatin1Char('{')) || !segment.endsWith(QLatin1Char('}'))) {
        // API Gateway parameters always fill a whole segment ("/a{b}" is rejected), so suggest the split.
        QString split = segment;
        const qsizetype open = split.indexOf(QLatin1Char('{'));
        const qsizetype close = split.indexOf(QLatin1Char('}'));
        if (close + 1 < split.size()) split.insert(close + 1, QLatin1Char('/'));
        if (open > 0) split.insert(open, QLatin1Char('/'));
        error(QCoreApplication::translate("gatehouse::Validation", "'%1' mixes literal text and a parameter")
                  .arg(segment),
              QCoreApplication::translate("gatehouse::Validation", "make the parameter a whole segment: '%1'")
                  .arg(split));
        return;
    }
    QString name = segment.mid(1, segment.size() - 2);
    const bool greedy = name.endsWith(QLatin1Char('+'));
    if (greedy) name.chop(1);
    if (name.isEmpty()) {
        error(QCoreApplication::translate("gatehouse::Validation", "'%1' is an empty parameter").arg(segment),
              greedy ? QCoreApplication::translate("gatehouse::Validation", "name it, e.g. '{proxy+}'")
                     : QCoreApplication::translate("gatehouse::Validation", "name it, e.g. '{id}'"));
        return;
    }
    if (!isValidParameterName(name)) {
        error(QCoreApplication::translate("gatehouse::Validation", "'%1' is not a valid parameter name")
                  .arg(name),
              QCoreApplication::translate("gatehouse::Validation", "use letters, digits, '_' or '-'"));
        return;
    }
    if (parameterNames().contains(name)) {
        error(QCoreApplication::translate("gatehouse::Validation",
                                          "parameter '%1' appears more than once in '%2'")
                  .arg(name, m_text),
              QCoreApplication::translate("gatehouse::Validation", "rename one of them"));
        return;
    }
    if (greedy && !last) {
        error(QCoreApplication::translate("gatehouse::Validation",
                                          "greedy parameter '%1' must be the last segment of '%2'")
                  .arg(segment, m_text),
              QCoreApplication::translate("gatehouse::Validation", "move it to the end, e.g. '/files/%1'")
                  .arg(segment));
        return;
    }
    m_segments.append({greedy ? Segment::Kind::Greedy : Segment::Kind::Parameter, name});
}

void PathTemplate::error(const QString &message, const QString &hint) {
    m_problems.append({false, message, hint});
}

bool PathTemplate::hasErrors() const {
    return std::any_of(m_problems.begin(), m_problems.end(), [](const Problem &p) { return !p.warning; });
}

QStringList PathTemplate::parameterNames() const {
    QStringList names;
    for (const Segment &s : m_segments)
        if (s.kind != Segment::Kind::Literal) names.append(s.text);
    return names;
}

QString PathTemplate::shape() const {
    QString shape;
    for (const Segment &s : m_segments) {
        shape += QLatin1Char('/');
        switch (s.kind) {
        case Segment::Kind::Literal:
            shape += s.text;
            break;
        case Segment::Kind::Parameter:
            shape += QLatin1String("{}");
            break;
        case Segment::Kind::Greedy:
            shape += QLatin1String("{+}");
            break;
        }
    }
    return shape.isEmpty() ? QStringLiteral("/") : shape;
}

} // namespace gatehouse
