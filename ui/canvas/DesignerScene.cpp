#include "DesignerScene.h"

#include "CanvasLayout.h"
#include "EdgeItem.h"
#include "EntityText.h"
#include "Icons.h"
#include "NodeItem.h"
#include "commands/DeleteEntityCommand.h"
#include "commands/ProjectSnapshotCommand.h"
#include "document/NodePositions.h"
#include "document/ProjectDocument.h"
#include "document/ProjectEdits.h"
#include "run/LiveStatus.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>
#include <QUndoStack>

#include <algorithm>

namespace gatehouse {

const QString DesignerScene::kNodeMimeType = QStringLiteral("application/x-gatehouse-new-node");

namespace {

QIcon iconFor(const Project &project, const EntityRef &ref) {
    if (ref.kind == EntityKind::Api) return Icons::forApiType(int(project.apis[ref.index].type));
    return Icons::forKind(ref.kind);
}

bool receivesWires(EntityKind kind) {
    return kind == EntityKind::Function || kind == EntityKind::Route || kind == EntityKind::Queue;
}

// Deletes several entities as one edit: routes before APIs and, inside each list, from the end, so
// that the positions named by the other refs stay valid while earlier ones are removed.
Project withoutEntities(Project project, QList<EntityRef> refs) {
    QSet<int> deletedApis;
    for (const EntityRef &ref : refs)
        if (ref.kind == EntityKind::Api) deletedApis.insert(ref.index);
    refs.removeIf([&](const EntityRef &ref) {
        return ref.kind == EntityKind::Route && deletedApis.contains(ref.index);
    });
    std::sort(refs.begin(), refs.end(), [](const EntityRef &a, const EntityRef &b) {
        const bool aRoute = a.kind == EntityKind::Route;
        const bool bRoute = b.kind == EntityKind::Route;
        if (aRoute != bRoute) return aRoute; // routes first
        if (a.kind != b.kind) return int(a.kind) < int(b.kind);
        if (a.index != b.index) return a.index > b.index;
        return a.subIndex > b.subIndex;
    });
    for (const EntityRef &ref : refs)
        project = ProjectEdits::removeEntity(project, ref);
    return project;
}

} // namespace

DesignerScene::DesignerScene(ProjectDocument *document, QUndoStack *undoStack, QObject *parent)
    : QGraphicsScene(parent)
    , m_document(document)
    , m_undoStack(undoStack) {
    // The index only slows down a scene whose items all move together on every rebuild.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(document, &ProjectDocument::projectReplaced, this, &DesignerScene::rebuild);
    connect(document, &ProjectDocument::changed, this, &DesignerScene::rebuild);
    connect(document, &ProjectDocument::diagnosticsChanged, this, &DesignerScene::refreshProblems);
    connect(this, &QGraphicsScene::selectionChanged, this, [this] {
        if (!m_rebuilding) emit currentEntityChanged(currentEntity());
    });
    rebuild();
}

DesignerScene::~DesignerScene() {
    // Deleting the items deselects them; listeners (the main window) may already be half destroyed.
    blockSignals(true);
}

void DesignerScene::rebuild() {
    const QList<EntityRef> selected = selectedEntities();
    m_rebuilding = true;
    cancelWire();
    m_pressPositions.clear();
    clear();
    m_nodes.clear();
    m_edges.clear();

    const Project &project = m_document->project();
    const QHash<quint64, std::pair<int, int>> problems = problemsByNode();
    const QList<Link> links = Wiring::links(project);
    for (const CanvasLayout::Placement &placement : CanvasLayout::compute(project, links)) {
        const EntityRef &ref = placement.ref;
        NodeItem::Content content;
        content.ref = ref;
        content.icon = iconFor(project, ref);
        content.title = ProjectEdits::nameOf(project, ref);
        content.detail = EntityText::detail(project, ref);
        content.toolTip = EntityText::toolTip(project, ref);
        std::tie(content.errors, content.warnings) = problems.value(nodeKey(ref));
        content.hasInput = receivesWires(ref.kind);
        content.hasOutput = Wiring::canStartAt(ref.kind) || ref.kind == EntityKind::Api;
        auto *node = new NodeItem(std::move(content));
        node->setPos(placement.topLeft);
        addItem(node);
        m_nodes.insert(nodeKey(ref), node);
    }
    for (const Link &link : links) {
        NodeItem *from = m_nodes.value(nodeKey(link.from));
        NodeItem *to = m_nodes.value(nodeKey(link.to));
        if (!from || !to) continue;
        auto *edge = new EdgeItem(link, from, to);
        addItem(edge);
        m_edges.append(edge);
    }
    for (const EntityRef &ref : selected)
        if (NodeItem *node = nodeFor(ref)) node->setSelected(true);
    // Room around the nodes so they can be dragged outwards.
    setSceneRect(itemsBoundingRect().adjusted(-400, -300, 400, 300));
    applyLiveStatus();
    m_rebuilding = false;
}

QHash<quint64, std::pair<int, int>> DesignerScene::problemsByNode() const {
    QHash<quint64, std::pair<int, int>> problems; // errors, warnings per node
    for (const Diagnostic &d : m_document->diagnostics()) {
        EntityRef ref = entityRefFromJsonPath(d.path);
        if (ref.kind == EntityKind::Stage) ref = {EntityKind::Api, ref.index, -1};
        if (!NodePositions::hasNode(ref.kind)) continue;
        auto &[errors, warnings] = problems[nodeKey(ref)];
        ++(d.isError() ? errors : warnings);
    }
    return problems;
}

void DesignerScene::refreshProblems() {
    // After a change the rebuild that follows recounts anyway; this serves revalidations alone.
    const QHash<quint64, std::pair<int, int>> problems = problemsByNode();
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it) {
        const auto [errors, warnings] = problems.value(it.key());
        it.value()->setProblems(errors, warnings);
    }
}

