// CORS for HTTP APIs as API Gateway implements it ("Configure CORS for HTTP APIs in API Gateway"):
// with a CORS configuration the gateway answers preflight OPTIONS requests itself, even without an
// OPTIONS route, adds the configured headers to integration responses, and ignores CORS headers
// returned by the backend. A request gets CORS headers only with an Origin header; a preflight also
// needs Access-Control-Request-Method.
#pragma once

#include "GatewayRequest.h"
#include "GatewayResponse.h"
#include "project/Api.h"

namespace gatehouse {

class CorsPolicy {
public:
    explicit CorsPolicy(Cors configuration);

    bool isPreflight(const GatewayRequest &request) const;
    // '*' allows every origin; "https://*" and "http://*" any origin of that scheme; other entries
    // must equal the Origin (scheme and host compared without case).
    bool isOriginAllowed(const QString &origin) const;
    // 204 with access-control-allow-origin/-methods/-headers/-max-age/-allow-credentials when the
    // origin is allowed; 204 without them otherwise (the browser then refuses the real request).
    GatewayResponse preflightResponse(const GatewayRequest &request) const;
    // Replaces the integration's access-control-* headers with the configured ones
    // (allow-origin, allow-credentials, expose-headers) when the request carries an allowed Origin.
    void applyTo(const GatewayRequest &request, GatewayResponse &response) const;

private:
    QString allowOriginValue(const QString &origin) const;

    Cors m_cors;
};

} // namespace gatehouse
