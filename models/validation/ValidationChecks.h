// The validator's parts, one per area of the project file; validateProject() runs them in file order.
// Internal to models/validation.
#pragma once

#include "ValidationContext.h"

namespace gatehouse::validation {

void checkSettings(const Project &project, Reporter &reporter);                   // ProjectValidator.cpp
void checkFunctions(const Project &project, Reporter &reporter);                  // FunctionChecks.cpp
void checkApis(const Project &project, Reporter &reporter);                       // ApiChecks.cpp
void checkRoutes(const Project &project, qsizetype apiIndex, Reporter &reporter); // RouteChecks.cpp
void checkIntegration(const Project &project, const Api &api, const Route &route, const QString &routePath,
                      Reporter &reporter);                                    // IntegrationChecks.cpp
void checkStages(const Api &api, const QString &apiPath, Reporter &reporter); // StageChecks.cpp
void checkCors(const Api &api, const QString &apiPath, Reporter &reporter);   // StageChecks.cpp
void checkAuthorizers(const Project &project, Reporter &reporter);            // AuthorizerChecks.cpp
void checkBuckets(const Project &project, Reporter &reporter);                // BucketChecks.cpp
void checkSchedules(const Project &project, Reporter &reporter);              // ScheduleChecks.cpp
void checkQueues(const Project &project, Reporter &reporter);                 // QueueChecks.cpp
void checkRequests(const Project &project, Reporter &reporter);               // ProjectValidator.cpp

} // namespace gatehouse::validation
