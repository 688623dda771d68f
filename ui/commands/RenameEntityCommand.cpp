#include "RenameEntityCommand.h"

#include "EntityText.h"
#include "document/ProjectDocument.h"
#include "document/ProjectEdits.h"

namespace gatehouse {

RenameEntityCommand::RenameEntityCommand(ProjectDocument *document, const EntityRef &ref,
                                         const QString &newName)
    : ProjectSnapshotCommand(
          document, document->project(), ProjectEdits::renameEntity(document->project(), ref, newName),
          tr("Rename %1 \u201c%2\u201d to \u201c%3\u201d")
              .arg(EntityText::kindName(ref.kind), ProjectEdits::nameOf(document->project(), ref), newName)) {
}

} // namespace gatehouse
