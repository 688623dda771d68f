#include "CloudStartGate.h"

#include "cloud/CloudRunner.h"

namespace gatehouse {

CloudStartGate::CloudStartGate(CloudRunner *runner, QObject *parent)
    : QObject(parent)
    , m_runner(runner) {
    connect(runner, &CloudRunner::started, this, [this] {
        if (!m_waiting) return;
        const std::function<void()> work = std::move(m_waiting);
        m_waiting = nullptr;
        work();
    });
    connect(runner, &CloudRunner::startFailed, this, [this](const QStringList &errors) {
        fail(tr("The local cloud could not start: %1").arg(errors.join(QLatin1Char('\n'))));
    });
    connect(runner, &CloudRunner::stopped, this,
            [this] { fail(tr("The local cloud was stopped before it was ready.")); });
}

void CloudStartGate::whenRunning(std::function<void()> work) {
    switch (m_runner->state()) {
    case CloudRunner::State::Running:
        m_waiting = nullptr;
        work();
        return;
    case CloudRunner::State::Stopping:
        m_waiting = nullptr;
        emit failed(tr("The local cloud is stopping; try again when it has stopped."));
        return;
    case CloudRunner::State::Starting:
        m_waiting = std::move(work);
        return;
    case CloudRunner::State::Stopped:
        m_waiting = std::move(work);
        emit startRequested();
        // Nothing started (no one listening, or the start was refused, e.g. an unsaved project): say
        // so now rather than wait for a `started` that will never come.
        if (m_runner->state() == CloudRunner::State::Stopped)
            fail(tr("The local cloud did not start; the Run panel says why."));
        return;
    }
}

void CloudStartGate::cancel() {
    m_waiting = nullptr;
}

void CloudStartGate::fail(const QString &message) {
    if (!m_waiting) return;
    m_waiting = nullptr;
    emit failed(message);
}

} // namespace gatehouse
