// Runs a LocalCloud on a thread of its own for the studio's Run action, so that starting servers,
// serving requests and reloading never block the window. Every call returns at once; results arrive
// as signals on the caller's thread. The invoker's activity is forwarded for live status.
#pragma once

#include "LocalCloud.h"
#include "sources/s3/S3Endpoint.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QThread>
#include <QThreadPool>

namespace gatehouse {

namespace sqs {
class SqsBroker;
}

// One schedule of the running cloud as the Triggers dock shows it.
struct RunningSchedule {
    QString name;
    bool enabled = false; // for this run (a pause does not edit the project)
    bool busy = false;    // its last run has not finished
    QDateTime next;       // UTC; invalid when off or never again
};

class CloudRunner : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Running, Stopping };
    Q_ENUM(State)

    explicit CloudRunner(QObject *parent = nullptr);
    // Stops the cloud (waiting for it) and its thread.
    ~CloudRunner() override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // The endpoints while running: LocalCloud::endpointsJson().
    QJsonObject endpoints() const { return m_endpoints; }
    // The cloud's log store, metrics and cost meter (all thread-safe), null when stopped. Like the
    // store, they die with the cloud: let go of them when the state leaves Running.
    LogStore *logs() const;
    MetricsStore *metrics() const;
    CostMeter *costMeter() const;

    // Starts the project; `started` or `startFailed` follows. Ignored unless stopped.
    void start(const Project &project, const QString &projectFolder, const LocalCloudOptions &options = {});
    // Applies an edited project while running (hot reload); `updated` follows.
    void update(const Project &project, const QString &projectFolder);
    // Stops everything; `stopped` follows.
    void stop();
    // Invokes a function of the running cloud as the Invoke API does (the studio's events panel):
    // returns the request id, and `done` runs once on `context`'s thread with the result (202 at once
    // for an Event; its outcome comes later as invocationFinished with the same request id). Returns
    // an empty id, and `done` never runs, when the cloud is not running. A call in flight when the
    // cloud stops is dropped without calling `done`: callers reset when the state leaves Running.
    QString invoke(const QString &function, const QByteArray &payload, const InvokeOptions &options,
                   QObject *context, std::function<void(const InvocationResult &)> done);

    // The studio's bucket writes, through the running S3 endpoint (S3Endpoint::putObject and
    // deleteObject: checked, stored and notified as through the S3 API). They run one at a time on a
    // writer thread of their own: a large file takes a while, and neither the window nor the cloud's
    // thread (the invoker, the servers) should wait for it; stop() and the destructor wait for the
    // write in progress before the cloud goes. `progress` (bytes stored so far, now and then) and
    // `done` run on this object's thread, and not at all once `context` (on this thread too) is gone.
    // Both return false, and nothing runs, when the cloud is not running.
    using BucketWriteDone = std::function<void(const QList<s3::S3Endpoint::WriteResult> &)>;
    // Uploads the local file `sourceFile` (streamed) into meta.key; `done` gets one result.
    bool putObject(const QString &bucket, const s3::ObjectMetadata &meta, const QString &sourceFile,
                   QObject *context, std::function<void(qint64)> progress, BucketWriteDone done);
    // Deletes each key in turn; `done` gets a result per key, in order.
    bool deleteObjects(const QString &bucket, const QStringList &keys, QObject *context,
                       BucketWriteDone done);
    // The running cloud's queues (the broker is thread-safe), null when stopped. Ask again for each use:
    // it dies with the cloud, which only stop() on this thread deletes.
    sqs::SqsBroker *queueBroker() const;
    // The scheduler lives on the cloud's thread: these forward to it and answer on `context`'s thread
    // (never, when the cloud stops first).
    void runningSchedules(QObject *context, std::function<void(const QList<RunningSchedule> &)> done);
    void setScheduleEnabled(const QString &name, bool enabled);
    void fireSchedule(const QString &name, QObject *context,
                      std::function<void(const QString &requestId, const QString &error)> done);

signals:
    void stateChanged(gatehouse::CloudRunner::State state);
    void started(const QJsonObject &endpoints, const QStringList &notices);
    void startFailed(const QStringList &errors);
    void updated(const QStringList &errors, const QStringList &notices);
    void stopped();
    // Forwarded from the invoker (queued onto the caller's thread).
    void invocationStarted(const QString &function, const QString &requestId, bool coldStart);
    void invocationFinished(const gatehouse::InvocationResult &result);
    void invocationThrottled(const QString &function, const QString &requestId);
    void environmentStarted(const QString &function);
    void environmentStopped(const QString &function, const QString &reason);
    // Forwarded from the Scheduler.
    void scheduleFired(const QString &schedule, const QString &requestId, const QDateTime &scheduledTime);
    void scheduleSkipped(const QString &schedule, int missedTicks, const QString &reason);
    void scheduleRunFinished(const QString &schedule, const gatehouse::InvocationResult &result);

private:
    void setState(State state);

    // Runs one bucket write from the studio at a time (putObject, deleteObjects).
    QThreadPool m_bucketWrites;
    QThread m_thread;
    // Lives on m_thread while running; created and destroyed there.
    LocalCloud *m_cloud = nullptr;
    State m_state = State::Stopped;
    QJsonObject m_endpoints;
};

} // namespace gatehouse
