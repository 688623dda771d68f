#include "ProjectDocument.h"

#include "validation/ProjectValidator.h"

namespace gatehouse {

namespace {

template <typename T>
void diffList(const QList<T> &before, const QList<T> &after, EntityKind kind, ProjectChange &out) {
    if (before.size() != after.size()) {
        out.structureChanged = true;
        return;
    }
    for (qsizetype i = 0; i < before.size(); ++i)
        if (!(before[i] == after[i])) out.changed.append({kind, int(i), -1});
}

} // namespace

ProjectChange diffProjects(const Project &before, const Project &after) {
    ProjectChange change;
    diffList(before.functions, after.functions, EntityKind::Function, change);
    diffList(before.authorizers, after.authorizers, EntityKind::Authorizer, change);
    diffList(before.buckets, after.buckets, EntityKind::Bucket, change);
    diffList(before.schedules, after.schedules, EntityKind::Schedule, change);
    diffList(before.queues, after.queues, EntityKind::Queue, change);
    diffList(before.requests, after.requests, EntityKind::Request, change);
    if (before.apis.size() != after.apis.size()) {
        change.structureChanged = true;
    } else {
        for (qsizetype i = 0; i < before.apis.size(); ++i) {
            const Api &a = before.apis[i];
            const Api &b = after.apis[i];
            if (a == b) continue;
            if (a.routes.size() != b.routes.size() || a.stages.size() != b.stages.size()) {
                change.structureChanged = true;
                continue;
            }
            for (qsizetype r = 0; r < a.routes.size(); ++r)
                if (!(a.routes[r] == b.routes[r])) change.changed.append({EntityKind::Route, int(i), int(r)});
            for (qsizetype s = 0; s < a.stages.size(); ++s)
                if (!(a.stages[s] == b.stages[s])) change.changed.append({EntityKind::Stage, int(i), int(s)});
            Api aShell = a, bShell = b;
            aShell.routes.clear(), aShell.stages.clear(), bShell.routes.clear(), bShell.stages.clear();
            if (!(aShell == bShell)) change.changed.append({EntityKind::Api, int(i), -1});
        }
    }
    if (before.name != after.name || before.description != after.description ||
        before.settings != after.settings || before.environments != after.environments ||
        before.unknown != after.unknown || before.formatVersion != after.formatVersion)
        change.changed.append({EntityKind::Project, -1, -1});
    return change;
}

ProjectDocument::ProjectDocument(QObject *parent)
    : QObject(parent) {
    revalidate();
}

bool ProjectDocument::open(const QString &path, Diagnostics *diagnostics) {
    ProjectFile::LoadResult loaded = ProjectFile::load(path);
    if (diagnostics) *diagnostics = loaded.diagnostics;
    if (!loaded.readable) return false;
    m_loadDiagnostics = loaded.diagnostics;
    m_project = loaded.project;
    m_folder = loaded.folder;
    setSaved(m_project);
    revalidate();
    emit folderChanged(m_folder);
    emit projectReplaced();
    return true;
}

void ProjectDocument::reset(const Project &project, const QString &folder) {
    m_loadDiagnostics.clear();
    m_project = project;
    m_folder = folder;
    setSaved(folder.isEmpty() ? Project{} : project);
    revalidate();
    emit folderChanged(m_folder);
    emit projectReplaced();
}

bool ProjectDocument::save(QString *errorMessage) {
    if (m_folder.isEmpty()) {
        if (errorMessage) *errorMessage = tr("the project has no folder yet; use Save As");
        return false;
    }
    if (!ProjectFile::save(m_project, m_folder, errorMessage)) return false;
    // What was wrong in the file as loaded has now been replaced by what the model holds.
    m_loadDiagnostics.clear();
    setSaved(m_project);
    revalidate();
    return true;
}

bool ProjectDocument::saveAs(const QString &folder, QString *errorMessage) {
    if (!ProjectFile::save(m_project, folder, errorMessage)) return false;
    m_folder = folder;
    m_loadDiagnostics.clear();
    setSaved(m_project);
    revalidate();
    emit folderChanged(m_folder);
    return true;
}

void ProjectDocument::setProject(const Project &project) {
    const ProjectChange change = diffProjects(m_project, project);
    if (change.isEmpty()) return;
    const bool wasModified = isModified();
    m_project = project;
    revalidate();
    emit changed(change);
    if (wasModified != isModified()) emit modifiedChanged(isModified());
}

void ProjectDocument::setSaved(const Project &saved) {
    const bool wasModified = isModified();
    m_savedProject = saved;
    if (wasModified != isModified()) emit modifiedChanged(isModified());
}

void ProjectDocument::revalidate() {
    ValidationOptions options;
    options.projectFolder = m_folder;
    m_diagnostics = m_loadDiagnostics;
    appendWithoutRepeats(m_diagnostics, validateProject(m_project, options));
    emit diagnosticsChanged();
}

} // namespace gatehouse
