#include "ProjectTreeModel.h"

#include "EntityText.h"
#include "Icons.h"
#include "commands/RenameEntityCommand.h"
#include "document/ProjectDocument.h"
#include "document/ProjectEdits.h"

#include <QFont>
#include <QUndoStack>

namespace gatehouse {

namespace {

// internalId of an index: 0 = a group; 1..groups = an entity of group (id - 1);
// kRouteBase + i = a route of API i. Positions are all an index needs: data is read from m_project.
constexpr quintptr kGroupId = 0;
constexpr quintptr kRouteBase = 1000;

int apiGroupRow() {
    return int(ProjectTreeModel::groups().indexOf(EntityKind::Api));
}

} // namespace

const QList<EntityKind> &ProjectTreeModel::groups() {
    static const QList<EntityKind> order = {EntityKind::Api,    EntityKind::Function, EntityKind::Authorizer,
                                            EntityKind::Bucket, EntityKind::Schedule, EntityKind::Queue,
                                            EntityKind::Request};
    return order;
}

ProjectTreeModel::ProjectTreeModel(ProjectDocument *document, QUndoStack *undoStack, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_undoStack(undoStack)
    , m_project(document->project()) {
    connect(document, &ProjectDocument::projectReplaced, this, [this] {
        resetFromDocument();
        emit projectReplaced();
    });
    connect(document, &ProjectDocument::changed, this, &ProjectTreeModel::onChanged);
}

QModelIndex ProjectTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column != 0) return {};
    if (!parent.isValid()) return row < groups().size() ? createIndex(row, 0, kGroupId) : QModelIndex();
    if (parent.column() != 0) return {};
    if (parent.internalId() == kGroupId) {
        const EntityKind kind = groups().value(parent.row());
        return row < entityCount(kind) ? createIndex(row, 0, quintptr(parent.row()) + 1) : QModelIndex();
    }
    if (parent.internalId() == quintptr(apiGroupRow()) + 1) {
        const Api &api = m_project.apis.at(parent.row());
        return row < api.routes.size() ? createIndex(row, 0, kRouteBase + quintptr(parent.row()))
                                       : QModelIndex();
    }
    return {};
}

QModelIndex ProjectTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid()) return {};
    const quintptr id = child.internalId();
    if (id == kGroupId) return {};
    if (id >= kRouteBase) return createIndex(int(id - kRouteBase), 0, quintptr(apiGroupRow()) + 1);
    return createIndex(int(id - 1), 0, kGroupId);
}

int ProjectTreeModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid()) return int(groups().size());
    if (parent.column() != 0) return 0;
    if (parent.internalId() == kGroupId) return entityCount(groups().value(parent.row()));
    if (parent.internalId() == quintptr(apiGroupRow()) + 1)
        return int(m_project.apis.at(parent.row()).routes.size());
    return 0;
}

int ProjectTreeModel::columnCount(const QModelIndex &) const {
    return 1;
}

int ProjectTreeModel::entityCount(EntityKind kind) const {
    return ProjectEdits::countOf(m_project, kind);
}

EntityRef ProjectTreeModel::entityRef(const QModelIndex &index) const {
    if (!index.isValid() || index.model() != this) return EntityRef{EntityKind::Project, -1, -1};
    const quintptr id = index.internalId();
    if (id == kGroupId) return EntityRef{EntityKind::Project, -1, -1};
    if (id >= kRouteBase) return EntityRef{EntityKind::Route, int(id - kRouteBase), index.row()};
    return EntityRef{groups().value(int(id - 1)), index.row(), -1};
}

QModelIndex ProjectTreeModel::groupIndex(EntityKind kind) const {
    const qsizetype row = groups().indexOf(kind);
    return row < 0 ? QModelIndex() : index(int(row), 0);
}

QModelIndex ProjectTreeModel::indexOf(const EntityRef &ref) const {
    if (!ProjectEdits::exists(m_project, ref)) return {};
    if (ref.kind == EntityKind::Route)
        return index(ref.subIndex, 0, indexOf({EntityKind::Api, ref.index, -1}));
    const QModelIndex group = groupIndex(ref.kind);
    return group.isValid() ? index(ref.index, 0, group) : QModelIndex();
}

QString ProjectTreeModel::stableKey(const QModelIndex &index) const {
    if (!index.isValid()) return {};
    if (index.internalId() == kGroupId)
        return QStringLiteral("group/%1").arg(int(groups().value(index.row())));
    const EntityRef ref = entityRef(index);
    if (ref.kind == EntityKind::Route) {
        return QStringLiteral("route/%1/%2")
            .arg(m_project.apis.at(ref.index).name, ProjectEdits::nameOf(m_project, ref));
    }
    return QStringLiteral("%1/%2").arg(int(ref.kind)).arg(ProjectEdits::nameOf(m_project, ref));
}

