#include "LoadTestResultsView.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>

namespace gatehouse {

namespace {

QTableWidget *figureTable(const QString &objectName, const QStringList &headers, QWidget *parent) {
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    // The tables take what is left over, after the summary and the cost lines have their full height.
    table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    table->setMinimumHeight(60);
    return table;
}

void addRow(QTableWidget *table, const QString &label, const QString &value) {
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(label));
    auto *figure = new QTableWidgetItem(value);
    figure->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table->setItem(row, 1, figure);
}

QString milliseconds(double value) {
    return QLocale().toString(value, 'f', value < 10 ? 2 : 1);
}

} // namespace

LoadTestResultsView::LoadTestResultsView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_latency(figureTable(QStringLiteral("loadTestLatency"), {tr("Latency"), tr("ms")}, this))
    , m_responses(figureTable(QStringLiteral("loadTestResponses"), {tr("Response"), tr("Requests")}, this))
    , m_cost(new QLabel(this)) {
    m_summary->setObjectName(QStringLiteral("loadTestSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cost->setObjectName(QStringLiteral("loadTestCost"));
    // Short lines, unwrapped: a wrapped label's minimum height is one line, and the tables took the rest.
    m_cost->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_cost->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary, 0, 0, 1, 2);
    layout->addWidget(m_latency, 1, 0);
    layout->addWidget(m_responses, 1, 1);
    layout->addWidget(m_cost, 2, 0, 1, 2);
    layout->setRowStretch(1, 1);
    clear();
}

void LoadTestResultsView::clear() {
    m_summary->setText(tr("No results yet: choose a request and press Start."));
    m_latency->setRowCount(0);
    m_responses->setRowCount(0);
    m_cost->clear();
}

void LoadTestResultsView::showResult(const testing::LoadTestResult &r, int concurrency) {
    const QLocale locale;
    QString summary = tr("%1 requests in %2 s with %3 connections: %4 requests/s.")
                          .arg(locale.toString(r.completed), locale.toString(r.elapsedMs / 1000.0, 'f', 2),
                               locale.toString(concurrency), locale.toString(r.requestsPerSecond(), 'f', 1));
    if (r.cancelled)
        summary += QLatin1Char(' ') + tr("Cancelled after %1 sent.").arg(locale.toString(r.sent));
    if (r.failures() > 0)
        summary +=
            QLatin1Char(' ') +
            tr("%n request(s) got no response; the first: %1", nullptr, int(r.failures())).arg(r.firstError);
    m_summary->setText(summary);

    m_latency->setRowCount(0);
    if (r.responses() > 0) {
        for (const auto &[label, q] :
             {std::pair{QStringLiteral("p50"), 0.50}, std::pair{QStringLiteral("p90"), 0.90},
              std::pair{QStringLiteral("p95"), 0.95}, std::pair{QStringLiteral("p99"), 0.99}})
            addRow(m_latency, label, milliseconds(r.percentileMs(q)));
        addRow(m_latency, tr("max"), milliseconds(r.maxMs()));
        addRow(m_latency, tr("mean"), milliseconds(r.meanMs()));
    }
    m_responses->setRowCount(0);
    for (auto it = r.statusCounts.cbegin(); it != r.statusCounts.cend(); ++it)
        addRow(m_responses, tr("HTTP %1").arg(it.key()), locale.toString(it.value()));
    for (auto it = r.errors.cbegin(); it != r.errors.cend(); ++it)
        addRow(m_responses, testing::loadErrorKindLabel(it.key()), locale.toString(it.value()));
}

void LoadTestResultsView::showCost(const std::optional<testing::LoadCostProjection> &cost,
                                   const QString &currency, const QString &note) {
    if (!cost) {
        m_cost->setText(note);
        return;
    }
    const QLocale locale;
    QStringList routes;
    for (const RouteKey &route : cost->routes)
        routes << QStringLiteral("%1 %2").arg(route.api, route.route);
    QStringList parts;
    parts << tr("Projected cost: %1 %2 a month at %3 requests/s (list prices, no free tier).")
                 .arg(locale.toString(cost->monthly.total(), 'f', 2), currency,
                      locale.toString(cost->requestsPerSecond, 'f', 1));
    QStringList services;
    for (const QString &service : {QStringLiteral("Lambda"), QStringLiteral("API Gateway")})
        if (const double total = cost->monthly.serviceTotal(service); total > 0)
            services << QStringLiteral("%1 %2").arg(service, locale.toString(total, 'f', 2));
    if (!services.isEmpty()) parts << services.join(QStringLiteral(", ")) + QLatin1Char('.');
    if (!routes.isEmpty()) parts << tr("Route: %1.").arg(routes.join(QStringLiteral(", ")));
    parts << (cost->functions.isEmpty()
                  ? tr("No function was invoked.")
                  : tr("Function: %1.").arg(cost->functions.join(QStringLiteral(", "))));
    m_cost->setText(parts.join(QLatin1Char('\n'))); // one line each: a wrapped paragraph was clipped
}

} // namespace gatehouse
