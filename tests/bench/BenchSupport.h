// Small measurements the benchmarks share.
#pragma once

#include <QFile>

namespace gatehouse::bench {

// The process's resident memory (VmRSS) in MB; -1 when /proc is unavailable.
inline double residentMegabytes() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

} // namespace gatehouse::bench
