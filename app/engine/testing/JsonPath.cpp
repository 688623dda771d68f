#include "JsonPath.h"

#include <QRegularExpression>
#include <cmath>
#include <limits>

namespace gatehouse::testing {

namespace {

// JavaScript's canonical array index: digits without a leading zero (arr["01"] is undefined).
std::optional<qsizetype> arrayIndex(const QString &step) {
    if (step.isEmpty() || (step.size() > 1 && step.startsWith(QLatin1Char('0')))) return std::nullopt;
    bool ok = false;
    const qulonglong index = step.toULongLong(&ok);
    if (!ok || index > qulonglong(std::numeric_limits<qsizetype>::max())) return std::nullopt;
    return qsizetype(index);
}

} // namespace

QStringList jsonPathSteps(const QString &path) {
    // The helper's regular expression, unchanged: /\.[^.[\]]+|\[\d+\]|\['[^']*'\]|\["[^"]*"\]/g.
    static const QRegularExpression step(
        QStringLiteral("\\.[^.[\\]]+|\\[\\d+\\]|\\['[^']*'\\]|\\[\"[^\"]*\"\\]"));
    QString rest = path;
    if (rest.startsWith(QLatin1Char('$'))) rest.remove(0, 1);
    QStringList steps;
    for (QRegularExpressionMatchIterator it = step.globalMatch(rest); it.hasNext();) {
        const QString token = it.next().captured(0);
        if (token.startsWith(QLatin1Char('.'))) {
            steps.append(token.mid(1));
        } else {
            QString inner = token.mid(1, token.size() - 2);
            if (inner.startsWith(QLatin1Char('\'')) || inner.startsWith(QLatin1Char('"')))
                inner = inner.mid(1, inner.size() - 2);
            steps.append(inner);
        }
    }
    return steps;
}

std::optional<nlohmann::ordered_json> evaluateJsonPath(const nlohmann::ordered_json &root,
                                                       const QString &path) {
    const nlohmann::ordered_json *value = &root;
    nlohmann::ordered_json derived; // a string's character or a length: not part of the document
    for (const QString &step : jsonPathSteps(path)) {
        if (value->is_object()) {
            const auto found = value->find(step.toStdString());
            if (found == value->end()) return std::nullopt;
            value = &*found;
        } else if (value->is_array()) {
            if (step == QLatin1String("length")) {
                derived = value->size();
                value = &derived;
                continue;
            }
            const std::optional<qsizetype> index = arrayIndex(step);
            if (!index || size_t(*index) >= value->size()) return std::nullopt;
            value = &(*value)[size_t(*index)];
        } else if (value->is_string()) {
            const QString text = QString::fromStdString(value->get<std::string>());
            if (step == QLatin1String("length")) {
                derived = text.size();
            } else if (const std::optional<qsizetype> index = arrayIndex(step);
                       index && *index < text.size()) {
                derived = QString(text.at(*index)).toStdString();
            } else {
                return std::nullopt;
            }
            value = &derived;
        } else {
            return std::nullopt; // numbers, booleans and null have no properties worth asserting on
        }
    }
    return *value;
}

QString jsonText(const nlohmann::ordered_json &value) {
    if (value.is_string()) return QString::fromStdString(value.get<std::string>());
    if (value.is_number_float()) {
        // JSON.stringify(2.0) is "2": JavaScript has one number type.
        const double d = value.get<double>();
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 1e21) return QString::number(d, 'f', 0);
    }
    return QString::fromStdString(value.dump());
}

double jsonNumber(const nlohmann::ordered_json &value) {
    if (value.is_number()) return value.get<double>();
    if (value.is_boolean()) return value.get<bool>() ? 1 : 0;
    if (value.is_null()) return 0;
    if (value.is_string()) {
        const QString text = QString::fromStdString(value.get<std::string>()).trimmed();
        if (text.isEmpty()) return 0;
        bool ok = false;
        const double number = text.toDouble(&ok);
        return ok ? number : std::numeric_limits<double>::quiet_NaN();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

} // namespace gatehouse::testing
