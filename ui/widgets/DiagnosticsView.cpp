#include "DiagnosticsView.h"

#include "itemmodels/DiagnosticsModel.h"

#include <QHeaderView>
#include <QPainter>

namespace gatehouse {

DiagnosticsView::DiagnosticsView(QWidget *parent)
    : QTableView(parent) {
    setObjectName(QStringLiteral("diagnosticsTable"));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setIconSize(QSize(16, 16));
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString path = index.siblingAtColumn(0).data(DiagnosticsModel::JsonPathRole).toString();
        const EntityRef ref = entityRefFromJsonPath(path);
        if (ref.index >= 0) emit entityActivated(ref);
        if (!path.isEmpty()) emit pathActivated(path);
    });
}

void DiagnosticsView::setDiagnosticsModel(DiagnosticsModel *model) {
    setModel(model);
    QHeaderView *header = horizontalHeader();
    header->setSectionResizeMode(DiagnosticsModel::SeverityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(DiagnosticsModel::LocationColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(DiagnosticsModel::MessageColumn, QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->resizeSection(DiagnosticsModel::LocationColumn,
                          fontMetrics().horizontalAdvance(QLatin1Char('x')) * 40);
    header->resizeSection(DiagnosticsModel::MessageColumn,
                          fontMetrics().horizontalAdvance(QLatin1Char('x')) * 60);
}

} // namespace gatehouse

namespace gatehouse {

void DiagnosticsView::paintEvent(QPaintEvent *event) {
    QTableView::paintEvent(event);
    if (!model() || model()->rowCount() > 0) return;
    QPainter painter(viewport());
    QColor color = palette().color(QPalette::Text);
    color.setAlphaF(0.55f);
    painter.setPen(color);
    painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("No problems found in this project."));
}

} // namespace gatehouse
