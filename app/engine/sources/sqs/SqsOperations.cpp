#include "SqsOperations.h"

#include "SqsBroker.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace gatehouse::sqs {

namespace {

constexpr qsizetype kMaxMessageBytes = 262144; // "The maximum size is 256 KiB"

// A member as text; the query protocol carries every value as text, the JSON protocol numbers as numbers.
std::optional<QString> text(const OrderedJson &request, const char *key) {
    const auto found = request.find(key);
    if (found == request.end() || found->is_null()) return std::nullopt;
    if (found->is_string()) return QString::fromStdString(found->get<std::string>());
    if (found->is_number_integer()) return QString::number(found->get<qint64>());
    if (found->is_boolean()) return found->get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return QString(); // wrong type: reported as an invalid value by the caller
}

// An optional integer member within [min, max]; the error names the parameter as SQS does.
std::variant<std::optional<int>, ApiError> integer(const OrderedJson &request, const char *key, int min,
                                                   int max) {
    const auto value = text(request, key);
    if (!value) return std::optional<int>();
    bool ok = false;
    const qint64 number = value->toLongLong(&ok);
    if (!ok || number < min || number > max)
        return ApiError::invalidParameterValue(
            QStringLiteral(
                "Value %1 for parameter %2 is invalid. Reason: Must be between %3 and %4, if provided.")
                .arg(*value, QString::fromLatin1(key))
                .arg(min)
                .arg(max));
    return std::optional<int>(int(number));
}

QStringList stringList(const OrderedJson &request, const char *key) {
    QStringList out;
    const auto found = request.find(key);
    if (found == request.end() || !found->is_array()) return out;
    for (const OrderedJson &item : *found)
        if (item.is_string()) out.append(QString::fromStdString(item.get<std::string>()));
    return out;
}

// "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF" (SendMessage, MessageBody).
bool allowedCharacters(const QString &body) {
    for (const char32_t c : body.toUcs4()) {
        const bool ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
                        (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
        if (!ok) return false;
    }
    return true;
}

struct Resolved {
    QString name;
    std::optional<ApiError> error;
};

Resolved resolveQueue(SqsBroker &broker, const OrderedJson &request) {
    const auto url = text(request, "QueueUrl");
    if (!url || url->isEmpty()) return {{}, ApiError::missingParameter(QStringLiteral("QueueUrl"))};
    const QString name = queueNameOfUrl(*url);
    if (name.isEmpty() || !broker.hasQueue(name)) return {{}, ApiError::queueDoesNotExist()};
    return {name, std::nullopt};
}

// One message of SendMessage or a SendMessageBatch entry, checked; the error is the entry's or the call's.
struct Outgoing {
    Message message;
    std::optional<int> delaySeconds;
};

std::variant<Outgoing, ApiError> readMessage(const OrderedJson &entry, const OperationContext &context) {
    Outgoing out;
    const auto body = text(entry, "MessageBody");
    if (!body) return ApiError::missingParameter(QStringLiteral("MessageBody"));
    if (body->isEmpty())
        return ApiError::invalidParameterValue(
            QStringLiteral("The request must contain the parameter MessageBody."));
    if (!allowedCharacters(*body))
        return ApiError::invalidMessageContents(QStringLiteral(
            "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF "
            "| #xE000 to #xFFFD | #x10000 to #x10FFFF"));
    out.message.body = body->toUtf8();
    auto delay = integer(entry, "DelaySeconds", 0, 900);
    if (auto *error = std::get_if<ApiError>(&delay)) return *error;
    out.delaySeconds = std::get<std::optional<int>>(delay);
    const auto attributes = entry.find("MessageAttributes");
    if (attributes != entry.end()) {
        if (auto error = attributesFromApiJson(*attributes, &out.message.attributes))
            return ApiError::invalidParameterValue(*error);
        if (auto error = validateAttributes(out.message.attributes))
            return ApiError::invalidParameterValue(*error);
    }
    qsizetype size = out.message.body.size();
    for (const auto &[name, value] : out.message.attributes)
        size += name.toUtf8().size() + value.dataType.toUtf8().size() + value.stringValue.size() +
                value.binaryValue.size();
    if (size > kMaxMessageBytes)
        return ApiError::invalidParameterValue(
            QStringLiteral(
                "One or more parameters are invalid. Reason: Message must be shorter than %1 bytes.")
                .arg(kMaxMessageBytes));
    out.message.senderId = context.senderId;
    return out;
}

OrderedJson sentResult(const Message &message, const QString &messageId) {
    OrderedJson result;
    result["MD5OfMessageBody"] = utf8(md5OfBody(message.body));
    if (!message.attributes.empty())
        result["MD5OfMessageAttributes"] = utf8(md5OfMessageAttributes(message.attributes));
    result["MessageId"] = utf8(messageId);
    return result;
}

Outcome sendMessage(SqsBroker &broker, const OperationContext &context, const OrderedJson &request) {
    const Resolved queue = resolveQueue(broker, request);
    if (queue.error) return *queue.error;
    auto read = readMessage(request, context);
    if (auto *error = std::get_if<ApiError>(&read)) return *error;
    Outgoing outgoing = std::get<Outgoing>(std::move(read));
    QString id;
    const Message copy = outgoing.message;
    if (!broker.send(queue.name, std::move(outgoing.message), outgoing.delaySeconds, &id))
        return ApiError::queueDoesNotExist();
    return sentResult(copy, id);
}

// Batch entries: 1..10, distinct ids of [A-Za-z0-9_-]{1,80}.
std::variant<std::vector<OrderedJson>, ApiError> batchEntries(const OrderedJson &request) {
    const auto found = request.find("Entries");
    if (found == request.end() || !found->is_array() || found->empty()) return ApiError::emptyBatch();
    if (found->size() > 10) return ApiError::tooManyEntries(qsizetype(found->size()));
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,80}$"));
    QSet<QString> ids;
    std::vector<OrderedJson> entries;
    for (const OrderedJson &entry : *found) {
        if (!entry.is_object()) return ApiError::invalidBatchEntryId();
        const QString id = text(entry, "Id").value_or(QString());
        if (!idPattern.match(id).hasMatch()) return ApiError::invalidBatchEntryId();
        if (ids.contains(id)) return ApiError::idsNotDistinct(id);
        ids.insert(id);
        entries.push_back(entry);
    }
    return entries;
}

OrderedJson failedEntry(const QString &id, const ApiError &error) {
    return OrderedJson{{"Id", utf8(id)},
                       {"SenderFault", error.senderFault},
                       {"Code", utf8(error.queryCode)},
                       {"Message", utf8(error.message)}};
}

Outcome sendMessageBatch(SqsBroker &broker, const OperationContext &context, const OrderedJson &request) {
    const Resolved queue = resolveQueue(broker, request);
    if (queue.error) return *queue.error;
    auto entries = batchEntries(request);
    if (auto *error = std::get_if<ApiError>(&entries)) return *error;
    OrderedJson successful = OrderedJson::array(), failed = OrderedJson::array();
    for (const OrderedJson &entry : std::get<std::vector<OrderedJson>>(entries)) {
        const QString id = text(entry, "Id").value_or(QString());
        auto read = readMessage(entry, context);
        if (auto *error = std::get_if<ApiError>(&read)) {
            failed.push_back(failedEntry(id, *error));
            continue;
        }
        Outgoing outgoing = std::get<Outgoing>(std::move(read));
        const Message copy = outgoing.message;
        QString messageId;
        broker.send(queue.name, std::move(outgoing.message), outgoing.delaySeconds, &messageId);
        OrderedJson result{{"Id", utf8(id)}};
        result.update(sentResult(copy, messageId));
        successful.push_back(std::move(result));
    }
    return OrderedJson{{"Successful", std::move(successful)}, {"Failed", std::move(failed)}};
}

// ReceiveMessage's "AttributeNames"/"MessageSystemAttributeNames": All or the names listed.
OrderedJson systemAttributes(const Message &message, const QStringList &names) {
    const bool all = names.contains(QStringLiteral("All"));
    const auto wanted = [&](const char *name) { return all || names.contains(QLatin1String(name)); };
    OrderedJson out = OrderedJson::object();
    if (wanted("SenderId")) out["SenderId"] = utf8(message.senderId);
    if (wanted("SentTimestamp")) out["SentTimestamp"] = std::to_string(message.sentMs);
    if (wanted("ApproximateReceiveCount"))
        out["ApproximateReceiveCount"] = std::to_string(message.receiveCount);
    if (wanted("ApproximateFirstReceiveTimestamp"))
        out["ApproximateFirstReceiveTimestamp"] = std::to_string(message.firstReceiveMs);
    if (wanted("DeadLetterQueueSourceArn") && !message.deadLetterSourceArn.isEmpty())
        out["DeadLetterQueueSourceArn"] = utf8(message.deadLetterSourceArn);
    return out;
}

// "MessageAttributeNames": All, .*, a prefix followed by .*, or exact names.
MessageAttributes selectedAttributes(const MessageAttributes &attributes, const QStringList &names) {
    MessageAttributes out;
    for (const auto &[name, value] : attributes) {
        for (const QString &pattern : names) {
            const bool match =
                pattern == QLatin1String("All") || pattern == QLatin1String(".*") ||
                (pattern.endsWith(QLatin1String(".*")) && name.startsWith(pattern.chopped(1))) ||
                pattern == name;
            if (match) {
                out[name] = value;
                break;
            }
        }
    }
    return out;
}

OrderedJson receivedMessages(const QList<Message> &messages, const QStringList &systemNames,
                             const QStringList &attributeNames) {
    OrderedJson list = OrderedJson::array();
    for (const Message &message : messages) {
        OrderedJson item;
        item["MessageId"] = utf8(message.messageId);
        item["ReceiptHandle"] = utf8(message.receiptHandle);
        item["MD5OfBody"] = utf8(md5OfBody(message.body));
        item["Body"] = message.body.toStdString();
        OrderedJson system = systemAttributes(message, systemNames);
        if (!system.empty()) item["Attributes"] = std::move(system);
        const MessageAttributes selected = selectedAttributes(message.attributes, attributeNames);
        if (!selected.empty()) {
            item["MD5OfMessageAttributes"] = utf8(md5OfMessageAttributes(selected));
            item["MessageAttributes"] = attributesToApiJson(selected);
        }
        list.push_back(std::move(item));
    }
    OrderedJson result = OrderedJson::object();
    if (!list.empty()) result["Messages"] = std::move(list); // SQS leaves the list out when it is empty
    return result;
}

void receiveMessage(SqsBroker &broker, const OrderedJson &request, std::function<void(Outcome)> done) {
    const Resolved queue = resolveQueue(broker, request);
    if (queue.error) return done(*queue.error);
    auto max = integer(request, "MaxNumberOfMessages", 1, 10);
    auto visibility = integer(request, "VisibilityTimeout", 0, 43200);
    auto wait = integer(request, "WaitTimeSeconds", 0, 20);
    for (auto *value : {&max, &visibility, &wait})
        if (auto *error = std::get_if<ApiError>(value)) return done(*error);
    QStringList systemNames =
        stringList(request, "AttributeNames") + stringList(request, "MessageSystemAttributeNames");
    const QStringList attributeNames = stringList(request, "MessageAttributeNames");
    const bool found = broker.receiveOrWait(queue.name, std::get<std::optional<int>>(max).value_or(1),
                                            std::get<std::optional<int>>(visibility),
                                            std::get<std::optional<int>>(wait).value_or(0),
                                            [done, systemNames, attributeNames](QList<Message> messages) {
                                                done(receivedMessages(messages, systemNames, attributeNames));
                                            });
    if (!found) done(ApiError::queueDoesNotExist());
}

Outcome deleteMessage(SqsBroker &broker, const OrderedJson &request) {
    const Resolved queue = resolveQueue(broker, request);
    if (queue.error) return *queue.error;
    const auto handle = text(request, "ReceiptHandle");
    if (!handle) return ApiError::missingParameter(QStringLiteral("ReceiptHandle"));
    const auto outcome = broker.deleteMessage(queue.name, *handle);
    if (!outcome) return ApiError::queueDoesNotExist();
    if (*outcome == SqsQueue::HandleOutcome::Invalid) return ApiError::receiptHandleIsInvalid(*handle);
    return OrderedJson::object();
}

Outcome deleteMessageBatch(SqsBroker &broker, const OrderedJson &request) {
    const Resolved queue = resolveQueue(broker, request);
    if (queue.error) return *queue.error;
    auto entries = batchEntries(request);
    if (auto *error = std::get_if<ApiError>(&entries)) return *error;
    OrderedJson successful = OrderedJson::array(), failed = OrderedJson::array();
    for (const OrderedJson &entry : std::get<std::vector<OrderedJson>>(entries)) {
        const QString id = text(entry, "Id").value_or(QString());
        const QString handle = text(entry, "ReceiptHandle").value_or(QString());
        const auto outcome = broker.deleteMessage(queue.name, handle);
        if (outcome && *outcome == SqsQueue::HandleOutcome::Done)
            successful.push_back(OrderedJson{{"Id", utf8(id)}});
        else
            failed.push_back(failedEntry(id, ApiError::receiptHandleIsInvalid(handle)));
    }
    return OrderedJson{{"Successful", std::move(successful)}, {"Failed", std::move(failed)}};
}

Outcome changeMessageVisibility(SqsBroker &broker, const OrderedJson &request) {
    const Resolved queue = resolveQueue(broker, request);
    if (queue.error) return *queue.error;
    const auto handle = text(request, "ReceiptHandle");
    if (!handle) return ApiError::missingParameter(QStringLiteral("ReceiptHandle"));
    if (!text(request, "VisibilityTimeout"))
        return ApiError::missingParameter(QStringLiteral("VisibilityTimeout"));
    auto timeout = integer(request, "VisibilityTimeout", 0, 43200);
    if (auto *error = std::get_if<ApiError>(&timeout)) return *error;
    const auto outcome = broker.changeVisibility(queue.name, *handle, *std::get<std::optional<int>>(timeout));
    if (!outcome) return ApiError::queueDoesNotExist();
    if (*outcome == SqsQueue::HandleOutcome::Invalid) return ApiError::receiptHandleIsInvalid(*handle);
    if (*outcome == SqsQueue::HandleOutcome::NotInflight) return ApiError::messageNotInflight();
    return OrderedJson::object();
}

Outcome getQueueUrl(SqsBroker &broker, const OperationContext &context, const OrderedJson &request) {
    const auto name = text(request, "QueueName");
    if (!name) return ApiError::missingParameter(QStringLiteral("QueueName"));
    if (!broker.hasQueue(*name)) return ApiError::queueDoesNotExist();
    return OrderedJson{{"QueueUrl", utf8(queueUrl(context, *name))}};
}

Outcome getQueueAttributes(SqsBroker &broker, const OrderedJson &request) {
    const Resolved queue = resolveQueue(broker, request);
    if (queue.error) return *queue.error;
    const auto all = broker.attributes(queue.name);
    if (!all) return ApiError::queueDoesNotExist();
    const QStringList names = stringList(request, "AttributeNames");
    OrderedJson attributes = OrderedJson::object();
    for (const QString &name : names) {
        if (name == QLatin1String("All")) {
            for (const auto &[key, value] : *all)
                attributes[utf8(key)] = utf8(value);
        } else if (const auto found = all->find(name); found != all->end()) {
            attributes[utf8(name)] = utf8(found->second);
        } else if (name != QLatin1String("Policy") && name != QLatin1String("KmsMasterKeyId") &&
                   name != QLatin1String("RedriveAllowPolicy") && name != QLatin1String("RedrivePolicy")) {
            return ApiError::invalidAttributeName(name);
        }
    }
    OrderedJson result = OrderedJson::object();
    if (!attributes.empty()) result["Attributes"] = std::move(attributes);
    return result;
}

Outcome listQueues(SqsBroker &broker, const OperationContext &context, const OrderedJson &request) {
    const QString prefix = text(request, "QueueNamePrefix").value_or(QString());
    auto max = integer(request, "MaxResults", 1, 1000);
    if (auto *error = std::get_if<ApiError>(&max)) return *error;
    const std::optional<int> maxResults = std::get<std::optional<int>>(max);
    const qsizetype start = text(request, "NextToken").value_or(QString()).toLongLong();
    OrderedJson urls = OrderedJson::array();
    QStringList names;
    for (const QString &name : broker.queueNames())
        if (name.startsWith(prefix)) names.append(name);
    const qsizetype end =
        maxResults ? std::min(names.size(), start + *maxResults) : std::min<qsizetype>(names.size(), 1000);
    for (qsizetype i = std::max<qsizetype>(0, start); i < end; ++i)
        urls.push_back(utf8(queueUrl(context, names.at(i))));
    OrderedJson result = OrderedJson::object();
    if (!urls.empty()) result["QueueUrls"] = std::move(urls);
    if (maxResults && end < names.size()) result["NextToken"] = std::to_string(end);
    return result;
}

Outcome purgeQueue(SqsBroker &broker, const OrderedJson &request) {
    const Resolved queue = resolveQueue(broker, request);
    if (queue.error) return *queue.error;
    broker.purge(queue.name);
    return OrderedJson::object();
}

} // namespace

