// Cheap reads of the process's resident memory, the raw material of the "Max Memory Used" estimate.
#pragma once

#include <QtGlobal>

namespace gatehouse::memoryprobe {

// Resident set size of this process in bytes (0 when /proc is unavailable). One pread() of
// /proc/self/statm on a descriptor opened once: about a microsecond, so it can run twice per invocation.
qint64 residentBytes();

// Bytes → whole MB as REPORT prints them (rounded up; at least 1).
int toReportMB(qint64 bytes);

} // namespace gatehouse::memoryprobe
