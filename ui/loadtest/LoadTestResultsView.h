// The figures of a finished load test: throughput and counts, a latency percentile table, responses by
// status code and failures by kind, and the projected monthly cost with the route and functions it hit.
#pragma once

#include "testing/LoadCost.h"
#include "testing/LoadTestResult.h"

#include <QWidget>
#include <optional>

class QLabel;
class QTableWidget;

namespace gatehouse {

class LoadTestResultsView : public QWidget {
    Q_OBJECT
public:
    explicit LoadTestResultsView(QWidget *parent = nullptr);

    void clear();
    void showResult(const testing::LoadTestResult &result, int concurrency);
    // `note` says why there is no projection when `cost` is empty.
    void showCost(const std::optional<testing::LoadCostProjection> &cost, const QString &currency,
                  const QString &note = {});

    QLabel *summary() const { return m_summary; }
    QTableWidget *latencyTable() const { return m_latency; }    // percentile | ms
    QTableWidget *responseTable() const { return m_responses; } // status or failure | count
    QLabel *costLabel() const { return m_cost; }

private:
    QLabel *m_summary;
    QTableWidget *m_latency;
    QTableWidget *m_responses;
    QLabel *m_cost;
};

} // namespace gatehouse
