// The naming and format rules AWS enforces on what a project names (functions, buckets, queues,
// stages, schedules, variables, hosts), as pure checks that the validator and editors can share.
#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse::naming {

bool isValidFunctionName(const QString &name);

bool isValidEnvironmentVariableName(const QString &name);
// Keys Lambda sets itself and refuses in a function's configuration.
bool isReservedEnvironmentVariable(const QString &name);
// AWS_XRAY_* keys: Lambda sets them when tracing is on, but its documentation lists them as unreserved.
bool isTracingEnvironmentVariable(const QString &name);

// Why `name` breaks the S3 bucket naming rules (a translated sentence), or empty when it is valid.
QString bucketNameProblem(const QString &name);

// Queue name without a ".fifo" suffix: letters, digits, '-' and '_'.
bool isValidQueueName(const QString &name, bool fifo);

bool isValidStageName(const QString &name); // "$default" is checked by the caller
bool isValidStageVariableName(const QString &name);
bool isValidStageVariableValue(const QString &value);
bool isValidScheduleName(const QString &name);

// A DNS host name such as "api.example.com"; a leading "*." (wildcard custom domain) is allowed.
bool isValidDomainName(const QString &name);
bool isValidRegion(const QString &region);
bool isValidAccountId(const QString &accountId);

// "$request.header.X", "$request.querystring.X", "$context.X" or "$stageVariables.X".
bool isValidIdentitySource(const QString &source);
bool isHeaderIdentitySource(const QString &source);

// GET POST PUT PATCH DELETE HEAD OPTIONS (and ANY for routes).
QStringList httpMethods(bool withAny);
bool isHttpMethod(const QString &method, bool allowAny);

} // namespace gatehouse::naming
