// "What if it were billed the other way": the observed usage with Lambda's compute re-billed at another
// granularity (1 ms or classic 100 ms), from the durations the metrics store observed. The cost meter
// bills each invocation as the project's setting says; this answers the cost view's toggle without
// touching the project or the meter.
#pragma once

#include "invoker/Billing.h"
#include "telemetry/CostBreakdown.h"

namespace gatehouse {

class MetricsStore;

// Each function's billed ms and GB-seconds recomputed as its invocations × the mean billed duration of
// its observed Duration histogram at `granularity` (values within 1%, as CostProjection reads them);
// at 1 ms billing the INIT phase of cold starts is added, as Billing.h says (unbilled at 100 ms).
// Functions the store has no durations for keep the meter's figures.
CostUsage rebilledUsage(const CostUsage &usage, const MetricsStore &metrics, BillingGranularity granularity);

} // namespace gatehouse
