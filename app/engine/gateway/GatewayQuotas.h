// API Gateway quotas that change how a request is answered ("Amazon API Gateway quotas and important
// notes"): the 10 MB payload limit (413) and the integration timeouts (HTTP APIs 30 s and not
// raisable -> 503; REST APIs 29 s by default, raisable for Regional APIs since June 2024 -> 504).
#pragma once

#include "project/Api.h"

#include <algorithm>

namespace gatehouse {

inline constexpr qsizetype kMaxRequestPayloadBytes = 10 * 1024 * 1024;

// The integration's timeout in milliseconds: its own setting within [50 ms, the API type's maximum],
// or the maximum when unset.
inline int integrationTimeoutMs(const Integration &integration, ApiType type) {
    constexpr int minimum = 50;
    if (type == ApiType::Http) return std::clamp(integration.timeoutMs.value_or(30000), minimum, 30000);
    return std::max(integration.timeoutMs.value_or(29000), minimum);
}

} // namespace gatehouse
