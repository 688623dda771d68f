#include "CostBreakdownPanel.h"

#include "TimeSeriesChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLocale>
#include <QPieSeries>
#include <QSplitter>
#include <QTableWidget>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace gatehouse {

namespace {

// The cost lines' identifiers (CostBreakdown.cpp), marked for translation.
struct Text {
    const char *english;
    const char *translatable;
};
constexpr Text kTexts[] = {
    {"Lambda", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "Lambda")},
    {"API Gateway", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "API Gateway")},
    {"S3", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "S3")},
    {"SQS", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "SQS")},
    {"requests", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "requests")},
    {"duration (x86_64)", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "compute (x86_64)")},
    {"duration (arm64)", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "compute (arm64)")},
    {"HTTP API requests", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "HTTP API requests")},
    {"REST API requests", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "REST API requests")},
    {"WebSocket messages", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "WebSocket messages")},
    {"WebSocket connection minutes",
     QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "WebSocket connection minutes")},
    {"PUT, COPY, POST, LIST requests",
     QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "PUT, COPY, POST, LIST requests")},
    {"GET, SELECT and other requests",
     QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "GET, SELECT and other requests")},
    {"standard queue requests",
     QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "standard queue requests")},
    {"FIFO queue requests", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "FIFO queue requests")},
    {"GB-seconds", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "GB-seconds")},
    {"requests (512 KB units)",
     QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "requests (512 KB units)")},
    {"messages (32 KB units)", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "messages (32 KB units)")},
    {"minutes", QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "minutes")},
    {"requests (64 KB chunks)",
     QT_TRANSLATE_NOOP("gatehouse::CostBreakdownPanel", "requests (64 KB chunks)")},
};

QString translated(const QString &english) {
    for (const Text &t : kTexts)
        if (english == QLatin1String(t.english))
            return QCoreApplication::translate("gatehouse::CostBreakdownPanel", t.translatable);
    return english; // a new line the GUI does not know yet still shows, in English
}

QString formatQuantity(double quantity) {
    const QLocale locale;
    // Sums of fractions (GB-seconds) land a hair off whole numbers: 25.000000000000004 reads as 25.
    if (std::fabs(quantity - std::round(quantity)) < 1e-6 * std::max(1.0, std::fabs(quantity)))
        return locale.toString(std::round(quantity), 'f', 0);
    return locale.toString(quantity, 'f', quantity < 10 ? 3 : 1);
}