void DesignerScene::setLiveStatus(LiveStatus *live) {
    if (m_live) disconnect(m_live, nullptr, this, nullptr);
    m_live = live;
    if (live) connect(live, &LiveStatus::changed, this, &DesignerScene::applyLiveStatus);
    applyLiveStatus();
}

void DesignerScene::applyLiveStatus() {
    const bool running = m_live && m_live->running();
    const Project &project = m_document->project();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (NodeItem *node : std::as_const(m_nodes)) {
        NodeItem::Live live;
        const EntityRef &ref = node->ref();
        if (running && ref.kind == EntityKind::Api) {
            live = {true, QColor(0x2E, 0x9E, 0x4F), tr("running"), {}};
        } else if (running && ref.kind == EntityKind::Function) {
            const FunctionLiveState state = m_live->function(project.functions[ref.index].name);
            const QString counts =
                tr("%n invocation(s), %1 cold start(s), %2 error(s)", nullptr, int(state.invocations))
                    .arg(state.coldStarts)
                    .arg(state.errors);
            if (state.hasRecentError(now))
                live = {true, QColor(0xD0, 0x30, 0x30), tr("error"),
                        counts + QLatin1Char('\n') + state.lastError};
            else if (state.inFlight > 0)
                live = {true, QColor(0x1F, 0x8A, 0xD2), tr("busy"), counts};
            else if (state.warmEnvironments > 0)
                live = {true, QColor(0x2E, 0x9E, 0x4F), tr("%n warm", nullptr, state.warmEnvironments),
                        counts};
            else
                live = {true, QColor(0x90, 0x90, 0x90), tr("cold"), counts};
        }
        node->setLive(live);
    }
}

NodeItem *DesignerScene::nodeFor(const EntityRef &ref) const {
    return m_nodes.value(nodeKey(ref));
}

QList<NodeItem *> DesignerScene::nodes() const {
    return m_nodes.values();
}

QList<EdgeItem *> DesignerScene::edges() const {
    return m_edges;
}

EntityRef DesignerScene::currentEntity() const {
    const QList<EntityRef> selected = selectedEntities();
    return selected.size() == 1 ? selected.first() : EntityRef{EntityKind::Project, -1, -1};
}

QList<EntityRef> DesignerScene::selectedEntities() const {
    QList<EntityRef> refs;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == NodeItem::Type) refs.append(static_cast<NodeItem *>(item)->ref());
    return refs;
}

