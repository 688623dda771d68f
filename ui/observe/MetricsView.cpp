#include "MetricsView.h"

#include "LatencyHistogramChart.h"
#include "TimeSeriesChart.h"
#include "VisiblePolling.h"
#include "telemetry/MetricsStore.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>

namespace gatehouse {

namespace {

enum SelectorRole { KindRole = Qt::UserRole, NameRole, ApiRole, StageRole };

// Tableau 10: distinct on light and dark backgrounds alike.
const QColor kBlue(0x4e, 0x79, 0xa7);
const QColor kOrange(0xf2, 0x8e, 0x2b);
const QColor kRed(0xe1, 0x57, 0x59);
const QColor kTeal(0x76, 0xb7, 0xb2);
const QColor kGreen(0x59, 0xa1, 0x4f);
const QColor kPurple(0xb0, 0x7a, 0xa1);

QString routeLabel(const RouteKey &route) {
    if (route.route == MetricsStore::kOtherRoutes) return MetricsView::tr("Other routes (beyond the limit)");
    if (route.route == MetricsStore::kNoRoute)
        return MetricsView::tr("Requests no route matched (%1, %2)").arg(route.api, route.stage);
    return MetricsView::tr("Route: %1 (%2, %3)").arg(route.route, route.api, route.stage);
}

} // namespace

int MetricsView::refreshIntervalMs(const MetricsTimeWindow &window) {
    if (window.resolution == MetricResolution::Minute) return kMinutesRefreshMs;
    // An hour of points per line is redrawn once a second (when a point is added), 5 minutes twice.
    return window.count > 300 ? 1000 : kSecondsRefreshMs;
}

MetricsView::MetricsView(QWidget *parent)
    : QWidget(parent) {
    m_selector = new QComboBox(this);
    m_selector->setObjectName(QStringLiteral("metricsSelector"));
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_selector->setToolTip(tr("Show the whole project, one route or one function"));
    m_selector->addItem(tr("Whole project"), int(MetricsSelection::Kind::Project));
    m_window = new QComboBox(this);
    m_window->setObjectName(QStringLiteral("metricsWindow"));
    m_window->addItem(tr("Last 5 minutes"), 300);
    m_window->addItem(tr("Last hour"), 3600);
    m_window->addItem(tr("Last 24 hours"), -1440); // negative: minutes
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("metricsNote"));
    m_note->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Show:"), this));
    bar->addWidget(m_selector);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Window:"), this));
    bar->addWidget(m_window);
    bar->addSpacing(12);
    bar->addWidget(m_note, 1);

    m_requests = new TimeSeriesChart(tr("Requests"), tr("per second"), this);
    m_requests->setObjectName(QStringLiteral("requestsChart"));
    m_requests->addLine(tr("Requests/s"), kBlue);
    m_errors = new TimeSeriesChart(tr("Errors"), tr("per second"), this);
    m_errors->setObjectName(QStringLiteral("errorsChart"));
    m_errors->addLine(tr("4XX"), kOrange);
    m_errors->addLine(tr("5XX"), kRed);
    m_errors->addLine(tr("Function errors"), kPurple);
    m_errors->addLine(tr("Throttles"), kTeal);
    m_latency = new TimeSeriesChart(tr("Latency"), tr("ms"), this);
    m_latency->setObjectName(QStringLiteral("latencyChart"));
    m_latency->addLine(tr("p50"), kGreen);
    m_latency->addLine(tr("p95"), kOrange);
    m_latency->addLine(tr("p99"), kRed);
    m_concurrency = new TimeSeriesChart(tr("Concurrency and cold starts"), QString(), this);
    m_concurrency->setObjectName(QStringLiteral("concurrencyChart"));
    m_concurrency->addLine(tr("Concurrent executions"), kBlue);
    m_concurrency->addLine(tr("Cold starts/s"), kTeal);
    m_histogram = new LatencyHistogramChart(tr("Latency distribution since start"), this);
    m_histogram->setObjectName(QStringLiteral("latencyHistogram"));

    auto *charts = new QWidget;
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    grid->addWidget(m_requests, 0, 0);
    grid->addWidget(m_errors, 0, 1);
    grid->addWidget(m_latency, 0, 2);
    grid->addWidget(m_concurrency, 1, 0);
    grid->addWidget(m_histogram, 1, 1, 1, 2);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(charts);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("metricsEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(scroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_pages, 1);

    m_polling = new VisiblePolling(this, kSecondsRefreshMs, [this] { return m_store != nullptr; });
    connect(m_polling, &VisiblePolling::poll, this, &MetricsView::refresh);
    connect(m_selector, &QComboBox::currentIndexChanged, this, &MetricsView::refresh);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this] {
        m_polling->setInterval(refreshIntervalMs(timeWindow()));
        refresh();
    });
    updateEmptyState();
}

