#include "EditPropertyCommand.h"

namespace gatehouse {

namespace {
// QUndoStack only offers commands with the same id to mergeWith; the key decides the rest.
constexpr int kEditPropertyId = 0x70726f70; // "prop"
} // namespace

EditPropertyCommand::EditPropertyCommand(ProjectDocument *document, Project before, Project after,
                                         const QString &text, const QString &mergeKey)
    : ProjectSnapshotCommand(document, std::move(before), std::move(after), text)
    , m_mergeKey(mergeKey) {}

int EditPropertyCommand::id() const {
    return kEditPropertyId;
}

bool EditPropertyCommand::mergeWith(const QUndoCommand *other) {
    const auto *next = dynamic_cast<const EditPropertyCommand *>(other);
    // Only a direct continuation merges: the later edit must start where this one ended.
    if (!next || next->m_mergeKey != m_mergeKey || !(next->before() == after())) return false;
    setAfter(next->after());
    return true;
}

} // namespace gatehouse
