// A Lambda function as the user designs it: code location, runtime and the limits Lambda enforces.
#pragma once

#include "Common.h"

namespace gatehouse {

// Where Lambda sends the record of an asynchronous invocation: one of the project's queues or functions
// (Lambda guide, "Capturing records of Lambda asynchronous invocations"; its SNS, S3 and EventBridge
// targets have no local counterpart). At most one of the two names is set; none = no destination.
struct AsyncDestination {
    QString queue;
    QString function;
    UnknownFields unknown;

    bool isSet() const { return !queue.isEmpty() || !function.isEmpty(); }
    bool operator==(const AsyncDestination &) const = default;
};

// Lambda's configuration for asynchronous invocation (PutFunctionEventInvokeConfig; SAM's
// EventInvokeConfig): how often a failed event is retried, how old it may grow, and where the record of
// each outcome goes.
struct AsyncInvokeConfig {
    std::optional<int> maximumRetryAttempts;   // 0-2; unset = Lambda's default, 2
    std::optional<int> maximumEventAgeSeconds; // 60-21600; unset = Lambda's default, 6 hours
    AsyncDestination onSuccess;
    AsyncDestination onFailure;
    UnknownFields unknown;

    bool isSet() const {
        return maximumRetryAttempts || maximumEventAgeSeconds || onSuccess.isSet() || onFailure.isSet() ||
               !unknown.empty();
    }
    bool operator==(const AsyncInvokeConfig &) const = default;
};

struct Function {
    QString name;
    QString description;
    // "javascript" (embedded engine), "nodejs18.x"/"nodejs20.x"/"nodejs22.x", "python3.x",
    // "provided"/"provided.al2"/"provided.al2023" (own bootstrap executable).
    QString runtime = QStringLiteral("javascript");
    QString handler = QStringLiteral("index.handler");
    // Folder holding the code, relative to the project folder.
    QString codeUri;
    int memoryMB = 128;
    int timeoutSeconds = 3;
    QString architecture = QStringLiteral("x86_64");
    std::optional<int> reservedConcurrency;
    NameValueList environment;
    // Queue that receives the events of asynchronous invocations that failed every attempt.
    QString deadLetterQueue;
    AsyncInvokeConfig asyncInvoke;
    std::optional<CanvasPoint> position; // designer canvas; unset = automatic layout
    UnknownFields unknown;

    bool operator==(const Function &) const = default;
};

} // namespace gatehouse
