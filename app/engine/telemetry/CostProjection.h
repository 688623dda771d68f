// What a month would cost at a request rate the user picks, from the durations observed locally: the
// arithmetic of the AWS Lambda pricing page's examples (requests × price + GB-seconds × price, less the
// free tier), with billed durations rounded up as the project's billing granularity says.
#pragma once

#include "CostBreakdown.h"
#include "LatencyHistogram.h"
#include "invoker/Billing.h"

namespace gatehouse {

// The AWS Pricing Calculator's month: 730 hours.
constexpr double kSecondsPerMonth = 730.0 * 3600.0;

// The mean billed duration of the observed durations: each value rounded up to 1 ms (or 100 ms in
// classic billing), at least one unit. Values are read at their histogram bucket's midpoint (within 1%).
double meanBilledMs(const LatencyHistogram &durations, BillingGranularity granularity);

// One function's month at `ratePerSecond` invocations, each billed like the observed durations, at
// `memoryMB` on `architecture`: the breakdown holds that one function (named `function`) and its lines.
CostBreakdown monthlyCost(const Pricing &pricing, double ratePerSecond, const LatencyHistogram &durations,
                          int memoryMB, LambdaArchitecture architecture, bool freeTier,
                          BillingGranularity granularity, const QString &function = {});

// The observed usage scaled to a month at `ratePerSecond` requests at the project's front door: its HTTP
// and REST APIs, or its function invocations when no API was called. Everything observed (invocations
// per function, WebSocket messages, S3 and SQS requests) keeps its proportion to those requests. Empty
// when nothing was observed.
CostUsage monthlyUsage(const CostUsage &observed, double ratePerSecond);

} // namespace gatehouse
