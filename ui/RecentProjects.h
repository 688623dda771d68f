// The File > Open Recent list: up to ten project folders in QSettings, newest first, forgetting
// those that no longer hold a project.
#pragma once

#include <QStringList>

namespace gatehouse {

class RecentProjects {
public:
    static constexpr int kMaxEntries = 10;

    // Existing project folders, newest first; entries whose project file is gone are dropped (and saved).
    static QStringList entries();
    // Puts the project folder (or file) at the front.
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();

private:
    static QString normalized(const QString &path);
    static void store(const QStringList &folders);
};

} // namespace gatehouse
