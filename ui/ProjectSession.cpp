#include "ProjectSession.h"

#include "DialogSeams.h"
#include "RecentProjects.h"
#include "document/ProjectDocument.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUndoStack>

namespace gatehouse {

namespace {

// Save As moves the design to another folder; the functions' code must come along or every
// codeUri would dangle. Files already in the target are kept: they are the user's.
void copyFunctionCode(const Project &project, const QString &fromFolder, const QString &toFolder) {
    const QDir from(fromFolder);
    const QDir to(toFolder);
    for (const Function &function : project.functions) {
        if (function.codeUri.isEmpty() || QDir::isAbsolutePath(function.codeUri)) continue;
        const QString source = QDir::cleanPath(from.filePath(function.codeUri));
        if (!source.startsWith(from.absolutePath()) || !QFileInfo(source).isDir()) continue;
        QDirIterator it(source, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            const QString target = to.filePath(from.relativeFilePath(file));
            if (QFileInfo::exists(target)) continue;
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile::copy(file, target);
        }
    }
}

} // namespace

ProjectSession::ProjectSession(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_document(new ProjectDocument(this))
    , m_undoStack(new QUndoStack(this)) {
    // Another project means another history: undoing into the previous project would be nonsense.
    connect(m_document, &ProjectDocument::projectReplaced, m_undoStack, &QUndoStack::clear);
}

QString ProjectSession::displayName() const {
    if (!m_document->project().name.isEmpty()) return m_document->project().name;
    if (m_document->hasFolder()) return QDir(m_document->folder()).dirName();
    return tr("Untitled project");
}

bool ProjectSession::newProject() {
    if (!maybeSave()) return false;
    m_document->reset(Project{});
    emit statusMessage(tr("New project"));
    return true;
}

bool ProjectSession::open(const QString &path) {
    if (!maybeSave()) return false;
    Diagnostics diagnostics;
    if (!m_document->open(path, &diagnostics)) {
        emit openFailed(path, diagnostics);
        const QString reason = diagnostics.isEmpty() ? tr("unknown error") : diagnostics.first().toString();
        DialogSeams::notify(
            m_window, QMessageBox::Warning, tr("Cannot Open Project"),
            tr("Gatehouse could not open \u201c%1\u201d:\n\n%2\n\nThe Diagnostics panel lists "
               "the details.")
                .arg(QDir::toNativeSeparators(path), reason));
        return false;
    }
    RecentProjects::add(m_document->folder());
    emit opened(m_document->folder());
    emit statusMessage(tr("Opened %1").arg(QDir::toNativeSeparators(m_document->folder())));
    return true;
}

bool ProjectSession::openWithDialog() {
    const QString start = m_document->hasFolder()
                              ? QFileInfo(m_document->folder()).absolutePath()
                              : QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    const QString file = DialogSeams::openFileName(m_window, tr("Open Project"), start,
                                                   tr("Gatehouse projects (gatehouse.json);;All files (*)"));
    return !file.isEmpty() && open(file);
}

bool ProjectSession::save() {
    if (!m_document->hasFolder()) return saveAs();
    if (!confirmReplacingInvalidValues()) return false;
    QString error;
    if (!m_document->save(&error)) {
        reportSaveError(error);
        return false;
    }
    m_undoStack->setClean();
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->folder())));
    return true;
}

bool ProjectSession::saveAs() {
    const QString start = m_document->hasFolder()
                              ? QFileInfo(m_document->folder()).absolutePath()
                              : QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    const QString folder = DialogSeams::existingFolder(m_window, tr("Save Project in Folder"), start);
    return !folder.isEmpty() && saveAs(folder);
}

bool ProjectSession::saveAs(const QString &folder) {
    const QString target = QFileInfo(folder).absoluteFilePath();
    const bool sameFolder = m_document->hasFolder() && QDir(target) == QDir(m_document->folder());
    if (!sameFolder && QFileInfo::exists(QDir(target).filePath(QStringLiteral("gatehouse.json")))) {
        const auto answer =
            DialogSeams::question(m_window, tr("Replace Project?"),
                                  tr("\u201c%1\u201d already holds a Gatehouse project. Replace its "
                                     "gatehouse.json with this project?")
                                      .arg(QDir::toNativeSeparators(target)),
                                  QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Save) return false;
    }
    if (!confirmReplacingInvalidValues()) return false;
    if (m_document->hasFolder() && !sameFolder)
        copyFunctionCode(m_document->project(), m_document->folder(), target);
    QString error;
    if (!m_document->saveAs(target, &error)) {
        reportSaveError(error);
        return false;
    }
    m_undoStack->setClean();
    RecentProjects::add(target);
    emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(target)));
    return true;
}

bool ProjectSession::maybeSave() {
    if (m_beforeReplace && !m_beforeReplace()) return false;
    if (!m_document->isModified()) return true;
    const auto answer = DialogSeams::question(m_window, tr("Unsaved Changes"),
                                              tr("Do you want to save the changes you made to "
                                                 "\u201c%1\u201d?\n\nYour changes are lost if you do not "
                                                 "save them.")
                                                  .arg(displayName()),
                                              QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                              QMessageBox::Save);
    if (answer == QMessageBox::Save) return save();
    return answer == QMessageBox::Discard;
}

bool ProjectSession::confirmReplacingInvalidValues() {
    // Values of the wrong type were replaced by defaults when the file was read; saving makes that
    // permanent, so the user decides.
    const int invalid = errorCount(m_document->loadDiagnostics());
    if (invalid == 0) return true;
    const auto answer = DialogSeams::question(
        m_window, tr("Replace Invalid Values?"),
        tr("Saving will replace %n invalid value(s) in the project file with the defaults Gatehouse used "
           "instead. The Diagnostics panel lists them.\n\nSave anyway?",
           "", invalid),
        QMessageBox::Save | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Save;
}

void ProjectSession::reportSaveError(const QString &error) {
    DialogSeams::notify(m_window, QMessageBox::Critical, tr("Cannot Save Project"),
                        tr("The project could not be saved:\n\n%1").arg(error));
}

} // namespace gatehouse
