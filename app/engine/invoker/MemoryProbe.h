// Cheap reads of the process's resident memory, the raw material of the "Max Memory Used" estimate.
#pragma once

#include <QtGlobal>

namespace gatehouse::memoryprobe {

// Resident set size of this process in bytes (0 when /proc is unavailable). One pread() of
// /proc/self/statm on a descriptor opened once: ~0.35 µs alone, a few µs under a gateway's load.
qint64 residentBytes();

// The same, read at most once per kRecentWindowMs by the whole process: a gateway serving tens of
// thousands of invocations a second probes before and after each, and the two reads were ~5 % of a
// GET /hello (a /proc read costs microseconds under load). A fast invocation then sees no growth; one
// that allocates enough to matter runs long enough for its second read to be fresh.
qint64 recentResidentBytes();
inline constexpr int kRecentWindowMs = 1;

// Bytes → whole MB as REPORT prints them (rounded up; at least 1).
int toReportMB(qint64 bytes);

} // namespace gatehouse::memoryprobe
