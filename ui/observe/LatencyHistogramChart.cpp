#include "LatencyHistogramChart.h"

#include "TimeSeriesChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QValueAxis>
#include <algorithm>

namespace gatehouse {

QString shortDuration(quint64 micros) {
    if (micros < 1000) return LatencyHistogramChart::tr("%1 µs").arg(micros);
    if (micros < 1000000)
        return LatencyHistogramChart::tr("%1 ms").arg(QString::number(double(micros) / 1000.0, 'g', 3));
    return LatencyHistogramChart::tr("%1 s").arg(QString::number(double(micros) / 1e6, 'g', 3));
}

QList<LatencyHistogram::Bucket> LatencyHistogramChart::bars(const LatencyHistogram &histogram) {
    if (histogram.isEmpty()) return {};
    // The finest buckets that still fit: coarser ones join neighbours within an octave.
    QList<LatencyHistogram::Bucket> buckets;
    for (int perOctave = LatencyHistogram::kSubBuckets / 2; perOctave >= 1; perOctave /= 2) {
        buckets = histogram.buckets(perOctave);
        const quint64 span = buckets.last().upperMicros;
        const quint64 low = std::max<quint64>(buckets.first().lowerMicros, 1);
        // Bars from the first to the last non-empty bucket, gaps included.
        int octaves = 0;
        for (quint64 v = low; v < span; v *= 2)
            ++octaves;
        if (perOctave * std::max(octaves, 1) <= kMaxBars || perOctave == 1) break;
    }
    QList<LatencyHistogram::Bucket> out;
    for (const LatencyHistogram::Bucket &b : std::as_const(buckets)) {
        // An empty stretch between two non-empty buckets stays visible as one zero bar.
        if (!out.isEmpty() && b.lowerMicros > out.last().upperMicros)
            out.append({out.last().upperMicros, b.lowerMicros, 0});
        out.append(b);
    }
    return out;
}

LatencyHistogramChart::LatencyHistogramChart(const QString &title, QWidget *parent)
    : QChartView(parent)
    , m_set(new QBarSet(tr("Requests")))
    , m_categories(new QBarCategoryAxis)
    , m_counts(new QValueAxis) {
    auto *c = new QChart;
    c->setTitle(title);
    auto *series = new QBarSeries(this);
    series->append(m_set);
    series->setBarWidth(0.9);
    c->addSeries(series);
    c->addAxis(m_categories, Qt::AlignBottom);
    c->addAxis(m_counts, Qt::AlignLeft);
    series->attachAxis(m_categories);
    series->attachAxis(m_counts);
    m_categories->setLabelsAngle(-90); // upright labels are elided to the bar width
    m_counts->setLabelFormat(QStringLiteral("%.0f"));
    m_counts->setTitleText(tr("requests"));
    m_counts->setRange(0, 1);
    c->legend()->setVisible(false);
    setChart(c);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(300, 200);
    styleObserveChart(c, palette());
}

void LatencyHistogramChart::setHistogram(const LatencyHistogram &histogram) {
    if (histogram.count() == m_shownCount && histogram.sumMicros() == m_shownSum) return;
    m_shownCount = histogram.count();
    m_shownSum = histogram.sumMicros();
    const QList<LatencyHistogram::Bucket> buckets = bars(histogram);
    QStringList labels;
    QList<qreal> counts;
    qreal top = 1;
    for (const LatencyHistogram::Bucket &b : buckets) {
        labels.append(shortDuration(b.lowerMicros));
        counts.append(qreal(b.count));
        top = std::max(top, qreal(b.count));
    }
    // In bulk: one removal and one append, whatever the number of bars.
    if (m_set->count() > 0) m_set->remove(0, m_set->count());
    if (m_categories->categories() != labels) {
        m_categories->clear();
        m_categories->append(labels);
    }
    m_set->append(counts);
    m_counts->setRange(0, top * 1.1);
    m_counts->applyNiceNumbers();
}

} // namespace gatehouse
