// The designer tab: a tool bar (zoom, fit, automatic arrangement) over the canvas view.
#pragma once

#include "NewNodes.h"

#include <QWidget>

class QUndoStack;
class QToolBar;

namespace gatehouse {

class DesignerScene;
class DesignerView;
class ProjectDocument;

class DesignerPage : public QWidget {
    Q_OBJECT
public:
    DesignerPage(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);

    DesignerScene *scene() const { return m_scene; }
    DesignerView *view() const { return m_view; }
    // Adds a node where the automatic layout puts it (palette double-click), into the selected API
    // for routes, and scrolls to it.
    void addNode(NewNodes::Type type);

private:
    DesignerScene *m_scene;
    DesignerView *m_view;
    QToolBar *m_toolBar;
};

} // namespace gatehouse
