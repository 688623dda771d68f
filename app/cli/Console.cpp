#include "Console.h"

#include "Command.h"

#include <QCoreApplication>
#include <cstdio>

namespace gatehouse::cli {

namespace {
void write(FILE *stream, const QString &text) {
    const QByteArray bytes = text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}
} // namespace

void printOut(const QString &text) {
    write(stdout, text);
}
void printErr(const QString &text) {
    write(stderr, text);
}

int usageError(const QString &message) {
    printErr(QStringLiteral("gatehouse: ") + message);
    printErr(QCoreApplication::translate("cli", "Try 'gatehouse --help'."));
    return UsageError;
}

} // namespace gatehouse::cli
