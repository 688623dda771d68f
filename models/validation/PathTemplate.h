// An API Gateway route path such as "/items/{id}" or "/files/{proxy+}", split into segments and
// checked against API Gateway's template rules. The validator reports its problems; the gateway can
// match requests against the same segments.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse {

class PathTemplate {
public:
    struct Segment {
        enum class Kind { Literal, Parameter, Greedy };
        Kind kind = Kind::Literal;
        QString text; // the literal text, or the parameter's name without braces and '+'
        bool operator==(const Segment &) const = default;
    };

    struct Problem {
        bool warning = false; // advice; the route still works
        QString message;      // translated, e.g. "'{id' has an unclosed '{'"
        QString hint;
    };

    // Never fails: problems are collected, and segments hold what could be understood.
    static PathTemplate parse(const QString &path);

    const QString &text() const { return m_text; }
    const QList<Segment> &segments() const { return m_segments; }
    const QList<Problem> &problems() const { return m_problems; }
    bool hasErrors() const;
    QStringList parameterNames() const;
    // The template with parameter names erased ("/items/{}", "/files/{+}"): two paths with the same
    // shape match the same requests, so one method cannot have both.
    QString shape() const;

private:
    void parseSegment(const QString &segment, bool last);
    void error(const QString &message, const QString &hint);

    QString m_text;
    QList<Segment> m_segments;
    QList<Problem> m_problems;
};

} // namespace gatehouse