QModelIndex ProjectTreeModel::indexOfStableKey(const QString &key) const {
    // A handful of groups with tens of entities: a linear search is instant and needs no index.
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex group = index(g, 0);
        if (stableKey(group) == key) return group;
        for (int e = 0; e < rowCount(group); ++e) {
            const QModelIndex entity = index(e, 0, group);
            if (stableKey(entity) == key) return entity;
            for (int r = 0; r < rowCount(entity); ++r) {
                const QModelIndex route = index(r, 0, entity);
                if (stableKey(route) == key) return route;
            }
        }
    }
    return {};
}

QVariant ProjectTreeModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    if (role == StableKeyRole) return stableKey(index);
    if (index.internalId() == kGroupId) return groupData(groups().value(index.row()), role);
    return entityData(entityRef(index), role);
}

QVariant ProjectTreeModel::groupData(EntityKind kind, int role) const {
    switch (role) {
    case Qt::DisplayRole:
        return EntityText::groupTitle(kind);
    case Qt::DecorationRole:
        return Icons::forKind(kind);
    case DetailRole:
        return QString::number(entityCount(kind));
    case EntityKindRole:
        return int(kind);
    case IsGroupRole:
        return true;
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    default:
        return {};
    }
}

QVariant ProjectTreeModel::entityData(const EntityRef &ref, int role) const {
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = ProjectEdits::nameOf(m_project, ref);
        return name.isEmpty() ? tr("(unnamed)") : name;
    }
    case Qt::EditRole:
        return ProjectEdits::nameOf(m_project, ref);
    case Qt::DecorationRole:
        if (ref.kind == EntityKind::Api) return Icons::forApiType(int(m_project.apis.at(ref.index).type));
        return Icons::forKind(ref.kind);
    case Qt::ToolTipRole:
        return EntityText::toolTip(m_project, ref);
    case DetailRole:
        return EntityText::detail(m_project, ref);
    case EntityRefRole:
        return QVariant::fromValue(ref);
    case EntityKindRole:
        return int(ref.kind);
    case IsGroupRole:
        return false;
    default:
        return {};
    }
}

Qt::ItemFlags ProjectTreeModel::flags(const QModelIndex &index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != kGroupId && ProjectEdits::isRenamable(entityRef(index).kind))
        flags |= Qt::ItemIsEditable;
    if (rowCount(index) == 0) flags |= Qt::ItemNeverHasChildren;
    return flags;
}

bool ProjectTreeModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable) || !m_document) return false;
    const EntityRef ref = entityRef(index);
    const QString oldName = ProjectEdits::nameOf(m_project, ref);
    const QString newName = value.toString().trimmed();
    if (newName == oldName) return true;
    if (newName.isEmpty()) {
        emit editRejected(tr("A %1 needs a name.").arg(EntityText::kindName(ref.kind)));
        return false;
    }
    if (ProjectEdits::namesOf(m_project, ref.kind).contains(newName)) {
        emit editRejected(
            tr("There is already a %1 named \u201c%2\u201d.").arg(EntityText::kindName(ref.kind), newName));
        return false;
    }
    auto *command = new RenameEntityCommand(m_document, ref, newName);
    if (m_undoStack) {
        m_undoStack->push(command);
    } else {
        command->redo();
        delete command;
    }
    return true;
}

QHash<int, QByteArray> ProjectTreeModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(EntityRefRole, "entityRef");
    names.insert(EntityKindRole, "entityKind");
    names.insert(IsGroupRole, "isGroup");
    names.insert(DetailRole, "detail");
    names.insert(StableKeyRole, "stableKey");
    return names;
}

void ProjectTreeModel::onChanged(const ProjectChange &change) {
    if (change.structureChanged) {
        resetFromDocument();
        return;
    }
    m_project = m_document->project();
    for (const EntityRef &ref : change.changed) {
        const QModelIndex changed = indexOf(ref);
        if (changed.isValid()) emit dataChanged(changed, changed);
    }
}

void ProjectTreeModel::resetFromDocument() {
    // Views save their expansion and selection on modelAboutToBeReset (see ProjectTreeView).
    beginResetModel();
    m_project = m_document->project();
    endResetModel();
}

} // namespace gatehouse
