#include "UsagePlans.h"

#include <QMutexLocker>

namespace gatehouse {

UsagePlans::UsagePlans(SteadyMillis steadyClock, UtcNow wallClock)
    : m_throttler(std::move(steadyClock))
    , m_wallClock(std::move(wallClock)) {}

QDateTime UsagePlans::periodStart(const QString &period, const QDateTime &time) {
    const QDate date = time.toUTC().date();
    QDate start = date;
    if (period.compare(QLatin1String("WEEK"), Qt::CaseInsensitive) == 0)
        start = date.addDays(1 - date.dayOfWeek());
    else if (period.compare(QLatin1String("MONTH"), Qt::CaseInsensitive) == 0)
        start = QDate(date.year(), date.month(), 1);
    return QDateTime(start, QTime(0, 0), Qt::UTC);
}

UsagePlans::Admission UsagePlans::admit(const Authorizer &plan, const GatewayRequest &request) {
    Admission admission;
    const std::optional<QString> presented = firstHeaderValue(request.headers, u"x-api-key");
    const ApiKey *key = nullptr;
    for (const ApiKey &candidate : plan.apiKeys)
        if (presented && !presented->isEmpty() && candidate.value == *presented) key = &candidate;
    if (!key) return admission;
    admission.keyName = key->name;
    admission.keyValue = key->value;
    const QString counterKey = plan.name + QLatin1Char('\n') + key->value;

    QMutexLocker lock(&m_mutex);
    QuotaCounter *counter = nullptr;
    if (plan.usagePlanQuota) {
        const QDateTime start = periodStart(plan.usagePlanQuota->period, m_wallClock());
        counter = &m_quota[counterKey];
        if (counter->periodStart != start) *counter = {start, 0};
        admission.usedInPeriod = counter->used;
        if (counter->used >= plan.usagePlanQuota->limit) {
            admission.verdict = Admission::Verdict::QuotaExceeded;
            return admission;
        }
    }
    if (!m_throttler.tryAcquire({{counterKey, plan.usagePlanThrottling}})) {
        admission.verdict = Admission::Verdict::Throttled;
        return admission;
    }
    if (counter) admission.usedInPeriod = ++counter->used;
    admission.verdict = Admission::Verdict::Allowed;
    return admission;
}

} // namespace gatehouse
