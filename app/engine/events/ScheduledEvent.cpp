#include "ScheduledEvent.h"

#include "EventTime.h"

namespace gatehouse {

QString eventBridgeRuleArn(const QString &region, const QString &accountId, const QString &ruleName) {
    return QStringLiteral("arn:aws:events:%1:%2:rule/%3").arg(region, accountId, ruleName);
}

OrderedJson scheduledEvent(const ScheduledEventInput &input) {
    // Key order of the documented example.
    OrderedJson event;
    event["version"] = "0";
    event["id"] = utf8(input.id);
    event["detail-type"] = "Scheduled Event";
    event["source"] = "aws.events";
    event["account"] = utf8(input.accountId);
    event["time"] = utf8(iso8601Seconds(input.time));
    event["region"] = utf8(input.region);
    event["resources"] =
        OrderedJson::array({utf8(eventBridgeRuleArn(input.region, input.accountId, input.ruleName))});
    event["detail"] = OrderedJson::object();
    return event;
}

} // namespace gatehouse
