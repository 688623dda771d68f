// The events of `gatehouse generate-event` and of the future trigger engine, read as specifications:
// every documented key is there with its JSON type, S3 keys are form-encoded, SQS bodies carry their
// real MD5, times are ISO 8601 in UTC, ARNs are built from the Region and account.
#include "events/EventTemplates.h"
#include "events/S3Notification.h"
#include "events/ScheduledEvent.h"
#include "events/SqsEvent.h"

#include <QRegularExpression>
#include <QtTest>

using namespace gatehouse;

namespace {

const QDateTime kTime = QDateTime::fromString(QStringLiteral("2024-05-01T12:34:56.789Z"), Qt::ISODateWithMs);

EventTemplateOptions options() {
    EventTemplateOptions o;
    o.region = QStringLiteral("eu-west-1");
    o.accountId = QStringLiteral("111122223333");
    o.time = kTime;
    return o;
}

QStringList names(std::initializer_list<const char *> items) {
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromLatin1(item));
    return list;
}

QStringList keysOf(const OrderedJson &object) {
    QStringList keys;
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.append(QString::fromStdString(it.key()));
    return keys;
}

QString text(const OrderedJson &value) {
    return QString::fromStdString(value.get<std::string>());
}

bool matches(const QString &pattern, const OrderedJson &value) {
    return value.is_string() &&
           QRegularExpression(QStringLiteral("^(?:%1)$").arg(pattern)).match(text(value)).hasMatch();
}

} // namespace

class TestEventTemplates : public QObject {
    Q_OBJECT
private slots:
    void catalogueNamesFollowSam() {
        QCOMPARE(findEventTemplate(QStringLiteral("s3"), QStringLiteral("put")), EventTemplateKind::S3Put);
        QCOMPARE(findEventTemplate(QStringLiteral("apigateway"), QStringLiteral("rest")),
                 EventTemplateKind::RestApi);
        QCOMPARE(findEventTemplate(QStringLiteral("sqs"), {}), EventTemplateKind::Sqs);
        QVERIFY(!findEventTemplate(QStringLiteral("s3"), {}));
        QVERIFY(!findEventTemplate(QStringLiteral("kinesis"), {}));
        QCOMPARE(eventTemplateSubtypes(QStringLiteral("s3")),
                 (QStringList{QStringLiteral("put"), QStringLiteral("delete")}));
    }

