// Accumulates what a running project would have cost on AWS: every invocation's billed duration (as its
// REPORT line says: rounded up to 1 ms, or 100 ms in classic billing) times its memory, every API request,
// WebSocket message and connection minute, S3 and SQS request, priced with the bundled us-east-1 prices.
#pragma once

#include "CostBreakdown.h"
#include "Pricing.h"
#include "StringKeys.h"
#include "project/Api.h"

#include <QHash>
#include <atomic>
#include <mutex>
#include <unordered_map>

namespace gatehouse {

struct Function;

class CostMeter {
public:
    explicit CostMeter(const Pricing &pricing = Pricing::bundled());

    const Pricing &pricing() const { return m_pricing; }

    // The functions' architectures (memory comes with each invocation); call again on every reload.
    void setFunctions(const QList<Function> &functions);

    // Recording, from any thread. Invocations take a short lock (the invoker records them on its thread);
    // the gateway's counters are atomics.
    void recordInvocation(QStringView function, int memoryMB, qint64 billedDurationMs);
    void recordApiRequest(ApiType type, qint64 requestBytes); // HTTP or REST API
    void recordWebSocketMessage(qint64 bytes);                // received or sent
    void recordWebSocketConnection(qint64 openMs);            // when a connection closes
    enum class S3Request { PutCopyPostList, GetSelectOther };
    void recordS3Request(S3Request kind);
    void recordSqsRequest(bool fifo, qint64 payloadBytes);

    CostUsage usage() const;
    // The cost of what ran so far, without free tier (it is monthly and account-wide).
    CostBreakdown breakdown() const;
    // A month at `requestsPerSecond` at the front door with the observed mix (see monthlyUsage).
    CostBreakdown projectMonthly(double requestsPerSecond, bool freeTier) const;

private:
    Pricing m_pricing;
    mutable std::mutex m_mutex; // guards m_functions and m_architectures
    // One entry per function that ran: bounded by the project's functions.
    std::unordered_map<QString, FunctionUsage, StringKeyHash, StringKeyEqual> m_functions;
    QHash<QString, LambdaArchitecture> m_architectures;

    std::atomic<quint64> m_httpRequests{0};
    std::atomic<quint64> m_httpUnits{0};
    std::atomic<quint64> m_restRequests{0};
    std::atomic<quint64> m_webSocketMessages{0};
    std::atomic<qint64> m_webSocketConnectionMs{0};
    std::atomic<quint64> m_s3PutCopyPostList{0};
    std::atomic<quint64> m_s3GetSelectOther{0};
    std::atomic<quint64> m_sqsStandard{0};
    std::atomic<quint64> m_sqsFifo{0};
};

} // namespace gatehouse
