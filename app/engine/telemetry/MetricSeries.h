// One metric series (a function's or a route's): counters and latency distributions at 1-second
// resolution for the last hour and 1-minute resolution for the last day, plus since-start totals, in a
// fixed amount of memory. Thread-safe; recording takes one short lock and never allocates.
#pragma once

#include "DistributionDigest.h"
#include "LatencyHistogram.h"
#include "MetricPoints.h"

#include <QList>
#include <algorithm>
#include <array>
#include <mutex>
#include <type_traits>

namespace gatehouse {

// Layout: two rings of slots (3600 one-second, 1440 one-minute). The slot being filled is an open
// accumulator whose distributions are full LatencyHistograms; when time moves past it, it is closed into
// its ring slot as counters plus a DistributionDigest per distribution (p50/p90/p95/p99/max within 1%).
// A ring slot remembers which second (minute) it holds, so slots nobody wrote to since read as empty
// without being cleared. Since-start totals keep full histograms (mergeable, for Prometheus and charts).
//
// Why digests and not a small histogram per slot: with 16 bytes per distribution every point is as exact
// as the full histogram, whereas a sparse histogram small enough for 5,040 slots (~100 bytes) must drop
// to 4–8 buckets per octave under load (6–12% error). The price: percentiles of a whole window cannot
// be merged from slots, so windows report counters and max, and percentiles come per point or since start.
//
// Memory: everything is held inline and fixed at construction, so sizeof(MetricSeries) is a series'
// whole footprint: 5,040 slots (60 bytes for a function, 48 for a route) plus 3 full histograms per
// distribution (12.8 KB each): 379,616 bytes for a function, 319,112 for a route (GCC 12, x86_64);
// tst_telemetry_series asserts ≤ 380 KB and ≤ 320 KB.
//
// Counters sum within a slot. With Gauge, the series also follows a level (invocations in flight) and
// each slot keeps its peak and its level at the end, so a slot in which nothing happened reports the
// level that held throughout it.
template <std::size_t Counters, std::size_t Distributions, bool Gauge> class MetricSeries {
public:
    static constexpr int kSecondSlots = 3600; // an hour of 1-second slots
    static constexpr int kMinuteSlots = 1440; // a day of 1-minute slots

    struct Sample {
        Sample() { micros.fill(-1); }
        std::array<quint32, Counters> counters{};
        std::array<qint64, Distributions> micros; // < 0: no value for that distribution
        int gaugeDelta = 0;
    };

    // Since-start figures.
    struct Totals {
        std::array<quint64, Counters> counters{};
        quint64 gauge = 0; // the level now
        std::array<DistributionSummary, Distributions> distributions{};
    };

    // A point as the store turns it into FunctionPoint or RoutePoint.
    struct Point {
        qint64 startMs = 0;
        std::array<quint64, Counters> counters{};
        quint64 peak = 0;
        std::array<DistributionSummary, Distributions> distributions{};
    };

    void record(qint64 nowMs, const Sample &sample) {
        const std::lock_guard lock(m_mutex);
        advance(nowMs);
        if constexpr (Gauge) {
            m_gauge = quint32(std::max<qint64>(0, qint64(m_gauge) + sample.gaugeDelta));
            m_second.peak = std::max(m_second.peak, m_gauge);
            m_minute.peak = std::max(m_minute.peak, m_gauge);
        }
        for (std::size_t c = 0; c < Counters; ++c) {
            m_second.counters[c] += sample.counters[c];
            m_minute.counters[c] += sample.counters[c];
            m_total[c] += sample.counters[c];
        }
        for (std::size_t d = 0; d < Distributions; ++d) {
            if (sample.micros[d] < 0) continue;
            const quint64 micros = quint64(sample.micros[d]);
            m_second.histograms[d].record(micros);
            m_minute.histograms[d].record(micros);
            m_totalHistograms[d].record(micros);
        }
    }

    // The last `count` points at `resolution` up to the one holding nowMs, oldest first.
    QList<Point> points(qint64 nowMs, MetricResolution resolution, int count) const {
        const std::lock_guard lock(m_mutex);
        return resolution == MetricResolution::Second
                   ? pointsOf(m_second, m_secondRing, nowMs / 1000, count)
                   : pointsOf(m_minute, m_minuteRing, nowMs / 60000, count);
    }

    Totals totals() const {
        const std::lock_guard lock(m_mutex);
        Totals t;
        t.counters = m_total;
        t.gauge = m_gauge;
        for (std::size_t d = 0; d < Distributions; ++d)
            t.distributions[d] = summaryOf(m_totalHistograms[d]);
        return t;
    }

    LatencyHistogram histogram(std::size_t distribution) const {
        const std::lock_guard lock(m_mutex);
        return m_totalHistograms[distribution];
    }

private:
    struct GaugeState {
        quint32 peak = 0;
        quint32 end = 0;
    };
    struct NoGauge {};

    struct Slot {
        quint32 index = 0; // the epoch second (minute) this slot holds; 0 = never written
        std::array<quint32, Counters> counters{};
        [[no_unique_address]] std::conditional_t<Gauge, GaugeState, NoGauge> gauge;
        std::array<DistributionDigest, Distributions> digests{};
    };

    struct Open {
        qint64 index = -1; // the epoch second (minute) being filled; -1 before the first sample
        std::array<quint64, Counters> counters{};
        quint32 peak = 0;
        std::array<LatencyHistogram, Distributions> histograms{};
    };

    template <std::size_t N> void close(Open &open, std::array<Slot, N> &ring) {
        Slot &slot = ring[std::size_t(open.index % qint64(N))];
        slot.index = quint32(open.index);
        for (std::size_t c = 0; c < Counters; ++c)
            slot.counters[c] = quint32(std::min<quint64>(open.counters[c], 0xffffffffu));
        if constexpr (Gauge) slot.gauge = {open.peak, m_gauge};
        for (std::size_t d = 0; d < Distributions; ++d) {
            slot.digests[d] = DistributionDigest::of(open.histograms[d]);
            open.histograms[d].clear();
        }
        open.counters = {};
    }

    // Closes the open slots that nowMs has left behind. A clock that steps back keeps filling the open
    // slot: points stay in order, at worst a little late.
    void advance(qint64 nowMs) {
        const auto move = [this](Open &open, auto &ring, qint64 index) {
            if (index <= open.index) return;
            if (open.index >= 0) close(open, ring);
            open.index = index;
            open.peak = m_gauge; // what is still in flight is in flight in the new slot too
        };
        move(m_second, m_secondRing, nowMs / 1000);
        move(m_minute, m_minuteRing, nowMs / 60000);
    }

    template <std::size_t N>
    QList<Point> pointsOf(const Open &open, const std::array<Slot, N> &ring, qint64 last, int count) const {
        count = std::clamp(count, 0, int(N));
        last = std::max(last, open.index);
        const qint64 first = last - count + 1;
        const qint64 slotMs = N == std::size_t(kSecondSlots) ? 1000 : 60000;
        const auto held = [&](qint64 index) -> const Slot * {
            if (index < 0 || index <= last - qint64(N)) return nullptr;
            const Slot &slot = ring[std::size_t(index % qint64(N))];
            return slot.index == quint32(index) && index != open.index ? &slot : nullptr;
        };
        // The level before the window: the end of the last slot written before it (within the ring).
        quint64 level = 0;
        if constexpr (Gauge) {
            if (open.index >= 0 && open.index < first) {
                level = m_gauge;
            } else {
                for (qint64 i = first - 1; i > last - qint64(N); --i)
                    if (const Slot *slot = held(i)) {
                        level = slot->gauge.end;
                        break;
                    }
            }
        }
        QList<Point> out;
        out.reserve(count);
        for (qint64 i = first; i <= last; ++i) {
            Point p;
            p.startMs = i * slotMs;
            if (i == open.index) {
                std::copy(open.counters.begin(), open.counters.end(), p.counters.begin());
                for (std::size_t d = 0; d < Distributions; ++d)
                    p.distributions[d] = DistributionDigest::of(open.histograms[d]).summary();
                if constexpr (Gauge) p.peak = open.peak;
                level = m_gauge;
            } else if (const Slot *slot = held(i)) {
                std::copy(slot->counters.begin(), slot->counters.end(), p.counters.begin());
                for (std::size_t d = 0; d < Distributions; ++d)
                    p.distributions[d] = slot->digests[d].summary();
                if constexpr (Gauge) {
                    p.peak = slot->gauge.peak;
                    level = slot->gauge.end;
                }
            } else {
                p.peak = level; // nothing changed during the slot
            }
            out.append(p);
        }
        return out;
    }

    mutable std::mutex m_mutex;
    quint32 m_gauge = 0;
    Open m_second;
    Open m_minute;
    std::array<quint64, Counters> m_total{};
    std::array<LatencyHistogram, Distributions> m_totalHistograms{};
    std::array<Slot, kSecondSlots> m_secondRing{};
    std::array<Slot, kMinuteSlots> m_minuteRing{};
};

} // namespace gatehouse
