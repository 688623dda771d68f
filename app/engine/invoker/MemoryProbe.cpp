#include "MemoryProbe.h"

#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace gatehouse::memoryprobe {

qint64 residentBytes() {
    // The descriptor is opened once and shared by all threads; pread() has no file position to race on.
    static const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    static const long pageSize = ::sysconf(_SC_PAGESIZE);
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
