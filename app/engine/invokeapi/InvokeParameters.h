// The Invoke request's header parameters and payload checks (Lambda API reference, "Invoke"):
// X-Amz-Invocation-Type, X-Amz-Log-Type, X-Amz-Client-Context, and "the JSON that you want to provide to
// your Lambda function as input".
#pragma once

#include "InvokeApiErrors.h"
#include "http/HttpHeaders.h"
#include "invoker/Invocation.h"

#include <optional>
#include <variant>

namespace gatehouse::invokeapi {

// Up to 3,583 bytes of base64-encoded data (Invoke API reference, ClientContext). The limit applies to
// the encoded header value, which is what the sentence measures and what SDK instrumentations check
// (OpenTelemetry's and Sentry's Lambda propagators cap the base64 text at 3583).
inline constexpr qsizetype kMaxClientContextBytes = 3583;

// Reads the three headers into InvokeOptions. Absent headers mean RequestResponse and no log tail.
// LogType Tail "applies to synchronously invoked functions only", so it is dropped for Event and DryRun;
// the client context is passed "for synchronous invocations only" and dropped likewise (after being
// validated). Errors: ValidationException for values outside the enums, InvalidRequestContentException
// for a client context that is not base64 of a JSON object or is longer than kMaxClientContextBytes.
std::variant<InvokeOptions, ApiError> readInvokeOptions(const http::HttpHeaders &headers);

// nullopt when `payload` is one JSON value (an empty body counts: Lambda hands the function `{}`);
// otherwise 400 InvalidRequestContentException "Could not parse request body into json: ...".
std::optional<ApiError> checkJsonPayload(const QByteArray &payload);

} // namespace gatehouse::invokeapi
