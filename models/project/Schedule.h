// An EventBridge-style schedule: a rate() or cron() expression that invokes a function.
#pragma once

#include "Common.h"

namespace gatehouse {

struct Schedule {
    QString name;
    QString expression = QStringLiteral("rate(1 minute)");
    QString function;
    bool enabled = true;
    QString timezone;                    // empty = UTC
    OrderedJson input;                   // constant event detail; null = the standard "Scheduled Event"
    std::optional<CanvasPoint> position; // designer canvas; unset = automatic layout
    UnknownFields unknown;
    bool operator==(const Schedule &) const = default;
};

} // namespace gatehouse
