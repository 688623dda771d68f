#include "DeleteEntityCommand.h"

#include "EntityText.h"
#include "document/ProjectDocument.h"
#include "document/ProjectEdits.h"

namespace gatehouse {

DeleteEntityCommand::DeleteEntityCommand(ProjectDocument *document, const EntityRef &ref)
    : ProjectSnapshotCommand(
          document, document->project(), ProjectEdits::removeEntity(document->project(), ref),
          tr("Delete %1 \u201c%2\u201d")
              .arg(EntityText::kindName(ref.kind), ProjectEdits::nameOf(document->project(), ref))) {}

} // namespace gatehouse
