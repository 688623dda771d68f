// A fixed-size, mergeable histogram of durations in microseconds whose percentiles are within 1% of the
// exact ones from 1 µs to 15 min: the one latency distribution every metric series keeps.
#pragma once

#include <QList>
#include <QtGlobal>
#include <array>

namespace gatehouse {

// Log-linear buckets, as HdrHistogram lays them out: 0..127 µs one bucket per microsecond, then every
// power of two split into 64 equal buckets. A value is reported as its bucket's midpoint, at most half a
// bucket (1/128 of the value, 0.78%) away. Values above kMaxMicros land in the last bucket; max() stays
// exact. 1,600 buckets of 8 bytes: 12.8 KB per histogram, whatever the number of values.
//
// Not thread-safe: the metric series that own histograms guard them.
class LatencyHistogram {
public:
    static constexpr int kSubBuckets = 128; // the linear range, and twice the buckets per octave
    static constexpr int kOctaves = 23;     // 128 µs · 2^23 ≈ 17.9 min: beyond the 15 min Lambda limit
    static constexpr int kBucketCount = kSubBuckets + kOctaves * (kSubBuckets / 2); // 1600
    static constexpr quint64 kMaxMicros = (quint64(kSubBuckets) << kOctaves) - 1;
    static constexpr double kMaxRelativeError = 1.0 / kSubBuckets; // half a bucket of an octave's 64

    void record(quint64 micros, quint64 count = 1);
    void merge(const LatencyHistogram &other);
    void clear(); // touches only the buckets in use: cheap for the per-second scratch histograms

    quint64 count() const { return m_count; }
    quint64 sumMicros() const { return m_sum; }
    quint64 minMicros() const { return m_count ? m_min : 0; }
    quint64 maxMicros() const { return m_max; }
    bool isEmpty() const { return m_count == 0; }

    // The nearest-rank percentile (the value at rank ceil(q · count)), q in [0, 1]: the midpoint of the
    // bucket holding that rank, clamped to [min, max]. 0 when empty.
    quint64 percentileMicros(double q) const;
    // The bucket holding that rank (for compact summaries); -1 when empty.
    int percentileBucket(double q) const;

    static int bucketOf(quint64 micros);
    static quint64 lowerBound(int bucket); // the smallest value of the bucket
    static quint64 upperBound(int bucket); // one past its largest value
    static quint64 midpoint(int bucket);

    quint64 bucketCount(int bucket) const { return m_counts[std::size_t(bucket)]; }
    int lowestBucket() const { return m_low; }   // kBucketCount when empty
    int highestBucket() const { return m_high; } // -1 when empty

    struct Bucket {
        quint64 lowerMicros = 0; // inclusive
        quint64 upperMicros = 0; // exclusive
        quint64 count = 0;
    };
    // The non-empty buckets in order, for a histogram chart; `perOctave` (64, 32, ..., 1) joins neighbours
    // for a coarser chart (the linear range 0..127 µs is joined at the same width as 64..127 µs).
    QList<Bucket> buckets(int perOctave = kSubBuckets / 2) const;

private:
    std::array<quint64, kBucketCount> m_counts{};
    quint64 m_count = 0;
    quint64 m_sum = 0;
    quint64 m_min = 0;
    quint64 m_max = 0;
    int m_low = kBucketCount;
    int m_high = -1;
};

} // namespace gatehouse
