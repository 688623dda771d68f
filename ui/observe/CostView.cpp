#include "CostView.h"

#include "CostBreakdownPanel.h"
#include "CostRebilling.h"
#include "TimeSeriesChart.h"
#include "VisiblePolling.h"
#include "document/ProjectDocument.h"
#include "telemetry/CostMeter.h"
#include "telemetry/CostProjection.h"
#include "telemetry/MetricsStore.h"

#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>

namespace gatehouse {

CostView::CostView(ProjectDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document) {
    m_runTotal = new QLabel(this);
    m_runTotal->setObjectName(QStringLiteral("costRunTotal"));
    QFont big = m_runTotal->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_runTotal->setFont(big);
    m_classic = new QCheckBox(tr("Classic billing (100 ms)"), this);
    m_classic->setObjectName(QStringLiteral("costClassicBilling"));
    m_classic->setToolTip(tr("Bill Lambda durations rounded up to 100 ms, as AWS did before December 2020, "
                             "instead of to 1 ms. Starts as the project's billing setting."));
    m_billingNote = new QLabel(this);
    m_billingNote->setObjectName(QStringLiteral("costBillingNote"));
    m_billingNote->setWordWrap(true);
    m_sources = new QLabel(sourcesText(), this);
    m_sources->setObjectName(QStringLiteral("costSources"));
    m_sources->setWordWrap(true);
    m_sources->setOpenExternalLinks(true);
    m_sources->setTextFormat(Qt::RichText);

    auto *head = new QHBoxLayout;
    head->addWidget(m_runTotal);
    head->addSpacing(16);
    head->addWidget(m_classic);
    head->addWidget(m_billingNote, 1);

    m_runPanel = new CostBreakdownPanel(QStringLiteral("costRun"), this);

    m_rate = new QDoubleSpinBox(this);
    m_rate->setObjectName(QStringLiteral("costRate"));
    m_rate->setGroupSeparatorShown(true);
    m_unit = new QComboBox(this);
    m_unit->setObjectName(QStringLiteral("costRateUnit"));
    m_unit->addItem(tr("requests per month"), int(RateUnit::PerMonth));
    m_unit->addItem(tr("requests per second"), int(RateUnit::PerSecond));
    m_freeTier = new QCheckBox(tr("Free tier"), this);
    m_freeTier->setObjectName(QStringLiteral("costFreeTier"));
    m_freeTier->setToolTip(
        tr("Deduct Lambda's monthly free tier (1 million requests, 400,000 GB-seconds) and "
           "API Gateway's 12-month one"));
    m_projectionTotal = new QLabel(this);
    m_projectionTotal->setObjectName(QStringLiteral("costProjectionTotal"));
    m_projectionTotal->setFont(big);
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(new QLabel(tr("At"), this));
    rateRow->addWidget(m_rate);
    rateRow->addWidget(m_unit);
    rateRow->addWidget(m_freeTier);
    rateRow->addSpacing(16);
    rateRow->addWidget(m_projectionTotal, 1);
    auto *projectionNote = new QLabel(
        tr("A month of 730 hours with the mix of requests, durations and memory observed in this run."),
        this);
    projectionNote->setWordWrap(true);
    m_projectionPanel = new CostBreakdownPanel(QStringLiteral("costProjection"), this);
    auto *projection = new QWidget(this);
    auto *projectionLayout = new QVBoxLayout(projection);
    projectionLayout->setContentsMargins(0, 4, 0, 0);
    projectionLayout->addLayout(rateRow);
    projectionLayout->addWidget(projectionNote);
    projectionLayout->addWidget(m_projectionPanel, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("costTabs"));
    m_tabs->addTab(m_runPanel, tr("This run"));
    m_tabs->addTab(projection, tr("Monthly projection"));

    auto *withData = new QWidget(this);
    auto *dataLayout = new QVBoxLayout(withData);
    dataLayout->setContentsMargins(0, 0, 0, 0);
    dataLayout->addLayout(head);
    dataLayout->addWidget(m_tabs, 1);
    m_empty = new QLabel(tr("Run the project to see what it costs"), this);
    m_empty->setObjectName(QStringLiteral("costEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(withData);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_sources);

    setRate(1e6, RateUnit::PerMonth);
    m_classic->setChecked(projectGranularity() == BillingGranularity::HundredMilliseconds);
    connect(m_unit, &QComboBox::currentIndexChanged, this, &CostView::changeUnit);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &CostView::redraw);
    connect(m_freeTier, &QCheckBox::toggled, this, &CostView::redraw);
    connect(m_classic, &QCheckBox::toggled, this, &CostView::redraw);
    m_polling = new VisiblePolling(this, kRefreshMs, [this] { return m_meter != nullptr; });
    connect(m_polling, &VisiblePolling::poll, this, &CostView::refresh);
}

void CostView::setSources(CostMeter *meter, MetricsStore *metrics) {
    const bool starting = meter && !m_meter;
    m_meter = meter;
    m_metrics = metrics;
    if (meter) m_pricing = meter->pricing();
    // A new run starts with the project's own billing.
    if (starting) m_classic->setChecked(projectGranularity() == BillingGranularity::HundredMilliseconds);
    m_polling->update();
    refresh();
}

double CostView::requestsPerSecond() const {
    return m_shownUnit == RateUnit::PerSecond ? m_rate->value() : m_rate->value() / kSecondsPerMonth;
}

void CostView::setRate(double value, RateUnit unit) {
    const QSignalBlocker blockUnit(m_unit);
    m_unit->setCurrentIndex(m_unit->findData(int(unit)));
    m_shownUnit = unit;
    {
        const QSignalBlocker blockRate(m_rate);
        if (unit == RateUnit::PerSecond) {
            m_rate->setDecimals(3);
            m_rate->setRange(0, 1e7);
            m_rate->setSingleStep(1);
        } else {
            m_rate->setDecimals(0);
            m_rate->setRange(0, 1e13);
            m_rate->setSingleStep(100000);
        }
    }
    m_rate->setValue(value);
    redraw();
}

// The same rate in the other unit.
void CostView::changeUnit() {
    const double perSecond = requestsPerSecond();
    const auto unit = RateUnit(m_unit->currentData().toInt());
    setRate(unit == RateUnit::PerSecond ? perSecond : perSecond * kSecondsPerMonth, unit);
}

BillingGranularity CostView::projectGranularity() const {
    return m_document ? billingGranularityFromSetting(m_document->project().settings.billingGranularity)
                      : BillingGranularity::Millisecond;
}

void CostView::refresh() {
    if (!m_meter) return;
    m_usage = m_meter->usage();
    m_usageGranularity = projectGranularity();
    const BillingGranularity other = m_usageGranularity == BillingGranularity::Millisecond
                                         ? BillingGranularity::HundredMilliseconds
                                         : BillingGranularity::Millisecond;
    if (m_metrics)
        m_usageOtherBilling = rebilledUsage(*m_usage, *m_metrics, other);
    else
        m_usageOtherBilling.reset();
    redraw();
}

void CostView::redraw() {
    m_pages->setCurrentIndex(m_usage ? 1 : 0);
    if (!m_usage) return;
    const BillingGranularity wanted =
        m_classic->isChecked() ? BillingGranularity::HundredMilliseconds : BillingGranularity::Millisecond;
    CostUsage usage = *m_usage;
    if (wanted != m_usageGranularity) {
        if (m_usageOtherBilling) usage = *m_usageOtherBilling;
        m_billingNote->setText(
            m_usageOtherBilling
                ? tr("What-if: Lambda compute re-billed from the observed durations; "
                     "the project bills at %1.")
                      .arg(m_usageGranularity == BillingGranularity::Millisecond ? tr("1 ms") : tr("100 ms"))
                : tr("Re-billing needs the run's durations: run the project again."));
    } else {
        m_billingNote->clear();
    }
    const CostBreakdown run = priceUsage(m_pricing, usage, false);
    m_runPanel->setBreakdown(run);
    m_runTotal->setText(tr("This run so far: %1").arg(formatUsd(run.total())));

    const CostBreakdown month =
        priceUsage(m_pricing, monthlyUsage(usage, requestsPerSecond()), m_freeTier->isChecked());
    m_projectionPanel->setBreakdown(month);
    m_projectionTotal->setText(tr("%1 a month").arg(formatUsd(month.total())));
}

QString CostView::sourcesText() const {
    const auto link = [](const QString &name, const PricingSource &source) {
        return tr("<a href=\"%1\">%2</a> (read %3)").arg(source.url.toHtmlEscaped(), name, source.retrieved);
    };
    const Pricing &p = m_pricing;
    return tr("AWS list prices, %1, in %2: %3, %4, %5, %6. Prices change: check the pages before relying on "
              "these figures.")
        .arg(p.region, p.currency, link(tr("Lambda"), p.lambda.source),
             link(tr("API Gateway"), p.apiGateway.source), link(tr("S3"), p.s3.source),
             link(tr("SQS"), p.sqs.source));
}

void CostView::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        for (QChartView *view : findChildren<QChartView *>())
            styleObserveChart(view->chart(), palette());
}

} // namespace gatehouse
