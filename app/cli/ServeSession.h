// The running state of `gatehouse serve`: the LocalCloud, the project file watcher that reloads it,
// the endpoints file, and the console output. Lives on the main thread.
#pragma once

#include "cloud/LocalCloud.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

namespace gatehouse::cli {

struct ServeSettings {
    QString projectPath;   // folder or gatehouse.json
    QString endpointsFile; // empty = defaultEndpointsFile() of the project, written if the folder allows
    bool quiet = false;    // no access or function logs
    bool watch = true;     // reload when the project file changes
    LocalCloudOptions cloud;
};

// Where serve writes its endpoints when not told otherwise, and where `gatehouse send-message PROJECT`
// looks for a running serve: <project folder>/.gatehouse/endpoints.json (local state, ignored by git).
QString defaultEndpointsFile(const QString &projectFolder);

class ServeSession : public QObject {
    Q_OBJECT
public:
    explicit ServeSession(ServeSettings settings, QObject *parent = nullptr);
    ~ServeSession() override;

    // Loads, validates and starts; returns an exit code when serving could not start.
    std::optional<int> start();
    void stop();

private:
    void reload();
    void printEndpoints() const;
    bool writeEndpointsFile(QString *error) const;
    void watchProjectFile();

    ServeSettings m_settings;
    bool m_endpointsFileIsDefault = false; // best effort: a read-only project folder only loses it
    QString m_filePath;
    QString m_folder;
    LocalCloud m_cloud;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadDelay;
};

} // namespace gatehouse::cli
