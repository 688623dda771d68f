// The Lambda proxy event of payload format 1.0: what REST APIs always send ("Set up Lambda proxy
// integrations in API Gateway", input format) and what HTTP APIs send when an integration asks for
// 1.0 (the 1.0 example in "Working with AWS Lambda proxy integrations for HTTP APIs").
#pragma once

#include "GatewayRequest.h"
#include "InvocationContext.h"

#include <QStringList>

namespace gatehouse {

// Unlike 2.0, absent parts are null rather than left out (queryStringParameters, pathParameters,
// stageVariables, body). `headers` and `queryStringParameters` keep the last value of a repeated
// name (the doc's example: multivalueName ["you","me"] -> "me"); the multiValue* maps keep all.
// REST: `path` is the resource path without the stage, still percent-encoded, and the body is
// base64 only when its Content-Type is one of the API's binaryMediaTypes.
OrderedJson restApiEventJson(const GatewayRequest &request, const InvocationContext &context,
                             const QStringList &binaryMediaTypes);
QByteArray restApiEvent(const GatewayRequest &request, const InvocationContext &context,
                        const QStringList &binaryMediaTypes);

// HTTP API 1.0: "version":"1.0" first; the path is decoded and keeps a named stage, as rawPath does.
OrderedJson httpApiEventV1Json(const GatewayRequest &request, const InvocationContext &context);
QByteArray httpApiEventV1(const GatewayRequest &request, const InvocationContext &context);

// Pieces the Lambda authorizer's 1.0 events share with the integration events.
OrderedJson singleValueHeaders(const HeaderFields &headers); // null when none
OrderedJson multiValueHeaders(const HeaderFields &headers);  // null when none
OrderedJson singleValueQuery(const QString &rawQuery);       // null when none
OrderedJson multiValueQuery(const QString &rawQuery);        // null when none
OrderedJson nullableObject(const NameValueList &values);     // null when empty
OrderedJson requestContextV1Json(const GatewayRequest &request, const InvocationContext &context,
                                 bool restApi);

} // namespace gatehouse
