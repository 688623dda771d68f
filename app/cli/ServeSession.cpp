#include "ServeSession.h"

#include "Command.h"
#include "Console.h"
#include "ProjectLoading.h"
#include "io/LocalStateFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace gatehouse::cli {

QString defaultEndpointsFile(const QString &projectFolder) {
    return QDir(projectFolder).filePath(QStringLiteral(".gatehouse/endpoints.json"));
}

ServeSession::ServeSession(ServeSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_cloud(m_settings.cloud) {
    // Editors save in bursts (write, rename, touch); one reload after the burst is enough.
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(200);
    connect(&m_reloadDelay, &QTimer::timeout, this, &ServeSession::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, &m_reloadDelay, qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        // A save by rename replaces the file: watch the new one and reload if it changed.
        watchProjectFile();
        m_reloadDelay.start();
    });
}

ServeSession::~ServeSession() {
    stop();
}

std::optional<int> ServeSession::start() {
    m_filePath = ProjectFile::resolveProjectFile(m_settings.projectPath);
    if (!QFileInfo(m_filePath).isFile()) {
        printErr(tr("gatehouse: cannot read %1: no such project").arg(m_settings.projectPath));
        return UsageError;
    }
    bool unreadable = false;
    const std::optional<ProjectFile::LoadResult> loaded = loadRunnableProject(m_filePath, &unreadable);
    if (!loaded) {
        printErr(tr("gatehouse: %1 has errors; fix them before serving").arg(m_filePath));
        return unreadable ? UsageError : Failure;
    }
    m_folder = loaded->folder;

    m_cloud.setGatewayObserver([quiet = m_settings.quiet](const GatewayEvent &event) {
        if (event.kind != GatewayEvent::Kind::AccessLog)
            printErr(event.apiName + QLatin1Char(' ') + event.requestId + QLatin1Char(' ') + event.text);
        else if (!quiet)
            printOut(event.apiName + QLatin1Char(' ') + event.text);
    });
    const LocalGateway::Outcome outcome = m_cloud.start(loaded->project, m_folder);
    for (const QString &notice : outcome.notices)
        printErr(tr("gatehouse: note: %1").arg(notice));
    if (!outcome.ok()) {
        for (const QString &error : outcome.errors)
            printErr(tr("gatehouse: %1").arg(error));
        return portInUse(outcome.errors) ? UsageError : Failure;
    }
    if (!m_settings.quiet) {
        connect(m_cloud.invoker(), &Invoker::invocationFinished, this, [](const InvocationResult &result) {
            for (const QString &line : result.logLines)
                printErr(line);
        });
    }
    printEndpoints(); // before the endpoints file: a script that sees the file sees this output too
    if (m_settings.endpointsFile.isEmpty()) {
        // Before the folder is watched, so creating .gatehouse/ is no project change.
        m_settings.endpointsFile = defaultEndpointsFile(m_folder);
        m_endpointsFileIsDefault = true;
        if (ensureLocalStateFolder(m_folder).isEmpty()) m_settings.endpointsFile.clear();
    }
    if (!m_settings.endpointsFile.isEmpty()) {
        QString error;
        if (!writeEndpointsFile(&error)) {
            if (m_endpointsFileIsDefault) {
                m_settings.endpointsFile.clear();
            } else {
                printErr(tr("gatehouse: cannot write the endpoints file %1: %2")
                             .arg(m_settings.endpointsFile, error));
                m_cloud.stop();
                return Failure;
            }
        }
    }
    if (m_settings.watch) watchProjectFile();
    return std::nullopt;
}

void ServeSession::stop() {
    if (const QStringList watched = m_watcher.files() + m_watcher.directories(); !watched.isEmpty())
        m_watcher.removePaths(watched);
    if (!m_cloud.isRunning()) return;
    m_cloud.stop();
    // The file describes a running server; once stopped it would only mislead scripts that read it.
    if (!m_settings.endpointsFile.isEmpty()) QFile::remove(m_settings.endpointsFile);
}

void ServeSession::watchProjectFile() {
    if (!m_watcher.files().contains(m_filePath) && QFileInfo::exists(m_filePath))
        m_watcher.addPath(m_filePath);
    if (!m_watcher.directories().contains(m_folder)) m_watcher.addPath(m_folder);
}

void ServeSession::reload() {
    bool unreadable = false;
    const std::optional<ProjectFile::LoadResult> loaded = loadRunnableProject(m_filePath, &unreadable);
    if (!loaded) {
        printErr(
            tr("gatehouse: %1 changed but has errors; still serving the previous version").arg(m_filePath));
        return;
    }
    const LocalGateway::Outcome outcome = m_cloud.update(loaded->project, m_folder);
    for (const QString &notice : outcome.notices)
        printErr(tr("gatehouse: note: %1").arg(notice));
    for (const QString &error : outcome.errors)
        printErr(tr("gatehouse: %1").arg(error));
    printErr(tr("gatehouse: reloaded %1").arg(m_filePath));
    if (!m_settings.endpointsFile.isEmpty()) {
        QString error;
        if (!writeEndpointsFile(&error))
            printErr(tr("gatehouse: cannot write the endpoints file: %1").arg(error));
    }
}

bool ServeSession::writeEndpointsFile(QString *error) const {
    QSaveFile file(m_settings.endpointsFile);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(m_cloud.endpointsJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void ServeSession::printEndpoints() const {
    printOut(tr("Serving %1").arg(m_filePath));
    for (const ApiEndpointInfo &info : m_cloud.gateway()->endpoints())
        for (const ApiEndpointInfo::StageUrl &stage : info.stages) {
            printOut(tr("  %1 '%2', stage %3: %4")
                         .arg(apiTypeLabel(info.type), info.apiName, stage.stage, stage.url.toString()));
            if (info.type != ApiType::WebSocket) continue;
            // Where functions point @aws-sdk/client-apigatewaymanagementapi (its endpoint option).
            QUrl callback = stage.url;
            callback.setScheme(QStringLiteral("http"));
            printOut(tr("    @connections callback URL: %1").arg(callback.toString()));
        }
    printOut(tr("  Lambda Invoke API: %1 (aws lambda invoke --endpoint-url %1 ...)")
                 .arg(m_cloud.invokeApiUrl().toString()));
    printOut(tr("  Metrics (Prometheus): %1").arg(m_cloud.metricsUrl().toString()));
    printOut(tr("  S3 (buckets): %1 (aws s3 ls --endpoint-url %1 ...)").arg(m_cloud.s3Url().toString()));
    if (!m_cloud.sqsUrl().isEmpty())
        printOut(tr("  SQS: %1 (aws sqs --endpoint-url %1 ...; functions get AWS_ENDPOINT_URL_SQS)")
                     .arg(m_cloud.sqsUrl().toString()));
    printOut(tr("Press Ctrl+C to stop."));
}

} // namespace gatehouse::cli
