#include "ProcessMemory.h"

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

namespace gatehouse {

namespace {

QByteArray preadAll(int fd) {
    if (fd < 0) return {};
    char buffer[4096];
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
    return n > 0 ? QByteArray(buffer, qsizetype(n)) : QByteArray();
}

QByteArray readOnce(const QByteArray &path) {
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    const QByteArray text = preadAll(fd);
    if (fd >= 0) ::close(fd);
    return text;
}

// A "VmRSS:    1916 kB" field of /proc/<pid>/status, in bytes.
qint64 statusField(const QByteArray &status, const char *name) {
    const qsizetype at = status.indexOf(name);
    if (at < 0) return 0;
    qsizetype i = at + qsizetype(qstrlen(name));
    while (i < status.size() && (status[i] == ' ' || status[i] == '\t'))
        ++i;
    qint64 kb = 0;
    while (i < status.size() && status[i] >= '0' && status[i] <= '9')
        kb = kb * 10 + (status[i++] - '0');
    return kb * 1024;
}

QList<qint64> pids(const QByteArray &text) {
    QList<qint64> out;
    for (const QByteArray &word : text.simplified().split(' '))
        if (const qint64 pid = word.toLongLong(); pid > 0) out.append(pid);
    return out;
}

QByteArray statusPath(qint64 pid) {
    return "/proc/" + QByteArray::number(pid) + "/status";
}

QByteArray childrenPath(qint64 pid) {
    const QByteArray id = QByteArray::number(pid);
    return "/proc/" + id + "/task/" + id + "/children";
}

} // namespace

ProcessMemoryProbe::~ProcessMemoryProbe() {
    detach();
}

void ProcessMemoryProbe::attach(qint64 pid) {
    detach();
    m_pid = pid;
    m_statusFd = ::open(statusPath(pid).constData(), O_RDONLY | O_CLOEXEC);
    m_childrenFd = ::open(childrenPath(pid).constData(), O_RDONLY | O_CLOEXEC);
}

void ProcessMemoryProbe::detach() {
    if (m_statusFd >= 0) ::close(m_statusFd);
    if (m_childrenFd >= 0) ::close(m_childrenFd);
    m_statusFd = m_childrenFd = -1;
    m_pid = 0;
}

ProcessMemoryProbe::Sample ProcessMemoryProbe::sample() const {
    Sample s;
    const QByteArray status = preadAll(m_statusFd);
    if (status.isEmpty()) return s; // gone (pread on a dead process's file fails)
    s.residentBytes = statusField(status, "VmRSS:");
    const qint64 highWater = statusField(status, "VmHWM:");
    QList<qint64> pending = pids(preadAll(m_childrenFd));
    for (int visited = 0; !pending.isEmpty() && visited < 256; ++visited) { // bounded, like the sandbox
        const qint64 child = pending.takeLast();
        s.residentBytes += statusField(readOnce(statusPath(child)), "VmRSS:");
        pending.append(pids(readOnce(childrenPath(child))));
    }
    s.peakBytes = std::max(highWater, s.residentBytes);
    return s;
}

} // namespace gatehouse