void MetricsView::setMetricsStore(MetricsStore *store) {
    m_store = store;
    m_polling->update();
    refresh();
    updateEmptyState();
}

MetricsSelection MetricsView::selection() const {
    MetricsSelection s;
    s.kind = MetricsSelection::Kind(m_selector->currentData(KindRole).toInt());
    if (s.kind == MetricsSelection::Kind::Function) {
        s.function = m_selector->currentData(NameRole).toString();
    } else if (s.kind == MetricsSelection::Kind::Route) {
        s.route = {m_selector->currentData(ApiRole).toString(), m_selector->currentData(StageRole).toString(),
                   m_selector->currentData(NameRole).toString()};
    }
    return s;
}

MetricsTimeWindow MetricsView::timeWindow() const {
    const int count = m_window->currentData().toInt();
    return count < 0 ? MetricsTimeWindow{MetricResolution::Minute, -count}
                     : MetricsTimeWindow{MetricResolution::Second, count};
}

void MetricsView::refresh() {
    if (!m_store) return;
    refreshSelector();
    showData(readMetricsChartData(*m_store, selection(), timeWindow()));
    if (!m_hasData) {
        m_hasData = !m_store->functions().isEmpty() || !m_store->routes().isEmpty();
        updateEmptyState();
    }
}

// Adds the routes and functions that appeared since the last refresh; what was chosen stays chosen.
void MetricsView::refreshSelector() {
    const QList<RouteKey> routes = m_store->routes();
    const QStringList functions = m_store->functions();
    if (m_selector->count() == 1 + routes.size() + functions.size()) return;
    const MetricsSelection current = selection();
    const QSignalBlocker blocker(m_selector);
    while (m_selector->count() > 1)
        m_selector->removeItem(1);
    for (const RouteKey &route : routes) {
        m_selector->addItem(routeLabel(route), int(MetricsSelection::Kind::Route));
        const int i = m_selector->count() - 1;
        m_selector->setItemData(i, route.route, NameRole);
        m_selector->setItemData(i, route.api, ApiRole);
        m_selector->setItemData(i, route.stage, StageRole);
    }
    for (const QString &function : functions) {
        m_selector->addItem(function == MetricsStore::kOtherFunctions
                                ? tr("Other functions (beyond the limit)")
                                : tr("Function: %1").arg(function),
                            int(MetricsSelection::Kind::Function));
        m_selector->setItemData(m_selector->count() - 1, function, NameRole);
    }
    for (int i = 0; i < m_selector->count(); ++i) {
        m_selector->setCurrentIndex(i);
        if (selection() == current) return;
    }
    m_selector->setCurrentIndex(0);
}

void MetricsView::showData(const MetricsChartData &data) {
    const bool seconds = timeWindow().resolution == MetricResolution::Second;
    m_requests->setPoints({data.requestsPerSecond}, data.firstMs, data.endMs, seconds);
    m_errors->setPoints({data.clientErrorsPerSecond, data.serverErrorsPerSecond, data.functionErrorsPerSecond,
                         data.throttlesPerSecond},
                        data.firstMs, data.endMs, seconds);
    m_latency->setPoints({data.p50Ms, data.p95Ms, data.p99Ms}, data.firstMs, data.endMs, seconds);
    m_concurrency->setPoints({data.concurrency, data.coldStartsPerSecond}, data.firstMs, data.endMs, seconds);
    m_histogram->setHistogram(data.histogram);
    m_latency->chart()->setTitle(data.latencyIsDuration ? tr("Duration") : tr("Latency"));
    m_note->setText(data.latencyIsHighestOfSeveral
                        ? tr("Percentiles of several series cannot be added up: the latency lines show the "
                             "highest among them each second (minute).")
                        : QString());
}

void MetricsView::updateEmptyState() {
    m_empty->setText(m_store ? tr("No requests yet: send one to see metrics")
                             : tr("Run the project to see metrics"));
    m_pages->setCurrentIndex(m_hasData ? 1 : 0);
}

void MetricsView::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        for (QChartView *view : findChildren<QChartView *>())
            styleObserveChart(view->chart(), palette());
}

} // namespace gatehouse
