#include "MemoryProbe.h"

#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
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

int toReportMB(qint64 bytes) {
    constexpr qint64 mb = 1024 * 1024;
    return int(std::max<qint64>(1, (bytes + mb - 1) / mb));
}

} // namespace gatehouse::memoryprobe
