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

struct ProjectSettings {
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("123456789012");
    // "1ms" (AWS since December 2020) or "100ms" (classic billing).
    QString billingGranularity = QStringLiteral("1ms");
    int concurrencyLimit = 10;        // project-wide cap on concurrent execution environments
    int idleEnvironmentSeconds = 300; // warm environments are reaped after this idle time
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
