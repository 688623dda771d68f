#include "InvokeResponse.h"

#include "InvokeApiErrors.h"

namespace gatehouse::invokeapi {

http::HttpResponse invokeResponse(const InvocationResult &result) {
    if (result.isPlatformError()) return errorResponse(fromPlatformError(result), result.requestId);

    http::HttpResponse response;
    response.status = result.statusCode;
    response.headers.add("x-amzn-RequestId", result.requestId.toUtf8());
    if (result.statusCode != 200) return response; // 202 Accepted (Event), 204 No Content (DryRun)

    response.headers.add("Content-Type", "application/json");
    response.headers.add("X-Amz-Executed-Version", kExecutedVersion.toByteArray());
    // "If present, indicates that an error occurred during function execution" — the status stays 200.
    if (result.isFunctionError()) response.headers.add("X-Amz-Function-Error", result.functionError.toUtf8());
    if (!result.logResult.isEmpty()) response.headers.add("X-Amz-Log-Result", result.logResult);
    response.body = result.payload;
    return response;
}

} // namespace gatehouse::invokeapi
