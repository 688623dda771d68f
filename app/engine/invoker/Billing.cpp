#include "Billing.h"

#include <algorithm>
#include <cmath>

namespace gatehouse {

BillingGranularity billingGranularityFromSetting(const QString &setting) {
    return setting.trimmed() == QLatin1String("100ms") ? BillingGranularity::HundredMilliseconds
                                                       : BillingGranularity::Millisecond;
}

qint64 billedDurationMs(double durationMs, double initDurationMs, BillingGranularity granularity) {
    const auto micros = [](double ms) { return std::max<qint64>(0, qint64(std::llround(ms * 1000.0))); };
    if (granularity == BillingGranularity::HundredMilliseconds) {
        const qint64 us = micros(durationMs);
        return std::max<qint64>(100, (us + 99999) / 100000 * 100);
    }
    const qint64 us = micros(durationMs) + micros(initDurationMs);
    return std::max<qint64>(1, (us + 999) / 1000);
}

} // namespace gatehouse
