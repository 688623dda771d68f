#include "TestSupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

namespace gatehouse::test {

QString sourcePath(const QString &relative) {
    return QDir(QStringLiteral(GATEHOUSE_SOURCE_DIR)).filePath(relative);
}
QString samplePath() {
    return sourcePath(QStringLiteral("resources/samples/hello-api"));
}
QString executablePath() {
    return QStringLiteral(GATEHOUSE_EXECUTABLE);
}
QString sharedPath(const QString &relative) {
    return QDir::cleanPath(QDir(QStringLiteral(GATEHOUSE_SHARED_DIR)).filePath(relative));
}

QString writeProjectFile(const QString &folder, const QByteArray &text) {
    QDir().mkpath(folder);
    QFile file(QDir(folder).filePath(QStringLiteral("gatehouse.json")));
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) file.write(text);
    return folder;
}

bool copyTree(const QString &source, const QString &target) {
    QDirIterator it(source, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = QDir(target).filePath(QDir(source).relativeFilePath(from));
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile::remove(to);
        if (!QFile::copy(from, to)) return false;
        QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
    }
    return true;
}

ProcessResult runGatehouse(const QStringList &arguments, int timeoutMs, const QByteArray &stdinData,
                           const QProcessEnvironment &environment) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(executablePath(), arguments);
    ProcessResult result;
    if (!process.waitForStarted(timeoutMs)) return result;
    if (!stdinData.isEmpty()) process.write(stdinData);
    process.closeWriteChannel();
    result.finished = process.waitForFinished(timeoutMs) && process.exitStatus() == QProcess::NormalExit;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(1000);
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired()) return condition();
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!condition()) QThread::yieldCurrentThread();
    }
    return true;
}

} // namespace gatehouse::test
