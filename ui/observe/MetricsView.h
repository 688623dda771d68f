// The Metrics dock: live charts of the running project's metrics (requests/s, errors, latency
// percentiles, concurrency and cold starts, a latency histogram) for the whole project, a route or a
// function, over the last 5 minutes, hour or day. It polls a snapshot of the MetricsStore on a timer,
// only while it is visible, and replaces each line's points in bulk, so a busy cloud cannot flood the
// window with work: the cost of a refresh depends on the window, not on the traffic.
#pragma once

#include "MetricsChartData.h"
#include "VisiblePolling.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace gatehouse {

class LatencyHistogramChart;
class MetricsStore;
class TimeSeriesChart;

class MetricsView : public QWidget {
    Q_OBJECT
public:
    // Refreshes at 1-second resolution; 24 h of minutes changes less often.
    static constexpr int kSecondsRefreshMs = 500;
    static constexpr int kMinutesRefreshMs = 5000;

    static int refreshIntervalMs(const MetricsTimeWindow &window);

    explicit MetricsView(QWidget *parent = nullptr);

    // The running cloud's store (CloudRunner::metrics()), or null when it leaves Running: the charts keep
    // what they show. Wire it like LogConsole::setLogStore.
    void setMetricsStore(MetricsStore *store);

    MetricsSelection selection() const;
    MetricsTimeWindow timeWindow() const;

    QComboBox *selector() const { return m_selector; }
    QComboBox *windowChoice() const { return m_window; }
    TimeSeriesChart *requestsChart() const { return m_requests; }
    TimeSeriesChart *errorsChart() const { return m_errors; }
    TimeSeriesChart *latencyChart() const { return m_latency; }
    TimeSeriesChart *concurrencyChart() const { return m_concurrency; }
    LatencyHistogramChart *histogramChart() const { return m_histogram; }
    QLabel *emptyLabel() const { return m_empty; }
    bool isPolling() const { return m_polling->isActive(); }

public slots:
    // Reads the store now (the timer calls it); nothing without a store.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refreshSelector();
    void showData(const MetricsChartData &data);
    void updateEmptyState();

    MetricsStore *m_store = nullptr;
    bool m_hasData = false;
    QComboBox *m_selector;
    QComboBox *m_window;
    QLabel *m_note;
    QStackedWidget *m_pages;
    QLabel *m_empty;
    TimeSeriesChart *m_requests;
    TimeSeriesChart *m_errors;
    TimeSeriesChart *m_latency;
    TimeSeriesChart *m_concurrency;
    LatencyHistogramChart *m_histogram;
    VisiblePolling *m_polling = nullptr; // made in the constructor
};

} // namespace gatehouse
