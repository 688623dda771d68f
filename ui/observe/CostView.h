// The Cost dock: what the running project has cost so far at AWS list prices (from the engine's
// CostMeter), per service and per function, and what a month would cost at a request rate the user
// sets, from the durations observed (CostMeter::projectMonthly's arithmetic), with the free tier on or
// off and a "classic billing (100 ms)" what-if. Names the pricing source pages and their dates.
#pragma once

#include "VisiblePolling.h"
#include "invoker/Billing.h"
#include "telemetry/CostBreakdown.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace gatehouse {

class CostBreakdownPanel;
class CostMeter;
class MetricsStore;
class ProjectDocument;

class CostView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRefreshMs = 1000;
    enum class RateUnit { PerSecond, PerMonth };

    // `document` tells which billing granularity the running project uses (its settings).
    explicit CostView(ProjectDocument *document, QWidget *parent = nullptr);

    // The running cloud's meter and metrics (CloudRunner::costMeter(), metrics()), or null when it
    // leaves Running: the figures shown stay, and the projection can still be changed.
    void setSources(CostMeter *meter, MetricsStore *metrics);

    // The projection's rate, in requests per second whatever the unit shown.
    double requestsPerSecond() const;
    void setRate(double value, RateUnit unit);

    CostBreakdownPanel *runPanel() const { return m_runPanel; }
    CostBreakdownPanel *projectionPanel() const { return m_projectionPanel; }
    QLabel *runTotalLabel() const { return m_runTotal; }
    QLabel *projectionTotalLabel() const { return m_projectionTotal; }
    QLabel *sourcesLabel() const { return m_sources; }
    QCheckBox *classicBilling() const { return m_classic; }
    QCheckBox *freeTier() const { return m_freeTier; }
    QDoubleSpinBox *rateSpin() const { return m_rate; }
    QComboBox *rateUnit() const { return m_unit; }
    QTabWidget *tabs() const { return m_tabs; }
    bool isPolling() const { return m_polling->isActive(); }

public slots:
    // Reads the meter now (the timer calls it) and redraws both breakdowns.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void redraw();
    void changeUnit();
    BillingGranularity projectGranularity() const;
    QString sourcesText() const;

    ProjectDocument *m_document;
    Pricing m_pricing = Pricing::bundled();
    CostMeter *m_meter = nullptr;
    MetricsStore *m_metrics = nullptr;
    // The last usage read, as the meter billed it and re-billed the other way (while metrics existed).
    std::optional<CostUsage> m_usage;
    std::optional<CostUsage> m_usageOtherBilling;
    BillingGranularity m_usageGranularity = BillingGranularity::Millisecond;
    QStackedWidget *m_pages;
    QLabel *m_empty;
    QLabel *m_runTotal;
    QLabel *m_projectionTotal;
    QLabel *m_sources;
    QLabel *m_billingNote;
    QCheckBox *m_classic;
    QCheckBox *m_freeTier;
    QDoubleSpinBox *m_rate;
    QComboBox *m_unit;
    RateUnit m_shownUnit = RateUnit::PerMonth;
    QTabWidget *m_tabs;
    CostBreakdownPanel *m_runPanel;
    CostBreakdownPanel *m_projectionPanel;
    VisiblePolling *m_polling = nullptr; // made in the constructor
};

} // namespace gatehouse
