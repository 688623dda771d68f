// SIGINT and SIGTERM as a Qt signal: the handler only writes the signal number to a socket pair
// (async-signal-safe); a QSocketNotifier reads it on the event loop, where it is safe to shut down.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace gatehouse::cli {

class UnixSignals : public QObject {
    Q_OBJECT
public:
    // Installs handlers for SIGINT and SIGTERM; only one instance may exist at a time.
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override; // restores the default handlers

Q_SIGNALS:
    void received(int signalNumber);

private:
    static void handler(int signalNumber);
    void readPending();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace gatehouse::cli
