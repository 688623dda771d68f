// Small value types shared by several parts of a project: name/value pairs and throttling limits.
#pragma once

#include "UnknownFields.h"

#include <QList>
#include <QString>
#include <optional>

namespace gatehouse {

// An ordered name/value pair (environment variables, stage variables, headers). Order is kept
// because users read these lists top to bottom and diffs of the project file should stay small.
struct NameValue {
    QString name;
    QString value;
    bool operator==(const NameValue &) const = default;
};
using NameValueList = QList<NameValue>;

// Token-bucket limits as API Gateway expresses them: steady requests per second plus a burst.
struct ThrottleSettings {
    std::optional<double> rateLimit;
    std::optional<int> burstLimit;
    bool isSet() const { return rateLimit.has_value() || burstLimit.has_value(); }
    UnknownFields unknown;
    bool operator==(const ThrottleSettings &) const = default;
};

// Where the user put an entity's node on the designer canvas (scene coordinates). Unset = placed by
// the automatic layout; kept per entity so renames and deletions carry it along without bookkeeping.
struct CanvasPoint {
    int x = 0;
    int y = 0;
    bool operator==(const CanvasPoint &) const = default;
};

} // namespace gatehouse
