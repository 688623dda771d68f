// Imports an AWS SAM (or plain CloudFormation) template into a project: functions and their events,
// HTTP/REST APIs with auth and CORS, WebSocket APIs as ApiGatewayV2 resources, buckets, queues,
// schedules; Globals merged as SAM does; intrinsics evaluated where a local copy can.
#pragma once

#include "import/ImportFormat.h"

namespace gatehouse {

ImportResult importSam(const ImportSource &source, const ImportOptions &options);

} // namespace gatehouse
