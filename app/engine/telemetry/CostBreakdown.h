// What a project used (requests, GB-seconds, messages, ...) and what that costs at AWS's list prices,
// per function and per service: the values the cost meter and the monthly projection hand out.
#pragma once

#include "Pricing.h"

#include <QList>
#include <QString>

namespace gatehouse {

struct FunctionUsage {
    QString function;
    LambdaArchitecture architecture = LambdaArchitecture::X86_64;
    int memoryMB = 128;
    double requests = 0;
    double billedMs = 0;  // the sum of the invocations' billed durations
    double gbSeconds = 0; // Σ billed ms / 1000 × memory / 1024, with each invocation's own memory size
};

struct CostUsage {
    QList<FunctionUsage> functions;
    double httpApiRequests = 0; // requests received
    double httpApiUnits = 0;    // ... metered in 512 KB increments
    double restApiRequests = 0;
    double webSocketMessages = 0; // metered in 32 KB increments, both directions
    double webSocketConnectionMinutes = 0;
    double s3PutCopyPostList = 0;
    double s3GetSelectOther = 0;
    double sqsStandardRequests = 0; // metered in 64 KB chunks
    double sqsFifoRequests = 0;
};

struct FunctionCost {
    QString function;
    LambdaArchitecture architecture = LambdaArchitecture::X86_64;
    int memoryMB = 128;
    double requests = 0;
    double gbSeconds = 0;
    double requestCost = 0; // after its share of the free tier, when one applies
    double durationCost = 0;
    double total() const { return requestCost + durationCost; }
};

// One priced quantity of a service, e.g. {"API Gateway", "HTTP API requests", "requests", 1500, 0.0015}.
// service and item are stable English identifiers (the GUI translates them for display).
struct CostLine {
    QString service; // "Lambda", "API Gateway", "S3", "SQS"
    QString item;
    QString unit;
    double quantity = 0; // before the free tier
    double cost = 0;     // after it
};

struct CostBreakdown {
    bool freeTier = false; // whether the free tier was deducted
    QList<FunctionCost> functions;
    QList<CostLine> lines; // every service item with a quantity, Lambda's included
    double total() const;
    double serviceTotal(const QString &service) const;
};

// Prices a month's (or a session's) usage. With freeTier, Lambda's perpetual free tier (requests and
// GB-seconds, shared by both architectures in proportion to their use) and API Gateway's 12-month one
// are deducted first; tiers then apply to what is left.
CostBreakdown priceUsage(const Pricing &pricing, const CostUsage &usage, bool freeTier);

} // namespace gatehouse
