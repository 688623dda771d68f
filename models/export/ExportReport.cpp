#include "ExportReport.h"

#include "io/ObjectReader.h"

namespace gatehouse {

void ExportReport::warning(const QString &path, const QString &message, const QString &hint) {
    m_diagnostics.append(Diagnostic{.severity = Diagnostic::Severity::Warning,
                                    .file = m_fileName,
                                    .path = path,
                                    .message = message,
                                    .hint = hint});
}

void ExportReport::error(const QString &path, const QString &message, const QString &hint) {
    m_diagnostics.append(Diagnostic{.severity = Diagnostic::Severity::Error,
                                    .file = m_fileName,
                                    .path = path,
                                    .message = message,
                                    .hint = hint});
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
