// The Lambda event of an HTTP API integration with payload format 2.0, key for key and in the order
// of the example in "Working with AWS Lambda proxy integrations for HTTP APIs".
#pragma once

#include "GatewayRequest.h"
#include "InvocationContext.h"
#include "invoker/Invocation.h"

namespace gatehouse {

// Rules from that page: header names are lower-cased and repeated headers joined with commas;
// Cookie headers leave `headers` and become the `cookies` array; repeated query parameters are
// joined with commas; cookies, queryStringParameters, pathParameters, stageVariables and body are
// left out when there are none (AWS omits them rather than sending null).
QByteArray httpApiEventV2(const GatewayRequest &request, const InvocationContext &context);
// The event's JSON text and the same event ready for the embedded JavaScript runtime to build (see
// PrebuiltEvent), from one pass over the request.
struct HttpApiEventV2 {
    QByteArray json;
    std::shared_ptr<PrebuiltEvent> prebuilt;
};
HttpApiEventV2 httpApiEventV2WithPrebuilt(const GatewayRequest &request, const InvocationContext &context);
// The same event as a document, for the Lambda authorizer's 2.0 event and the event templates.
OrderedJson httpApiEventV2Json(const GatewayRequest &request, const InvocationContext &context);

// {"name": "value", ...}; a repeated name keeps its first place and its last value. Shared with the
// 1.0 events and the authorizer event.
OrderedJson nameValueObject(const NameValueList &values);

} // namespace gatehouse
