// A runtime's child process: started in a process group of its own with exactly the environment it is
// given, its output split into lines, its end described as Lambda describes it, and never left behind.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>

namespace gatehouse {

// Everything is asynchronous (signals); nothing here waits for the child. The destructor kills the
// whole process group with SIGKILL and leaves the QProcess to be reaped when its end is reported,
// so no zombie outlives the event loop and the caller never blocks on a dying process.
class RuntimeProcess : public QObject {
    Q_OBJECT
public:
    explicit RuntimeProcess(QObject *parent = nullptr);
    ~RuntimeProcess() override;

    void start(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
               const QString &workingDirectory);
    qint64 processId() const; // 0 before start and after the end
    bool isRunning() const;
    // SIGKILL to the process and everything it started (its process group).
    void kill();
    // Reads what the child has already written to its pipes, emitting `line` for each complete line.
    // Called before an invocation is concluded: the child writes its logs and then posts its response
    // on another descriptor, and the response may be read first.
    void drainOutput();

    // "exit status 1", "signal: killed", ... (Go's os.ProcessState wording, which Lambda prints in
    // "Runtime exited with error: ...").
    static QString exitDescription(QProcess::ExitStatus status, int code);

Q_SIGNALS:
    // One line of output, without its line break. Lines longer than 256 KB are cut there (the size of
    // a CloudWatch log event).
    void line(const QString &text, bool standardError);
    void failedToStart(const QString &reason);
    void exited(const QString &description);

private:
    void readChannel(QProcess::ProcessChannel channel);
    void flushPartialLines();

    QProcess *m_process;
    QByteArray m_partial[2]; // stdout, stderr
    qint64 m_pid = 0;
};

} // namespace gatehouse
