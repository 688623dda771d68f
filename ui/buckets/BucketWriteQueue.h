// The bucket browser's writes, one after another: uploads and deletions go through the running
// cloud's S3 endpoint (CloudRunner::putObject / deleteObjects), so they are stored and notified exactly
// as `aws s3 cp` and `aws s3 rm` are, and run off the window's thread. When the cloud is stopped it is
// started first (CloudStartGate, as the Collection and Events docks do) rather than written to disk
// behind its back: an upload from the studio exists to trigger the bucket's functions, and a write
// without the notification it promises would look like a broken rule.
#pragma once

#include "BucketUploadPlan.h"

#include <QObject>
#include <QQueue>

namespace gatehouse {

class CloudRunner;
class CloudStartGate;

class BucketWriteQueue : public QObject {
    Q_OBJECT
public:
    explicit BucketWriteQueue(CloudRunner *runner, QObject *parent = nullptr);

    CloudStartGate *startGate() const { return m_gate; }
    bool isBusy() const { return m_running || !m_jobs.isEmpty(); }

    void upload(const QString &bucket, const QList<BucketUpload> &uploads);
    void remove(const QString &bucket, const QStringList &keys);

signals:
    void busyChanged(bool busy);
    // What is being written, and how far the batch is (value of maximum; maximum 0: no measure).
    void progress(const QString &text, int value, int maximum);
    void objectsChanged(const QString &bucket); // after each write: the list should show it
    // The batch is done: a summary, and one line per failure (empty when everything worked).
    void finished(const QString &summary, const QStringList &errors);

private:
    struct Job {
        QString bucket;
        BucketUpload upload; // an upload, or ...
        QStringList keys;    // ... a deletion of these keys
    };
    void enqueue(const QList<Job> &jobs);
    void startNext();
    void finishBatch();
    void failAll(const QString &message);
    void reportProgress(qint64 currentBytes);

    CloudRunner *m_runner;
    CloudStartGate *m_gate;
    QQueue<Job> m_jobs;
    bool m_running = false;
    Job m_current;
    // The batch so far (jobs queued while one runs join it).
    int m_batchJobs = 0;
    int m_batchDone = 0;
    qint64 m_batchBytes = 0;
    qint64 m_doneBytes = 0;
    int m_uploaded = 0;
    int m_deleted = 0;
    QStringList m_errors;
};

} // namespace gatehouse
