// The whole designed system: the value type that the project file stores and every layer reads.
#pragma once

#include "Api.h"
#include "Authorizer.h"
#include "Bucket.h"
#include "Function.h"
#include "Queue.h"
#include "SavedRequest.h"
#include "Schedule.h"

namespace gatehouse {

inline constexpr int kProjectFormatVersion = 1;

// The access key the project's local AWS endpoints (S3, ...) check SigV4 signatures against. Unset,
// any client is served whatever it signs with (or if it signs at all), as local tools expect.
struct LocalCredentials {
    QString accessKeyId;
    QString secretAccessKey;
    UnknownFields unknown;
    bool operator==(const LocalCredentials &) const = default;
};

struct ProjectSettings {
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("123456789012");
    // "1ms" (AWS since December 2020) or "100ms" (classic billing).
    QString billingGranularity = QStringLiteral("1ms");
    int concurrencyLimit = 10;        // project-wide cap on concurrent execution environments
    int idleEnvironmentSeconds = 300; // warm environments are reaped after this idle time
    // The wait before the first retry of a failed asynchronous invocation; the second waits twice as long.
    // Lambda's is 60 s (then 120 s); a shorter one suits local work.
    int asyncRetryDelaySeconds = 60;
    std::optional<LocalCredentials> credentials; // "credentials": {"accessKeyId", "secretAccessKey"}
    UnknownFields unknown;
    bool operator==(const ProjectSettings &) const = default;
};

struct Project {
    int formatVersion = kProjectFormatVersion;
    QString name;
    QString description;
    ProjectSettings settings;
    QList<Function> functions;
    QList<Api> apis;
    QList<Authorizer> authorizers;
    QList<Bucket> buckets;
    QList<Schedule> schedules;
    QList<Queue> queues;
    QList<SavedRequest> requests;
    QList<VariableSet> environments;
    UnknownFields unknown;
    bool operator==(const Project &) const = default;

    const Function *findFunction(const QString &name) const;
    Function *findFunction(const QString &name);
    const Api *findApi(const QString &name) const;
    const Authorizer *findAuthorizer(const QString &name) const;
    const Queue *findQueue(const QString &name) const;
    const Bucket *findBucket(const QString &name) const;
};

} // namespace gatehouse
