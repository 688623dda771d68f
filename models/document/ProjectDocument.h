// The single owner of the open project: holds the model, knows its folder and whether it differs
// from what is on disk, re-validates after every change and tells listeners precisely what changed.
// Edits arrive as whole new project values (from undo commands in ui/commands), which keeps undo
// trivially correct; the document computes which entities differ and announces only those.
#pragma once

#include "EntityRef.h"
#include "io/ProjectFile.h"
#include "project/Project.h"
#include "validation/Diagnostic.h"

#include <QObject>

namespace gatehouse {

struct ProjectChange {
    QList<EntityRef> changed;      // entities whose content differs (same position, same list size)
    bool structureChanged = false; // an entity was added, removed or moved: lists changed size/order
    bool isEmpty() const { return changed.isEmpty() && !structureChanged; }
};

// The differences between two project values, in the terms of EntityRef.
ProjectChange diffProjects(const Project &before, const Project &after);

class ProjectDocument : public QObject {
    Q_OBJECT
public:
    explicit ProjectDocument(QObject *parent = nullptr);

    const Project &project() const { return m_project; }
    QString folder() const { return m_folder; }
    bool hasFolder() const { return !m_folder.isEmpty(); }
    bool isModified() const { return m_project != m_savedProject; }
    // Problems found while reading the file (type errors, unknown keys) plus validation results.
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    const Diagnostics &loadDiagnostics() const { return m_loadDiagnostics; }

    // Replaces everything (File > Open/New). Returns false, leaving the document untouched, when the
    // file cannot be read at all; `diagnostics` then says why.
    bool open(const QString &path, Diagnostics *diagnostics = nullptr);
    void reset(const Project &project, const QString &folder = {});
    bool save(QString *errorMessage = nullptr);
    bool saveAs(const QString &folder, QString *errorMessage = nullptr);

    // Validates again: files on disk (handler files, code folders) changed behind the model's back.
    void refreshDiagnostics() { revalidate(); }

    // Applies an edit. Used by undo commands with the before/after values they hold.
    void setProject(const Project &project);

signals:
    void projectReplaced();
    void changed(const gatehouse::ProjectChange &change);
    void modifiedChanged(bool modified);
    void folderChanged(const QString &folder);
    void diagnosticsChanged();

private:
    void revalidate();
    void setSaved(const Project &saved);

    Project m_project;
    Project m_savedProject;
    QString m_folder;
    Diagnostics m_loadDiagnostics;
    Diagnostics m_diagnostics;
};

} // namespace gatehouse

Q_DECLARE_METATYPE(gatehouse::ProjectChange)
