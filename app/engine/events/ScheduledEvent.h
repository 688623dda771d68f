// The event EventBridge (CloudWatch Events) sends a function when a schedule rule fires. Source:
// EventBridge User Guide, "Amazon EventBridge events detail reference" → "Scheduled Event"
// (https://docs.aws.amazon.com/eventbridge/latest/userguide/event-reference.html): version "0",
// detail-type "Scheduled Event", source "aws.events", the rule's ARN in resources, an empty detail.
// Both `gatehouse generate-event schedule` and the trigger engine build it here.
#pragma once

#include "gateway/JsonText.h"

#include <QDateTime>
#include <QString>

namespace gatehouse {

struct ScheduledEventInput {
    QString id; // a UUID, new for every firing
    QString ruleName;
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("123456789012");
    QDateTime time; // the scheduled time (UTC); the event carries whole seconds
};

// "arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule".
QString eventBridgeRuleArn(const QString &region, const QString &accountId, const QString &ruleName);

OrderedJson scheduledEvent(const ScheduledEventInput &input);

} // namespace gatehouse
