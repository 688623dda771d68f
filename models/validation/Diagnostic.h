// A problem found in a project, located by file, JSON path (and line/column for syntax errors),
// with a hint on how to fix it. Errors are values: loaders and validators return lists of these.
#pragma once

#include <QList>
#include <QString>

namespace gatehouse {

struct Diagnostic {
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    QString file;   // e.g. "gatehouse.json"
    QString path;   // JSON path, e.g. "apis[0].routes[2].path"; empty for whole-file problems
    int line = 0;   // 1-based; 0 when unknown
    int column = 0; // 1-based; 0 when unknown
    QString message;
    QString hint;

    bool isError() const { return severity == Severity::Error; }
    // "gatehouse.json: apis[0].routes[2].path: '{id' has an unclosed '{' (hint: ...)"
    QString toString() const;
    bool operator==(const Diagnostic &) const = default;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
int errorCount(const Diagnostics &diagnostics);
// Appends `later` to `earlier`, leaving out errors at a path where `earlier` already has an error: the
// file reader and the validator both notice a missing required field, and one report is enough.
void appendWithoutRepeats(Diagnostics &earlier, const Diagnostics &later);

} // namespace gatehouse