bool DesignerScene::selectEntity(const EntityRef &ref) {
    NodeItem *node = nodeFor(ref);
    if (node && node->isSelected() && selectedItems().size() == 1) return true;
    clearSelection();
    if (!node) return false;
    node->setSelected(true);
    return true;
}

NodeItem *DesignerScene::nodeAt(const QPointF &scenePos) const {
    for (QGraphicsItem *item : items(scenePos))
        if (item->type() == NodeItem::Type) return static_cast<NodeItem *>(item);
    return nullptr;
}

void DesignerScene::push(const Project &after, const QString &text) {
    m_undoStack->push(new ProjectSnapshotCommand(m_document, m_document->project(), after, text));
    emit edited(text);
}

int DesignerScene::apiIndexFor(const QPointF &scenePos) const {
    // The API dropped onto (or the API of the route dropped onto), else the selected one.
    EntityRef ref = nodeAt(scenePos) ? nodeAt(scenePos)->ref() : currentEntity();
    if (ref.kind == EntityKind::Api || ref.kind == EntityKind::Route) return ref.index;
    return -1;
}

bool DesignerScene::addNode(NewNodes::Type type, const QPointF &scenePos, bool placeAtPoint) {
    std::optional<CanvasPoint> at;
    // A route dropped onto its API joins the API's group in the automatic layout.
    if (type == NewNodes::Type::Route && nodeAt(scenePos)) placeAtPoint = false;
    if (placeAtPoint) {
        const QPointF topLeft =
            scenePos - QPointF(CanvasLayout::kNodeSize.width() / 2, CanvasLayout::kNodeSize.height() / 2);
        at = CanvasPoint{qRound(topLeft.x()), qRound(topLeft.y())};
    }
    const NewNodes::Result result = NewNodes::add(m_document->project(), type, at, apiIndexFor(scenePos));
    if (!result.project) {
        emit refused(result.text, scenePos);
        return false;
    }
    push(*result.project, result.text);
    selectEntity(result.added);
    emit nodeAdded(result.added);
    return true;
}

bool DesignerScene::wire(const EntityRef &from, const EntityRef &to) {
    return applyWiring(Wiring::connect(m_document->project(), from, to), to);
}

bool DesignerScene::applyWiring(const WiringResult &result, const EntityRef &to) {
    if (!result.accepted()) {
        NodeItem *target = nodeFor(to);
        emit refused(result.text, target ? target->sceneBoundingRect().center() : QPointF());
        return false;
    }
    push(*result.project, result.text);
    return true;
}

void DesignerScene::deleteSelection() {
    QList<EntityRef> nodes = selectedEntities();
    QList<Link> wires;
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == EdgeItem::Type) wires.append(static_cast<EdgeItem *>(item)->link());
    if (nodes.isEmpty() && wires.isEmpty()) return;
    if (nodes.size() == 1 && wires.isEmpty()) {
        // One node: the same command (and undo text) as Delete in the project tree.
        auto *command = new DeleteEntityCommand(m_document, nodes.first());
        const QString text = command->text();
        m_undoStack->push(command);
        emit edited(text);
        return;
    }
    // Wires first, on the positions they were found at; notifications of one bucket from the last.
    std::sort(wires.begin(), wires.end(), [](const Link &a, const Link &b) { return a.detail > b.detail; });
    Project after = m_document->project();
    QString text;
    for (const Link &link : wires) {
        const WiringResult result = Wiring::disconnect(after, link);
        if (!result.accepted()) continue;
        after = *result.project;
        text = result.text;
    }
    after = withoutEntities(after, nodes);
    if (nodes.size() + wires.size() > 1)
        text = tr("Delete %n item(s)", nullptr, int(nodes.size() + wires.size()));
    if (after == m_document->project()) return;
    push(after, text);
}

void DesignerScene::arrangeAutomatically() {
    const Project after = NodePositions::withoutPositions(m_document->project());
    if (after == m_document->project()) return;
    push(after, tr("Arrange the canvas automatically"));
}

