#include "RequestVariables.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace gatehouse::testing {

Substitution substituteVariables(const QString &text, const VariableMap &variables) {
    // Postman's variable syntax: {{name}}, no braces inside the name.
    static const QRegularExpression pattern(QStringLiteral("\\{\\{([^{}]+)\\}\\}"));
    Substitution result;
    qsizetype last = 0;
    for (QRegularExpressionMatchIterator it = pattern.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result.text += QStringView(text).mid(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        if (const auto found = variables.constFind(name); found != variables.cend()) {
            result.text += *found;
        } else {
            result.text += match.captured(0);
            if (!result.unknown.contains(name)) result.unknown.append(name);
        }
        last = match.capturedEnd();
    }
    result.text += QStringView(text).mid(last);
    return result;
}

VariableMap environmentVariables(const VariableSet &environment) {
    VariableMap variables;
    for (const NameValue &v : environment.variables)
        variables.insert(v.name, v.value);
    return variables;
}

QString camelCaseName(const QString &apiName) {
    QString result;
    bool upper = false;
    for (const QChar c : apiName) {
        if (!c.isLetterOrNumber()) {
            upper = !result.isEmpty();
            continue;
        }
        result += upper ? c.toUpper() : c;
        upper = false;
    }
    return result;
}

VariableMap localEndpointVariables(const QJsonObject &endpoints) {
    VariableMap variables;
    for (const QJsonValue &value : endpoints.value(QLatin1String("apis")).toArray()) {
        const QJsonObject api = value.toObject();
        const QString type = api.value(QLatin1String("type")).toString();
        if (type != QLatin1String("http") && type != QLatin1String("rest")) continue;
        QString url = api.value(QLatin1String("url")).toString();
        while (url.endsWith(QLatin1Char('/')))
            url.chop(1);
        const QString name = api.value(QLatin1String("name")).toString();
        variables.insert(name, url);
        if (const QString camel = camelCaseName(name); !camel.isEmpty()) variables.insert(camel, url);
        if (!variables.contains(QStringLiteral("baseUrl"))) variables.insert(QStringLiteral("baseUrl"), url);
    }
    return variables;
}

VariableMap runVariables(const VariableMap &environment, const VariableMap &builtIns) {
    VariableMap variables = environment;
    variables.insert(builtIns);
    return variables;
}

} // namespace gatehouse::testing
