#include "LoadTest.h"

#include "LoadRun.h"

namespace gatehouse::testing {

LoadTest::LoadTest(QObject *parent)
    : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("gatehouse-loadtest"));
}

LoadTest::~LoadTest() {
    if (LoadRun *run = std::exchange(m_run, nullptr)) {
        // The run's sockets and timers belong to its thread: stop and delete it there.
        QMetaObject::invokeMethod(
            run,
            [run] {
                run->disconnect();
                delete run;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
}

bool LoadTest::start(const LoadTestOptions &options, QString *error) {
    QString problem = m_run ? tr("a load test is already running") : loadTestOptionsError(options);
    if (!problem.isEmpty()) {
        if (error) *error = problem;
        return false;
    }
    if (!m_thread.isRunning()) m_thread.start();
    m_options = options;
    m_result = {};
    auto *run = new LoadRun(options);
    run->moveToThread(&m_thread);
    m_run = run;
    connect(run, &LoadRun::progress, this, [this, run](qint64 sent, qint64 completed, qint64 elapsedMs) {
        if (m_run == run) emit progress(sent, completed, elapsedMs);
    });
    connect(run, &LoadRun::finished, this, [this, run] {
        if (m_run != run) return;
        // The run no longer changes its result once it has finished.
        m_result = run->result();
        m_run = nullptr;
        run->deleteLater();
        emit finished();
    });
    QMetaObject::invokeMethod(run, &LoadRun::start);
    return true;
}

void LoadTest::cancel() {
    if (LoadRun *run = m_run) QMetaObject::invokeMethod(run, &LoadRun::cancel);
}

} // namespace gatehouse::testing
