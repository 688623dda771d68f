// Exports a project as a Serverless Framework v3 service (serverless.yml): functions with their
// httpApi, http, websocket, s3, schedule and sqs events, provider-level HTTP API authorizers and CORS,
// REST API keys and usage plans, and plain CloudFormation for queues.
#pragma once

#include "export/ExportFormat.h"
#include "project/Project.h"

namespace gatehouse {

inline constexpr auto kServerlessFile = "serverless.yml";

struct ServerlessOptions {
    // Mark s3 events "existing: true": the buckets are created outside this service and the
    // framework only adds the notifications (Serverless docs, "S3 - Using existing buckets").
    bool existingBuckets = false;
};

ExportResult exportServerless(const Project &project, const ExportOptions &options,
                              const ServerlessOptions &serverless = {});

} // namespace gatehouse
