#include "InvocationRecord.h"

#include "EventTime.h"

#include <nlohmann/json.hpp>

namespace gatehouse {

namespace {

using Json = nlohmann::ordered_json;

Json payloadJson(const QByteArray &payload) {
    if (payload.trimmed().isEmpty()) return nullptr;
    Json parsed = Json::parse(payload.begin(), payload.end(), nullptr, false);
    if (parsed.is_discarded()) return payload.toStdString();
    return parsed;
}

} // namespace

QByteArray invocationRecordJson(const InvocationRecordInput &input) {
    Json record = Json::object();
    record["version"] = "1.0";
    record["timestamp"] = iso8601Milliseconds(input.timestamp).toStdString();
    record["requestContext"] =
        Json{{"requestId", input.requestId.toStdString()},
             {"functionArn", (input.functionArn + QStringLiteral(":$LATEST")).toStdString()},
             {"condition", input.condition.toStdString()},
             {"approximateInvokeCount", input.approximateInvokeCount}};
    record["requestPayload"] = payloadJson(input.requestPayload);
    if (input.hasResponse) {
        // statusCode is the Invoke call's (200 also for a function error), as in the guide's example.
        Json context = Json{{"statusCode", 200}, {"executedVersion", "$LATEST"}};
        if (!input.functionError.isEmpty()) context["functionError"] = input.functionError.toStdString();
        record["responseContext"] = std::move(context);
        record["responsePayload"] = payloadJson(input.responsePayload);
    }
    return QByteArray::fromStdString(record.dump());
}

} // namespace gatehouse
