#include "CloudRunner.h"

#include "sources/schedules/Scheduler.h"
#include "sources/sqs/LocalQueues.h"

#include <QFile>
#include <QMetaObject>
#include <QPointer>

namespace gatehouse {

CloudRunner::CloudRunner(QObject *parent)
    : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("gatehouse-cloud"));
    m_thread.start();
    m_bucketWrites.setMaxThreadCount(1); // in the order asked, like one client's requests
}

CloudRunner::~CloudRunner() {
    m_bucketWrites.waitForDone(); // they use the cloud's S3 endpoint
    if (m_cloud) {
        LocalCloud *cloud = m_cloud;
        m_cloud = nullptr;
        // The cloud's servers, timers and environments belong to its thread: delete it there.
        QMetaObject::invokeMethod(
            cloud, [cloud] { delete cloud; }, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

LogStore *CloudRunner::logs() const {
    return m_cloud ? m_cloud->logs() : nullptr;
}

MetricsStore *CloudRunner::metrics() const {
    return m_cloud ? m_cloud->metrics() : nullptr;
}

CostMeter *CloudRunner::costMeter() const {
    return m_cloud ? m_cloud->costMeter() : nullptr;
}

void CloudRunner::setState(State state) {
    if (m_state == state) return;
    m_state = state;
    emit stateChanged(state);
}

void CloudRunner::start(const Project &project, const QString &projectFolder,
                        const LocalCloudOptions &options) {
    if (m_cloud) return;
    setState(State::Starting);
    auto *cloud = new LocalCloud(options);
    cloud->moveToThread(&m_thread);
    m_cloud = cloud;
    QMetaObject::invokeMethod(cloud, [this, cloud, project, projectFolder] {
        // On the cloud's thread: its invoker and servers are created here and stay here.
        const LocalGateway::Outcome outcome = cloud->start(project, projectFolder);
        const QJsonObject endpoints = outcome.ok() ? cloud->endpointsJson() : QJsonObject();
        if (outcome.ok()) {
            Invoker *invoker = cloud->invoker();
            connect(invoker, &Invoker::invocationStarted, this, &CloudRunner::invocationStarted);
            connect(invoker, &Invoker::invocationFinished, this, &CloudRunner::invocationFinished);
            connect(invoker, &Invoker::invocationThrottled, this, &CloudRunner::invocationThrottled);
            connect(invoker, &Invoker::environmentStarted, this, &CloudRunner::environmentStarted);
            connect(invoker, &Invoker::environmentStopped, this, &CloudRunner::environmentStopped);
            if (Scheduler *scheduler = cloud->scheduler()) {
                connect(scheduler, &Scheduler::fired, this, &CloudRunner::scheduleFired);
                connect(scheduler, &Scheduler::skipped, this, &CloudRunner::scheduleSkipped);
                connect(scheduler, &Scheduler::runFinished, this, &CloudRunner::scheduleRunFinished);
            }
        }
        QMetaObject::invokeMethod(this, [this, cloud, outcome, endpoints] {
            if (m_cloud != cloud) return; // stopped meanwhile
            if (!outcome.ok()) {
                m_cloud = nullptr;
                QMetaObject::invokeMethod(cloud, [cloud] { delete cloud; });
                setState(State::Stopped);
                emit startFailed(outcome.errors);
                return;
            }
            m_endpoints = endpoints;
            setState(State::Running);
            emit started(endpoints, outcome.notices);
        });
    });
}

void CloudRunner::update(const Project &project, const QString &projectFolder) {
    if (m_state != State::Running || !m_cloud) return;
    LocalCloud *cloud = m_cloud;
    QMetaObject::invokeMethod(cloud, [this, cloud, project, projectFolder] {
        const LocalGateway::Outcome outcome = cloud->update(project, projectFolder);
        const QJsonObject endpoints = cloud->endpointsJson();
        QMetaObject::invokeMethod(this, [this, cloud, outcome, endpoints] {
            if (m_cloud != cloud) return;
            m_endpoints = endpoints;
            emit updated(outcome.errors, outcome.notices);
        });
    });
}

QString CloudRunner::invoke(const QString &function, const QByteArray &payload, const InvokeOptions &options,
                            QObject *context, std::function<void(const InvocationResult &)> done) {
    // Called straight from this thread: Invoker::invoke may be called from any thread with a
    // context. The invoker stays the same object from `started` until stop(), and stop() (the only
    // way the cloud is deleted) runs on this thread too, so it cannot go away during the call.
    if (m_state != State::Running || !m_cloud || !m_cloud->invoker()) return {};
    return m_cloud->invoker()->invoke(function, payload, options, context, std::move(done));
}

bool CloudRunner::putObject(const QString &bucket, const s3::ObjectMetadata &meta, const QString &sourceFile,
                            QObject *context, std::function<void(qint64)> progress, BucketWriteDone done) {
    // The endpoint stays the same object from `started` until stop(), which waits for this write
    // before the cloud is deleted (as invoke() relies on for the invoker).
    if (m_state != State::Running || !m_cloud || !m_cloud->s3()) return false;
    s3::S3Endpoint *endpoint = m_cloud->s3();
    const QPointer<QObject> guard(context);
    m_bucketWrites.start([this, endpoint, bucket, meta, sourceFile, guard, progress, done] {
        s3::S3Endpoint::WriteResult result;
        QFile file(sourceFile);
        if (!file.open(QIODevice::ReadOnly)) {
            result.errorCode = QStringLiteral("FileError"); // the local file, not S3
            result.message = tr("cannot read %1: %2").arg(sourceFile, file.errorString());
        } else {
            qint64 reported = 0;
            result = endpoint->putObject(bucket, meta, file, [&](qint64 stored) {
                // Now and then, not for every chunk: the window repaints a bar, not a log.
                if (!progress || stored - reported < 4 * 1024 * 1024) return;
                reported = stored;
                QMetaObject::invokeMethod(this, [guard, progress, stored] {
                    if (guard) progress(stored);
                });
            });
        }
        QMetaObject::invokeMethod(this, [guard, done, result] {
            if (guard) done({result});
        });
    });
    return true;
}

bool CloudRunner::deleteObjects(const QString &bucket, const QStringList &keys, QObject *context,
                                BucketWriteDone done) {
    if (m_state != State::Running || !m_cloud || !m_cloud->s3()) return false;
    s3::S3Endpoint *endpoint = m_cloud->s3();
    const QPointer<QObject> guard(context);
    m_bucketWrites.start([this, endpoint, bucket, keys, guard, done] {
        QList<s3::S3Endpoint::WriteResult> results;
        for (const QString &key : keys)
            results.append(endpoint->deleteObject(bucket, key));
        QMetaObject::invokeMethod(this, [guard, done, results] {
            if (guard) done(results);
        });
    });
    return true;
}

sqs::SqsBroker *CloudRunner::queueBroker() const {
    // Same reasoning as invoke(): the queues live from `started` until stop() on this thread.
    if (m_state != State::Running || !m_cloud || !m_cloud->queues()) return nullptr;
    return m_cloud->queues()->broker();
}

void CloudRunner::runningSchedules(QObject *context,
                                   std::function<void(const QList<RunningSchedule> &)> done) {
    if (m_state != State::Running || !m_cloud) return;
    LocalCloud *cloud = m_cloud;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(cloud, [this, cloud, guard, done = std::move(done)] {
        QList<RunningSchedule> list;
        if (Scheduler *scheduler = cloud->scheduler()) {
            for (const QString &name : scheduler->scheduleNames())
                list.append({name, scheduler->isEnabled(name), scheduler->isBusy(name),
                             scheduler->nextFireTime(name)});
        }
        QMetaObject::invokeMethod(this, [this, cloud, guard, done, list] {
            if (m_cloud != cloud || !guard) return;
            done(list);
        });
    });
}

void CloudRunner::setScheduleEnabled(const QString &name, bool enabled) {
    if (m_state != State::Running || !m_cloud) return;
    LocalCloud *cloud = m_cloud;
    QMetaObject::invokeMethod(cloud, [cloud, name, enabled] {
        if (Scheduler *scheduler = cloud->scheduler()) scheduler->setEnabled(name, enabled);
    });
}

void CloudRunner::fireSchedule(const QString &name, QObject *context,
                               std::function<void(const QString &, const QString &)> done) {
    if (m_state != State::Running || !m_cloud) return;
    LocalCloud *cloud = m_cloud;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(cloud, [this, cloud, guard, name, done = std::move(done)] {
        QString error;
        const QString requestId = cloud->scheduler() ? cloud->scheduler()->fireNow(name, &error) : QString();
        QMetaObject::invokeMethod(this, [this, cloud, guard, done, requestId, error] {
            if (m_cloud != cloud || !guard) return;
            done(requestId, error);
        });
    });
}

void CloudRunner::stop() {
    if (!m_cloud) return;
    LocalCloud *cloud = m_cloud;
    // Forgotten at once: a start still in flight sees it is stale, and the destructor has nothing
    // left to delete.
    m_cloud = nullptr;
    m_endpoints = {};
    setState(State::Stopping);
    QMetaObject::invokeMethod(cloud, [this, cloud] {
        // Queued behind a start still running on that thread; LocalCloud's destructor stops it all,
        // once a bucket write still using its S3 endpoint has finished (none starts: m_cloud is gone).
        m_bucketWrites.waitForDone();
        delete cloud;
        QMetaObject::invokeMethod(this, [this] {
            if (m_cloud) return; // started again meanwhile
            setState(State::Stopped);
            emit stopped();
        });
    });
}

} // namespace gatehouse
