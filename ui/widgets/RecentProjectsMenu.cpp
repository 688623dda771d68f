#include "RecentProjectsMenu.h"

#include "RecentProjects.h"

#include <QDir>

namespace gatehouse {

RecentProjectsMenu::RecentProjectsMenu(QWidget *parent)
    : QMenu(tr("Open &Recent"), parent) {
    setObjectName(QStringLiteral("recentMenu"));
    connect(this, &QMenu::aboutToShow, this, &RecentProjectsMenu::rebuild);
    rebuild();
}

void RecentProjectsMenu::rebuild() {
    clear();
    const QStringList folders = RecentProjects::entries();
    for (int i = 0; i < folders.size(); ++i) {
        const QString folder = folders[i];
        // Numbered mnemonics (&1 .. &9, 1&0) let the keyboard pick an entry.
        const QString mnemonic = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0");
        QAction *action = addAction(QStringLiteral("%1  %2").arg(mnemonic, QDir::toNativeSeparators(folder)),
                                    this, [this, folder] { emit projectChosen(folder); });
        action->setData(folder);
    }
    if (folders.isEmpty()) addAction(tr("No recent projects"))->setEnabled(false);
    addSeparator();
    QAction *clearAction = addAction(tr("&Clear Menu"), this, [] { RecentProjects::clear(); });
    clearAction->setEnabled(!folders.isEmpty());
}

} // namespace gatehouse
