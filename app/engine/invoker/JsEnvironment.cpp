#include "JsEnvironment.h"

#include "JsRuntime.h"

#include <QThread>

namespace gatehouse {

namespace {
// A sweep of the own thread's events every this many inline invocations: rare enough to cost nothing
// (one wake-up), often enough that nothing grows.
constexpr int kInlineRunsPerSweep = 4096;
} // namespace

JsEnvironment::JsEnvironment(EnvironmentSpec spec, QObject *parent)
    : ExecutionEnvironment(std::move(spec), parent)
    , m_shared(std::make_shared<Shared>()) {
    m_shared->runtime = new JsRuntime(this->spec());
    m_thread = QThread::create([shared = m_shared, this] { serve(shared, this); });
    m_thread->setObjectName(QStringLiteral("lambda:") + functionName());
    // The engine is created by the runtime's first run(), on that thread, and destroyed at the end of
    // serve(), on the same thread.
    m_shared->runtime->moveToThread(m_thread);
    m_thread->start();
}

JsEnvironment::~JsEnvironment() {
    {
        const std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
        m_shared->orders.clear();         // the invoker is done with this environment: nobody waits for these
        m_shared->runtime->requestStop(); // interrupts the engine wherever it runs, even inline
    }
    m_shared->changed.notify_all();
    if (m_thread->wait(10000)) {
        delete m_thread;
        return;
    }
    // Stuck in native code that cannot be interrupted: let the thread end on its own rather than
    // block the invoker; it deletes the runtime, and the thread object deletes itself.
    qWarning("gatehouse: the execution environment of %s did not stop in time", qPrintable(functionName()));
    connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
}

void JsEnvironment::post(Order order) {
    {
        const std::lock_guard lock(m_shared->mutex);
        if (m_shared->stopping) return;
        m_shared->orders.push_back(std::move(order));
    }
    m_shared->changed.notify_all();
}

void JsEnvironment::invoke(const InvocationRequest &request) {
    post({Command::Run, request});
}

quint64 JsEnvironment::engineCallsReceived() const {
    return m_shared->runtime->engineCallsReceived(); // the runtime lives as long as this object
}

bool JsEnvironment::claimInline() {
    Shared &s = *m_shared;
    const std::lock_guard lock(s.mutex);
    // The own thread must be parked with nothing to do: it then cannot wake until we hand back.
    if (s.stopping || s.holder != Holder::Parked || !s.orders.empty() || !s.runtime->canRunInline())
        return false;
    s.holder = Holder::Inline;
    return true;
}

bool JsEnvironment::runInline(const InvocationRequest &request, InvocationResult &result) {
    // Our own reference: the destructor may run (on the invoker's thread) as soon as we hand back.
    const std::shared_ptr<Shared> shared = m_shared;
    bool leftovers = false;
    std::optional<InvocationResult> done = shared->runtime->runInline(request, &leftovers);
    bool wake = false;
    {
        const std::lock_guard lock(shared->mutex);
        shared->holder = Holder::Parked;
        if (!done)
            shared->orders.push_back({Command::CompleteInline, {}});
        else if (leftovers)
            shared->orders.push_back({Command::Settle, {}});
        // Events posted to the engine's thread meanwhile (QJSEngine posts the release of an engine
        // value held by a QJSValue that dies on another thread: an interrupted call's error, say)
        // wait until that thread works: now and then it does, so they cannot pile up.
        else if (++shared->inlineRuns >= kInlineRunsPerSweep)
            shared->orders.push_back({Command::Settle, {}});
        // Waking the own thread for nothing would cost a context switch per invocation.
        wake = shared->stopping || !shared->orders.empty();
    }
    if (wake) shared->changed.notify_all();
    if (done) result = std::move(*done);
    return done.has_value();
}

void JsEnvironment::serve(const std::shared_ptr<Shared> &shared, JsEnvironment *self) {
    JsRuntime *runtime = shared->runtime;
    for (;;) {
        Order order;
        {
            std::unique_lock lock(shared->mutex);
            shared->changed.wait(lock, [&] {
                return shared->holder == Holder::Parked && (shared->stopping || !shared->orders.empty());
            });
            if (shared->stopping) break;
            order = std::move(shared->orders.front());
            shared->orders.pop_front();
            shared->holder = Holder::Working;
            shared->inlineRuns = 0;
        }
        std::optional<InvocationResult> result;
        switch (order.command) {
        case Command::Run:
            result = runtime->run(order.request);
            break;
        case Command::CompleteInline:
            result = runtime->completeInline();
            break;
        case Command::Settle:
            break;
        }
        // What the invocation left behind runs now, as an idle environment thread's event loop would
        // run it, and before the engine can be claimed for the next inline invocation.
        runtime->settle();
        {
            const std::lock_guard lock(shared->mutex);
            shared->holder = Holder::Parked;
            if (shared->stopping) break;
        }
        // Parked first, then the result: the invoker may hand this environment to an inline caller at
        // once. The destructor waits for this thread, so `self` is alive here.
        if (result) Q_EMIT self->finished(*result);
    }
    delete runtime; // on the thread that created its engine
}

} // namespace gatehouse
