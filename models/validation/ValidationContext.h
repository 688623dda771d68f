// Shared plumbing of the project validator: where its diagnostics go, JSON path helpers, "did you
// mean" hints for references and the checks several parts of a project share (names, ranges,
// throttling). Internal to models/validation.
#pragma once

#include "Diagnostic.h"
#include "ProjectValidator.h"

#include <QStringList>
#include <functional>

namespace gatehouse::validation {

class Reporter {
public:
    explicit Reporter(const ValidationOptions &options)
        : m_options(options) {}

    const ValidationOptions &options() const { return m_options; }
    void error(const QString &path, const QString &message, const QString &hint = {});
    void warning(const QString &path, const QString &message, const QString &hint = {});
    const Diagnostics &diagnostics() const { return m_diagnostics; }

private:
    void add(Diagnostic::Severity severity, const QString &path, const QString &message, const QString &hint);

    const ValidationOptions &m_options;
    Diagnostics m_diagnostics;
};

// "apis[0]" + "routes" -> "apis[0].routes"; "routes" + 2 -> "routes[2]" (same form as the reader's paths).
QString at(const QString &parent, const char *key);
QString at(const QString &parent, const QString &key);
QString at(const QString &parent, qsizetype index);

// Levenshtein distance, counting a change of letter case as no change at all.
int editDistance(const QString &a, const QString &b);
// Hint for a reference to `wanted` that matches nothing: "did you mean 'x'?" when a close name exists,
// else the first names available, else a note that there is nothing to refer to yet.
QString referenceHint(const QString &wanted, const QStringList &available);
// "'a', 'b', 'c'"
QString quotedList(const QStringList &items);

// Reports each name used a second time (empty names are left to the "name required" checks).
void checkUniqueNames(Reporter &reporter, const QStringList &names,
                      const std::function<QString(qsizetype)> &pathOf,
                      Diagnostic::Severity severity = Diagnostic::Severity::Error);

// Errors unless min <= value <= max; the message names the JSON key, the hint explains the limit.
bool checkRange(Reporter &reporter, const QString &objectPath, const char *key, qint64 value, qint64 min,
                qint64 max, const QString &hint);

// Rate and burst limits, wherever they appear (API, stage, route, usage plan).
void checkThrottle(Reporter &reporter, const ThrottleSettings &throttle, const QString &path);

// A reference to a function by name: required and must exist.
bool checkFunctionReference(Reporter &reporter, const Project &project, const QString &path,
                            const QString &name);

QStringList functionNames(const Project &project);

} // namespace gatehouse::validation
