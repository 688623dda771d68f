// The HTTP answer to an Invoke call, built from the invoker's result as Lambda shapes it (Lambda API
// reference, "Invoke", Response Syntax): status 200/202/204, X-Amz-Function-Error, X-Amz-Log-Result,
// X-Amz-Executed-Version, x-amzn-RequestId, and the payload as the body.
#pragma once

#include "http/HttpResponse.h"
#include "invoker/Invocation.h"

namespace gatehouse::invokeapi {

// Every function here runs unpublished code, so every invocation executes $LATEST.
inline constexpr QByteArrayView kExecutedVersion = "$LATEST";

// Platform errors (statusCode >= 400) become AWS error responses; 202 (Event) and 204 (DryRun) carry no
// body; 200 carries the function's response, or its error payload with X-Amz-Function-Error.
http::HttpResponse invokeResponse(const InvocationResult &result);

} // namespace gatehouse::invokeapi
