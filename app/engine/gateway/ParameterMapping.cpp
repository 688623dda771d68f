#include "ParameterMapping.h"

#include "JsonText.h"

namespace gatehouse {

namespace {

struct Source {
    QLatin1String prefix;
    QLatin1String extraNameChars; // besides letters and digits
};

// Longest prefixes first so "$request.path." wins over "$request.path".
const Source kSources[] = {
    {QLatin1String("$request.header."), QLatin1String("_-")},
    {QLatin1String("$request.querystring."), QLatin1String("_-.")},
    {QLatin1String("$request.body."), QLatin1String("_.[]")},
    {QLatin1String("$request.path."), QLatin1String("_")},
    {QLatin1String("$request.path"), QLatin1String("")},
    {QLatin1String("$context."), QLatin1String("_.")},
    {QLatin1String("$stageVariables."), QLatin1String("_")},
};

QString bodyValue(const QByteArray &body, const QString &path) {
    std::optional<OrderedJson> json = parseJson(body);
    if (!json) return {};
    const OrderedJson *node = &*json;
    QString name = path;
    name.replace(QLatin1Char('['), QLatin1Char('.')).remove(QLatin1Char(']'));
    for (const QString &part : name.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        bool isIndex = false;
        const int index = part.toInt(&isIndex);
        if (isIndex && node->is_array() && index >= 0 && static_cast<size_t>(index) < node->size())
            node = &(*node)[static_cast<size_t>(index)];
        else if (node->is_object() && node->contains(utf8(part)))
            node = &(*node)[utf8(part)];
        else
            return {};
    }
    return node->is_string() ? fromUtf8(node->get<std::string>()) : fromUtf8(node->dump());
}

QString resolve(const Source &source, const QString &name, const GatewayRequest &request,
                const InvocationContext &context) {
    const QString prefix = source.prefix;
    if (prefix == QLatin1String("$request.header."))
        return headerValues(request.headers, name).join(QLatin1Char(','));
    if (prefix == QLatin1String("$request.querystring.")) {
        QStringList values;
        for (const QueryParameter &parameter : parseQueryString(request.rawQueryString))
            if (parameter.name == name) values.append(parameter.value);
        return values.join(QLatin1Char(','));
    }
    if (prefix == QLatin1String("$request.body.")) return bodyValue(request.body, name);
    if (prefix == QLatin1String("$request.path")) return pathWithoutStage(request, context);
    if (prefix == QLatin1String("$context.")) return contextVariable(request, context, name);
    const NameValueList &values =
        prefix == QLatin1String("$request.path.") ? context.pathParameters : context.stageVariables;
    for (const NameValue &value : values)
        if (value.name == name) return value.value;
    return {};
}

} // namespace

QString mappingValue(const QString &expression, const GatewayRequest &request,
                     const InvocationContext &context) {
    QString result;
    qsizetype i = 0;
    while (i < expression.size()) {
        const Source *match = nullptr;
        if (expression[i] == QLatin1Char('$'))
            for (const Source &source : kSources)
                if (QStringView(expression).mid(i).startsWith(source.prefix)) {
                    match = &source;
                    break;
                }
        if (!match) {
            result += expression[i++];
            continue;
        }
        qsizetype end = i + match->prefix.size();
        qsizetype lastGood = end;
        while (end < expression.size() &&
               (expression[end].isLetterOrNumber() || match->extraNameChars.contains(expression[end]))) {
            ++end;
            if (expression[end - 1] != QLatin1Char('.')) lastGood = end;
        }
        const QString name = expression.mid(i + match->prefix.size(), lastGood - i - match->prefix.size());
        result += resolve(*match, name, request, context);
        i = lastGood;
    }
    return result;
}

bool isReservedHeader(const QString &name) {
    static const QStringList exact = {QStringLiteral("authorization"),
                                      QStringLiteral("connection"),
                                      QStringLiteral("content-encoding"),
                                      QStringLiteral("content-length"),
                                      QStringLiteral("content-location"),
                                      QStringLiteral("forwarded"),
                                      QStringLiteral("keep-alive"),
                                      QStringLiteral("origin"),
                                      QStringLiteral("proxy-authenticate"),
                                      QStringLiteral("proxy-authorization"),
                                      QStringLiteral("te"),
                                      QStringLiteral("trailers"),
                                      QStringLiteral("transfer-encoding"),
                                      QStringLiteral("upgrade"),
                                      QStringLiteral("x-forwarded-for"),
                                      QStringLiteral("x-forwarded-host"),
                                      QStringLiteral("x-forwarded-proto"),
                                      QStringLiteral("via")};
    const QString lower = name.toLower();
    return exact.contains(lower) || lower.startsWith(QLatin1String("access-control-")) ||
           lower.startsWith(QLatin1String("apigw-")) || lower.startsWith(QLatin1String("x-amz-")) ||
           lower.startsWith(QLatin1String("x-amzn-"));
}

QStringList applyParameterMapping(const NameValueList &requestParameters, const GatewayRequest &request,
                                  const InvocationContext &context, MappableRequest &target) {
    QStringList problems;
    for (const NameValue &mapping : requestParameters) {
        const QString action = mapping.name.section(QLatin1Char(':'), 0, 0);
        const QString location = mapping.name.section(QLatin1Char(':'), 1);
        const bool append = action == QLatin1String("append");
        const bool overwrite = action == QLatin1String("overwrite");
        const bool remove = action == QLatin1String("remove");
        const QString value = remove ? QString() : mappingValue(mapping.value, request, context);
        if (location == QLatin1String("path") && overwrite) {
            target.path = value.startsWith(QLatin1Char('/')) ? value : QLatin1Char('/') + value;
        } else if (location.startsWith(QLatin1String("header.")) && (append || overwrite || remove)) {
            const QString name = location.mid(7);
            if (isReservedHeader(name)) {
                problems.append(QStringLiteral("%1: header '%2' is reserved and cannot be mapped")
                                    .arg(mapping.name, name));
                continue;
            }
            if (remove)
                removeHeader(target.headers, name);
            else if (overwrite)
                setHeader(target.headers, name, value);
            else
                target.headers.append({name, value});
        } else if (location.startsWith(QLatin1String("querystring.")) && (append || overwrite || remove)) {
            const QString name = location.mid(12);
            if (remove || overwrite)
                target.query.removeIf(
                    [&](const QueryParameter &parameter) { return parameter.name == name; });
            if (!remove) target.query.append({name, value});
        } else {
            problems.append(
                QStringLiteral("%1: not a supported mapping key (append|overwrite|remove:header.x, "
                               "append|overwrite|remove:querystring.x, overwrite:path)")
                    .arg(mapping.name));
        }
    }
    return problems;
}

} // namespace gatehouse
