// The designer's palette: one entry per kind of node. Drag an entry onto the canvas to place it
// there, or double-click it (or press Enter) to add it where the automatic layout puts it.
#pragma once

#include "NewNodes.h"

#include <QListWidget>

namespace gatehouse {

class PaletteWidget : public QListWidget {
    Q_OBJECT
public:
    explicit PaletteWidget(QWidget *parent = nullptr);

    // The row of an entry, for tests that drag it.
    QListWidgetItem *itemFor(NewNodes::Type type) const;

signals:
    void nodeRequested(gatehouse::NewNodes::Type type);

protected:
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    QStringList mimeTypes() const override;
    void changeEvent(QEvent *event) override;

private:
    void fill();
};

} // namespace gatehouse
