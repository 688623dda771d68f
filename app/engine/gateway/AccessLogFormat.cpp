#include "AccessLogFormat.h"

namespace gatehouse {

namespace {

const QLatin1String kPrefix("$context.");

bool isNameChar(QChar c) {
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

AccessLogFormat::AccessLogFormat(QString format) {
    qsizetype literalStart = 0;
    qsizetype i = 0;
    while ((i = format.indexOf(kPrefix, i)) >= 0) {
        // A name is dot-separated identifier parts; a trailing '.' belongs to the literal text.
        qsizetype end = i + kPrefix.size();
        qsizetype lastGood = end;
        while (end < format.size() && (isNameChar(format[end]) || format[end] == QLatin1Char('.'))) {
            ++end;
            if (isNameChar(format[end - 1])) lastGood = end;
        }
        if (lastGood == i + kPrefix.size()) {
            i = lastGood;
            continue;
        }
        if (i > literalStart) m_pieces.append({false, format.mid(literalStart, i - literalStart)});
        m_pieces.append({true, format.mid(i + kPrefix.size(), lastGood - i - kPrefix.size())});
        literalStart = i = lastGood;
    }
    if (literalStart < format.size()) m_pieces.append({false, format.mid(literalStart)});
}

QString AccessLogFormat::render(const AccessLogVariables &variables) const {
    return render([&variables](const QString &name) { return variables.value(name); });
}

QString AccessLogFormat::render(const Lookup &lookup) const {
    QString line;
    for (const Piece &piece : m_pieces) {
        if (!piece.variable) {
            line += piece.text;
            continue;
        }
        if (const QString value = lookup(piece.text); !value.isEmpty()) {
            line += value;
        } else if (piece.text == QLatin1String("error.messageString")) {
            const QString message = lookup(QStringLiteral("error.message"));
            line += message.isEmpty() ? QStringLiteral("-") : QLatin1Char('"') + message + QLatin1Char('"');
        } else {
            line += QLatin1Char('-');
        }
    }
    return line;
}

QStringList AccessLogFormat::variableNames() const {
    QStringList names;
    for (const Piece &piece : m_pieces)
        if (piece.variable) names.append(piece.text);
    return names;
}

QString AccessLogFormat::commonLogFormat(ApiType type) {
    if (type == ApiType::Rest)
        return QStringLiteral(
            "$context.identity.sourceIp $context.identity.caller $context.identity.user "
            "[$context.requestTime] \"$context.httpMethod $context.resourcePath "
            "$context.protocol\" $context.status $context.responseLength $context.requestId");
    return QStringLiteral("$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod "
                          "$context.routeKey $context.protocol\" $context.status $context.responseLength "
                          "$context.requestId");
}

QString AccessLogFormat::jsonFormat(ApiType type) {
    if (type == ApiType::Rest)
        return QStringLiteral(
            R"({ "requestId":"$context.requestId", "ip": "$context.identity.sourceIp", )"
            R"("caller":"$context.identity.caller", "user":"$context.identity.user", )"
            R"("requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod", )"
            R"("resourcePath":"$context.resourcePath", "status":"$context.status", )"
            R"("protocol":"$context.protocol", "responseLength":"$context.responseLength" })");
    return QStringLiteral(R"({ "requestId":"$context.requestId", "ip": "$context.identity.sourceIp", )"
                          R"("requestTime":"$context.requestTime", "httpMethod":"$context.httpMethod", )"
                          R"("routeKey":"$context.routeKey", "status":"$context.status", )"
                          R"("protocol":"$context.protocol", "responseLength":"$context.responseLength" })");
}

} // namespace gatehouse
