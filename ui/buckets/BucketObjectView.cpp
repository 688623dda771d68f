#include "BucketObjectView.h"

#include <QDragEnterEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>

namespace gatehouse {

QStringList droppedLocalPaths(const QMimeData *mime) {
    QStringList paths;
    if (!mime || !mime->hasUrls()) return paths;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile()) paths.append(url.toLocalFile());
    return paths;
}

BucketObjectView::BucketObjectView(QWidget *parent)
    : QTreeView(parent) {
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDropIndicatorShown(true);
    // Drops are files from outside; rows are not dragged within the list.
    setDragDropMode(QAbstractItemView::DropOnly);
}

void BucketObjectView::dragEnterEvent(QDragEnterEvent *event) {
    if (droppedLocalPaths(event->mimeData()).isEmpty()) return event->ignore();
    event->acceptProposedAction();
}

void BucketObjectView::dragMoveEvent(QDragMoveEvent *event) {
    if (droppedLocalPaths(event->mimeData()).isEmpty()) return event->ignore();
    event->acceptProposedAction();
}

void BucketObjectView::dropEvent(QDropEvent *event) {
    const QStringList paths = droppedLocalPaths(event->mimeData());
    if (paths.isEmpty()) return event->ignore();
    event->acceptProposedAction();
    emit filesDropped(paths, indexAt(event->position().toPoint()));
}

} // namespace gatehouse
