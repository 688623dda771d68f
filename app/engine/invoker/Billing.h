// Lambda's billed-duration arithmetic: how a measured duration becomes the milliseconds AWS charges for.
#pragma once

#include <QString>

namespace gatehouse {

enum class BillingGranularity {
    Millisecond,        // "1ms": AWS since December 2020
    HundredMilliseconds // "100ms": the classic rounding up to the next 100 ms
};

// ProjectSettings::billingGranularity → enum; anything but "100ms" means today's 1 ms billing.
BillingGranularity billingGranularityFromSetting(const QString &setting);

// The "Billed Duration" of a REPORT line, in ms.
//  - 1 ms granularity: Duration rounded up to the next millisecond ("billed duration … is the value of
//    Duration rounded up to the nearest millisecond", Lambda guide, monitoring-metrics). Since
//    2025-08-01 the INIT phase of on-demand functions is billed too ("AWS Lambda standardizes billing
//    for INIT Phase", AWS Compute Blog), so a cold start's initDurationMs is added before rounding.
//  - 100 ms granularity (before December 2020): Duration rounded up to the next 100 ms, init unbilled
//    (the documented 2019 REPORT example: Duration 128.83 ms → Billed Duration 200 ms).
// Both bill at least one unit. Inputs are rounded to whole microseconds first, so floating-point noise
// (128.830000001) never adds a unit.
qint64 billedDurationMs(double durationMs, double initDurationMs, BillingGranularity granularity);

} // namespace gatehouse
