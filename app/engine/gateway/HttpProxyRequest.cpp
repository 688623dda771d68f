#include "HttpProxyRequest.h"

#include "ParameterMapping.h"

#include <QRegularExpression>

namespace gatehouse {

namespace {

QString encodedSegments(const QString &value, bool keepSlashes) {
    if (!keepSlashes) return QString::fromLatin1(QUrl::toPercentEncoding(value));
    QStringList segments = value.split(QLatin1Char('/'));
    for (QString &segment : segments)
        segment = QString::fromLatin1(QUrl::toPercentEncoding(segment));
    return segments.join(QLatin1Char('/'));
}

QString encodedQuery(const QueryParameters &query) {
    QStringList pieces;
    for (const QueryParameter &parameter : query)
        pieces.append(QString::fromLatin1(QUrl::toPercentEncoding(parameter.name)) + QLatin1Char('=') +
                      QString::fromLatin1(QUrl::toPercentEncoding(parameter.value)));
    return pieces.join(QLatin1Char('&'));
}

bool isHopByHop(const QString &name) {
    static const QStringList names = {QStringLiteral("host"),           QStringLiteral("connection"),
                                      QStringLiteral("keep-alive"),     QStringLiteral("transfer-encoding"),
                                      QStringLiteral("content-length"), QStringLiteral("te"),
                                      QStringLiteral("upgrade"),        QStringLiteral("proxy-connection")};
    return names.contains(name.toLower());
}

} // namespace

ExpandedUrl expandIntegrationUrl(const QString &urlTemplate, const NameValueList &pathParameters,
                                 const NameValueList &stageVariables, bool valuesAreEncoded) {
    ExpandedUrl expanded;
    static const QRegularExpression variable(
        QStringLiteral(R"(\$\{stageVariables\.([A-Za-z0-9_]+)\}|\{([A-Za-z0-9_.\-]+)(\+?)\})"));
    qsizetype last = 0;
    for (auto it = variable.globalMatch(urlTemplate); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        expanded.url += urlTemplate.mid(last, match.capturedStart() - last);
        last = match.capturedEnd();
        const bool stage = match.capturedLength(1) > 0;
        const QString name = stage ? match.captured(1) : match.captured(2);
        const NameValueList &values = stage ? stageVariables : pathParameters;
        const auto found =
            std::find_if(values.cbegin(), values.cend(), [&](const NameValue &v) { return v.name == name; });
        if (found == values.cend()) {
            expanded.problems.append(
                stage ? QStringLiteral("stage variable '%1' is not defined").arg(name)
                      : QStringLiteral("path parameter '%1' is not in the route").arg(name));
            continue;
        }
        // Stage variables are configuration, written into the URL as they are (they may hold a host).
        expanded.url += stage || valuesAreEncoded ? found->value : encodedSegments(found->value, true);
    }
    expanded.url += urlTemplate.mid(last);
    return expanded;
}

OutgoingRequestResult buildHttpProxyRequest(const Integration &integration, ApiType apiType,
                                            const GatewayRequest &request, const InvocationContext &context) {
    OutgoingRequestResult result;
    OutgoingRequest &outgoing = result.request;
    const QString method = integration.httpMethod.toUpper();
    outgoing.method = method.isEmpty() || method == QLatin1String("ANY") ? request.method : method;

    const ExpandedUrl expanded = expandIntegrationUrl(integration.url, context.pathParameters,
                                                      context.stageVariables, apiType == ApiType::Rest);
    result.problems = expanded.problems;
    QUrl base(expanded.url, QUrl::StrictMode);
    if (!base.isValid())
        result.problems.append(QStringLiteral("integration URL '%1' is not valid").arg(expanded.url));

    MappableRequest mappable;
    mappable.path = base.path(QUrl::FullyEncoded);
    if (context.routeKey == QLatin1String("$default")) {
        const QString requestPath = pathWithoutStage(request, context);
        mappable.path =
            (mappable.path.endsWith(QLatin1Char('/')) ? mappable.path.chopped(1) : mappable.path) +
            requestPath;
    }
    mappable.query = parseQueryString(base.query(QUrl::FullyEncoded));
    mappable.query.append(parseQueryString(request.rawQueryString));
    for (const HeaderField &field : forwardedHeaders(request, context))
        if (!isHopByHop(field.name)) mappable.headers.append(field);

    if (apiType == ApiType::Http)
        result.problems += applyParameterMapping(integration.requestParameters, request, context, mappable);

    QUrl url = base;
    url.setPath(mappable.path.isEmpty() ? QStringLiteral("/") : mappable.path, QUrl::TolerantMode);
    const QString query = encodedQuery(mappable.query);
    if (query.isEmpty())
        url.setQuery(QString());
    else
        url.setQuery(query, QUrl::TolerantMode);
    outgoing.url = url;
    outgoing.headers = mappable.headers;
    outgoing.body = request.body;
    return result;
}

} // namespace gatehouse
