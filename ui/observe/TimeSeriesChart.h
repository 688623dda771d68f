// One live chart of lines over time (Qt Charts): a date-time x axis and a value y axis whose ranges
// follow the data, lines whose points are replaced in bulk on every refresh, never point by point.
#pragma once

#include <QChartView>
#include <QList>
#include <QPointF>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace gatehouse {

class TimeSeriesChart : public QChartView {
    Q_OBJECT
public:
    TimeSeriesChart(const QString &title, const QString &unit, QWidget *parent = nullptr);

    // Adds a line (in the order of the legend); returns its index for setPoints.
    int addLine(const QString &name, const QColor &colour);
    QLineSeries *line(int index) const { return m_lines.at(index); }
    int lineCount() const { return int(m_lines.size()); }

    // Replaces every line's points with one QXYSeries::replace call each (an empty list hides the line
    // and its legend entry), then fits the axes: x to [firstMs, endMs), y from 0 to above the highest
    // point. `secondsResolution` picks the time format.
    void setPoints(const QList<QList<QPointF>> &points, qint64 firstMs, qint64 endMs, bool secondsResolution);

    QValueAxis *valueAxis() const { return m_y; }
    QDateTimeAxis *timeAxis() const { return m_x; }

private:
    QList<QLineSeries *> m_lines;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
};

// The look every observe chart shares: a theme that matches the window's palette (dark or light),
// small margins and fonts so that a chart stays readable in a dock.
void styleObserveChart(QChart *chart, const QPalette &palette);

} // namespace gatehouse
