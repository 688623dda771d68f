#include "RequestHistory.h"

#include "document/ProjectDocument.h"
#include "io/LocalStateFolder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace gatehouse {

namespace {

constexpr qint64 kMaxFileBytes = 32 * 1024 * 1024;
const QLatin1String kFolder(".gatehouse");

} // namespace

RequestHistory::RequestHistory(QObject *parent)
    : QObject(parent) {}

QString RequestHistory::filePath(const QString &projectFolder) {
    return QDir(projectFolder).filePath(kFolder + QLatin1String("/history.json"));
}

void RequestHistory::follow(ProjectDocument *document) {
    connect(document, &ProjectDocument::projectReplaced, this,
            [this, document] { load(document->folder()); });
    // Save As: the history moves with the project (a new project's projectReplaced follows and loads).
    connect(document, &ProjectDocument::folderChanged, this, [this, document] {
        if (document->folder() == m_folder) return;
        m_folder = document->folder();
        if (!m_entries.isEmpty()) write(nullptr);
    });
    load(document->folder());
}

void RequestHistory::load(const QString &projectFolder) {
    m_folder = projectFolder;
    m_entries.clear();
    if (!projectFolder.isEmpty()) {
        QFile file(filePath(projectFolder));
        if (file.open(QIODevice::ReadOnly) && file.size() <= kMaxFileBytes) {
            // Anything that is not the expected shape is skipped: a history is a convenience, not data
            // worth refusing to open a project over.
            const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
            for (const QJsonValue &value : document.object().value(QStringLiteral("entries")).toArray()) {
                const QJsonObject o = value.toObject();
                if (!o.value(QStringLiteral("request")).isObject()) continue;
                HistoryEntry entry;
                entry.sentAt =
                    QDateTime::fromString(o.value(QStringLiteral("sentAt")).toString(), Qt::ISODateWithMs);
                entry.request = ComposerRequest::fromJson(o.value(QStringLiteral("request")).toObject());
                entry.status = o.value(QStringLiteral("status")).toInt();
                entry.elapsedMs = o.value(QStringLiteral("elapsedMs")).toInteger();
                m_entries.append(entry);
                if (m_entries.size() == kMaxEntries) break;
            }
        }
    }
    emit changed();
}

bool RequestHistory::add(const HistoryEntry &entry, QString *error) {
    m_entries.prepend(entry);
    while (m_entries.size() > kMaxEntries)
        m_entries.removeLast();
    emit changed();
    return write(error);
}

bool RequestHistory::clear(QString *error) {
    m_entries.clear();
    emit changed();
    return write(error);
}

bool RequestHistory::write(QString *error) const {
    if (m_folder.isEmpty()) return true;
    // The history holds tokens and passwords as typed: .gatehouse/ stays out of version control. A
    // .gitignore that cannot be written does not stop the history; a missing folder does.
    const QDir folder(m_folder);
    if (ensureLocalStateFolder(m_folder).isEmpty() && !folder.exists(kFolder)) {
        if (error) *error = tr("Cannot create %1").arg(folder.filePath(kFolder));
        return false;
    }
    QJsonArray entries;
    for (const HistoryEntry &entry : m_entries)
        entries.append(QJsonObject{{QStringLiteral("sentAt"), entry.sentAt.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("status"), entry.status},
                                   {QStringLiteral("elapsedMs"), entry.elapsedMs},
                                   {QStringLiteral("request"), entry.request.toJson()}});
    QSaveFile file(filePath(m_folder));
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    file.write(
        QJsonDocument(QJsonObject{{QStringLiteral("formatVersion"), 1}, {QStringLiteral("entries"), entries}})
            .toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error) *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

} // namespace gatehouse
