// The requests sent from the composer, most recent first and at most kMaxEntries, kept per project in
// <project folder>/.gatehouse/history.json (written atomically; a missing or unreadable file is an empty
// history). A project without a folder keeps its history in memory only.
#pragma once

#include "ComposerRequest.h"

#include <QDateTime>
#include <QObject>

namespace gatehouse {

struct HistoryEntry {
    QDateTime sentAt;
    ComposerRequest request;
    int status = 0; // 0: no response
    qint64 elapsedMs = 0;
};

class ProjectDocument;

class RequestHistory : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 200;

    explicit RequestHistory(QObject *parent = nullptr);

    // Loads the document's folder's history now and again whenever another project is opened; a
    // project saved to another folder takes its history along.
    void follow(ProjectDocument *document);
    // Reads the folder's history (empty for no folder, a missing or a corrupt file).
    void load(const QString &projectFolder);
    QString projectFolder() const { return m_folder; }
    static QString filePath(const QString &projectFolder);

    const QList<HistoryEntry> &entries() const { return m_entries; }
    // Puts the entry first, drops the oldest beyond kMaxEntries, and writes the file. False (with
    // `error`) when the file could not be written; the entry is still kept in memory.
    bool add(const HistoryEntry &entry, QString *error = nullptr);
    bool clear(QString *error = nullptr);

signals:
    void changed();

private:
    bool write(QString *error) const;

    QString m_folder;
    QList<HistoryEntry> m_entries;
};

} // namespace gatehouse
