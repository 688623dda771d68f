// Writes Prometheus' text exposition format 0.0.4: metric families with their HELP and TYPE lines, then
// samples with escaped label values ("Exposition formats",
// prometheus.io/docs/instrumenting/exposition_formats).
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace gatehouse {

class PrometheusText {
public:
    // The Content-Type a scraper expects for this format.
    static const QByteArray kContentType;

    using Labels = QList<QPair<QString, QString>>;
    enum class Type { Counter, Gauge, Summary };

    // Starts a family: every sample that follows until the next family belongs to it (the format wants
    // a family's samples together, after its TYPE line). A counter's name ends in "_total".
    void family(const QString &name, Type type, const QString &help);
    // `suffix` is appended to the family name ("_sum", "_count" for summaries).
    void sample(const Labels &labels, double value, const QString &suffix = {});

    QByteArray text() const { return m_text; }

    // Label values escape backslash, double quote and line feed; HELP text escapes backslash and line
    // feed. Metric and label names must match [a-zA-Z_:][a-zA-Z0-9_:]*: callers use fixed names.
    static QString escapeLabelValue(const QString &value);
    static QString escapeHelp(const QString &help);
    // Go's float syntax as Prometheus parses it: integers without a fraction, NaN, +Inf, -Inf.
    static QByteArray number(double value);

private:
    QString m_family;
    QByteArray m_text;
};

} // namespace gatehouse
