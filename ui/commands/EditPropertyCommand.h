// One edit made in the property editor. Consecutive edits of the same field merge into one undo
// step, so typing a word and pressing Ctrl+Z takes the whole word back, not its last letter.
#pragma once

#include "ProjectSnapshotCommand.h"

namespace gatehouse {

class EditPropertyCommand : public ProjectSnapshotCommand {
public:
    // `mergeKey` names the field and the editing session ("functions[1]|memoryMB|7"): commands with
    // equal keys merge. The property editor starts a new session when a field's editing finishes.
    EditPropertyCommand(ProjectDocument *document, Project before, Project after, const QString &text,
                        const QString &mergeKey);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const QString &mergeKey() const { return m_mergeKey; }

private:
    QString m_mergeKey;
};

} // namespace gatehouse
