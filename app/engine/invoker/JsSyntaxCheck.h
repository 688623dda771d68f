// Names the modern JavaScript constructs that QJSEngine 6.4 cannot parse, to turn a SyntaxError into advice.
#pragma once

#include <QList>
#include <QString>

namespace gatehouse {

struct UnsupportedSyntax {
    QString construct; // "async functions (async/await)", "object spread/rest ({...o})", ...
    int line = 0;      // 1-based
    bool operator==(const UnsupportedSyntax &) const = default;
};

// Scans `source` (comments, strings and regular expressions skipped) for syntax QJSEngine 6.4 rejects:
// async functions, top-level await, object spread/rest, class fields, #private members, optional catch
// binding, logical assignment, numeric separators, BigInt literals, dynamic import() and the regular
// expression s flag. One entry per construct (its first occurrence), in source order. A heuristic: it
// runs only after the engine has already reported a SyntaxError, to say why.
QList<UnsupportedSyntax> findUnsupportedSyntax(const QString &source);

// "The embedded javascript runtime (QJSEngine, about ES2016) does not support async functions
// (async/await) (line 3). Switch the function to the nodejs20.x runtime, or compile the code to ES2016
// (esbuild --target=es2016)." Empty when `found` is empty.
QString unsupportedSyntaxAdvice(const QList<UnsupportedSyntax> &found);

} // namespace gatehouse
