// Writing to stdout/stderr from headless commands (UTF-8, line-buffered through QTextStream).
#pragma once

#include <QString>

namespace gatehouse::cli {

void printOut(const QString &text); // appends a newline
void printErr(const QString &text); // appends a newline
// "gatehouse: <message>" on stderr, plus "Try 'gatehouse --help'." for usage errors.
int usageError(const QString &message);

} // namespace gatehouse::cli
