// The error responses of the Lambda API (rest-json protocol) as the AWS SDKs parse them: HTTP status,
// the x-amzn-ErrorType header and a JSON body with Type and message.
#pragma once

#include "http/HttpResponse.h"
#include "invoker/Invocation.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::invokeapi {

// One refused request. `type` is the exception name the clients map errors by: botocore reads the
// x-amzn-ErrorType header (rest-json), SDK v3 reads x-amzn-errortype and then the body's `code`/`__type`.
struct ApiError {
    int status = 400;
    QString type;
    QByteArray body;
};

// 400 ValidationException, in the wording of AWS's request validation:
// `1 validation error detected: Value 'x' at 'functionName' failed to satisfy constraint: <constraint>`.
// The body carries only `message`, as Lambda sends it for this exception.
ApiError validationError(const QString &field, const QString &value, const QString &constraint);
// 400 InvalidParameterValueException (e.g. a qualifier in the name that contradicts ?Qualifier=).
ApiError invalidParameterValue(const QString &message);
// 400 InvalidRequestContentException (payload not JSON, client context not base64 JSON).
ApiError invalidRequestContent(const QString &message);
// 404 ResourceNotFoundException.
ApiError resourceNotFound(const QString &message);
// 404 UnknownOperationException: no Lambda operation has this method and path. AWS's front end answers
// these with the bare XML body `<UnknownOperationException/>`, whatever the service's protocol.
ApiError unknownOperation();
// The invoker's platform errors (statusCode >= 400): its payload already is the AWS body; a ServiceException
// without one gets {"Type":"Service","message":...}.
ApiError fromPlatformError(const InvocationResult &result);

// The complete response: status, Content-Type, x-amzn-ErrorType, x-amzn-RequestId and the body.
http::HttpResponse errorResponse(const ApiError &error, const QString &requestId);

} // namespace gatehouse::invokeapi
