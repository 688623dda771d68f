#include "LatencyHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace gatehouse {

namespace {

constexpr int kHalf = LatencyHistogram::kSubBuckets / 2; // buckets per octave above the linear range

// Octave k ≥ 1 holds [64 · 2^k, 128 · 2^k) in 64 buckets of width 2^k.
int octaveOf(int bucket) {
    return (bucket - LatencyHistogram::kSubBuckets) / kHalf + 1;
}

} // namespace

int LatencyHistogram::bucketOf(quint64 micros) {
    if (micros < quint64(kSubBuckets)) return int(micros);
    if (micros > kMaxMicros) micros = kMaxMicros;
    // The shift that brings the value into [64, 128): its octave.
    const int octave = int(std::bit_width(micros)) - 7;
    const int sub = int(micros >> octave) - kHalf;
    return kSubBuckets + (octave - 1) * kHalf + sub;
}

quint64 LatencyHistogram::lowerBound(int bucket) {
    if (bucket < kSubBuckets) return quint64(bucket);
    const int octave = octaveOf(bucket);
    const quint64 sub = quint64(kHalf + (bucket - kSubBuckets) % kHalf);
    return sub << octave;
}

quint64 LatencyHistogram::upperBound(int bucket) {
    if (bucket < kSubBuckets) return quint64(bucket) + 1;
    return lowerBound(bucket) + (quint64(1) << octaveOf(bucket));
}

quint64 LatencyHistogram::midpoint(int bucket) {
    if (bucket < kSubBuckets) return quint64(bucket); // one value per bucket: exact
    return lowerBound(bucket) + (quint64(1) << (octaveOf(bucket) - 1));
}

void LatencyHistogram::record(quint64 micros, quint64 count) {
    if (count == 0) return;
    const int bucket = bucketOf(micros);
    m_counts[std::size_t(bucket)] += count;
    m_min = m_count == 0 ? micros : std::min(m_min, micros);
    m_max = std::max(m_max, micros);
    m_count += count;
    m_sum += micros * count;
    m_low = std::min(m_low, bucket);
    m_high = std::max(m_high, bucket);
}

void LatencyHistogram::merge(const LatencyHistogram &other) {
    if (other.isEmpty()) return;
    for (int b = other.m_low; b <= other.m_high; ++b)
        m_counts[std::size_t(b)] += other.m_counts[std::size_t(b)];
    m_min = m_count == 0 ? other.m_min : std::min(m_min, other.m_min);
    m_max = std::max(m_max, other.m_max);
    m_count += other.m_count;
    m_sum += other.m_sum;
    m_low = std::min(m_low, other.m_low);
    m_high = std::max(m_high, other.m_high);
}

void LatencyHistogram::clear() {
    if (m_high >= m_low) std::fill(m_counts.begin() + m_low, m_counts.begin() + m_high + 1, quint64(0));
    m_count = m_sum = m_min = m_max = 0;
    m_low = kBucketCount;
    m_high = -1;
}

int LatencyHistogram::percentileBucket(double q) const {
    if (m_count == 0) return -1;
    // Nearest rank: the smallest value with at least ceil(q · n) values at or below it (rank 1 for q = 0).
    const quint64 rank =
        std::clamp<quint64>(quint64(std::ceil(std::clamp(q, 0.0, 1.0) * double(m_count))), 1, m_count);
    quint64 seen = 0;
    for (int b = m_low; b <= m_high; ++b) {
        seen += m_counts[std::size_t(b)];
        if (seen >= rank) return b;
    }
    return m_high;
}

quint64 LatencyHistogram::percentileMicros(double q) const {
    const int bucket = percentileBucket(q);
    if (bucket < 0) return 0;
    return std::clamp(midpoint(bucket), m_min, m_max);
}

QList<LatencyHistogram::Bucket> LatencyHistogram::buckets(int perOctave) const {
    // Joining 2^level neighbours keeps groups inside one octave: both 128 and 64 are multiples of 2^level.
    int level = 0;
    while ((kHalf >> level) > std::max(perOctave, 1) && level < 6)
        ++level;
    const int mask = ~((1 << level) - 1);
    QList<Bucket> out;
    for (int b = m_low; b <= m_high; ++b) {
        const quint64 n = m_counts[std::size_t(b)];
        if (n == 0) continue;
        const int first = b & mask;
        if (!out.isEmpty() && out.last().lowerMicros == lowerBound(first)) {
            out.last().count += n;
            continue;
        }
        out.append({lowerBound(first), upperBound(first + (1 << level) - 1), n});
    }
    return out;
}

} // namespace gatehouse
