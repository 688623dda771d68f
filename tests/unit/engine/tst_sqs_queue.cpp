// Local SQS queues without HTTP: MD5 digests, the message life cycle against an injected clock
// (delay, visibility timeout, retention, redrive to the dead-letter queue), long polls, the query
// protocol's translation and partial batch responses.
#include "sources/sqs/BatchItemFailures.h"
#include "sources/sqs/SqsBroker.h"
#include "sources/sqs/SqsOperations.h"
#include "sources/sqs/SqsQueryProtocol.h"

#include <QTest>
#include <QUuid>

using namespace gatehouse;
using namespace gatehouse::sqs;

namespace {

Queue queue(const QString &name, int visibility = 30) {
    Queue q;
    q.name = name;
    q.visibilityTimeoutSeconds = visibility;
    return q;
}

Message message(const QByteArray &body) {
    Message m;
    m.body = body;
    m.senderId = QStringLiteral("AIDATEST");
    return m;
}

} // namespace

class TestSqsQueue : public QObject {
    Q_OBJECT

    qint64 m_now = 1700000000000;
    SqsBroker::Clock clock() {
        return [this] { return m_now; };
    }

private Q_SLOTS:
    void md5OfBodyMatchesTheLambdaGuideExample() {
        // with-sqs.html: body "Test message." has md5OfBody e4e68fb7bd0e697a0ae8f1bb342846b3.
        QCOMPARE(md5OfBody("Test message."), QStringLiteral("e4e68fb7bd0e697a0ae8f1bb342846b3"));
    }

    void md5OfMessageAttributesFollowsTheDeveloperGuide() {
        // sqs-message-metadata.html "Calculating the MD5 message digest for message attributes"; the expected
        // digests come from an independent implementation of those steps (Python's struct + hashlib).
        MessageAttributes attributes;
        attributes[QStringLiteral("Population")] = {QStringLiteral("Number"), "1250800", {}};
        attributes[QStringLiteral("City")] = {QStringLiteral("String"), "Any City", {}};
        QCOMPARE(md5OfMessageAttributes(attributes), QStringLiteral("bf1eb494fecc925abadc71de4be9785c"));
        MessageAttributes binary;
        binary[QStringLiteral("blob")] = {QStringLiteral("Binary"), {}, QByteArray("\x00\x01\xff", 3)};
        binary[QStringLiteral("a")] = {QStringLiteral("String.custom"), "x", {}};
        QCOMPARE(md5OfMessageAttributes(binary), QStringLiteral("8f9fb23b03a89e6405cc143440760dc0"));
        QVERIFY(md5OfMessageAttributes({}).isEmpty());
    }

    void invalidAttributesAreRefused() {
        MessageAttributes attributes;
        attributes[QStringLiteral("AWS.reserved")] = {QStringLiteral("String"), "x", {}};
        QVERIFY(validateAttributes(attributes).has_value());
        attributes.clear();
        attributes[QStringLiteral("n")] = {QStringLiteral("Number"), "not a number", {}};
        QVERIFY(validateAttributes(attributes).has_value());
        attributes.clear();
        attributes[QStringLiteral("t")] = {QStringLiteral("Blob"), "x", {}};
        QVERIFY(validateAttributes(attributes).has_value());
        attributes.clear();
        attributes[QStringLiteral("ok")] = {QStringLiteral("String"), "x", {}};
        QVERIFY(!validateAttributes(attributes).has_value());
    }

    void aReceivedMessageIsHiddenForTheVisibilityTimeout() {
        SqsBroker broker(clock());
        broker.setQueues({queue(QStringLiteral("q"), 30)}, QStringLiteral("us-east-1"),
                         QStringLiteral("123456789012"));
        QString id;
        QVERIFY(broker.send(QStringLiteral("q"), message("hello"), std::nullopt, &id));
        QVERIFY(!QUuid::fromString(id).isNull());
        const auto first = broker.receive(QStringLiteral("q"), 10);
        QCOMPARE(first->size(), 1);
        QCOMPARE(first->first().messageId, id);
        QCOMPARE(first->first().receiveCount, 1);
        QCOMPARE(first->first().firstReceiveMs, m_now);
        QCOMPARE(first->first().sentMs, m_now);
        QVERIFY(broker.receive(QStringLiteral("q"), 10)->isEmpty());
        QCOMPARE(broker.counts(QStringLiteral("q"))->inFlight, 1);

        m_now += 29999;
        QVERIFY(broker.receive(QStringLiteral("q"), 10)->isEmpty());
        m_now += 1;
        const auto second = broker.receive(QStringLiteral("q"), 10);
        QCOMPARE(second->size(), 1);
        QCOMPARE(second->first().receiveCount, 2);
        QVERIFY(second->first().receiptHandle != first->first().receiptHandle);

        // The first receive's handle is stale: deleting with it succeeds but deletes nothing.
        QCOMPARE(*broker.deleteMessage(QStringLiteral("q"), first->first().receiptHandle),
                 SqsQueue::HandleOutcome::Done);
        QCOMPARE(broker.counts(QStringLiteral("q"))->inFlight, 1);
        QCOMPARE(*broker.deleteMessage(QStringLiteral("q"), second->first().receiptHandle),
                 SqsQueue::HandleOutcome::Done);
        QCOMPARE(broker.counts(QStringLiteral("q"))->inFlight, 0);
        QCOMPARE(*broker.deleteMessage(QStringLiteral("q"), QStringLiteral("garbage")),
                 SqsQueue::HandleOutcome::Invalid);
    }

