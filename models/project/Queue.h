// An SQS-style queue, its dead-letter redrive and the event source mapping that feeds a function.
#pragma once

#include "Common.h"

namespace gatehouse {

struct QueueTrigger {
    QString function;
    int batchSize = 10;
    int maximumBatchingWindowSeconds = 0;
    bool reportBatchItemFailures = false;
    bool enabled = true;
    UnknownFields unknown;
    bool operator==(const QueueTrigger &) const = default;
};

struct Queue {
    QString name;
    bool fifo = false;
    int visibilityTimeoutSeconds = 30;
    int messageRetentionSeconds = 345600; // SQS default: 4 days
    QString deadLetterQueue;              // name of another queue, empty = none
    int maxReceiveCount = 5;
    std::optional<QueueTrigger> trigger;
    std::optional<CanvasPoint> position; // designer canvas; unset = automatic layout
    UnknownFields unknown;
    bool operator==(const Queue &) const = default;
};

} // namespace gatehouse
