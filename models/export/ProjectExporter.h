// The one entry point the GUI and the CLI call to export a project: picks the format's exporter and
// returns its files and warnings. UI-free; writing the files is the caller's job.
#pragma once

#include "ExportFormat.h"
#include "project/Project.h"

namespace gatehouse {

ExportResult exportProject(const Project &project, ExportFormat format, const ExportOptions &options = {});

} // namespace gatehouse
