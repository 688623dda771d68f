// The Lambda event of an HTTP API integration with payload format 2.0, key for key and in the order
// of the example in "Working with AWS Lambda proxy integrations for HTTP APIs".
#pragma once

#include "GatewayRequest.h"
#include "InvocationContext.h"

namespace gatehouse {

// Rules from that page: header names are lower-cased and repeated headers joined with commas;
// Cookie headers leave `headers` and become the `cookies` array; repeated query parameters are
// joined with commas; cookies, queryStringParameters, pathParameters, stageVariables and body are
// left out when there are none (AWS omits them rather than sending null).
OrderedJson httpApiEventV2Json(const GatewayRequest &request, const InvocationContext &context);
QByteArray httpApiEventV2(const GatewayRequest &request, const InvocationContext &context);

// Pieces the Lambda authorizer's 2.0 event shares with the integration event.
OrderedJson lowerCaseJoinedHeaders(const HeaderFields &headers); // without cookie
OrderedJson cookiesOf(const HeaderFields &headers);              // [] when none
OrderedJson joinedQueryParameters(const QString &rawQuery);      // {} when none
OrderedJson nameValueObject(const NameValueList &values);

} // namespace gatehouse
