#include "LogicalIds.h"

namespace gatehouse {

QString pascalCaseId(const QString &name) {
    QString id;
    bool startWord = true;
    for (const QChar c : name) {
        const bool alnum = c.isLetterOrNumber() && c.unicode() < 128;
        if (!alnum) {
            startWord = true;
            continue;
        }
        id += startWord ? c.toUpper() : c;
        startWord = false;
    }
    return id;
}

QString kebabCaseName(const QString &id) {
    QString name;
    for (qsizetype i = 0; i < id.size(); ++i) {
        const QChar c = id.at(i);
        if (c.isUpper() && i > 0 && (id.at(i - 1).isLower() || id.at(i - 1).isDigit()))
            name += QLatin1Char('-');
        name += c.toLower();
    }
    return name;
}

QString LogicalIdAllocator::allocate(const QString &name, const QString &suffix) {
    QString base = pascalCaseId(name);
    if (base.isEmpty()) base = suffix.isEmpty() ? QStringLiteral("Resource") : QString();
    if (!base.endsWith(suffix)) base += suffix;
    QString id = base;
    for (int n = 2; m_used.contains(id); ++n)
        id = base + QString::number(n);
    m_used.insert(id);
    return id;
}

bool LogicalIdAllocator::reserve(const QString &id) {
    if (m_used.contains(id)) return false;
    m_used.insert(id);
    return true;
}

QString defaultNameForId(NamedKind kind, const QString &id) {
    return kind == NamedKind::Bucket ? kebabCaseName(id) : id;
}

} // namespace gatehouse
