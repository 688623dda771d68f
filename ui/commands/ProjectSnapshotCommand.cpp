#include "ProjectSnapshotCommand.h"

#include "document/ProjectDocument.h"

namespace gatehouse {

ProjectSnapshotCommand::ProjectSnapshotCommand(ProjectDocument *document, Project before, Project after,
                                               const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after)) {
    // An edit that changes nothing should not appear in the undo history.
    if (m_before == m_after) setObsolete(true);
}

void ProjectSnapshotCommand::setAfter(Project after) {
    m_after = std::move(after);
    setObsolete(m_before == m_after);
}

void ProjectSnapshotCommand::undo() {
    m_document->setProject(m_before);
}
void ProjectSnapshotCommand::redo() {
    m_document->setProject(m_after);
}

} // namespace gatehouse