    void changeMessageVisibilityMovesTheDeadline() {
        SqsBroker broker(clock());
        broker.setQueues({queue(QStringLiteral("q"), 30)}, QStringLiteral("us-east-1"), QStringLiteral("1"));
        broker.send(QStringLiteral("q"), message("m"));
        const auto received = broker.receive(QStringLiteral("q"), 1, 100);
        const QString handle = received->first().receiptHandle;
        QCOMPARE(*broker.changeVisibility(QStringLiteral("q"), handle, 0), SqsQueue::HandleOutcome::Done);
        // Visible again at once; its handle no longer names a message in flight.
        QCOMPARE(*broker.changeVisibility(QStringLiteral("q"), handle, 10),
                 SqsQueue::HandleOutcome::NotInflight);
        QCOMPARE(broker.receive(QStringLiteral("q"), 1)->size(), 1);
    }

    void delaySecondsHideANewMessage() {
        SqsBroker broker(clock());
        broker.setQueues({queue(QStringLiteral("q"))}, QStringLiteral("us-east-1"), QStringLiteral("1"));
        broker.send(QStringLiteral("q"), message("later"), 5);
        QCOMPARE(broker.counts(QStringLiteral("q"))->delayed, 1);
        QVERIFY(broker.receive(QStringLiteral("q"), 1)->isEmpty());
        m_now += 5000;
        QCOMPARE(broker.receive(QStringLiteral("q"), 1)->size(), 1);
    }

    void messagesExpireAfterTheRetentionPeriod() {
        Queue q = queue(QStringLiteral("q"));
        q.messageRetentionSeconds = 60;
        SqsBroker broker(clock());
        broker.setQueues({q}, QStringLiteral("us-east-1"), QStringLiteral("1"));
        broker.send(QStringLiteral("q"), message("old"));
        m_now += 30000;
        broker.send(QStringLiteral("q"), message("new"));
        m_now += 30000; // the first is now 60 s old
        broker.tick();
        QCOMPARE(broker.counts(QStringLiteral("q"))->visible, 1);
        QCOMPARE(broker.receive(QStringLiteral("q"), 10)->first().body, QByteArray("new"));
    }

    void redriveMovesAMessageAfterMaxReceiveCount() {
        Queue source = queue(QStringLiteral("work"), 10);
        source.deadLetterQueue = QStringLiteral("dead");
        source.maxReceiveCount = 2;
        SqsBroker broker(clock());
        broker.setQueues({source, queue(QStringLiteral("dead"))}, QStringLiteral("us-east-1"),
                         QStringLiteral("123456789012"));
        QString id;
        broker.send(QStringLiteral("work"), message("poison"), std::nullopt, &id);
        for (int receive = 1; receive <= 2; ++receive) {
            const auto got = broker.receive(QStringLiteral("work"), 1);
            QCOMPARE(got->size(), 1);
            QCOMPARE(got->first().receiveCount, receive);
            m_now += 10000;
        }
        // The third receive would exceed maxReceiveCount: the message moves instead.
        QVERIFY(broker.receive(QStringLiteral("work"), 1)->isEmpty());
        QCOMPARE(broker.counts(QStringLiteral("work"))->visible +
                     broker.counts(QStringLiteral("work"))->inFlight,
                 0);
        const auto dead = broker.receive(QStringLiteral("dead"), 1);
        QCOMPARE(dead->size(), 1);
        QCOMPARE(dead->first().messageId, id);
        QCOMPARE(dead->first().body, QByteArray("poison"));
        QCOMPARE(dead->first().deadLetterSourceArn,
                 QStringLiteral("arn:aws:sqs:us-east-1:123456789012:work"));
        const auto attributes = broker.attributes(QStringLiteral("work"));
        QCOMPARE(
            attributes->at(QStringLiteral("RedrivePolicy")),
            QStringLiteral(
                R"({"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:dead","maxReceiveCount":2})"));
    }

