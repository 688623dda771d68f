// The outgoing request of an HTTP proxy integration. The target URL may name path variables
// ({petID}, greedy {proxy+} or {proxy}) and stage variables (${stageVariables.host}), so a stage can
// move its backend from example.org to example.com without any client change ("Working with HTTP
// proxy integrations for HTTP APIs"; "Set up stage variables"). A $default route sends the full
// request path to the integration ("Working with routes for HTTP APIs", the $default route).
#pragma once

#include "GatewayRequest.h"
#include "InvocationContext.h"
#include "project/Api.h"

#include <QUrl>

namespace gatehouse {

struct OutgoingRequest {
    QString method;
    QUrl url; // scheme, host, port, encoded path and query
    HeaderFields headers;
    QByteArray body;
};

struct ExpandedUrl {
    QString url;
    QStringList problems; // unknown variables, left empty in the URL
};

// Substitutes path parameters (percent-encoding each segment unless `valuesAreEncoded`, as REST
// values are; a greedy value keeps its '/') and stage variables.
ExpandedUrl expandIntegrationUrl(const QString &urlTemplate, const NameValueList &pathParameters,
                                 const NameValueList &stageVariables, bool valuesAreEncoded);

struct OutgoingRequestResult {
    OutgoingRequest request;
    QStringList problems; // template and parameter-mapping problems, for the log
};

// Method (the integration's, unless empty or ANY), expanded URL (+ the request path for $default
// routes), the client's query string, its headers without hop-by-hop ones plus X-Forwarded-*, the
// body, then the HTTP API parameter mapping of integration.requestParameters.
OutgoingRequestResult buildHttpProxyRequest(const Integration &integration, ApiType apiType,
                                            const GatewayRequest &request, const InvocationContext &context);

} // namespace gatehouse