void DesignerScene::mousePressEvent(QGraphicsSceneMouseEvent *event) {
    if (event->button() == Qt::LeftButton) {
        NodeItem *node = nodeAt(event->scenePos());
        if (node && node->isOnOutputPort(event->scenePos())) {
            m_wireSource = node;
            m_wirePreview = new QGraphicsPathItem(EdgeItem::curve(node->outputPoint(), event->scenePos()));
            QPen pen(QColor(0x4F, 0x63, 0xE0), 2, Qt::DashLine);
            m_wirePreview->setPen(pen);
            m_wirePreview->setZValue(2);
            addItem(m_wirePreview);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == NodeItem::Type)
            m_pressPositions.insert(nodeKey(static_cast<NodeItem *>(item)->ref()), item->pos());
}

void DesignerScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event) {
    if (!m_wireSource) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    m_wirePreview->setPath(EdgeItem::curve(m_wireSource->outputPoint(), event->scenePos()));
    NodeItem *hover = nodeAt(event->scenePos());
    if (hover == m_wireSource) hover = nullptr;
    if (hover != m_wireHover) {
        if (m_wireHover) m_wireHover->setDropHint(NodeItem::DropHint::None);
        m_wireHover = hover;
        m_wireHoverResult.reset();
        // Validated once per node entered, not per mouse move: validation walks the whole project.
        // The result is kept for a release on this node.
        if (hover) {
            m_wireHoverResult = Wiring::connect(m_document->project(), m_wireSource->ref(), hover->ref());
            hover->setDropHint(m_wireHoverResult->accepted() ? NodeItem::DropHint::Accept
                                                             : NodeItem::DropHint::Refuse);
        }
    }
    event->accept();
}

void DesignerScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event) {
    if (m_wireSource) {
        finishWire(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    commitMoves();
}

void DesignerScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) {
    QGraphicsScene::mouseDoubleClickEvent(event);
    if (NodeItem *node = nodeAt(event->scenePos())) emit entityActivated(node->ref());
}

void DesignerScene::finishWire(const QPointF &scenePos) {
    const EntityRef from = m_wireSource->ref();
    NodeItem *target = nodeAt(scenePos);
    std::optional<WiringResult> hovered;
    if (target && target == m_wireHover) hovered = std::move(m_wireHoverResult);
    cancelWire();
    if (!target || target->ref() == from) return; // dropped on empty canvas: nothing to do
    if (hovered)
        applyWiring(*hovered, target->ref());
    else
        wire(from, target->ref());
}

void DesignerScene::cancelWire() {
    if (m_wireHover) m_wireHover->setDropHint(NodeItem::DropHint::None);
    m_wireHover = nullptr;
    m_wireHoverResult.reset();
    m_wireSource = nullptr;
    delete m_wirePreview;
    m_wirePreview = nullptr;
}

void DesignerScene::commitMoves() {
    Project after = m_document->project();
    int moved = 0;
    QString name;
    for (auto it = m_pressPositions.cbegin(); it != m_pressPositions.cend(); ++it) {
        NodeItem *node = m_nodes.value(it.key());
        if (!node || node->pos() == it.value()) continue;
        after = NodePositions::withPosition(after, node->ref(),
                                            CanvasPoint{qRound(node->pos().x()), qRound(node->pos().y())});
        name = node->content().title;
        ++moved;
    }
    m_pressPositions.clear();
    if (!moved) return;
    push(after, moved == 1 ? tr("Move \u201c%1\u201d").arg(name) : tr("Move %n node(s)", nullptr, moved));
}

void DesignerScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event) {
    event->setAccepted(event->mimeData()->hasFormat(kNodeMimeType));
}

void DesignerScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event) {
    event->setAccepted(event->mimeData()->hasFormat(kNodeMimeType));
}

void DesignerScene::dropEvent(QGraphicsSceneDragDropEvent *event) {
    bool ok = false;
    const int type = event->mimeData()->data(kNodeMimeType).toInt(&ok);
    if (!ok || !NewNodes::all().contains(NewNodes::Type(type))) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    addNode(NewNodes::Type(type), event->scenePos());
}

} // namespace gatehouse
