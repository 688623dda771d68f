#include "LiveStatus.h"

#include "cloud/CloudRunner.h"

namespace gatehouse {

namespace {
constexpr int kCoalesceMs = 100;
}

LiveStatus::LiveStatus(CloudRunner *runner, QObject *parent)
    : QObject(parent) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &LiveStatus::changed);
    m_tick.setInterval(5000);
    connect(&m_tick, &QTimer::timeout, this, &LiveStatus::touch);
    connect(runner, &CloudRunner::stateChanged, this, [this](CloudRunner::State state) {
        const bool running = state == CloudRunner::State::Running;
        if (running == m_running) return;
        m_running = running;
        if (!running) m_functions.clear(); // a stopped cloud has no environments left
        if (running)
            m_tick.start();
        else
            m_tick.stop();
        touch();
    });
    connect(runner, &CloudRunner::environmentStarted, this, [this](const QString &function) {
        ++m_functions[function].warmEnvironments;
        touch();
    });
    connect(runner, &CloudRunner::environmentStopped, this, [this](const QString &function) {
        FunctionLiveState &state = m_functions[function];
        state.warmEnvironments = std::max(0, state.warmEnvironments - 1);
        touch();
    });
    connect(runner, &CloudRunner::invocationStarted, this,
            [this](const QString &function, const QString &, bool coldStart) {
                FunctionLiveState &state = m_functions[function];
                ++state.inFlight;
                if (coldStart) ++state.coldStarts;
                touch();
            });
    connect(runner, &CloudRunner::invocationFinished, this, &LiveStatus::onFinished);
    connect(runner, &CloudRunner::invocationThrottled, this, [this](const QString &function) {
        ++m_functions[function].throttles;
        touch();
    });
}

void LiveStatus::onFinished(const InvocationResult &result) {
    FunctionLiveState &state = m_functions[result.functionName];
    state.inFlight = std::max(0, state.inFlight - 1);
    ++state.invocations;
    if (!result.functionError.isEmpty() || !result.errorType.isEmpty()) {
        ++state.errors;
        state.lastErrorAt = QDateTime::currentDateTimeUtc();
        state.lastError = result.errorType.isEmpty()
                              ? result.errorMessage
                              : QStringLiteral("%1: %2").arg(result.errorType, result.errorMessage);
    }
    touch();
}

void LiveStatus::touch() {
    if (!m_coalesce.isActive()) m_coalesce.start();
}

} // namespace gatehouse
