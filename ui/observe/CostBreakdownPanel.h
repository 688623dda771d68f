// One cost breakdown (CostBreakdown) shown four ways: a pie of the services' items (Lambda requests,
// Lambda compute, API Gateway HTTP API requests, ...), a stacked bar per function (requests and compute),
// and a table of each. The cost view uses one for the run so far and one for the monthly projection.
#pragma once

#include "telemetry/CostBreakdown.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChartView;
class QPieSeries;
class QTableWidget;
class QValueAxis;

namespace gatehouse {

class CostBreakdownPanel : public QWidget {
    Q_OBJECT
public:
    explicit CostBreakdownPanel(const QString &objectNamePrefix, QWidget *parent = nullptr);

    void setBreakdown(const CostBreakdown &breakdown);
    const CostBreakdown &breakdown() const { return m_breakdown; }

    QTableWidget *serviceTable() const { return m_services; }
    QTableWidget *functionTable() const { return m_functions; }
    QPieSeries *servicePie() const { return m_pie; }
    QBarSet *requestBars() const { return m_requestBars; }
    QBarSet *computeBars() const { return m_computeBars; }

private:
    CostBreakdown m_breakdown;
    QChartView *m_pieView;
    QPieSeries *m_pie;
    QChartView *m_barView;
    QBarSet *m_requestBars;
    QBarSet *m_computeBars;
    QBarCategoryAxis *m_functionAxis;
    QValueAxis *m_costAxis;
    QTableWidget *m_services;
    QTableWidget *m_functions;
};

// "$18.74"; amounts under a cent keep four significant digits ("$0.0004167") so that a short local run
// does not read as free.
QString formatUsd(double amount);
// The cost lines' stable English service and item names (CostLine), translated for display.
QString costServiceText(const QString &service);
QString costItemText(const QString &item);
QString costUnitText(const QString &unit);

} // namespace gatehouse
