// File > Open Recent: rebuilt from RecentProjects each time it opens, so vanished projects never show.
#pragma once

#include <QMenu>

namespace gatehouse {

class RecentProjectsMenu : public QMenu {
    Q_OBJECT
public:
    explicit RecentProjectsMenu(QWidget *parent = nullptr);
    void rebuild();

signals:
    void projectChosen(const QString &folder);
};

} // namespace gatehouse
