#include "DesignerPage.h"

#include "DesignerScene.h"
#include "DesignerView.h"
#include "NodeItem.h"
#include "document/ProjectDocument.h"

#include <QAction>
#include <QToolBar>
#include <QVBoxLayout>

namespace gatehouse {

DesignerPage::DesignerPage(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_scene(new DesignerScene(document, undoStack, this))
    , m_view(new DesignerView(m_scene, this))
    , m_toolBar(new QToolBar(this)) {
    setObjectName(QStringLiteral("designerPage"));
    m_toolBar->setObjectName(QStringLiteral("designerToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Shortcuts live on the view so that Ctrl+0 in a code editor tab means what the editor says.
    const auto addAction = [this](const QString &text, const QKeySequence &shortcut, auto slot,
                                  const char *name) {
        QAction *action = m_toolBar->addAction(text, m_view, slot);
        action->setObjectName(QLatin1String(name));
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(text, shortcut.toString(QKeySequence::NativeText)));
        m_view->addAction(action);
        return action;
    };
    addAction(tr("Zoom In"), QKeySequence(Qt::CTRL | Qt::Key_Equal), &DesignerView::zoomIn, "zoomInAction");
    addAction(tr("Zoom Out"), QKeySequence(Qt::CTRL | Qt::Key_Minus), &DesignerView::zoomOut,
              "zoomOutAction");
    addAction(tr("Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), &DesignerView::fitToView, "fitAction");
    m_toolBar->addSeparator();
    QAction *arrange =
        m_toolBar->addAction(tr("Arrange Automatically"), m_scene, &DesignerScene::arrangeAutomatically);
    arrange->setObjectName(QStringLiteral("arrangeAction"));
    arrange->setToolTip(tr("Forget where nodes were dragged and lay the canvas out left to right"));
    // Ctrl++ (with Shift on most keyboards) zooms in too, as in browsers.
    auto *zoomInPlus = new QAction(m_view);
    zoomInPlus->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    zoomInPlus->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(zoomInPlus, &QAction::triggered, m_view, &DesignerView::zoomIn);
    m_view->addAction(zoomInPlus);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view);

    // A newly opened project is shown whole; edits keep the user's zoom and scroll position.
    connect(document, &ProjectDocument::projectReplaced, m_view, &DesignerView::fitUntilUserZooms);
    m_view->fitUntilUserZooms();
}

void DesignerPage::addNode(NewNodes::Type type) {
    const QPointF centre = m_view->mapToScene(m_view->viewport()->rect().center());
    if (!m_scene->addNode(type, centre, false)) return;
    const QList<EntityRef> selected = m_scene->selectedEntities();
    if (selected.size() == 1)
        if (NodeItem *node = m_scene->nodeFor(selected.first())) m_view->ensureVisible(node);
}

} // namespace gatehouse
