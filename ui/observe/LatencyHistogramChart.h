// A bar chart of a latency distribution since start (LatencyHistogram): how many requests took how long,
// in at most kMaxBars bars whose width doubles with each octave, so that 1 ms and 10 s share one chart.
#pragma once

#include "telemetry/LatencyHistogram.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QValueAxis;

namespace gatehouse {

class LatencyHistogramChart : public QChartView {
    Q_OBJECT
public:
    static constexpr int kMaxBars = 24;

    explicit LatencyHistogramChart(const QString &title, QWidget *parent = nullptr);

    // Redraws only when the histogram holds new values.
    void setHistogram(const LatencyHistogram &histogram);

    // The bars as drawn: [lower, upper) in µs and count; gaps between non-empty buckets are zero bars.
    static QList<LatencyHistogram::Bucket> bars(const LatencyHistogram &histogram);

    QBarSet *barSet() const { return m_set; }
    QBarCategoryAxis *categoryAxis() const { return m_categories; }

private:
    QBarSet *m_set;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_counts;
    quint64 m_shownCount = 0;
    quint64 m_shownSum = 0;
};

// "850 µs", "12.5 ms", "1.2 s": a duration in µs, short enough for an axis label.
QString shortDuration(quint64 micros);

} // namespace gatehouse
