// The project dock's tree: keeps what was expanded and selected across model resets, and lets other
// views select an entity by reference.
#pragma once

#include "document/EntityRef.h"

#include <QSet>
#include <QTreeView>

namespace gatehouse {

class ProjectTreeModel;

class ProjectTreeView : public QTreeView {
    Q_OBJECT
public:
    explicit ProjectTreeView(QWidget *parent = nullptr);

    void setProjectModel(ProjectTreeModel *model);
    ProjectTreeModel *projectModel() const { return m_model; }

    // The entity under the current item; an invalid ref (kind Project, index -1) for groups or nothing.
    EntityRef currentEntity() const;
    // Expands the way to the entity, makes it current and scrolls to it. False when it does not exist.
    bool selectEntity(const EntityRef &ref);

signals:
    void currentEntityChanged(const gatehouse::EntityRef &ref);

private:
    void saveState();
    void restoreState();

    ProjectTreeModel *m_model = nullptr;
    QSet<QString> m_expandedKeys;
    QString m_currentKey;
    QString m_currentParentKey;
    int m_currentRow = -1;
    bool m_hasSavedState = false;
};

} // namespace gatehouse
