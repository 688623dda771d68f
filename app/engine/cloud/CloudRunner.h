// Runs a LocalCloud on a thread of its own for the studio's Run action, so that starting servers,
// serving requests and reloading never block the window. Every call returns at once; results arrive
// as signals on the caller's thread. The invoker's activity is forwarded for live status.
#pragma once

#include "LocalCloud.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QThread>

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

    QThread m_thread;
    // Lives on m_thread while running; created and destroyed there.
    LocalCloud *m_cloud = nullptr;
    State m_state = State::Stopped;
    QJsonObject m_endpoints;
};

} // namespace gatehouse
