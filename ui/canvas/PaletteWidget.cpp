#include "PaletteWidget.h"

#include "DesignerScene.h"

#include <QEvent>
#include <QMimeData>

namespace gatehouse {

namespace {
constexpr int kTypeRole = Qt::UserRole + 1;
}

PaletteWidget::PaletteWidget(QWidget *parent)
    : QListWidget(parent) {
    setObjectName(QStringLiteral("designerPalette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setIconSize(QSize(24, 24));
    setSpacing(2);
    setUniformItemSizes(true);
    fill();
    connect(this, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit nodeRequested(NewNodes::Type(item->data(kTypeRole).toInt()));
    });
}

void PaletteWidget::fill() {
    clear();
    for (NewNodes::Type type : NewNodes::all()) {
        auto *item = new QListWidgetItem(NewNodes::icon(type), NewNodes::label(type), this);
        item->setData(kTypeRole, int(type));
        item->setToolTip(NewNodes::description(type));
        item->setStatusTip(NewNodes::description(type));
    }
}

QListWidgetItem *PaletteWidget::itemFor(NewNodes::Type type) const {
    for (int row = 0; row < count(); ++row)
        if (item(row)->data(kTypeRole).toInt() == int(type)) return item(row);
    return nullptr;
}

QStringList PaletteWidget::mimeTypes() const {
    return {DesignerScene::kNodeMimeType};
}

QMimeData *PaletteWidget::mimeData(const QList<QListWidgetItem *> &items) const {
    if (items.isEmpty()) return nullptr;
    auto *data = new QMimeData;
    data->setData(DesignerScene::kNodeMimeType, QByteArray::number(items.first()->data(kTypeRole).toInt()));
    return data;
}

void PaletteWidget::changeEvent(QEvent *event) {
    // Labels follow a language switch made while the window is open.
    if (event->type() == QEvent::LanguageChange) fill();
    QListWidget::changeEvent(event);
}

} // namespace gatehouse
