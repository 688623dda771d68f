#include "AddFunctionCommand.h"

#include "document/ProjectDocument.h"
#include "document/ProjectEdits.h"

namespace gatehouse {

namespace {
Project withNewFunction(Project project) {
    project.functions.append(AddFunctionCommand::newFunction(project));
    return project;
}
} // namespace

AddFunctionCommand::AddFunctionCommand(ProjectDocument *document)
    : ProjectSnapshotCommand(document, document->project(), withNewFunction(document->project()),
                             tr("Add function \u201c%1\u201d").arg(newFunction(document->project()).name))
    , m_added{EntityKind::Function, int(document->project().functions.size()), -1} {}

Function AddFunctionCommand::newFunction(const Project &project) {
    Function function;
    // Function names are identifiers in code and URLs, so the default stays ASCII in every language.
    function.name = ProjectEdits::uniqueName(ProjectEdits::namesOf(project, EntityKind::Function),
                                             QStringLiteral("newFunction"));
    function.codeUri = QStringLiteral("functions/") + function.name;
    return function;
}

} // namespace gatehouse
