// Shared plumbing of the project validator (see ValidationContext.h).
#include "ValidationContext.h"

#include "io/ObjectReader.h"

#include <QCoreApplication>
#include <QHash>
#include <algorithm>
#include <limits>

namespace gatehouse::validation {

void Reporter::error(const QString &path, const QString &message, const QString &hint) {
    add(Diagnostic::Severity::Error, path, message, hint);
}

void Reporter::warning(const QString &path, const QString &message, const QString &hint) {
    add(Diagnostic::Severity::Warning, path, message, hint);
}

void Reporter::add(Diagnostic::Severity severity, const QString &path, const QString &message,
                   const QString &hint) {
    Diagnostic d;
    d.severity = severity;
    d.file = m_options.fileName;
    d.path = path;
    d.message = message;
    d.hint = hint;
    m_diagnostics.append(d);
}

QString at(const QString &parent, const char *key) {
    return jsonPathChild(parent, key);
}
QString at(const QString &parent, const QString &key) {
    return jsonPathChild(parent, key.toUtf8().constData());
}
QString at(const QString &parent, qsizetype index) {
    return jsonPathIndex(parent, index);
}

int editDistance(const QString &a, const QString &b) {
    const QString x = a.toCaseFolded();
    const QString y = b.toCaseFolded();
    QList<int> previous(y.size() + 1);
    QList<int> current(y.size() + 1);
    for (qsizetype j = 0; j <= y.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= x.size(); ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= y.size(); ++j) {
            const int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[y.size()];
}

QString quotedList(const QStringList &items) {
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(QLatin1Char('\'') + item + QLatin1Char('\''));
    return quoted.join(QLatin1String(", "));
}

QString referenceHint(const QString &wanted, const QStringList &available) {
    QStringList names = available;
    names.removeAll(QString());
    names.removeDuplicates();
    if (names.isEmpty())
        return QCoreApplication::translate("gatehouse::Validation",
                                           "there is none in the project yet; add it first");
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const QString &name : std::as_const(names)) {
        const int distance = editDistance(wanted, name);
        if (distance < bestDistance) {
            best = name;
            bestDistance = distance;
        }
    }
    // A third of the name's length catches typos and case slips without suggesting unrelated names.
    const int allowed = std::max<int>(1, int(wanted.size()) / 3);
    if (!wanted.isEmpty() && bestDistance <= allowed)
        return QCoreApplication::translate("gatehouse::Validation", "did you mean '%1'?").arg(best);
    const bool more = names.size() > 5;
    const QString list = quotedList(names.mid(0, 5)) + (more ? QStringLiteral(", …") : QString());
    return QCoreApplication::translate("gatehouse::Validation", "available: %1").arg(list);
}

void checkUniqueNames(Reporter &reporter, const QStringList &names,
                      const std::function<QString(qsizetype)> &pathOf, Diagnostic::Severity severity) {
    QHash<QString, qsizetype> first;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString &name = names[i];
        if (name.isEmpty()) continue;
        const auto it = first.constFind(name);
        if (it == first.constEnd()) {
            first.insert(name, i);
            continue;
        }
        const QString message =
            QCoreApplication::translate("gatehouse::Validation", "name '%1' is already used by %2")
                .arg(name, pathOf(*it));
        const QString hint =
            QCoreApplication::translate("gatehouse::Validation", "names must be unique; rename one");
        if (severity == Diagnostic::Severity::Error)
            reporter.error(at(pathOf(i), "name"), message, hint);
        else
            reporter.warning(at(pathOf(i), "name"), message, hint);
    }
}

bool checkRange(Reporter &reporter, const QString &objectPath, const char *key, qint64 value, qint64 min,
                qint64 max, const QString &hint) {
    if (value >= min && value <= max) return true;
    reporter.error(
        at(objectPath, key),
        QCoreApplication::translate("gatehouse::Validation", "%1 must be between %2 and %3, found %4")
            .arg(QString::fromUtf8(key))
            .arg(min)
            .arg(max)
            .arg(value),
        hint);
    return false;
}

void checkThrottle(Reporter &reporter, const ThrottleSettings &throttle, const QString &path) {
    if (throttle.rateLimit && *throttle.rateLimit < 0)
        reporter.error(
            at(path, "rateLimit"),
            QCoreApplication::translate("gatehouse::Validation", "rateLimit cannot be negative (%1)")
                .arg(*throttle.rateLimit),
            QCoreApplication::translate("gatehouse::Validation", "use 0 or more requests per second"));
    if (throttle.burstLimit && *throttle.burstLimit < 0)
        reporter.error(
            at(path, "burstLimit"),
            QCoreApplication::translate("gatehouse::Validation", "burstLimit cannot be negative (%1)")
                .arg(*throttle.burstLimit),
            QCoreApplication::translate("gatehouse::Validation", "use 0 or more requests"));
    // The token bucket holds `burst` tokens: with none, no request can ever take one.
    if (throttle.burstLimit && *throttle.burstLimit == 0 && throttle.rateLimit && *throttle.rateLimit > 0)
        reporter.warning(
            at(path, "burstLimit"),
            QCoreApplication::translate("gatehouse::Validation",
                                        "burstLimit 0 with a rateLimit above 0 throttles every request"),
            QCoreApplication::translate("gatehouse::Validation", "set burstLimit to at least the rateLimit"));
}

QStringList functionNames(const Project &project) {
    QStringList names;
    for (const Function &f : project.functions)
        names.append(f.name);
    return names;
}

bool checkFunctionReference(Reporter &reporter, const Project &project, const QString &path,
                            const QString &name) {
    if (name.isEmpty()) {
        reporter.error(path, QCoreApplication::translate("gatehouse::Validation", "no function is set"),
                       referenceHint(name, functionNames(project)));
        return false;
    }
    if (project.findFunction(name)) return true;
    reporter.error(
        path,
        QCoreApplication::translate("gatehouse::Validation", "references unknown function '%1'").arg(name),
        referenceHint(name, functionNames(project)));
    return false;
}

} // namespace gatehouse::validation
