// The project as a tree for the project dock: groups (APIs, Functions, ...), their entities, and
// each API's routes. Names are edited in place; an edit becomes an undoable rename command.
#pragma once

#include "document/EntityRef.h"
#include "project/Project.h"

#include <QAbstractItemModel>
#include <QPointer>

class QUndoStack;

namespace gatehouse {

class ProjectDocument;
struct ProjectChange;

class ProjectTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Role {
        EntityRefRole = Qt::UserRole + 1, // QVariant<EntityRef>; absent on group items
        EntityKindRole,                   // int(EntityKind): the group's kind for groups
        IsGroupRole,                      // bool
        DetailRole,                       // short secondary text: type, runtime, route target, count
        StableKeyRole,                    // a string naming the item across resets (kind and name)
    };

    // The groups in the order they are shown.
    static const QList<EntityKind> &groups();

    ProjectTreeModel(ProjectDocument *document, QUndoStack *undoStack, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    EntityRef entityRef(const QModelIndex &index) const; // invalid ref for groups
    QModelIndex indexOf(const EntityRef &ref) const;
    QModelIndex groupIndex(EntityKind kind) const;
    QString stableKey(const QModelIndex &index) const;
    QModelIndex indexOfStableKey(const QString &key) const;

signals:
    // An in-place rename was refused (empty or taken name); `reason` is ready to show.
    void editRejected(const QString &reason);
    // Emitted after the reset that follows the document opening another project (not after an edit),
    // so views can apply their first-look expansion instead of restoring the old project's.
    void projectReplaced();

private:
    void onChanged(const ProjectChange &change);
    void resetFromDocument();
    int entityCount(EntityKind kind) const;
    QVariant groupData(EntityKind kind, int role) const;
    QVariant entityData(const EntityRef &ref, int role) const;

    QPointer<ProjectDocument> m_document;
    QPointer<QUndoStack> m_undoStack;
    // The project as the views last heard of it. The document changes first and tells afterwards;
    // answering from this copy keeps rows consistent while a reset is announced.
    Project m_project;
};

} // namespace gatehouse
