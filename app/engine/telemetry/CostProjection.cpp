#include "CostProjection.h"

#include <algorithm>

namespace gatehouse {

double meanBilledMs(const LatencyHistogram &durations, BillingGranularity granularity) {
    if (durations.isEmpty()) return 0;
    double billed = 0;
    for (int b = durations.lowestBucket(); b <= durations.highestBucket(); ++b) {
        const quint64 count = durations.bucketCount(b);
        if (count == 0) continue;
        const quint64 micros =
            std::clamp(LatencyHistogram::midpoint(b), durations.minMicros(), durations.maxMicros());
        billed += double(count) * double(billedDurationMs(double(micros) / 1000.0, 0, granularity));
    }
    return billed / double(durations.count());
}

CostBreakdown monthlyCost(const Pricing &pricing, double ratePerSecond, const LatencyHistogram &durations,
                          int memoryMB, LambdaArchitecture architecture, bool freeTier,
                          BillingGranularity granularity, const QString &function) {
    FunctionUsage usage;
    usage.function = function;
    usage.architecture = architecture;
    usage.memoryMB = memoryMB;
    usage.requests = std::max(ratePerSecond, 0.0) * kSecondsPerMonth;
    usage.billedMs = usage.requests * meanBilledMs(durations, granularity);
    usage.gbSeconds = usage.billedMs / 1000.0 * memoryMB / 1024.0;
    CostUsage month;
    month.functions.append(usage);
    return priceUsage(pricing, month, freeTier);
}

CostUsage monthlyUsage(const CostUsage &observed, double ratePerSecond) {
    double frontDoor = observed.httpApiRequests + observed.restApiRequests;
    if (frontDoor <= 0)
        for (const FunctionUsage &f : observed.functions)
            frontDoor += f.requests;
    if (frontDoor <= 0 || ratePerSecond <= 0) return {};
    const double k = ratePerSecond * kSecondsPerMonth / frontDoor;
    CostUsage month = observed;
    for (FunctionUsage &f : month.functions) {
        f.requests *= k;
        f.billedMs *= k;
        f.gbSeconds *= k;
    }
    for (double *quantity :
         {&month.httpApiRequests, &month.httpApiUnits, &month.restApiRequests, &month.webSocketMessages,
          &month.webSocketConnectionMinutes, &month.s3PutCopyPostList, &month.s3GetSelectOther,
          &month.sqsStandardRequests, &month.sqsFifoRequests})
        *quantity *= k;
    return month;
}

} // namespace gatehouse
