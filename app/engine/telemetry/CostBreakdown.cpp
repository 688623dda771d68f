#include "CostBreakdown.h"

#include <algorithm>

namespace gatehouse {

namespace {

// The free part of a month's quantity comes first: tiers count the month's whole volume, so the billable
// rest starts where the free part ends ("From 1 Million to 100 Billion Requests/Month", SQS).
double afterFree(const TieredPrice &price, double quantity, double free, bool freeTier) {
    const double freeUsed = freeTier ? std::clamp(free, 0.0, quantity) : 0.0;
    return price.cost(quantity - freeUsed, freeUsed);
}

double minus(double quantity, double free, bool freeTier) {
    return freeTier ? std::max(0.0, quantity - free) : quantity;
}

void addLine(CostBreakdown &out, const QString &service, const QString &item, const QString &unit,
             double quantity, double cost) {
    if (quantity <= 0) return;
    out.lines.append({service, item, unit, quantity, cost});
}

} // namespace

double CostBreakdown::total() const {
    double sum = 0;
    for (const CostLine &line : lines)
        sum += line.cost;
    return sum;
}

double CostBreakdown::serviceTotal(const QString &service) const {
    double sum = 0;
    for (const CostLine &line : lines)
        if (line.service == service) sum += line.cost;
    return sum;
}

CostBreakdown priceUsage(const Pricing &pricing, const CostUsage &usage, bool freeTier) {
    CostBreakdown out;
    out.freeTier = freeTier;
    const Pricing::Lambda &lambda = pricing.lambda;

    // Lambda: the free tier and the volume tiers apply to the month's totals, each function then pays its
    // share of them in proportion to its own requests and GB-seconds.
    double requests = 0;
    double gbSeconds[2] = {0, 0}; // by architecture
    for (const FunctionUsage &f : usage.functions) {
        requests += f.requests;
        gbSeconds[int(f.architecture)] += f.gbSeconds;
    }
    const double allGbSeconds = gbSeconds[0] + gbSeconds[1];
    const double requestCost = minus(requests, lambda.freeRequests, freeTier) * lambda.perRequest;
    double durationCost[2] = {0, 0};
    for (const LambdaArchitecture arch : {LambdaArchitecture::X86_64, LambdaArchitecture::Arm64}) {
        const double used = gbSeconds[int(arch)];
        const double freeShare = allGbSeconds > 0 ? lambda.freeGbSeconds * used / allGbSeconds : 0;
        durationCost[int(arch)] = afterFree(lambda.perGbSecond(arch), used, freeShare, freeTier);
    }
    for (const FunctionUsage &f : usage.functions) {
        FunctionCost c;
        c.function = f.function;
        c.architecture = f.architecture;
        c.memoryMB = f.memoryMB;
        c.requests = f.requests;
        c.gbSeconds = f.gbSeconds;
        c.requestCost = requests > 0 ? requestCost * f.requests / requests : 0;
        const double archGbSeconds = gbSeconds[int(f.architecture)];
        c.durationCost =
            archGbSeconds > 0 ? durationCost[int(f.architecture)] * f.gbSeconds / archGbSeconds : 0;
        out.functions.append(c);
    }
    const QString lambdaName = QStringLiteral("Lambda");
    addLine(out, lambdaName, QStringLiteral("requests"), QStringLiteral("requests"), requests, requestCost);
    addLine(out, lambdaName, QStringLiteral("duration (x86_64)"), QStringLiteral("GB-seconds"), gbSeconds[0],
            durationCost[0]);
    addLine(out, lambdaName, QStringLiteral("duration (arm64)"), QStringLiteral("GB-seconds"), gbSeconds[1],
            durationCost[1]);

    const Pricing::ApiGateway &api = pricing.apiGateway;
    const QString apiName = QStringLiteral("API Gateway");
    addLine(out, apiName, QStringLiteral("HTTP API requests"), QStringLiteral("requests (512 KB units)"),
            usage.httpApiUnits,
            afterFree(api.httpPerRequest, usage.httpApiUnits, api.freeHttpRequests, freeTier));
    addLine(out, apiName, QStringLiteral("REST API requests"), QStringLiteral("requests"),
            usage.restApiRequests,
            afterFree(api.restPerRequest, usage.restApiRequests, api.freeRestRequests, freeTier));
    addLine(out, apiName, QStringLiteral("WebSocket messages"), QStringLiteral("messages (32 KB units)"),
            usage.webSocketMessages,
            afterFree(api.webSocketPerMessage, usage.webSocketMessages, api.freeWebSocketMessages, freeTier));
    addLine(out, apiName, QStringLiteral("WebSocket connection minutes"), QStringLiteral("minutes"),
            usage.webSocketConnectionMinutes,
            minus(usage.webSocketConnectionMinutes, api.freeConnectionMinutes, freeTier) *
                api.perConnectionMinute);

    const QString s3Name = QStringLiteral("S3");
    addLine(out, s3Name, QStringLiteral("PUT, COPY, POST, LIST requests"), QStringLiteral("requests"),
            usage.s3PutCopyPostList, usage.s3PutCopyPostList * pricing.s3.perPutCopyPostList);
    addLine(out, s3Name, QStringLiteral("GET, SELECT and other requests"), QStringLiteral("requests"),
            usage.s3GetSelectOther, usage.s3GetSelectOther * pricing.s3.perGetSelectOther);

    // SQS's free million covers standard and FIFO requests together: standard ones first.
    const Pricing::Sqs &sqs = pricing.sqs;
    const double freeStandard = freeTier ? std::min(usage.sqsStandardRequests, sqs.freeRequests) : 0;
    const double freeFifo = freeTier ? std::min(usage.sqsFifoRequests, sqs.freeRequests - freeStandard) : 0;
    const QString sqsName = QStringLiteral("SQS");
    addLine(out, sqsName, QStringLiteral("standard queue requests"),
            QStringLiteral("requests (64 KB chunks)"), usage.sqsStandardRequests,
            sqs.standardPerRequest.cost(usage.sqsStandardRequests - freeStandard, freeStandard));
    addLine(out, sqsName, QStringLiteral("FIFO queue requests"), QStringLiteral("requests (64 KB chunks)"),
            usage.sqsFifoRequests, sqs.fifoPerRequest.cost(usage.sqsFifoRequests - freeFifo, freeFifo));
    return out;
}

} // namespace gatehouse