QString queueUrl(const OperationContext &context, const QString &name) {
    return context.baseUrl + u'/' + context.accountId + u'/' + name;
}

QString queueNameOfUrl(const QString &url) {
    const QString path = QUrl(url).path();
    const QString name = path.section(u'/', -1);
    return name.isEmpty() && !url.contains(u'/') ? url : name; // a bare name: accepted as LocalStack does
}

bool isKnownAction(const QString &action) {
    static const QSet<QString> known{
        QStringLiteral("SendMessage"),        QStringLiteral("SendMessageBatch"),
        QStringLiteral("ReceiveMessage"),     QStringLiteral("DeleteMessage"),
        QStringLiteral("DeleteMessageBatch"), QStringLiteral("ChangeMessageVisibility"),
        QStringLiteral("GetQueueUrl"),        QStringLiteral("GetQueueAttributes"),
        QStringLiteral("ListQueues"),         QStringLiteral("PurgeQueue")};
    return known.contains(action);
}

void runOperation(SqsBroker &broker, const OperationContext &context, const QString &action,
                  const OrderedJson &request, std::function<void(Outcome)> done) {
    if (!request.is_object())
        return done(ApiError::malformed(QStringLiteral("The request body must be a JSON object.")));
    if (action == QLatin1String("ReceiveMessage")) return receiveMessage(broker, request, std::move(done));
    if (action == QLatin1String("SendMessage")) return done(sendMessage(broker, context, request));
    if (action == QLatin1String("SendMessageBatch")) return done(sendMessageBatch(broker, context, request));
    if (action == QLatin1String("DeleteMessage")) return done(deleteMessage(broker, request));
    if (action == QLatin1String("DeleteMessageBatch")) return done(deleteMessageBatch(broker, request));
    if (action == QLatin1String("ChangeMessageVisibility"))
        return done(changeMessageVisibility(broker, request));
    if (action == QLatin1String("GetQueueUrl")) return done(getQueueUrl(broker, context, request));
    if (action == QLatin1String("GetQueueAttributes")) return done(getQueueAttributes(broker, request));
    if (action == QLatin1String("ListQueues")) return done(listQueues(broker, context, request));
    if (action == QLatin1String("PurgeQueue")) return done(purgeQueue(broker, request));
    done(ApiError::invalidAction(action));
}

} // namespace gatehouse::sqs
