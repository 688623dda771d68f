// Rows: buckets and their notifications, schedules, queues and saved requests.
#include "ValidationRows.h"

namespace gatehouse::test {

namespace {
QByteArray buckets(const QByteArray &list) {
    return withHello(R"(, "buckets": [)" + list + "]");
}
QByteArray bucketNamed(const char *name) {
    return buckets(QByteArray(R"({"name": ")") + name + "\"}");
}
QByteArray notifications(const QByteArray &list) {
    return buckets(R"({"name": "uploads", "notifications": [)" + list + "]}");
}
QByteArray schedule(const char *members) {
    return withHello(QByteArray(R"(, "schedules": [{"name": "tick", "function": "hello", )") + members +
                     "}]");
}
QByteArray queues(const QByteArray &list) {
    return withHello(R"(, "queues": [)" + list + "]");
}
QByteArray requests(const QByteArray &list) {
    return withHello(R"(, "requests": [)" + list + "]");
}
} // namespace

void addEventSourceRows() {
    addRow("bucket: upper-case name", bucketNamed("MyBucket"), "buckets[0].name",
           "bucket name 'MyBucket' may contain only lowercase letters");
    addRow("bucket: name shorter than 3", bucketNamed("ab"), "buckets[0].name",
           "must be 3 to 63 characters long");
    addRow("bucket: name formatted as an IP address", bucketNamed("192.168.1.1"), "buckets[0].name",
           "is formatted as an IP address");
    addRow("bucket: reserved prefix", bucketNamed("xn--uploads"), "buckets[0].name",
           "reserved prefix 'xn--'");
    addRow("bucket: reserved suffix", bucketNamed("logs-s3alias"), "buckets[0].name",
           "reserved suffix '-s3alias'");
    addRow("bucket: two adjacent dots", bucketNamed("a..b"), "buckets[0].name", "contains '..'");
    addRow("bucket: starts with a hyphen", bucketNamed("-uploads"), "buckets[0].name",
           "must start and end with a letter or digit");
    addRow("bucket: duplicate name", buckets(R"({"name": "uploads"}, {"name": "uploads"})"),
           "buckets[1].name", "name 'uploads' is already used by buckets[0]");
    addRow("bucket: notification function must exist", notifications(R"({"function": "helo"})"),
           "buckets[0].notifications[0].function", "references unknown function 'helo'");
    addRow("bucket: unknown event type",
           notifications(R"({"function": "hello", "events": ["s3:ObjectCreated:Upload"]})"),
           "buckets[0].notifications[0].events[0]", "'s3:ObjectCreated:Upload' is not an S3 event type");
    addRow("bucket: delete markers need versioning",
           notifications(R"({"function": "hello", "events": ["s3:ObjectRemoved:DeleteMarkerCreated"]})"),
           "buckets[0].notifications[0].events[0]",
           "delete markers are created only in a bucket with versioning", Expect::Warning);
    addRow("bucket: at least one event", notifications(R"({"function": "hello", "events": []})"),
           "buckets[0].notifications[0].events", "a notification needs at least one event type");
    addRow("bucket: overlapping notifications are ambiguous",
           notifications(R"({"function": "hello", "events": ["s3:ObjectCreated:*"], "prefix": "uploads/"},
                            {"function": "hello", "events": ["s3:ObjectCreated:Put"], "prefix": "uploads/images/"})"),
           "buckets[0].notifications[1]", "Configuration is ambiguously defined");
    addRow("bucket: empty filters overlap everything",
           notifications(R"({"function": "hello", "suffix": ".txt"},
                            {"function": "hello", "events": ["s3:ObjectCreated:Copy"]})"),
           "buckets[0].notifications[1]", "overlaps buckets[0].notifications[0] for 's3:ObjectCreated:Copy'");

    addRow(
        "schedule: name characters",
        withHello(
            R"j(, "schedules": [{"name": "every minute", "function": "hello", "expression": "rate(1 minute)"}])j"),
        "schedules[0].name", "'every minute' is not a valid schedule name");
    addRow(
        "schedule: function must exist",
        withHello(R"j(, "schedules": [{"name": "t", "function": "tock", "expression": "rate(1 minute)"}])j"),
        "schedules[0].function", "references unknown function 'tock'");
    addRow("schedule: both day fields set", schedule(R"j("expression": "cron(0 10 * * 1 *)")j"),
           "schedules[0].expression",
           "day-of-month and day-of-week cannot both be set; use '?' in one of them");
    addRow("schedule: singular unit for 1", schedule(R"j("expression": "rate(1 minutes)")j"),
           "schedules[0].expression", "use 'minute' for a value of 1");
    addRow("schedule: invalid cron field", schedule(R"j("expression": "cron(60 10 * * ? *)")j"),
           "schedules[0].expression", "minutes: '60' is out of range (0-59)");
    addRow("schedule: unknown time zone",
           schedule(R"j("expression": "rate(5 minutes)", "timezone": "Mars/Olympus")j"),
           "schedules[0].timezone", "'Mars/Olympus' is not a known time zone");
    addRow("schedule: never firing again warns", schedule(R"j("expression": "cron(0 0 1 1 ? 2000)")j"),
           "schedules[0].expression", "never fires after", Expect::Warning);
    addRow("schedule: duplicate name",
           withHello(R"j(, "schedules": [{"name": "t", "function": "hello", "expression": "rate(1 minute)"},
                                         {"name": "t", "function": "hello", "expression": "rate(2 minutes)"}])j"),
           "schedules[1].name", "name 't' is already used by schedules[0]");

