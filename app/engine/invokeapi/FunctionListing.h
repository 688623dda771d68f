// The function descriptions of the Lambda API's GetFunction and ListFunctions (Lambda API reference,
// "FunctionConfiguration"), limited to what a Gatehouse project knows about a function.
#pragma once

#include "project/Function.h"

#include <QJsonObject>

namespace gatehouse::invokeapi {

// FunctionConfiguration of $LATEST. Fields a local function has no value for (code size and hash, last
// modification, revision) are left out rather than invented; Role is a placeholder ARN because the SDKs
// expect one.
QJsonObject functionConfiguration(const Function &function, const QString &region, const QString &accountId);

// GetFunction's body: {"Configuration": ..., "Code": {"RepositoryType": "S3"}[, "Concurrency": ...]}.
QJsonObject getFunctionBody(const Function &function, const QString &region, const QString &accountId);

} // namespace gatehouse::invokeapi
