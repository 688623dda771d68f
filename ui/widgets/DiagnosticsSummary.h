// The status bar's "N errors, M warnings" button; clicking it brings the diagnostics panel forward.
#pragma once

#include <QToolButton>

namespace gatehouse {

class DiagnosticsSummary : public QToolButton {
    Q_OBJECT
public:
    explicit DiagnosticsSummary(QWidget *parent = nullptr);
    void setCounts(int errors, int warnings);
    static QString summaryText(int errors, int warnings);
};

} // namespace gatehouse
