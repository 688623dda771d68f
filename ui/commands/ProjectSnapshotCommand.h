// An undoable edit stored as the whole project value before and after it: undo and redo hand one
// of the two to ProjectDocument::setProject, so undo is exact whatever the edit touched.
#pragma once

#include "project/Project.h"

#include <QUndoCommand>

namespace gatehouse {

class ProjectDocument;

class ProjectSnapshotCommand : public QUndoCommand {
public:
    ProjectSnapshotCommand(ProjectDocument *document, Project before, Project after, const QString &text);

    void undo() override;
    void redo() override;

    const Project &before() const { return m_before; }
    const Project &after() const { return m_after; }

protected:
    // For commands that absorb a later edit (QUndoCommand::mergeWith): the merged command ends where
    // the later one did, and becomes obsolete when that is where it started.
    void setAfter(Project after);

private:
    ProjectDocument *m_document;
    // Project lists are implicitly shared, so two snapshots cost little more than what changed.
    Project m_before;
    Project m_after;
};

} // namespace gatehouse
