#include "BucketWriteQueue.h"

#include "cloud/CloudRunner.h"
#include "run/CloudStartGate.h"

#include <QFileInfo>

namespace gatehouse {

BucketWriteQueue::BucketWriteQueue(CloudRunner *runner, QObject *parent)
    : QObject(parent)
    , m_runner(runner)
    , m_gate(new CloudStartGate(runner, this)) {
    connect(m_gate, &CloudStartGate::failed, this, &BucketWriteQueue::failAll);
}

void BucketWriteQueue::upload(const QString &bucket, const QList<BucketUpload> &uploads) {
    QList<Job> jobs;
    for (const BucketUpload &upload : uploads)
        jobs.append({bucket, upload, {}});
    enqueue(jobs);
}

void BucketWriteQueue::remove(const QString &bucket, const QStringList &keys) {
    if (!keys.isEmpty()) enqueue({{bucket, {}, keys}});
}

void BucketWriteQueue::enqueue(const QList<Job> &jobs) {
    if (jobs.isEmpty()) return;
    const bool wasBusy = isBusy();
    for (const Job &job : jobs) {
        m_jobs.enqueue(job);
        ++m_batchJobs;
        m_batchBytes += job.upload.size;
    }
    if (!wasBusy) emit busyChanged(true);
    reportProgress(0);
    if (!m_running) m_gate->whenRunning([this] { startNext(); });
}

void BucketWriteQueue::reportProgress(qint64 currentBytes) {
    const Job &job = m_running ? m_current : (m_jobs.isEmpty() ? m_current : m_jobs.head());
    QString text;
    if (!m_running)
        text = tr("Waiting for the local cloud to start…");
    else if (job.keys.isEmpty())
        text = tr("Uploading %1 (%2 of %3)…")
                   .arg(QFileInfo(job.upload.file).fileName())
                   .arg(m_batchDone + 1)
                   .arg(m_batchJobs);
    else
        text = tr("Deleting %n object(s)…", nullptr, int(job.keys.size()));
    // Bytes when the batch has any (per mille, so that large files fit an int), else jobs done.
    if (m_batchBytes > 0)
        emit progress(text, int((m_doneBytes + currentBytes) * 1000 / m_batchBytes), 1000);
    else
        emit progress(text, m_batchDone, m_running && !job.keys.isEmpty() ? 0 : m_batchJobs);
}

void BucketWriteQueue::startNext() {
    if (m_running) return;
    if (m_jobs.isEmpty()) return finishBatch();
    m_current = m_jobs.dequeue();
    m_running = true;
    reportProgress(0);
    const auto done = [this](const QList<s3::S3Endpoint::WriteResult> &results) {
        for (qsizetype i = 0; i < results.size(); ++i) {
            const s3::S3Endpoint::WriteResult &result = results.at(i);
            const QString key = m_current.keys.isEmpty() ? m_current.upload.key : m_current.keys.value(i);
            // A key may be 1024 bytes long (or longer, when refused): the line shows its ends.
            const QString shown = key.size() > 100 ? key.left(60) + QChar(0x2026) + key.right(30) : key;
            if (!result.ok())
                m_errors.append(tr("%1: %2 (%3)").arg(shown, result.message, result.errorCode));
            else if (m_current.keys.isEmpty())
                ++m_uploaded;
            else
                ++m_deleted;
        }
        m_doneBytes += m_current.upload.size;
        ++m_batchDone;
        m_running = false;
        emit objectsChanged(m_current.bucket);
        startNext();
    };
    s3::ObjectMetadata meta;
    meta.key = m_current.upload.key;
    meta.contentType = m_current.upload.contentType;
    const bool started = m_current.keys.isEmpty()
                             ? m_runner->putObject(
                                   m_current.bucket, meta, m_current.upload.file, this,
                                   [this](qint64 stored) { reportProgress(stored); }, done)
                             : m_runner->deleteObjects(m_current.bucket, m_current.keys, this, done);
    if (!started) {
        m_running = false;
        failAll(tr("The local cloud stopped; nothing more was written."));
    }
}

void BucketWriteQueue::failAll(const QString &message) {
    if (m_running) return; // the write in progress ends on its own, then the batch does
    m_errors.append(message);
    m_jobs.clear();
    finishBatch();
}

void BucketWriteQueue::finishBatch() {
    QStringList parts;
    if (m_uploaded > 0) parts.append(tr("Uploaded %n object(s).", nullptr, m_uploaded));
    if (m_deleted > 0) parts.append(tr("Deleted %n object(s).", nullptr, m_deleted));
    const QString summary = parts.join(QLatin1Char(' '));
    const QStringList errors = m_errors;
    m_batchJobs = m_batchDone = m_uploaded = m_deleted = 0;
    m_batchBytes = m_doneBytes = 0;
    m_errors.clear();
    m_current = {};
    emit busyChanged(false);
    emit finished(summary, errors);
}

} // namespace gatehouse
