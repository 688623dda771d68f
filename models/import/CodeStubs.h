// Placeholder handler code for imported functions whose code is not available (an OpenAPI document
// names functions only by ARN; a SAM template's CodeUri may point elsewhere), so the imported project
// runs at once and answers "501 not implemented" until the real code is added.
#pragma once

#include "ImportFormat.h"

#include <optional>

namespace gatehouse {

// The stub for a function with this runtime and handler, at `codeUri`/<newHandlerFileName>: the runtime's
// handler template (code/HandlerTemplate.h) answering 501. nullopt for runtimes Gatehouse cannot write a
// stub for (provided.*, java, dotnet, ...) and handlers that name no file.
std::optional<ImportedFile> codeStub(const Function &function);

} // namespace gatehouse
