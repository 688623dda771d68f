#include "PrometheusText.h"

#include <QLocale>
#include <cmath>

namespace gatehouse {

const QByteArray PrometheusText::kContentType = "text/plain; version=0.0.4; charset=utf-8";

namespace {

const char *typeName(PrometheusText::Type type) {
    switch (type) {
    case PrometheusText::Type::Counter:
        return "counter";
    case PrometheusText::Type::Gauge:
        return "gauge";
    case PrometheusText::Type::Summary:
        return "summary";
    }
    return "untyped";
}

} // namespace

QString PrometheusText::escapeLabelValue(const QString &value) {
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('\\'))
            out += QLatin1String("\\\\");
        else if (c == QLatin1Char('"'))
            out += QLatin1String("\\\"");
        else if (c == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else
            out += c;
    }
    return out;
}

QString PrometheusText::escapeHelp(const QString &help) {
    QString out = help;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return out;
}

QByteArray PrometheusText::number(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
    // Whole numbers (counters) as integers; the rest with enough digits to read back the same double.
    if (value == std::floor(value) && std::fabs(value) < 1e15) return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

void PrometheusText::family(const QString &name, Type type, const QString &help) {
    m_family = name;
    m_text += "# HELP " + name.toUtf8() + ' ' + escapeHelp(help).toUtf8() + '\n';
    m_text += "# TYPE " + name.toUtf8() + ' ' + typeName(type) + '\n';
}

void PrometheusText::sample(const Labels &labels, double value, const QString &suffix) {
    m_text += m_family.toUtf8();
    m_text += suffix.toUtf8();
    if (!labels.isEmpty()) {
        m_text += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0) m_text += ',';
            m_text += labels[i].first.toUtf8() + "=\"" + escapeLabelValue(labels[i].second).toUtf8() + '"';
        }
        m_text += '}';
    }
    m_text += ' ' + number(value) + '\n';
}

} // namespace gatehouse
