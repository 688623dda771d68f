// The composer's Tests tab: the saved request's assertions (kind, target, operator, expected value),
// edited in a table, and after each send whether each one passed and why not.
#pragma once

#include "project/SavedRequest.h"
#include "testing/AssertionEvaluator.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace gatehouse {

class AssertionEditor : public QWidget {
    Q_OBJECT
public:
    enum Column { KindColumn, TargetColumn, OpColumn, ExpectedColumn, ResultColumn };

    explicit AssertionEditor(QWidget *parent = nullptr);

    QList<RequestAssertion> assertions() const;
    // Replaces the rows (and forgets results) without emitting edited.
    void setAssertions(const QList<RequestAssertion> &assertions);
    void addAssertion(const RequestAssertion &assertion = {});
    void removeCurrent();

    // One outcome per row, in order (judgeExchange's); an empty list clears the results.
    void showOutcomes(const QList<testing::AssertionOutcome> &outcomes);
    // The whole exchange failed: each assertion is shown as not checked.
    void showNotChecked(const QString &why);

    QTableWidget *table() const { return m_table; }
    QLabel *summaryLabel() const { return m_summary; }
    QComboBox *kindBox(int row) const;
    QComboBox *opBox(int row) const;

signals:
    void edited();
    // "2/3" (passed/checked) after a send, empty when there are no results: for the tab's title.
    void summaryChanged(const QString &summary);

private:
    void insertRow(const RequestAssertion &assertion);
    void clearResults();

    QTableWidget *m_table;
    QLabel *m_summary;
    bool m_filling = false;
};

} // namespace gatehouse
