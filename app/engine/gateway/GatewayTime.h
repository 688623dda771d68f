// Request times and ids in the exact shapes API Gateway writes them: the CLF time of events and
// access logs ("12/Mar/2020:19:03:58 +0000"), epoch milliseconds, and the two request-id styles.
#pragma once

#include "invoker/ThreadRandom.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QString>

namespace gatehouse {

// "dd/MMM/yyyy:HH:mm:ss +0000" with English month names whatever the user's locale, because AWS
// writes the CLF format ("Customizing HTTP API access logs": $context.requestTime).
QString clfTime(const QDateTime &time);
qint64 epochMilliseconds(const QDateTime &time);

// HTTP APIs identify a request with 11 random bytes in base64, e.g. "JKJaXmPLvHcESHA=" (the
// apigw-requestid response header and requestContext.requestId).
QString newHttpApiRequestId(QRandomGenerator &random = threadRandom());
// REST APIs use a UUID for $context.requestId (x-amzn-RequestId) and a short base64 id for
// $context.extendedRequestId (x-amz-apigw-id), per "Access logging for REST APIs".
QString newRestRequestId(QRandomGenerator &random = threadRandom());
QString newExtendedRequestId(QRandomGenerator &random = threadRandom());

} // namespace gatehouse
