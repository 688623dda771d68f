// The bucket browser's list: a flat tree view of one folder level that takes files and folders
// dragged from the desktop (local file URLs) and reports them with the row they were dropped on.
#pragma once

#include <QTreeView>

namespace gatehouse {

class BucketObjectView : public QTreeView {
    Q_OBJECT
public:
    explicit BucketObjectView(QWidget *parent = nullptr);

signals:
    // Local paths dropped onto `target` (a folder row uploads into that folder; invalid: the list).
    void filesDropped(const QStringList &paths, const QModelIndex &target);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
};

// The local files and folders a drag carries (non-local URLs are left out).
QStringList droppedLocalPaths(const QMimeData *mime);

} // namespace gatehouse
