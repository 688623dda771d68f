// Lets a panel do something against the running local cloud, starting the cloud first when it is
// stopped (Run collection, Invoke): the work runs once the cloud is up, or `failed` says why it
// cannot. The panel does not start the cloud itself: it asks through `startRequested`, which the
// main window connects to its Run action, so a start from a panel is the same as from the Run menu.
#pragma once

#include <QObject>
#include <functional>

namespace gatehouse {

class CloudRunner;

class CloudStartGate : public QObject {
    Q_OBJECT
public:
    explicit CloudStartGate(CloudRunner *runner, QObject *parent = nullptr);

    CloudRunner *runner() const { return m_runner; }
    // Runs `work` now when the cloud is running; otherwise keeps it (replacing work already waiting),
    // asks for a start when stopped and runs it on `started`. Emits `failed` instead when the start
    // fails or is refused, or the cloud is stopping.
    void whenRunning(std::function<void()> work);
    // Forgets the waiting work (a cancel); a start already asked for goes on.
    void cancel();
    bool isWaiting() const { return bool(m_waiting); }

signals:
    void startRequested();
    void failed(const QString &message);

private:
    void fail(const QString &message);

    CloudRunner *m_runner;
    std::function<void()> m_waiting;
};

} // namespace gatehouse
