// The diagnostics dock's table; activating a row (double-click, Enter) names the entity it is about.
#pragma once

#include "document/EntityRef.h"

#include <QTableView>

namespace gatehouse {

class DiagnosticsModel;

class DiagnosticsView : public QTableView {
    Q_OBJECT
public:
    explicit DiagnosticsView(QWidget *parent = nullptr);
    void setDiagnosticsModel(DiagnosticsModel *model);

protected:
    // An empty table says so, rather than looking like nothing was checked.
    void paintEvent(QPaintEvent *event) override;

signals:
    // The entity the activated diagnostic's JSON path points into (entityRefFromJsonPath).
    void entityActivated(const gatehouse::EntityRef &ref);
    // The activated diagnostic's JSON path itself, for PropertyEditor::focusField; not emitted for
    // whole-file problems, which have no path.
    void pathActivated(const QString &jsonPath);
};

} // namespace gatehouse
