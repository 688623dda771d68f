// Exports a project as an AWS SAM template (template.yaml) that passes the official SAM schema, plus
// the generated wrappers that let embedded-JavaScript functions run on Lambda's Node.js runtime.
#pragma once

#include "export/ExportFormat.h"
#include "project/Project.h"

namespace gatehouse {

inline constexpr auto kSamTemplateFile = "template.yaml";

ExportResult exportSam(const Project &project, const ExportOptions &options);

} // namespace gatehouse
