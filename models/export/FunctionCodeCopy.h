// Adds the functions' code folders to an export (SAM and serverless.yml deploy them beside the
// template), once per folder, with a warning for a folder that cannot be read.
#pragma once

#include "ExportFormat.h"
#include "ExportReport.h"
#include "project/Project.h"

namespace gatehouse {

void appendFunctionCode(const Project &project, const ExportOptions &options, ExportReport &report,
                        QList<ExportedFile> &files);

} // namespace gatehouse
