#include "DistributionDigest.h"

#include <algorithm>
#include <limits>

namespace gatehouse {

namespace {

quint32 saturated(quint64 value) {
    return quint32(std::min<quint64>(value, std::numeric_limits<quint32>::max()));
}

double ms(quint64 micros) {
    return double(micros) / 1000.0;
}

} // namespace

DistributionDigest DistributionDigest::of(const LatencyHistogram &histogram) {
    DistributionDigest digest;
    if (histogram.isEmpty()) return digest;
    digest.samples = saturated(histogram.count());
    digest.maxMicros = saturated(histogram.maxMicros());
    for (std::size_t i = 0; i < kQuantiles.size(); ++i)
        digest.buckets[i] = quint16(histogram.percentileBucket(kQuantiles[i]));
    return digest;
}

DistributionSummary DistributionDigest::summary() const {
    DistributionSummary s;
    if (samples == 0) return s;
    s.samples = samples;
    s.maxMs = ms(maxMicros);
    // The slot's minimum is not kept: a midpoint can only be clamped from above.
    const auto at = [this](std::size_t i) {
        return ms(std::min<quint64>(LatencyHistogram::midpoint(buckets[i]), maxMicros));
    };
    s.p50Ms = at(0);
    s.p90Ms = at(1);
    s.p95Ms = at(2);
    s.p99Ms = at(3);
    return s;
}

DistributionSummary summaryOf(const LatencyHistogram &histogram) {
    DistributionSummary s;
    if (histogram.isEmpty()) return s;
    s.samples = histogram.count();
    s.p50Ms = ms(histogram.percentileMicros(0.50));
    s.p90Ms = ms(histogram.percentileMicros(0.90));
    s.p95Ms = ms(histogram.percentileMicros(0.95));
    s.p99Ms = ms(histogram.percentileMicros(0.99));
    s.maxMs = ms(histogram.maxMicros());
    s.meanMs = double(histogram.sumMicros()) / double(histogram.count()) / 1000.0;
    return s;
}

} // namespace gatehouse
