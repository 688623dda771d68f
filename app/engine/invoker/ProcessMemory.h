// Resident memory of a runtime process and its descendants, read from /proc: what "Max Memory Used"
// reports for process runtimes and what their memory limit is checked against.
#pragma once

#include <QtGlobal>

namespace gatehouse {

// Keeps /proc/<pid>/status and /proc/<pid>/task/<pid>/children open and re-reads them with pread(), so
// a sample costs a few microseconds and can be taken at the end of every invocation (which makes the
// reported peak exact: VmHWM is the kernel's own high-water mark) as well as on a timer.
class ProcessMemoryProbe {
public:
    struct Sample {
        qint64 residentBytes = 0; // VmRSS of the process plus its descendants, now
        qint64 peakBytes = 0;     // max(VmHWM of the process, residentBytes)
        bool ok() const { return peakBytes > 0; }
    };

    ProcessMemoryProbe() = default;
    ~ProcessMemoryProbe();
    ProcessMemoryProbe(const ProcessMemoryProbe &) = delete;
    ProcessMemoryProbe &operator=(const ProcessMemoryProbe &) = delete;

    void attach(qint64 pid); // a new process (closes the files of the previous one)
    void detach();
    // A zero Sample when the process is gone. Descendants (a bootstrap script that starts its
    // interpreter without exec) count too, as everything in a Lambda sandbox does; only the children
    // of the main thread are followed (runtimes spawn from their main thread).
    Sample sample() const;

private:
    qint64 m_pid = 0;
    int m_statusFd = -1;
    int m_childrenFd = -1;
};

} // namespace gatehouse