    addRow("queue: name characters", queues(R"({"name": "my queue"})"), "queues[0].name",
           "'my queue' is not a valid queue name");
    addRow("queue: FIFO name ends in .fifo", queues(R"({"name": "orders", "fifo": true})"), "queues[0].name",
           "a FIFO queue's name must end in '.fifo'");
    addRow("queue: .fifo name needs fifo", queues(R"({"name": "orders.fifo"})"), "queues[0].fifo",
           "ends in '.fifo' but fifo is false");
    addRow("queue: visibility timeout at most 12 hours",
           queues(R"({"name": "q", "visibilityTimeoutSeconds": 50000})"),
           "queues[0].visibilityTimeoutSeconds", "visibilityTimeoutSeconds must be between 0 and 43200");
    addRow("queue: retention at least a minute", queues(R"({"name": "q", "messageRetentionSeconds": 30})"),
           "queues[0].messageRetentionSeconds", "messageRetentionSeconds must be between 60 and 1209600");
    addRow("queue: dead-letter queue must exist",
           queues(R"({"name": "q", "deadLetterQueue": "dlq"}, {"name": "dead"})"),
           "queues[0].deadLetterQueue", "references unknown queue 'dlq'");
    addRow("queue: not its own dead-letter queue", queues(R"({"name": "q", "deadLetterQueue": "q"})"),
           "queues[0].deadLetterQueue", "a queue cannot be its own dead-letter queue");
    addRow("queue: FIFO dead-letter queue is FIFO",
           queues(R"({"name": "q.fifo", "fifo": true, "deadLetterQueue": "dlq"}, {"name": "dlq"})"),
           "queues[0].deadLetterQueue", "the dead-letter queue of a FIFO queue must be a FIFO queue");
    addRow("queue: max receive count at least 1", queues(R"({"name": "q", "maxReceiveCount": 0})"),
           "queues[0].maxReceiveCount", "maxReceiveCount must be between 1 and 1000");
    addRow("queue: trigger function must exist", queues(R"({"name": "q", "trigger": {"function": "nope"}})"),
           "queues[0].trigger.function", "references unknown function 'nope'");
    addRow("queue: FIFO batches of at most 10",
           queues(R"({"name": "q.fifo", "fifo": true, "trigger": {"function": "hello", "batchSize": 20,
                     "maximumBatchingWindowSeconds": 1}})"),
           "queues[0].trigger.batchSize", "batchSize must be between 1 and 10, found 20");
    addRow("queue: batches above 10 need a batching window",
           queues(R"({"name": "q", "trigger": {"function": "hello", "batchSize": 100}})"),
           "queues[0].trigger.maximumBatchingWindowSeconds",
           "a batch size above 10 needs maximumBatchingWindowSeconds");
    addRow("queue: batching window at most 5 minutes",
           queues(R"({"name": "q", "trigger": {"function": "hello", "maximumBatchingWindowSeconds": 301}})"),
           "queues[0].trigger.maximumBatchingWindowSeconds", "between 0 and 300");
    addRow("queue: visibility shorter than the function timeout",
           queues(R"({"name": "q", "visibilityTimeoutSeconds": 2, "trigger": {"function": "hello"}})"),
           "queues[0].visibilityTimeoutSeconds", "is shorter than the timeout of function 'hello' (3 s)");
    addRow("queue: visibility below six function timeouts warns",
           queues(R"({"name": "q", "visibilityTimeoutSeconds": 10, "trigger": {"function": "hello"}})"),
           "queues[0].visibilityTimeoutSeconds", "is less than 6 × the timeout", Expect::Warning);

    addRow("request: method", requests(R"({"name": "r", "method": "FETCH", "url": "http://x"})"),
           "requests[0].method", "'FETCH' is not an HTTP method");
    addRow("request: url required", requests(R"({"name": "r", "url": ""})"), "requests[0].url",
           "a saved request needs a url");
    addRow("request: duplicate names warn",
           requests(R"({"name": "r", "url": "http://x"}, {"name": "r", "url": "http://y"})"),
           "requests[1].name", "name 'r' is already used by requests[0]", Expect::Warning);
}

} // namespace gatehouse::test
