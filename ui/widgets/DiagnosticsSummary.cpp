#include "DiagnosticsSummary.h"

#include "Icons.h"

namespace gatehouse {

DiagnosticsSummary::DiagnosticsSummary(QWidget *parent)
    : QToolButton(parent) {
    setObjectName(QStringLiteral("diagnosticsSummary"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIconSize(QSize(16, 16));
    setToolTip(tr("Show the Diagnostics panel"));
    setCounts(0, 0);
}

QString DiagnosticsSummary::summaryText(int errors, int warnings) {
    return tr("%1, %2").arg(tr("%n error(s)", "", errors), tr("%n warning(s)", "", warnings));
}

void DiagnosticsSummary::setCounts(int errors, int warnings) {
    setText(summaryText(errors, warnings));
    if (errors > 0)
        setIcon(Icons::forSeverity(Diagnostic::Severity::Error));
    else if (warnings > 0)
        setIcon(Icons::forSeverity(Diagnostic::Severity::Warning));
    else
        setIcon(Icons::healthy());
}

} // namespace gatehouse
