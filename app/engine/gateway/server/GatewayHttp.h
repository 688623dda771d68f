// Conversions between the HTTP layer's types and the gateway's neutral request/response, shared by
// every endpoint kind (HTTP/REST exchanges, protocol errors, WebSocket upgrades).
#pragma once

#include "gateway/GatewayRequest.h"
#include "gateway/GatewayResponse.h"
#include "http/HttpRequest.h"
#include "http/HttpResponse.h"

namespace gatehouse {

// The TCP peer as API Gateway reports identity.sourceIp: IPv4-mapped IPv6 (::ffff:127.0.0.1) unwrapped.
QString sourceIpOf(const QHostAddress &address);
// Method, raw path ("/" when empty), raw query, headers, body, source IP, protocol, Host; requestTime now.
GatewayRequest gatewayRequestOf(const http::HttpRequest &request);
// Status, headers in order and body, as they are (filtering is the caller's business).
http::HttpResponse httpResponseOf(const GatewayResponse &response);

} // namespace gatehouse
