#include "Diagnostic.h"

#include <algorithm>

namespace gatehouse {

QString Diagnostic::toString() const {
    QString text = file.isEmpty() ? QStringLiteral("project") : file;
    if (line > 0) {
        text += QLatin1Char(':') + QString::number(line);
        if (column > 0) text += QLatin1Char(':') + QString::number(column);
    }
    text += QLatin1String(": ");
    if (severity == Severity::Warning) text += QLatin1String("warning: ");
    if (!path.isEmpty()) text += path + QLatin1String(": ");
    text += message;
    if (!hint.isEmpty()) text += QLatin1String(" (hint: ") + hint + QLatin1Char(')');
    return text;
}

bool hasErrors(const Diagnostics &diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic &d) { return d.isError(); });
}

int errorCount(const Diagnostics &diagnostics) {
    return int(std::count_if(diagnostics.begin(), diagnostics.end(),
                             [](const Diagnostic &d) { return d.isError(); }));
}

void appendWithoutRepeats(Diagnostics &earlier, const Diagnostics &later) {
    const qsizetype existing = earlier.size();
    for (const Diagnostic &d : later) {
        const bool repeated =
            d.isError() && std::any_of(earlier.begin(), earlier.begin() + existing,
                                       [&](const Diagnostic &e) { return e.isError() && e.path == d.path; });
        if (!repeated) earlier.append(d);
    }
}

} // namespace gatehouse