    void s3KeysAreFormEncodedLikeS3Does_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("encoded");
        QTest::newRow("documented example")
            << QStringLiteral("red flower.jpg") << QStringLiteral("red+flower.jpg");
        QTest::newRow("folders stay")
            << QStringLiteral("uploads/2024/a b.txt") << QStringLiteral("uploads/2024/a+b.txt");
        QTest::newRow("reserved characters")
            << QStringLiteral("a+b=c:d&e") << QStringLiteral("a%2Bb%3Dc%3Ad%26e");
        QTest::newRow("unicode as UTF-8 bytes")
            << QStringLiteral("사진/é.png") << QStringLiteral("%EC%82%AC%EC%A7%84/%C3%A9.png");
        QTest::newRow("unreserved") << QStringLiteral("A-z_0.9*") << QStringLiteral("A-z_0.9*");
    }
    void s3KeysAreFormEncodedLikeS3Does() {
        QFETCH(QString, key);
        QFETCH(QString, encoded);
        QCOMPARE(s3ObjectEventKey(key), encoded);
    }

    void s3PutHasEveryDocumentedKey() {
        EventTemplateOptions o = options();
        o.bucket = QStringLiteral("photos");
        o.key = QStringLiteral("holiday/red flower.jpg");
        o.body = QByteArrayLiteral("hello");
        const OrderedJson event = generateEvent(EventTemplateKind::S3Put, o);
        QCOMPARE(keysOf(event), QStringList{QStringLiteral("Records")});
        QCOMPARE(event["Records"].size(), size_t(1));
        const OrderedJson &r = event["Records"][0];
        QCOMPARE(keysOf(r), (names({"eventVersion", "eventSource", "awsRegion", "eventTime", "eventName",
                                    "userIdentity", "requestParameters", "responseElements", "s3"})));
        QCOMPARE(text(r["eventVersion"]), QStringLiteral("2.1"));
        QCOMPARE(text(r["eventSource"]), QStringLiteral("aws:s3"));
        QCOMPARE(text(r["awsRegion"]), QStringLiteral("eu-west-1"));
        QCOMPARE(text(r["eventTime"]), QStringLiteral("2024-05-01T12:34:56.789Z"));
        QCOMPARE(text(r["eventName"]), QStringLiteral("ObjectCreated:Put"));
        QVERIFY(r["userIdentity"]["principalId"].is_string());
        QVERIFY(r["requestParameters"]["sourceIPAddress"].is_string());
        QVERIFY(matches(QStringLiteral("[0-9A-F]{16}"), r["responseElements"]["x-amz-request-id"]));
        QVERIFY(matches(QStringLiteral("[A-Za-z0-9+/=]{76}"), r["responseElements"]["x-amz-id-2"]));
        const OrderedJson &s3 = r["s3"];
        QCOMPARE(keysOf(s3), (names({"s3SchemaVersion", "configurationId", "bucket", "object"})));
        QCOMPARE(text(s3["s3SchemaVersion"]), QStringLiteral("1.0"));
        QVERIFY(s3["configurationId"].is_string());
        QCOMPARE(keysOf(s3["bucket"]), (names({"name", "ownerIdentity", "arn"})));
        QCOMPARE(text(s3["bucket"]["name"]), QStringLiteral("photos"));
        QVERIFY(s3["bucket"]["ownerIdentity"]["principalId"].is_string());
        QCOMPARE(text(s3["bucket"]["arn"]), QStringLiteral("arn:aws:s3:::photos"));
        const OrderedJson &object = s3["object"];
        QCOMPARE(keysOf(object), (names({"key", "size", "eTag", "sequencer"})));
        QCOMPARE(text(object["key"]), QStringLiteral("holiday/red+flower.jpg"));
        QVERIFY(object["size"].is_number_integer());
        QCOMPARE(object["size"].get<qint64>(), 5);
        QCOMPARE(text(object["eTag"]), QStringLiteral("5d41402abc4b2a76b9719d911017c592")); // MD5("hello")
        QVERIFY(matches(QStringLiteral("[0-9A-F]{18}"), object["sequencer"]));
    }

    void s3SizeAndEtagCanBeGiven() {
        EventTemplateOptions o = options();
        o.size = 1305107;
        o.eTag = QStringLiteral("b21b84d653bb07b05b1e6b33684dc11b");
        const OrderedJson object = generateEvent(EventTemplateKind::S3Put, o)["Records"][0]["s3"]["object"];
        QCOMPARE(object["size"].get<qint64>(), 1305107);
        QCOMPARE(text(object["eTag"]), o.eTag);
    }

    void s3DeleteCarriesNoSizeOrEtag() {
        const OrderedJson r = generateEvent(EventTemplateKind::S3Delete, options())["Records"][0];
        QCOMPARE(text(r["eventName"]), QStringLiteral("ObjectRemoved:Delete"));
        QCOMPARE(keysOf(r["s3"]["object"]), (names({"key", "sequencer"})));
    }

    void laterS3EventsHaveGreaterSequencers() {
        const QString first = newS3Sequencer(kTime);
        const QString second = newS3Sequencer(kTime.addMSecs(1));
        QCOMPARE(first.size(), 18);
        QVERIFY(first < second);
    }

    void sqsRecordHasTheRealMd5AndQueueArn() {
        EventTemplateOptions o = options();
        o.queue = QStringLiteral("orders");
        o.body = QByteArrayLiteral(R"({"order": 42, "note": "café"})");
        const OrderedJson event = generateEvent(EventTemplateKind::Sqs, o);
        QCOMPARE(keysOf(event), QStringList{QStringLiteral("Records")});
        const OrderedJson &r = event["Records"][0];
        QCOMPARE(keysOf(r), (names({"messageId", "receiptHandle", "body", "attributes", "messageAttributes",
                                    "md5OfBody", "eventSource", "eventSourceARN", "awsRegion"})));
        QVERIFY(matches(QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                        r["messageId"]));
        QVERIFY(matches(QStringLiteral("AQEB[A-Za-z0-9+/=]{200,}"), r["receiptHandle"]));
        QCOMPARE(QByteArray::fromStdString(r["body"].get<std::string>()), o.body);
        QCOMPARE(text(r["md5OfBody"]),
                 QString::fromLatin1(QCryptographicHash::hash(o.body, QCryptographicHash::Md5).toHex()));
        QCOMPARE(sqsMd5OfBody("test"),
                 QStringLiteral("098f6bcd4621d373cade4e832627b4f6")); // the Lambda guide's
        QCOMPARE(keysOf(r["attributes"]), (names({"ApproximateReceiveCount", "SentTimestamp", "SenderId",
                                                  "ApproximateFirstReceiveTimestamp"})));
        for (const auto &value : r["attributes"])
            QVERIFY(value.is_string()); // SQS attributes are strings, numbers included
        QCOMPARE(text(r["attributes"]["ApproximateReceiveCount"]), QStringLiteral("1"));
        QCOMPARE(text(r["attributes"]["ApproximateFirstReceiveTimestamp"]),
                 QString::number(kTime.toMSecsSinceEpoch()));
        QVERIFY(text(r["attributes"]["SentTimestamp"]).toLongLong() <= kTime.toMSecsSinceEpoch());
        QVERIFY(r["messageAttributes"].is_object());
        QCOMPARE(text(r["eventSource"]), QStringLiteral("aws:sqs"));
        QCOMPARE(text(r["eventSourceARN"]), QStringLiteral("arn:aws:sqs:eu-west-1:111122223333:orders"));
        QCOMPARE(text(r["awsRegion"]), QStringLiteral("eu-west-1"));
    }

    void sqsBatchesKeepTheMessageOrder() {
        const SqsQueueRef queue{QStringLiteral("q"), QStringLiteral("us-east-2"),
                                QStringLiteral("123456789012")};
        SqsReceivedMessage a;
        a.messageId = QStringLiteral("id1");
        a.body = "a";
        SqsReceivedMessage b = a;
        b.messageId = QStringLiteral("id2");
        const OrderedJson event = sqsEvent(queue, {a, b});
        QCOMPARE(event["Records"].size(), size_t(2));
        QCOMPARE(text(event["Records"][1]["messageId"]), QStringLiteral("id2"));
    }

    void scheduledEventFollowsTheEventBridgeReference() {
        EventTemplateOptions o = options();
        o.rule = QStringLiteral("nightly");
        const OrderedJson event = generateEvent(EventTemplateKind::Schedule, o);
        QCOMPARE(keysOf(event), (names({"version", "id", "detail-type", "source", "account", "time", "region",
                                        "resources", "detail"})));
        QCOMPARE(text(event["version"]), QStringLiteral("0"));
        QVERIFY(matches(QStringLiteral("[0-9a-f-]{36}"), event["id"]));
        QCOMPARE(text(event["detail-type"]), QStringLiteral("Scheduled Event"));
        QCOMPARE(text(event["source"]), QStringLiteral("aws.events"));
        QCOMPARE(text(event["account"]), QStringLiteral("111122223333"));
        // EventBridge times have whole seconds ("2015-10-08T16:53:06Z" in the reference).
        QCOMPARE(text(event["time"]), QStringLiteral("2024-05-01T12:34:56Z"));
        QCOMPARE(text(event["region"]), QStringLiteral("eu-west-1"));
        QCOMPARE(event["resources"].size(), size_t(1));
        QCOMPARE(text(event["resources"][0]),
                 QStringLiteral("arn:aws:events:eu-west-1:111122223333:rule/nightly"));
        QVERIFY(event["detail"].is_object() && event["detail"].empty());
    }

    void httpApiTemplateIsTheGatewaysPayload2() {
        EventTemplateOptions o = options();
        o.method = QStringLiteral("post");
        o.path = QStringLiteral("/items/a%20b?x=1&x=2");
        o.body = QByteArrayLiteral(R"({"name":"apple"})");
        const OrderedJson event = generateEvent(EventTemplateKind::HttpApi, o);
        QCOMPARE(text(event["version"]), QStringLiteral("2.0"));
        QCOMPARE(text(event["routeKey"]), QStringLiteral("$default"));
        QCOMPARE(text(event["rawPath"]), QStringLiteral("/items/a b"));
        QCOMPARE(text(event["rawQueryString"]), QStringLiteral("x=1&x=2"));
        QCOMPARE(text(event["queryStringParameters"]["x"]), QStringLiteral("1,2"));
        QCOMPARE(text(event["headers"]["content-type"]), QStringLiteral("application/json"));
        const OrderedJson &rc = event["requestContext"];
        QCOMPARE(text(rc["accountId"]), QStringLiteral("111122223333"));
        QVERIFY(matches(QStringLiteral("[a-z0-9]{10}"), rc["apiId"]));
        QCOMPARE(text(rc["domainName"]),
                 text(rc["apiId"]) + QStringLiteral(".execute-api.eu-west-1.amazonaws.com"));
        QCOMPARE(text(rc["http"]["method"]), QStringLiteral("POST"));
        QCOMPARE(text(rc["stage"]), QStringLiteral("$default"));
        QCOMPARE(text(rc["time"]), QStringLiteral("01/May/2024:12:34:56 +0000"));
        QCOMPARE(rc["timeEpoch"].get<qint64>(), kTime.toMSecsSinceEpoch());
        QCOMPARE(text(event["body"]), QString::fromUtf8(o.body));
        QCOMPARE(event["isBase64Encoded"].get<bool>(), false);
    }

    void restApiTemplateIsTheGatewaysPayload1() {
        EventTemplateOptions o = options();
        o.path = QStringLiteral("/items/42?q=a");
        const OrderedJson event = generateEvent(EventTemplateKind::RestApi, o);
        QCOMPARE(text(event["resource"]), QStringLiteral("/{proxy+}"));
        QCOMPARE(text(event["path"]), QStringLiteral("/items/42"));
        QCOMPARE(text(event["httpMethod"]), QStringLiteral("GET"));
        QCOMPARE(text(event["pathParameters"]["proxy"]), QStringLiteral("items/42"));
        QCOMPARE(text(event["queryStringParameters"]["q"]), QStringLiteral("a"));
        QVERIFY(event["multiValueHeaders"].is_object());
        QVERIFY(event["body"].is_null());
        const OrderedJson &rc = event["requestContext"];
        QCOMPARE(text(rc["accountId"]), QStringLiteral("111122223333"));
        QCOMPARE(text(rc["stage"]), QStringLiteral("prod"));
        QCOMPARE(text(rc["path"]), QStringLiteral("/prod/items/42"));
        QVERIFY(matches(QStringLiteral("[0-9a-f-]{36}"), rc["requestId"]));
        QCOMPARE(rc["requestTimeEpoch"].get<qint64>(), kTime.toMSecsSinceEpoch());
    }

    void webSocketTemplateIsTheGatewaysMessageEvent() {
        EventTemplateOptions o = options();
        o.body = QByteArrayLiteral(R"({"action":"ping"})");
        const OrderedJson event = generateEvent(EventTemplateKind::WebSocketMessage, o);
        QCOMPARE(keysOf(event), (names({"requestContext", "body", "isBase64Encoded"})));
        const OrderedJson &rc = event["requestContext"];
        QCOMPARE(text(rc["eventType"]), QStringLiteral("MESSAGE"));
        QCOMPARE(text(rc["routeKey"]), QStringLiteral("$default"));
        QCOMPARE(text(rc["messageDirection"]), QStringLiteral("IN"));
        QVERIFY(matches(QStringLiteral("[A-Za-z0-9+/=]{16}"), rc["connectionId"]));
        QVERIFY(rc.contains("messageId"));
        QVERIFY(text(rc["domainName"]).endsWith(QLatin1String(".execute-api.eu-west-1.amazonaws.com")));
        QCOMPARE(text(event["body"]), QString::fromUtf8(o.body));
    }
};

QTEST_GUILESS_MAIN(TestEventTemplates)
#include "tst_event_templates.moc"
