#include "ExportReport.h"

#include "io/ObjectReader.h"

namespace gatehouse {

namespace {
Diagnostic make(Diagnostic::Severity severity, const QString &file, const QString &path,
                const QString &message, const QString &hint) {
    Diagnostic d;
    d.severity = severity;
    d.file = file;
    d.path = path;
    d.message = message;
    d.hint = hint;
    return d;
}
} // namespace

void ExportReport::warning(const QString &path, const QString &message, const QString &hint) {
    m_diagnostics.append(make(Diagnostic::Severity::Warning, m_fileName, path, message, hint));
}

void ExportReport::error(const QString &path, const QString &message, const QString &hint) {
    m_diagnostics.append(make(Diagnostic::Severity::Error, m_fileName, path, message, hint));
}

QString elementPath(const char *list, qsizetype index) {
    return jsonPathIndex(QString::fromLatin1(list), index);
}

QString elementPath(const QString &parent, const char *list, qsizetype index) {
    return jsonPathIndex(jsonPathChild(parent, list), index);
}

QString fieldPath(const QString &element, const char *field) {
    return jsonPathChild(element, field);
}

} // namespace gatehouse
