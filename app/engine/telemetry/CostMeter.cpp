#include "CostMeter.h"

#include "CostProjection.h"
#include "project/Function.h"

#include <algorithm>

namespace gatehouse {

CostMeter::CostMeter(const Pricing &pricing)
    : m_pricing(pricing) {}

void CostMeter::setFunctions(const QList<Function> &functions) {
    const std::lock_guard lock(m_mutex);
    m_architectures.clear();
    for (const Function &f : functions)
        m_architectures.insert(f.name, lambdaArchitectureOf(f.architecture));
    for (auto &[name, usage] : m_functions)
        usage.architecture = m_architectures.value(name, usage.architecture);
}

void CostMeter::recordInvocation(QStringView function, int memoryMB, qint64 billedDurationMs) {
    const std::lock_guard lock(m_mutex);
    auto it = m_functions.find(function);
    if (it == m_functions.end()) {
        FunctionUsage usage;
        usage.function = function.toString();
        usage.architecture = m_architectures.value(usage.function, LambdaArchitecture::X86_64);
        it = m_functions.emplace(usage.function, usage).first;
    }
    FunctionUsage &usage = it->second;
    usage.memoryMB = memoryMB;
    usage.requests += 1;
    usage.billedMs += double(billedDurationMs);
    // Each invocation at its own memory size: a reload may change it between invocations.
    usage.gbSeconds += double(billedDurationMs) / 1000.0 * double(memoryMB) / 1024.0;
}

void CostMeter::recordApiRequest(ApiType type, qint64 requestBytes) {
    if (type == ApiType::Rest) {
        m_restRequests.fetch_add(1, std::memory_order_relaxed);
    } else if (type == ApiType::Http) {
        m_httpRequests.fetch_add(1, std::memory_order_relaxed);
        m_httpUnits.fetch_add(quint64(meteredUnits(requestBytes, m_pricing.apiGateway.httpMeteredBytes)),
                              std::memory_order_relaxed);
    }
}

void CostMeter::recordWebSocketMessage(qint64 bytes) {
    m_webSocketMessages.fetch_add(quint64(meteredUnits(bytes, m_pricing.apiGateway.webSocketMeteredBytes)),
                                  std::memory_order_relaxed);
}

void CostMeter::recordWebSocketConnection(qint64 openMs) {
    m_webSocketConnectionMs.fetch_add(std::max<qint64>(openMs, 0), std::memory_order_relaxed);
}

void CostMeter::recordS3Request(S3Request kind) {
    (kind == S3Request::PutCopyPostList ? m_s3PutCopyPostList : m_s3GetSelectOther)
        .fetch_add(1, std::memory_order_relaxed);
}

void CostMeter::recordSqsRequest(bool fifo, qint64 payloadBytes) {
    (fifo ? m_sqsFifo : m_sqsStandard)
        .fetch_add(quint64(meteredUnits(payloadBytes, m_pricing.sqs.meteredBytes)),
                   std::memory_order_relaxed);
}

CostUsage CostMeter::usage() const {
    CostUsage usage;
    {
        const std::lock_guard lock(m_mutex);
        for (const auto &[name, function] : m_functions)
            usage.functions.append(function);
    }
    std::sort(usage.functions.begin(), usage.functions.end(),
              [](const FunctionUsage &a, const FunctionUsage &b) { return a.function < b.function; });
    const auto read = [](const auto &counter) { return double(counter.load(std::memory_order_relaxed)); };
    usage.httpApiRequests = read(m_httpRequests);
    usage.httpApiUnits = read(m_httpUnits);
    usage.restApiRequests = read(m_restRequests);
    usage.webSocketMessages = read(m_webSocketMessages);
    usage.webSocketConnectionMinutes = read(m_webSocketConnectionMs) / 60000.0;
    usage.s3PutCopyPostList = read(m_s3PutCopyPostList);
    usage.s3GetSelectOther = read(m_s3GetSelectOther);
    usage.sqsStandardRequests = read(m_sqsStandard);
    usage.sqsFifoRequests = read(m_sqsFifo);
    return usage;
}

CostBreakdown CostMeter::breakdown() const {
    return priceUsage(m_pricing, usage(), false);
}

CostBreakdown CostMeter::projectMonthly(double requestsPerSecond, bool freeTier) const {
    return priceUsage(m_pricing, monthlyUsage(usage(), requestsPerSecond), freeTier);
}

} // namespace gatehouse
