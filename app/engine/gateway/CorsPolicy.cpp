#include "CorsPolicy.h"

namespace gatehouse {

namespace {

const QString kAllowOrigin = QStringLiteral("access-control-allow-origin");
const QString kAllowCredentials = QStringLiteral("access-control-allow-credentials");

void removeCorsHeaders(HeaderFields &headers) {
    headers.removeIf([](const HeaderField &field) {
        return field.name.startsWith(QLatin1String("access-control-"), Qt::CaseInsensitive);
    });
}

} // namespace

CorsPolicy::CorsPolicy(Cors configuration)
    : m_cors(std::move(configuration)) {}

bool CorsPolicy::isPreflight(const GatewayRequest &request) const {
    return request.method.compare(QLatin1String("OPTIONS"), Qt::CaseInsensitive) == 0 &&
           hasHeader(request.headers, u"Origin") &&
           hasHeader(request.headers, u"Access-Control-Request-Method");
}

bool CorsPolicy::isOriginAllowed(const QString &origin) const {
    if (origin.isEmpty()) return false;
    for (const QString &allowed : m_cors.allowOrigins) {
        if (allowed == QLatin1String("*")) return true;
        if (allowed.endsWith(QLatin1String("://*")) &&
            origin.startsWith(allowed.chopped(1), Qt::CaseInsensitive))
            return true;
        if (allowed.compare(origin, Qt::CaseInsensitive) == 0) return true;
    }
    return false;
}

QString CorsPolicy::allowOriginValue(const QString &origin) const {
    return m_cors.allowOrigins.contains(QStringLiteral("*")) ? QStringLiteral("*") : origin;
}

GatewayResponse CorsPolicy::preflightResponse(const GatewayRequest &request) const {
    GatewayResponse response;
    response.status = 204;
    const QString origin = request.header(u"Origin");
    if (!isOriginAllowed(origin)) return response;
    HeaderFields &headers = response.headers;
    headers.append({kAllowOrigin, allowOriginValue(origin)});
    if (m_cors.allowCredentials) headers.append({kAllowCredentials, QStringLiteral("true")});
    if (!m_cors.allowMethods.isEmpty())
        headers.append(
            {QStringLiteral("access-control-allow-methods"), m_cors.allowMethods.join(QLatin1Char(','))});
    if (!m_cors.allowHeaders.isEmpty())
        headers.append(
            {QStringLiteral("access-control-allow-headers"), m_cors.allowHeaders.join(QLatin1Char(','))});
    if (m_cors.maxAgeSeconds)
        headers.append({QStringLiteral("access-control-max-age"), QString::number(*m_cors.maxAgeSeconds)});
    return response;
}

void CorsPolicy::applyTo(const GatewayRequest &request, GatewayResponse &response) const {
    // "If you configure CORS for an API, API Gateway ignores CORS headers returned from your backend."
    removeCorsHeaders(response.headers);
    const QString origin = request.header(u"Origin");
    if (!isOriginAllowed(origin)) return;
    response.headers.append({kAllowOrigin, allowOriginValue(origin)});
    if (m_cors.allowCredentials) response.headers.append({kAllowCredentials, QStringLiteral("true")});
    if (!m_cors.exposeHeaders.isEmpty())
        response.headers.append(
            {QStringLiteral("access-control-expose-headers"), m_cors.exposeHeaders.join(QLatin1Char(','))});
}

} // namespace gatehouse
