// Warns about the keys of gatehouse.json that this version does not understand: they are kept in the
// project file, but no exporter can know what they mean, so every export names them.
#pragma once

#include "ExportReport.h"
#include "project/Project.h"

namespace gatehouse {

// Design = functions, APIs, authorizers, storage, schedules (SAM, OpenAPI, serverless.yml);
// Requests = saved requests and environments (Postman).
enum class UnknownFieldScope { Design, Requests };

void warnAboutUnknownFields(const Project &project, const QString &formatTitle, UnknownFieldScope scope,
                            ExportReport &report);

} // namespace gatehouse
