#include "ProjectTreeView.h"

#include "ProjectTreeDelegate.h"
#include "itemmodels/ProjectTreeModel.h"

#include <QHeaderView>

#include <functional>

namespace gatehouse {

ProjectTreeView::ProjectTreeView(QWidget *parent)
    : QTreeView(parent) {
    setObjectName(QStringLiteral("projectTree"));
    setHeaderHidden(true);
    setUniformRowHeights(true);
    setItemDelegate(new ProjectTreeDelegate(this));
    setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    setIconSize(QSize(16, 16));
    setAnimated(true);
    header()->setStretchLastSection(true);
}

void ProjectTreeView::setProjectModel(ProjectTreeModel *model) {
    m_model = model;
    setModel(model);
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &ProjectTreeView::saveState);
    connect(model, &QAbstractItemModel::modelReset, this, &ProjectTreeView::restoreState);
    connect(model, &ProjectTreeModel::projectReplaced, this, [this] {
        collapseAll();
        expandToDepth(1); // groups and APIs open: the routes are what people look for first
    });
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &) { emit currentEntityChanged(currentEntity()); });
    expandToDepth(1);
}

EntityRef ProjectTreeView::currentEntity() const {
    return m_model ? m_model->entityRef(currentIndex()) : EntityRef{EntityKind::Project, -1, -1};
}

bool ProjectTreeView::selectEntity(const EntityRef &ref) {
    if (!m_model) return false;
    const QModelIndex index = m_model->indexOf(ref);
    if (!index.isValid()) return false;
    for (QModelIndex up = index.parent(); up.isValid(); up = up.parent())
        expand(up);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    scrollTo(index);
    return true;
}

void ProjectTreeView::saveState() {
    m_expandedKeys.clear();
    const std::function<void(const QModelIndex &)> visit = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (isExpanded(child)) {
                m_expandedKeys.insert(m_model->stableKey(child));
                visit(child);
            }
        }
    };
    visit({});
    const QModelIndex current = currentIndex();
    m_currentKey = m_model->stableKey(current);
    m_currentParentKey = m_model->stableKey(current.parent());
    m_currentRow = current.row();
    m_hasSavedState = true;
}

void ProjectTreeView::restoreState() {
    if (!m_hasSavedState) return;
    m_hasSavedState = false;
    for (const QString &key : std::as_const(m_expandedKeys)) {
        const QModelIndex index = m_model->indexOfStableKey(key);
        if (index.isValid()) expand(index);
    }
    QModelIndex current = m_model->indexOfStableKey(m_currentKey);
    if (!current.isValid() && m_currentRow >= 0) {
        // The current item went away (deleted): take its neighbour, or else its parent.
        const QModelIndex parent = m_model->indexOfStableKey(m_currentParentKey);
        const int rows = m_model->rowCount(parent);
        if (rows > 0 && (parent.isValid() || m_currentParentKey.isEmpty()))
            current = m_model->index(std::min(m_currentRow, rows - 1), 0, parent);
        else
            current = parent;
    }
    if (current.isValid()) {
        selectionModel()->setCurrentIndex(current, QItemSelectionModel::ClearAndSelect);
        scrollTo(current);
    }
}

} // namespace gatehouse
