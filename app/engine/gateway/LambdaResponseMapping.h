// Turns what a Lambda function returned into the HTTP response, by the rules of each payload format
// ("Working with AWS Lambda proxy integrations for HTTP APIs", response format 1.0 and 2.0; REST
// "Set up Lambda proxy integrations", output format). A rejected output yields a problem text for
// the log; the caller answers with GatewayError::IntegrationFailure.
#pragma once

#include "GatewayResponse.h"

#include <QStringList>
#include <optional>

namespace gatehouse {

struct MappedResponse {
    std::optional<GatewayResponse> response; // set when the output was usable
    QString problem;                         // why it was not, e.g. "statusCode must be an integer"
    bool ok() const { return response.has_value(); }
};

// Payload 2.0: valid JSON without statusCode means 200, content-type application/json, and the
// output itself as the body (a JSON string becomes its text); with statusCode, the documented form
// {cookies, isBase64Encoded, statusCode, headers, body}, each cookie becoming a set-cookie header.
MappedResponse mapPayloadV2Response(const QByteArray &functionOutput);

struct PayloadV1Options {
    bool restApi = true;
    // REST only: a base64 body is decoded when the client's first Accept type is one of these
    // ("API Gateway uses the client's first Accept header"); otherwise the base64 text goes out as is.
    QStringList binaryMediaTypes;
    QString acceptHeader;
};

// Payload 1.0: the output must be an object with an integer statusCode and only the documented keys;
// headers and multiValueHeaders are merged, multiValueHeaders winning for a name in both.
MappedResponse mapPayloadV1Response(const QByteArray &functionOutput, const PayloadV1Options &options);

} // namespace gatehouse
