// Collects the diagnostics of one export or import run: each names the project element it concerns
// (its JSON path in gatehouse.json, or the path in the foreign file) so the GUI can point at it.
#pragma once

#include "validation/Diagnostic.h"

namespace gatehouse {

class ExportReport {
public:
    explicit ExportReport(QString fileName)
        : m_fileName(std::move(fileName)) {}

    void warning(const QString &path, const QString &message, const QString &hint = {});
    void error(const QString &path, const QString &message, const QString &hint = {});
    void add(Diagnostic diagnostic) { m_diagnostics.append(std::move(diagnostic)); }
    const QString &fileName() const { return m_fileName; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    Diagnostics takeDiagnostics() { return std::move(m_diagnostics); }

private:
    QString m_fileName;
    Diagnostics m_diagnostics;
};

// "functions[2]", "apis[0].routes[1]": the JSON paths the validator uses for the same elements.
QString elementPath(const char *list, qsizetype index);
QString elementPath(const QString &parent, const char *list, qsizetype index);
QString fieldPath(const QString &element, const char *field);

} // namespace gatehouse