    void aLongPollIsAnsweredBySendOrByItsDeadline() {
        SqsBroker broker(clock());
        broker.setQueues({queue(QStringLiteral("q"))}, QStringLiteral("us-east-1"), QStringLiteral("1"));
        QList<QList<Message>> answers;
        QVERIFY(broker.receiveOrWait(QStringLiteral("q"), 1, std::nullopt, 20,
                                     [&answers](QList<Message> m) { answers.append(m); }));
        QVERIFY(answers.isEmpty()); // waiting, no thread blocked
        broker.send(QStringLiteral("q"), message("wake"));
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.first().first().body, QByteArray("wake"));

        broker.receiveOrWait(QStringLiteral("q"), 1, std::nullopt, 2,
                             [&answers](QList<Message> m) { answers.append(m); });
        m_now += 1999;
        broker.tick();
        QCOMPARE(answers.size(), 1);
        m_now += 1;
        broker.tick();
        QCOMPARE(answers.size(), 2);
        QVERIFY(answers.last().isEmpty());
    }

    void queuesKeepTheirMessagesAcrossAReload() {
        SqsBroker broker(clock());
        broker.setQueues({queue(QStringLiteral("a")), queue(QStringLiteral("b"))}, QStringLiteral("r"),
                         QStringLiteral("1"));
        broker.send(QStringLiteral("a"), message("kept"));
        broker.setQueues({queue(QStringLiteral("a"), 5)}, QStringLiteral("r"), QStringLiteral("1"));
        QVERIFY(!broker.hasQueue(QStringLiteral("b")));
        QCOMPARE(broker.counts(QStringLiteral("a"))->visible, 1);
        QCOMPARE(broker.queueConfig(QStringLiteral("a"))->visibilityTimeoutSeconds, 5);
    }

    void queryFormsBecomeJsonRequests() {
        const QUrlQuery form(QStringLiteral(
            "Action=SendMessageBatch&QueueUrl=http%3A%2F%2Fh%2F0%2Fq"
            "&SendMessageBatchRequestEntry.2.Id=b&SendMessageBatchRequestEntry.2.MessageBody=two"
            "&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=one"
            "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Name=City"
            "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType=String"
            "&SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue=Any%20City"));
        const OrderedJson request = query::requestFromForm(form);
        QCOMPARE(QByteArray::fromStdString(request["QueueUrl"].get<std::string>()),
                 QByteArray("http://h/0/q"));
        QVERIFY(request["Entries"].size() == size_t(2));
        QVERIFY(request["Entries"][0]["Id"] == OrderedJson("a"));
        QVERIFY(request["Entries"][0]["MessageAttributes"]["City"]["StringValue"] == OrderedJson("Any City"));
        QVERIFY(request["Entries"][1]["MessageBody"] == OrderedJson("two"));
        const OrderedJson names = query::requestFromForm(QUrlQuery(QStringLiteral("AttributeName.1=All")));
        QVERIFY(names["AttributeNames"] == OrderedJson::array({"All"}));
    }

    void queryResponsesUseTheFlattenedElements() {
        OrderedJson result{
            {"Messages",
             OrderedJson::array({OrderedJson{
                 {"MessageId", "m1"}, {"Body", "a<b"}, {"Attributes", OrderedJson{{"SenderId", "S"}}}}})}};
        const QByteArray xml =
            query::responseXml(QStringLiteral("ReceiveMessage"), result, QStringLiteral("req"));
        QVERIFY2(xml.contains("<ReceiveMessageResult><Message><MessageId>m1</MessageId><Body>a&lt;b</Body>"
                              "<Attribute><Name>SenderId</Name><Value>S</Value></Attribute></Message>"),
                 xml.constData());
        QVERIFY(xml.contains("<ResponseMetadata><RequestId>req</RequestId></ResponseMetadata>"));
        const QByteArray error = query::errorXml(ApiError::queueDoesNotExist(), QStringLiteral("r"));
        QVERIFY2(
            error.contains("<Error><Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code>"),
            error.constData());
    }

    void operationsAnswerInTheJsonProtocolsShapes() {
        SqsBroker broker(clock());
        broker.setQueues({queue(QStringLiteral("q"))}, QStringLiteral("us-east-1"), QStringLiteral("1"));
        const OperationContext context{QStringLiteral("http://127.0.0.1:1"), QStringLiteral("000000000000"),
                                       QStringLiteral("AKID")};
        Outcome outcome;
        const auto run = [&](const char *action, const OrderedJson &request) {
            runOperation(broker, context, QString::fromLatin1(action), request,
                         [&outcome](Outcome o) { outcome = o; });
            return outcome;
        };
        const std::string url = "http://127.0.0.1:1/000000000000/q";
        auto sent =
            run("SendMessage", {{"QueueUrl", url},
                                {"MessageBody", "Test message."},
                                {"MessageAttributes",
                                 {{"City", {{"DataType", "String"}, {"StringValue", "Any City"}}},
                                  {"Population", {{"DataType", "Number"}, {"StringValue", "1250800"}}}}}});
        const OrderedJson &result = std::get<OrderedJson>(sent);
        QVERIFY(result["MD5OfMessageBody"] == OrderedJson("e4e68fb7bd0e697a0ae8f1bb342846b3"));
        QVERIFY(result["MD5OfMessageAttributes"] == OrderedJson("bf1eb494fecc925abadc71de4be9785c"));

        auto received = run("ReceiveMessage", {{"QueueUrl", url},
                                               {"MessageSystemAttributeNames", {"All"}},
                                               {"MessageAttributeNames", {"Population", "Ci.*"}}});
        const OrderedJson &messages = std::get<OrderedJson>(received)["Messages"];
        QVERIFY(messages.size() == size_t(1));
        QVERIFY(messages[0]["Attributes"]["SenderId"] == OrderedJson("AKID"));
        QVERIFY(messages[0]["Attributes"]["ApproximateReceiveCount"] == OrderedJson("1"));
        QVERIFY(messages[0]["MessageAttributes"].size() ==
                size_t(1)); // "Ci.*" is the prefix "Ci.": only Population

        auto missing = run("GetQueueUrl", {{"QueueName", "nope"}});
        QCOMPARE(std::get<ApiError>(missing).queryCode,
                 QStringLiteral("AWS.SimpleQueueService.NonExistentQueue"));
        auto tooMany = run("ReceiveMessage", {{"QueueUrl", url}, {"MaxNumberOfMessages", 11}});
        QCOMPARE(std::get<ApiError>(tooMany).type, QStringLiteral("InvalidParameterValue"));
        auto badBatch =
            run("SendMessageBatch",
                {{"QueueUrl", url},
                 {"Entries", {{{"Id", "x"}, {"MessageBody", "1"}}, {{"Id", "x"}, {"MessageBody", "2"}}}}});
        QCOMPARE(std::get<ApiError>(badBatch).type, QStringLiteral("BatchEntryIdsNotDistinct"));
        auto list = run("ListQueues", OrderedJson::object());
        QVERIFY(std::get<OrderedJson>(list)["QueueUrls"] == OrderedJson::array({url}));
    }

    void partialBatchResponses() {
        const QSet<QString> ids{QStringLiteral("a"), QStringLiteral("b")};
        QCOMPARE(*batchItemFailures(R"({"batchItemFailures":[{"itemIdentifier":"b"}]})", ids),
                 QSet<QString>{QStringLiteral("b")});
        QVERIFY(batchItemFailures("", ids)->isEmpty());
        QVERIFY(batchItemFailures("null", ids)->isEmpty());
        QVERIFY(batchItemFailures("{}", ids)->isEmpty());
        QVERIFY(batchItemFailures(R"({"batchItemFailures":[]})", ids)->isEmpty());
        QVERIFY(batchItemFailures(R"({"batchItemFailures":null})", ids)->isEmpty());
        // Documented complete failures.
        QVERIFY(!batchItemFailures("{not json", ids));
        QVERIFY(!batchItemFailures(R"({"batchItemFailures":[{"itemIdentifier":""}]})", ids));
        QVERIFY(!batchItemFailures(R"({"batchItemFailures":[{"itemIdentifier":null}]})", ids));
        QVERIFY(!batchItemFailures(R"({"batchItemFailures":[{"itemId":"a"}]})", ids));
        QVERIFY(!batchItemFailures(R"({"batchItemFailures":[{"itemIdentifier":"zzz"}]})", ids));
    }
};

QTEST_GUILESS_MAIN(TestSqsQueue)
#include "tst_sqs_queue.moc"
