// What one time slot keeps of a distribution: its count, p50/p90/p95/p99 and max in 16 bytes, taken from
// the slot's full histogram when the slot closes, so that every point is as exact as the histogram.
#pragma once

#include "LatencyHistogram.h"
#include "MetricPoints.h"

#include <array>

namespace gatehouse {

struct DistributionDigest {
    static constexpr std::array<double, 4> kQuantiles{0.50, 0.90, 0.95, 0.99};

    quint32 samples = 0;   // saturates at 2^32 - 1 (4 billion values in one slot)
    quint32 maxMicros = 0; // saturates at ~71 min, far above Lambda's 15 min limit
    // The LatencyHistogram bucket of each quantile: the bucket's midpoint is what the slot reports.
    std::array<quint16, kQuantiles.size()> buckets{};

    static DistributionDigest of(const LatencyHistogram &histogram);
    DistributionSummary summary() const;
};
static_assert(sizeof(DistributionDigest) == 16);
static_assert(LatencyHistogram::kBucketCount <= 65536, "bucket indexes must fit the digest's quint16");

// The same figures (plus the mean) straight from a histogram, for since-start totals.
DistributionSummary summaryOf(const LatencyHistogram &histogram);

} // namespace gatehouse
