#include "MemoryProbe.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <limits>
#include <unistd.h>

namespace gatehouse::memoryprobe {

namespace {
// One descriptor per thread, opened on first use and closed when the thread ends: a /proc file's reads
// are serialised by a lock of the open file, so threads sharing one descriptor (environments invoking
// at the same time) would queue on it.
struct StatmFile {
    int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    ~StatmFile() {
        if (fd >= 0) ::close(fd);
    }
};
} // namespace

qint64 residentBytes() {
    thread_local const StatmFile statm;
    static const long pageSize = ::sysconf(_SC_PAGESIZE);
    const int fd = statm.fd;
    if (fd < 0) return 0;
    char text[128];
    const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
    if (n <= 0) return 0;
    text[n] = '\0';
    // statm: "size resident shared text lib data dt" in pages.
    char *end = nullptr;
    std::strtoll(text, &end, 10);
    const long long residentPages = std::strtoll(end, nullptr, 10);
    return qint64(residentPages) * pageSize;
}

qint64 recentResidentBytes() {
    static std::atomic<qint64> sampledAtNs{std::numeric_limits<qint64>::min() / 2};
    static std::atomic<qint64> sampledBytes{0};
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    const qint64 nowNs = qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
    // Racing threads may both read /proc: harmless, either value is recent.
    if (nowNs - sampledAtNs.load(std::memory_order_acquire) < qint64(kRecentWindowMs) * 1000000)
        return sampledBytes.load(std::memory_order_relaxed);
    const qint64 bytes = residentBytes();
    sampledBytes.store(bytes, std::memory_order_relaxed);
    sampledAtNs.store(nowNs, std::memory_order_release);
    return bytes;
}

int toReportMB(qint64 bytes) {
    constexpr qint64 mb = 1024 * 1024;
    return int(std::max<qint64>(1, (bytes + mb - 1) / mb));
}

} // namespace gatehouse::memoryprobe
