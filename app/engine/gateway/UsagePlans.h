// API keys with usage plans for REST APIs ("Usage plans and API keys for REST APIs"): a method that
// requires a key reads it from the x-api-key header; a missing or unknown key is 403 Forbidden, a
// plan's rate/burst is a token bucket per key (429 Too Many Requests) and its quota counts requests
// per UTC day, week or month (429 Limit Exceeded). Requests refused by the quota or the throttle do
// not count against the quota.
#pragma once

#include "GatewayRequest.h"
#include "Throttling.h"
#include "project/Authorizer.h"

#include <QDateTime>
#include <QHash>

namespace gatehouse {

using UtcNow = std::function<QDateTime()>;

class UsagePlans {
public:
    UsagePlans(SteadyMillis steadyClock, UtcNow wallClock);

    struct Admission {
        enum class Verdict { Allowed, InvalidKey, Throttled, QuotaExceeded };
        Verdict verdict = Verdict::InvalidKey;
        QString keyName;  // the matched key's name (reported as identity.apiKeyId)
        QString keyValue; // the key itself (identity.apiKey)
        qint64 usedInPeriod = 0;
    };
    // `plan` is an authorizer of type ApiKey: its keys, usagePlanThrottling and usagePlanQuota.
    Admission admit(const Authorizer &plan, const GatewayRequest &request);

    // Start of the quota period containing `time`: UTC midnight, Monday 00:00 UTC, or the 1st.
    static QDateTime periodStart(const QString &period, const QDateTime &time);

private:
    struct QuotaCounter {
        QDateTime periodStart;
        qint64 used = 0;
    };

    Throttler m_throttler;
    UtcNow m_wallClock;
    QMutex m_mutex;
    QHash<QString, QuotaCounter> m_quota; // by plan name + key
};

} // namespace gatehouse
