#include "CostRebilling.h"

#include "telemetry/CostProjection.h"
#include "telemetry/MetricsStore.h"

namespace gatehouse {

CostUsage rebilledUsage(const CostUsage &usage, const MetricsStore &metrics, BillingGranularity granularity) {
    CostUsage out = usage;
    for (FunctionUsage &f : out.functions) {
        const LatencyHistogram durations =
            metrics.functionHistogram(f.function, FunctionDistribution::Duration);
        if (durations.isEmpty() || f.requests <= 0) continue;
        // The mean memory of what ran (a reload may have changed it between invocations).
        const double memoryMB = f.billedMs > 0 ? f.gbSeconds * 1024.0 * 1000.0 / f.billedMs : f.memoryMB;
        double billedMs = f.requests * meanBilledMs(durations, granularity);
        if (granularity == BillingGranularity::Millisecond)
            billedMs +=
                double(
                    metrics.functionHistogram(f.function, FunctionDistribution::InitDuration).sumMicros()) /
                1000.0;
        f.billedMs = billedMs;
        f.gbSeconds = billedMs / 1000.0 * memoryMB / 1024.0;
    }
    return out;
}

} // namespace gatehouse