QTableWidget *makeTable(const QStringList &headers, const QString &objectName, QWidget *parent) {
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QTableWidgetItem *numberItem(const QString &text) {
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

QString formatUsd(double amount) {
    const QLocale locale;
    if (amount != 0 && std::fabs(amount) < 0.01) {
        // Four significant digits, however small.
        const int decimals = std::clamp(3 - int(std::floor(std::log10(std::fabs(amount)))), 2, 12);
        return QStringLiteral("$") + locale.toString(amount, 'f', decimals);
    }
    return QStringLiteral("$") + locale.toString(amount, 'f', 2);
}

QString costServiceText(const QString &service) {
    return translated(service);
}
QString costItemText(const QString &item) {
    return translated(item);
}
QString costUnitText(const QString &unit) {
    return translated(unit);
}

CostBreakdownPanel::CostBreakdownPanel(const QString &objectNamePrefix, QWidget *parent)
    : QWidget(parent) {
    auto *pieChart = new QChart;
    pieChart->setTitle(tr("By service"));
    m_pie = new QPieSeries(this);
    m_pie->setHoleSize(0.35);
    pieChart->addSeries(m_pie);
    m_pieView = new QChartView(pieChart, this);
    m_pieView->setObjectName(objectNamePrefix + QStringLiteral("ServiceChart"));
    m_pieView->setRenderHint(QPainter::Antialiasing);
    m_pieView->setMinimumSize(300, 220);
    styleObserveChart(pieChart, palette());
    pieChart->legend()->setAlignment(Qt::AlignRight);

    auto *barChart = new QChart;
    barChart->setTitle(tr("By function"));
    auto *bars = new QHorizontalStackedBarSeries(this);
    m_requestBars = new QBarSet(tr("Requests"));
    m_computeBars = new QBarSet(tr("Compute"));
    bars->append(m_requestBars);
    bars->append(m_computeBars);
    barChart->addSeries(bars);
    m_functionAxis = new QBarCategoryAxis;
    m_costAxis = new QValueAxis;
    m_costAxis->setTitleText(tr("USD"));
    m_costAxis->setLabelFormat(QStringLiteral("%.3g"));
    barChart->addAxis(m_functionAxis, Qt::AlignLeft);
    barChart->addAxis(m_costAxis, Qt::AlignBottom);
    bars->attachAxis(m_functionAxis);
    bars->attachAxis(m_costAxis);
    m_barView = new QChartView(barChart, this);
    m_barView->setObjectName(objectNamePrefix + QStringLiteral("FunctionChart"));
    m_barView->setRenderHint(QPainter::Antialiasing);
    m_barView->setMinimumSize(300, 220);
    styleObserveChart(barChart, palette());
    m_requestBars->setColor(QColor(0x4e, 0x79, 0xa7));
    m_computeBars->setColor(QColor(0xf2, 0x8e, 0x2b));

    m_services = makeTable({tr("Service"), tr("Item"), tr("Quantity"), tr("Unit"), tr("Cost")},
                           objectNamePrefix + QStringLiteral("ServiceTable"), this);
    m_functions = makeTable(
        {tr("Function"), tr("Architecture"), tr("Memory (MB)"), tr("Requests"), tr("GB-seconds"), tr("Cost")},
        objectNamePrefix + QStringLiteral("FunctionTable"), this);

    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->addWidget(m_pieView);
    charts->addWidget(m_barView);
    // Half each: the pie's legend names the items and needs the room.
    charts->setStretchFactor(0, 1);
    charts->setStretchFactor(1, 1);
    charts->setSizes({1000, 1000});
    auto *tables = new QSplitter(Qt::Horizontal, this);
    tables->addWidget(m_services);
    tables->addWidget(m_functions);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(charts);
    split->addWidget(tables);
    split->setChildrenCollapsible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void CostBreakdownPanel::setBreakdown(const CostBreakdown &breakdown) {
    m_breakdown = breakdown;

    m_pie->clear();
    QList<QPieSlice *> slices;
    for (const CostLine &line : breakdown.lines) {
        if (line.cost <= 0) continue;
        auto *slice = new QPieSlice(
            tr("%1 %2: %3").arg(costServiceText(line.service), costItemText(line.item), formatUsd(line.cost)),
            line.cost);
        slices.append(slice);
    }
    m_pie->append(slices); // one call, one redraw
    QChart *pieChart = m_pieView->chart();
    for (QLegendMarker *marker : pieChart->legend()->markers())
        marker->setLabelBrush(palette().color(QPalette::Text));

    QStringList names;
    QList<qreal> requestCosts;
    QList<qreal> computeCosts;
    double top = 0;
    for (const FunctionCost &f : breakdown.functions) {
        names.append(f.function);
        requestCosts.append(f.requestCost);
        computeCosts.append(f.durationCost);
        top = std::max(top, f.total());
    }
    if (m_requestBars->count() > 0) m_requestBars->remove(0, m_requestBars->count());
    if (m_computeBars->count() > 0) m_computeBars->remove(0, m_computeBars->count());
    if (m_functionAxis->categories() != names) {
        m_functionAxis->clear();
        m_functionAxis->append(names);
    }
    m_requestBars->append(requestCosts);
    m_computeBars->append(computeCosts);
    m_costAxis->setRange(0, top > 0 ? top * 1.1 : 0.01);

    m_services->setRowCount(int(breakdown.lines.size()));
    for (int row = 0; row < breakdown.lines.size(); ++row) {
        const CostLine &line = breakdown.lines[row];
        m_services->setItem(row, 0, new QTableWidgetItem(costServiceText(line.service)));
        m_services->setItem(row, 1, new QTableWidgetItem(costItemText(line.item)));
        m_services->setItem(row, 2, numberItem(formatQuantity(line.quantity)));
        m_services->setItem(row, 3, new QTableWidgetItem(costUnitText(line.unit)));
        m_services->setItem(row, 4, numberItem(formatUsd(line.cost)));
    }
    m_functions->setRowCount(int(breakdown.functions.size()));
    for (int row = 0; row < breakdown.functions.size(); ++row) {
        const FunctionCost &f = breakdown.functions[row];
        m_functions->setItem(row, 0, new QTableWidgetItem(f.function));
        m_functions->setItem(row, 1, new QTableWidgetItem(lambdaArchitectureName(f.architecture)));
        m_functions->setItem(row, 2, numberItem(QLocale().toString(f.memoryMB)));
        m_functions->setItem(row, 3, numberItem(formatQuantity(f.requests)));
        m_functions->setItem(row, 4, numberItem(formatQuantity(f.gbSeconds)));
        m_functions->setItem(row, 5, numberItem(formatUsd(f.total())));
    }
    m_services->resizeColumnsToContents();
    m_functions->resizeColumnsToContents();
}

} // namespace gatehouse
