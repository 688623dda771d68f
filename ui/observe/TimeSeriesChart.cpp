#include "TimeSeriesChart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

namespace gatehouse {

void styleObserveChart(QChart *chart, const QPalette &palette) {
    // Colours from the window's palette rather than a chart theme: setTheme() would also repaint the
    // series, whose colours are chosen to read on light and dark backgrounds alike.
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    QColor grid = palette.color(QPalette::Mid);
    grid.setAlpha(110);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    QFont title = chart->titleFont();
    title.setPointSizeF(std::max(8.0, QFont().pointSizeF()));
    title.setBold(true);
    chart->setTitleFont(title);
    QFont small;
    small.setPointSizeF(std::max(7.0, QFont().pointSizeF() - 1));
    chart->legend()->setFont(small);
    chart->legend()->setAlignment(Qt::AlignBottom);
    for (QLegendMarker *marker : chart->legend()->markers())
        marker->setLabelBrush(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsFont(small);
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setTitleFont(small);
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setGridLineColor(grid);
    }
}

TimeSeriesChart::TimeSeriesChart(const QString &title, const QString &unit, QWidget *parent)
    : QChartView(parent)
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis) {
    auto *c = new QChart;
    c->setTitle(title);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    m_x->setTickCount(5);
    m_y->setTitleText(unit);
    m_y->setLabelFormat(QStringLiteral("%.3g"));
    m_y->setRange(0, 1);
    setChart(c);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(300, 200);
    styleObserveChart(c, palette());
}

int TimeSeriesChart::addLine(const QString &name, const QColor &colour) {
    auto *series = new QLineSeries(this);
    series->setName(name);
    QPen pen(colour);
    pen.setWidthF(1.5);
    series->setPen(pen);
    // OpenGL would be faster for an hour of points but is not available offscreen; 3,600 points per line
    // draw in a few milliseconds with the raster engine.
    chart()->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
    m_lines.append(series);
    return int(m_lines.size()) - 1;
}

void TimeSeriesChart::setPoints(const QList<QList<QPointF>> &points, qint64 firstMs, qint64 endMs,
                                bool secondsResolution) {
    double top = 0;
    for (int i = 0; i < m_lines.size(); ++i) {
        const QList<QPointF> &line = i < points.size() ? points[i] : QList<QPointF>{};
        QLineSeries *series = m_lines[i];
        const bool shown = !line.isEmpty();
        if (series->isVisible() != shown) {
            series->setVisible(shown);
            for (QLegendMarker *marker : chart()->legend()->markers(series))
                marker->setVisible(shown);
        }
        series->replace(line);
        for (const QPointF &p : line)
            top = std::max(top, p.y());
    }
    m_x->setFormat(secondsResolution ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(firstMs), QDateTime::fromMSecsSinceEpoch(endMs));
    // Headroom above the highest point, and a floor of 1 so that an idle chart has a readable scale.
    m_y->setRange(0, std::max(1.0, top * 1.1));
    m_y->applyNiceNumbers();
}

} // namespace gatehouse
