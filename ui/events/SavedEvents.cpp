#include "SavedEvents.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

namespace gatehouse {

namespace {
constexpr int kMaxNameLength = 25;
constexpr qint64 kMaxEventBytes = 6 * 1024 * 1024; // a synchronous invocation's payload limit
const QString kSuffix = QStringLiteral(".json");
} // namespace

SavedEvents::SavedEvents(const QString &projectFolder)
    : m_folder(projectFolder) {}

QString SavedEvents::nameProblem(const QString &name) {
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (name.isEmpty()) return tr("Give the event a name.");
    if (name.size() > kMaxNameLength)
        return tr("An event name has at most %1 characters.").arg(kMaxNameLength);
    if (!allowed.match(name).hasMatch())
        return tr("An event name may use letters, digits, dots, hyphens and underscores only.");
    if (name.startsWith(QLatin1Char('.'))) return tr("An event name may not start with a dot.");
    return {};
}

QString SavedEvents::folderOf(const QString &function) const {
    return QDir(m_folder).filePath(QStringLiteral(".gatehouse/events/") + function);
}

QString SavedEvents::pathOf(const QString &function, const QString &name) const {
    return QDir(folderOf(function)).filePath(name + kSuffix);
}

QStringList SavedEvents::names(const QString &function) const {
    QStringList names;
    if (m_folder.isEmpty() || function.isEmpty()) return names;
    const QDir dir(folderOf(function));
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString name = file.chopped(kSuffix.size());
        if (nameProblem(name).isEmpty()) names.append(name);
    }
    return names;
}

std::optional<QByteArray> SavedEvents::read(const QString &function, const QString &name,
                                            QString *error) const {
    QFile file(pathOf(function, name));
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("Could not read %1: %2").arg(file.fileName(), file.errorString());
        return std::nullopt;
    }
    if (file.size() > kMaxEventBytes) {
        if (error) *error = tr("%1 is larger than an invocation's 6 MB payload limit.").arg(file.fileName());
        return std::nullopt;
    }
    return file.readAll();
}

bool SavedEvents::write(const QString &function, const QString &name, const QByteArray &json,
                        QString *error) const {
    const QString problem = nameProblem(name);
    if (!problem.isEmpty()) {
        if (error) *error = problem;
        return false;
    }
    if (!QDir().mkpath(folderOf(function))) {
        if (error) *error = tr("Could not create the folder %1.").arg(folderOf(function));
        return false;
    }
    QSaveFile file(pathOf(function, name));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        if (error) *error = tr("Could not write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

bool SavedEvents::remove(const QString &function, const QString &name, QString *error) const {
    QFile file(pathOf(function, name));
    if (!file.remove()) {
        if (error) *error = tr("Could not delete %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace gatehouse
