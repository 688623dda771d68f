// The designer canvas's scene: one NodeItem per API, route, function, authorizer, bucket, schedule
// and queue of the open project and one EdgeItem per wire, rebuilt from the document whenever it
// changes. Gestures become undo commands — moving nodes, drawing a wire from an output port, dropping
// a palette entry, deleting — so the scene never edits the project itself.
#pragma once

#include "NewNodes.h"
#include "Wiring.h"

#include <QGraphicsScene>
#include <QPointer>

class QUndoStack;
class QGraphicsPathItem;

namespace gatehouse {

class EdgeItem;
class LiveStatus;
class NodeItem;
class ProjectDocument;

class DesignerScene : public QGraphicsScene {
    Q_OBJECT
public:
    // The MIME type a palette entry carries when dragged onto the canvas (payload: NewNodes::Type).
    static const QString kNodeMimeType;

    DesignerScene(ProjectDocument *document, QUndoStack *undoStack, QObject *parent = nullptr);
    ~DesignerScene() override;

    NodeItem *nodeFor(const EntityRef &ref) const;
    QList<NodeItem *> nodes() const;
    QList<EdgeItem *> edges() const;
    // The single selected entity, or an invalid ref (kind Project, index -1) when zero or several are.
    EntityRef currentEntity() const;
    QList<EntityRef> selectedEntities() const;
    // Selects exactly this node (nothing for an invalid ref); returns whether it exists.
    bool selectEntity(const EntityRef &ref);

    // The undoable gestures, also used by the view's actions and the palette.
    bool addNode(NewNodes::Type type, const QPointF &scenePos, bool placeAtPoint = true);
    bool wire(const EntityRef &from, const EntityRef &to);
    void deleteSelection();
    void arrangeAutomatically();

    // Rebuilds every item from the document (also done on each change). Public for benchmarks.
    void rebuild();
    // Shows what the local run is doing on the API and function nodes, following `live`'s changes.
    void setLiveStatus(LiveStatus *live);

signals:
    void currentEntityChanged(const gatehouse::EntityRef &ref);
    // A node was double-clicked: the main window opens its code or its properties.
    void entityActivated(const gatehouse::EntityRef &ref);
    // A gesture was refused (an invalid wire, a route without an API): the reason, for the user.
    void refused(const QString &reason, const QPointF &scenePos);
    // A gesture became an undo step; its text, for the status bar.
    void edited(const QString &text);
    // A palette entry became a node (the main window writes a new function's starter code).
    void nodeAdded(const gatehouse::EntityRef &ref);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;

private:
    NodeItem *nodeAt(const QPointF &scenePos) const;
    void push(const Project &after, const QString &text);
    void finishWire(const QPointF &scenePos);
    bool applyWiring(const WiringResult &result, const EntityRef &to);
    void cancelWire();
    void commitMoves();
    int apiIndexFor(const QPointF &scenePos) const;
    void applyLiveStatus();
    // Errors and warnings per node, from the document's diagnostics.
    QHash<quint64, std::pair<int, int>> problemsByNode() const;
    void refreshProblems();

    ProjectDocument *m_document;
    QUndoStack *m_undoStack;
    QHash<quint64, NodeItem *> m_nodes;
    QList<EdgeItem *> m_edges;
    bool m_rebuilding = false;
    QPointer<LiveStatus> m_live;
    // Wire being drawn from an output port.
    NodeItem *m_wireSource = nullptr;
    QGraphicsPathItem *m_wirePreview = nullptr;
    NodeItem *m_wireHover = nullptr;
    std::optional<WiringResult> m_wireHoverResult; // what a release on m_wireHover does
    // Positions of the selected nodes when a press may start moving them.
    QHash<quint64, QPointF> m_pressPositions;
};

} // namespace gatehouse
