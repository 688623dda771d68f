#include "RuntimeProcess.h"

#include <QThread>
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace gatehouse {

namespace {

constexpr qsizetype kMaxLineBytes = 256 * 1024;

// The names Go gives signals (syscall's signal table), as Lambda's "signal: killed" uses them.
QString signalName(int signal) {
    switch (signal) {
    case SIGHUP:
        return QStringLiteral("hangup");
    case SIGINT:
        return QStringLiteral("interrupt");
    case SIGQUIT:
        return QStringLiteral("quit");
    case SIGILL:
        return QStringLiteral("illegal instruction");
    case SIGTRAP:
        return QStringLiteral("trace/breakpoint trap");
    case SIGABRT:
        return QStringLiteral("aborted");
    case SIGBUS:
        return QStringLiteral("bus error");
    case SIGFPE:
        return QStringLiteral("floating point exception");
    case SIGKILL:
        return QStringLiteral("killed");
    case SIGSEGV:
        return QStringLiteral("segmentation fault");
    case SIGPIPE:
        return QStringLiteral("broken pipe");
    case SIGTERM:
        return QStringLiteral("terminated");
    default:
        return QStringLiteral("signal %1").arg(signal);
    }
}

} // namespace

RuntimeProcess::RuntimeProcess(QObject *parent)
    : QObject(parent)
    , m_process(new QProcess(this)) {
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setChildProcessModifier([] {
        // In the child, before exec (async-signal-safe calls only). A group of its own, so that kill()
        // reaches whatever the runtime starts, as Lambda stops a whole sandbox; and SIGKILL when the
        // thread that started it dies, so a crashed Gatehouse leaves no runtime behind.
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    });
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { readChannel(QProcess::StandardOutput); });
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { readChannel(QProcess::StandardError); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        // Crashes and the Timedout that drainOutput()'s zero-wait poll reports are not start failures;
        // ends are reported by `finished`.
        if (error == QProcess::FailedToStart) Q_EMIT failedToStart(m_process->errorString());
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        readChannel(QProcess::StandardOutput);
        readChannel(QProcess::StandardError);
        flushPartialLines();
        m_pid = 0;
        Q_EMIT exited(exitDescription(status, code));
    });
}

RuntimeProcess::~RuntimeProcess() {
    if (m_process->state() == QProcess::NotRunning) return; // deleted with us
    kill();
    // Deleted after this thread's event loop has ended (a gateway worker stopping with the
    // environments it hosted, or the end of a program): nothing would ever report the child's end, so
    // it is reaped here. SIGKILL has been sent: this takes about a millisecond.
    if (QThread::currentThread()->loopLevel() == 0) {
        m_process->disconnect(this);
        m_process->waitForFinished(5000);
        return;
    }
    // Reaped asynchronously: the QProcess outlives us until the child's end is reported.
    m_process->disconnect(this);
    m_process->setParent(nullptr);
    QProcess *orphan = m_process;
    connect(orphan, &QProcess::finished, orphan, &QObject::deleteLater);
}

void RuntimeProcess::start(const QString &program, const QStringList &arguments,
                           const QProcessEnvironment &environment, const QString &workingDirectory) {
    m_partial[0].clear();
    m_partial[1].clear();
    m_process->setProcessEnvironment(environment);
    m_process->setWorkingDirectory(workingDirectory);
    m_process->start(program, arguments, QIODevice::ReadOnly);
    m_pid = m_process->processId();
}

qint64 RuntimeProcess::processId() const {
    return m_pid;
}

bool RuntimeProcess::isRunning() const {
    return m_process->state() != QProcess::NotRunning;
}

void RuntimeProcess::kill() {
    // Only while the child is unreaped: its pid (= its group id) cannot have been reused before that.
    if (m_pid <= 0 || m_process->state() == QProcess::NotRunning) return;
    ::kill(-pid_t(m_pid), SIGKILL);
    ::kill(pid_t(m_pid), SIGKILL); // in case setpgid failed in the child
}

void RuntimeProcess::drainOutput() {
    if (m_process->state() != QProcess::Running) return;
    // A zero-timeout poll of the pipes: each round reads whatever both hold (and emits readyRead).
    for (int round = 0; round < 8 && m_process->waitForReadyRead(0); ++round) {
    }
}

QString RuntimeProcess::exitDescription(QProcess::ExitStatus status, int code) {
    if (status == QProcess::CrashExit) return QStringLiteral("signal: ") + signalName(code);
    return QStringLiteral("exit status %1").arg(code);
}

void RuntimeProcess::readChannel(QProcess::ProcessChannel channel) {
    const int index = channel == QProcess::StandardOutput ? 0 : 1;
    const QByteArray data =
        index == 0 ? m_process->readAllStandardOutput() : m_process->readAllStandardError();
    if (data.isEmpty()) return;
    QByteArray &partial = m_partial[index];
    partial += data;
    qsizetype begin = 0;
    for (;;) {
        const qsizetype end = partial.indexOf('\n', begin);
        if (end < 0) break;
        qsizetype stop = end;
        if (stop > begin && partial.at(stop - 1) == '\r') --stop;
        Q_EMIT line(QString::fromUtf8(partial.constData() + begin, stop - begin), index == 1);
        begin = end + 1;
    }
    partial.remove(0, begin);
    while (partial.size() >= kMaxLineBytes) {
        Q_EMIT line(QString::fromUtf8(partial.left(kMaxLineBytes)), index == 1);
        partial.remove(0, kMaxLineBytes);
    }
}

void RuntimeProcess::flushPartialLines() {
    for (int index = 0; index < 2; ++index) {
        if (m_partial[index].isEmpty()) continue;
        const QByteArray rest = std::exchange(m_partial[index], {});
        Q_EMIT line(QString::fromUtf8(rest), index == 1);
    }
}

} // namespace gatehouse
