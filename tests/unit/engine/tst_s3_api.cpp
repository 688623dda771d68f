// The S3 API answered in process (S3Api::respond on hand-made requests): the operations' status codes,
// headers and XML, S3's error bodies, aws-chunked bodies, signatures when the project sets
// credentials, and the notifications each write sends (captured instead of invoking).
#include "S3ApiHarness.h"
#include "sources/s3/SigV4Verifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::s3;
using namespace gatehouse::test;

class TestS3Api : public S3ApiTestCase {
    Q_OBJECT
private slots:
    void init() {
        // hello-uploads: uploads/*.txt created → onUpload, anything removed → onRemove; other-bucket: none.
        QVERIFY(startApi({makeBucket(QStringLiteral("hello-uploads"),
                                     {makeNotification(QStringLiteral("onUpload"), {},
                                                       QStringLiteral("uploads/"), QStringLiteral(".txt")),
                                      makeNotification(QStringLiteral("onRemove"),
                                                       {QStringLiteral("s3:ObjectRemoved:*")})}),
                          makeBucket(QStringLiteral("other-bucket"))}));
    }

    void putGetHeadDeleteRoundTrip() {
        http::HttpResponse put = send("PUT", "/hello-uploads/uploads/a%20b.txt", "hello",
                                      {{"Content-Type", "text/plain"}, {"x-amz-meta-Owner", "me"}});
        QCOMPARE(put.status, 200);
        const QByteArray etag =
            "\"" + QCryptographicHash::hash("hello", QCryptographicHash::Md5).toHex() + "\"";
        QCOMPARE(put.headers.value("ETag"), etag);
        QVERIFY(!put.headers.value("x-amz-request-id").isEmpty());

        http::HttpResponse get = send("GET", "/hello-uploads/uploads/a%20b.txt");
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, QByteArray("hello"));
        QCOMPARE(get.headers.value("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(get.headers.value("x-amz-meta-owner"), QByteArray("me"));
        QVERIFY(get.headers.value("Last-Modified").endsWith(" GMT"));

        http::HttpResponse head = send("HEAD", "/hello-uploads/uploads/a%20b.txt");
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.headers.value("Content-Length"), QByteArray("5"));

        QCOMPARE(send("DELETE", "/hello-uploads/uploads/a%20b.txt").status, 204);
        QCOMPARE(send("DELETE", "/hello-uploads/uploads/a%20b.txt").status, 204); // missing: still 204
        QCOMPARE(send("HEAD", "/hello-uploads/uploads/a%20b.txt").status, 404);

        // Put → onUpload with the documented record; delete → onRemove once (the second found nothing).
        QCOMPARE(m_s3->deliveries.size(), 2);
        QCOMPARE(m_s3->deliveries[0].function, QStringLiteral("onUpload"));
        const OrderedJson &record = m_s3->deliveries[0].event["Records"][0];
        QCOMPARE(text(record["eventVersion"]), QStringLiteral("2.1"));
        QCOMPARE(text(record["eventSource"]), QStringLiteral("aws:s3"));
        QCOMPARE(text(record["eventName"]), QStringLiteral("ObjectCreated:Put"));
        QCOMPARE(text(record["s3"]["bucket"]["name"]), QStringLiteral("hello-uploads"));
        QCOMPARE(text(record["s3"]["bucket"]["arn"]), QStringLiteral("arn:aws:s3:::hello-uploads"));
        QCOMPARE(text(record["s3"]["object"]["key"]), QStringLiteral("uploads/a+b.txt")); // URL-encoded
        QCOMPARE(record["s3"]["object"]["size"].get<int>(), 5);
        QCOMPARE(QStringLiteral("\"%1\"").arg(text(record["s3"]["object"]["eTag"])).toLatin1(), etag);
        QCOMPARE(text(record["s3"]["object"]["sequencer"]).size(), 18);
        QCOMPARE(text(record["responseElements"]["x-amz-request-id"]).toLatin1(),
                 put.headers.value("x-amz-request-id"));
        QCOMPARE(m_s3->deliveries[1].function, QStringLiteral("onRemove"));
        QCOMPARE(text(m_s3->deliveries[1].event["Records"][0]["eventName"]),
                 QStringLiteral("ObjectRemoved:Delete"));
    }

    // Virtual-hosted style on *.localhost (S3 User Guide, "Virtual hosting of buckets").
    void virtualHostedRequestsNameTheBucketInTheHost() {
        QCOMPARE(send("PUT", "/notes/a.txt", "vh", {{"Host", "other-bucket.localhost:4566"}}).status, 200);
        QCOMPARE(send("GET", "/other-bucket/notes/a.txt").body, QByteArray("vh"));
        http::HttpResponse listed =
            send("GET", "/?list-type=2", {}, {{"Host", "other-bucket.localhost:4566"}});
        QCOMPARE(xmlText(listed.body, QStringLiteral("Key")), QStringLiteral("notes/a.txt"));
        QCOMPARE(send("GET", "/x", {}, {{"Host", "nope-bucket.localhost"}}).status, 404);
    }

    void filteredOutKeysTriggerNothing() {
        QCOMPARE(send("PUT", "/hello-uploads/uploads/photo.jpg", "x").status, 200); // suffix
        QCOMPARE(send("PUT", "/hello-uploads/other/a.txt", "x").status, 200);       // prefix
        QCOMPARE(send("PUT", "/other-bucket/uploads/a.txt", "x").status, 200);      // no rules
        QVERIFY(m_s3->deliveries.isEmpty());
    }

    void errorsAreS3XmlWithCodeMessageResourceAndRequestId() {
        http::HttpResponse missing = send("GET", "/hello-uploads/nope.txt");
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.headers.value("Content-Type"), QByteArray("application/xml"));
        QCOMPARE(xmlText(missing.body, QStringLiteral("Code")), QStringLiteral("NoSuchKey"));
        QCOMPARE(xmlText(missing.body, QStringLiteral("Message")),
                 QStringLiteral("The specified key does not exist."));
        QCOMPARE(xmlText(missing.body, QStringLiteral("Key")), QStringLiteral("nope.txt"));
        QCOMPARE(xmlText(missing.body, QStringLiteral("Resource")),
                 QStringLiteral("/hello-uploads/nope.txt"));
        QCOMPARE(xmlText(missing.body, QStringLiteral("RequestId")).toLatin1(),
                 missing.headers.value("x-amz-request-id"));

        http::HttpResponse noBucket = send("GET", "/no-such-bucket/x");
        QCOMPARE(noBucket.status, 404);
        QCOMPARE(xmlText(noBucket.body, QStringLiteral("Code")), QStringLiteral("NoSuchBucket"));
        QCOMPARE(xmlText(noBucket.body, QStringLiteral("BucketName")), QStringLiteral("no-such-bucket"));

        http::HttpResponse tooLong = send("PUT", "/hello-uploads/" + QByteArray(1025, 'k'), "x");
        QCOMPARE(tooLong.status, 400);
        QCOMPARE(xmlText(tooLong.body, QStringLiteral("Code")), QStringLiteral("KeyTooLongError"));

        http::HttpResponse malformed = send("POST", "/hello-uploads?delete", "<Delete><Object>");
        QCOMPARE(malformed.status, 400);
        QCOMPARE(xmlText(malformed.body, QStringLiteral("Code")), QStringLiteral("MalformedXML"));

        http::HttpResponse badDigest =
            send("PUT", "/hello-uploads/d.bin", "data", {{"Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA=="}});
        QCOMPARE(badDigest.status, 400);
        QCOMPARE(xmlText(badDigest.body, QStringLiteral("Code")), QStringLiteral("BadDigest"));

        QCOMPARE(send("HEAD", "/hello-uploads/nope.txt").body, QByteArray()); // HEAD errors have no body
    }

    void rangeRequestsAnswer206Or416() {
        QCOMPARE(send("PUT", "/hello-uploads/r.bin", "0123456789").status, 200);
        http::HttpResponse part = send("GET", "/hello-uploads/r.bin", {}, {{"Range", "bytes=2-5"}});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, QByteArray("2345"));
        QCOMPARE(part.headers.value("Content-Range"), QByteArray("bytes 2-5/10"));
        QCOMPARE(send("GET", "/hello-uploads/r.bin", {}, {{"Range", "bytes=-3"}}).body, QByteArray("789"));
        http::HttpResponse beyond = send("GET", "/hello-uploads/r.bin", {}, {{"Range", "bytes=10-"}});
        QCOMPARE(beyond.status, 416);
        QCOMPARE(xmlText(beyond.body, QStringLiteral("Code")), QStringLiteral("InvalidRange"));
        QCOMPARE(xmlText(beyond.body, QStringLiteral("ActualObjectSize")), QStringLiteral("10"));
    }

    void listObjectsV2WithDelimiterPaginationAndUrlEncoding() {
        for (const char *key : {"a%20b.txt", "dir/one", "dir/two", "z+plus"})
            QCOMPARE(send("PUT", "/other-bucket/" + QByteArray(key), "x").status, 200);
        http::HttpResponse list = send("GET", "/other-bucket?list-type=2&delimiter=%2F&encoding-type=url");
        QCOMPARE(list.status, 200);
        QCOMPARE(xmlText(list.body, QStringLiteral("KeyCount")), QStringLiteral("3"));
        QVERIFY2(list.body.contains("<Key>a%20b.txt</Key>"), list.body.constData());
        QVERIFY(list.body.contains("<Key>z%2Bplus</Key>"));
        QVERIFY(list.body.contains("<CommonPrefixes><Prefix>dir/</Prefix></CommonPrefixes>"));

        http::HttpResponse first = send("GET", "/other-bucket?list-type=2&max-keys=2");
        QCOMPARE(xmlText(first.body, QStringLiteral("IsTruncated")), QStringLiteral("true"));
        QCOMPARE(countOf(first.body, "Contents"), 2);
        const QByteArray token =
            QUrl::toPercentEncoding(xmlText(first.body, QStringLiteral("NextContinuationToken")));
        http::HttpResponse second =
            send("GET", "/other-bucket?list-type=2&max-keys=2&continuation-token=" + token);
        QCOMPARE(xmlText(second.body, QStringLiteral("IsTruncated")), QStringLiteral("false"));
        QCOMPARE(countOf(second.body, "Contents"), 2);
        QCOMPARE(xmlText(second.body, QStringLiteral("Key")), QStringLiteral("dir/two"));

        http::HttpResponse buckets = send("GET", "/");
        QCOMPARE(countOf(buckets.body, "Bucket"), 2);
        QCOMPARE(send("HEAD", "/other-bucket").status, 200);
        QCOMPARE(send("HEAD", "/missing-bucket").status, 404);
    }

    void deleteObjectsAndCopyObjectNotify() {
        QCOMPARE(send("PUT", "/hello-uploads/src.bin", "payload", {{"x-amz-meta-k", "v"}}).status, 200);
        http::HttpResponse copy = send("PUT", "/hello-uploads/uploads/copy.txt", {},
                                       {{"x-amz-copy-source", "/hello-uploads/src.bin"}});
        QCOMPARE(copy.status, 200);
        QVERIFY(!xmlText(copy.body, QStringLiteral("ETag")).isEmpty());
        QCOMPARE(send("GET", "/hello-uploads/uploads/copy.txt").headers.value("x-amz-meta-k"),
                 QByteArray("v"));
        QCOMPARE(xmlText(send("PUT", "/hello-uploads/src.bin", {},
                              {{"x-amz-copy-source", "hello-uploads/src.bin"}})
                             .body,
                         QStringLiteral("Code")),
                 QStringLiteral("InvalidRequest"));
        QCOMPARE(
            xmlText(send("PUT", "/hello-uploads/x", {}, {{"x-amz-copy-source", "hello-uploads/none"}}).body,
                    QStringLiteral("Code")),
            QStringLiteral("NoSuchKey"));
        QCOMPARE(m_s3->deliveries.size(), 1);
        QCOMPARE(text(m_s3->deliveries[0].event["Records"][0]["eventName"]),
                 QStringLiteral("ObjectCreated:Copy"));

        http::HttpResponse deleted =
            send("POST", "/hello-uploads?delete",
                 "<Delete><Object><Key>src.bin</Key></Object><Object><Key>uploads/copy.txt</Key></Object>"
                 "<Object><Key>never-there</Key></Object></Delete>");
        QCOMPARE(deleted.status, 200);
        QCOMPARE(countOf(deleted.body, "Deleted"), 3);
        QCOMPARE(m_s3->deliveries.size(), 3); // two removals of objects that existed
        QCOMPARE(send("GET", "/hello-uploads/src.bin").status, 404);
    }

    void multipartUploadThroughTheApi() {
        http::HttpResponse created =
            send("POST", "/hello-uploads/uploads/big.txt?uploads", {}, {{"Content-Type", "text/plain"}});
        QCOMPARE(created.status, 200);
        const QString uploadId = xmlText(created.body, QStringLiteral("UploadId"));
        QVERIFY(!uploadId.isEmpty());
        const QByteArray part1(5 * 1024 * 1024, 'x');
        const QByteArray id = uploadId.toLatin1();
        http::HttpResponse p1 =
            send("PUT", "/hello-uploads/uploads/big.txt?partNumber=1&uploadId=" + id, part1);
        http::HttpResponse p2 =
            send("PUT", "/hello-uploads/uploads/big.txt?partNumber=2&uploadId=" + id, "end");
        QCOMPARE(p1.status, 200);
        QCOMPARE(p2.status, 200);
        QCOMPARE(xmlText(send("PUT", "/hello-uploads/uploads/big.txt?partNumber=0&uploadId=" + id, "x").body,
                         QStringLiteral("Code")),
                 QStringLiteral("InvalidArgument"));
        QCOMPARE(xmlText(send("POST", "/hello-uploads/uploads/big.txt?uploadId=" + id,
                              "<CompleteMultipartUpload/>")
                             .body,
                         QStringLiteral("Code")),
                 QStringLiteral("MalformedXML"));
        const QByteArray complete = "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" +
                                    p1.headers.value("ETag") +
                                    "</ETag></Part><Part><PartNumber>2</PartNumber><ETag>" +
                                    p2.headers.value("ETag") + "</ETag></Part></CompleteMultipartUpload>";
        http::HttpResponse done = send("POST", "/hello-uploads/uploads/big.txt?uploadId=" + id, complete);
        QCOMPARE(done.status, 200);
        QVERIFY(xmlText(done.body, QStringLiteral("ETag")).endsWith(QLatin1String("-2\"")));
        QCOMPARE(send("HEAD", "/hello-uploads/uploads/big.txt").headers.value("Content-Length"),
                 QByteArray::number(part1.size() + 3));
        QCOMPARE(m_s3->deliveries.size(), 1);
        const OrderedJson &object = m_s3->deliveries[0].event["Records"][0]["s3"]["object"];
        QCOMPARE(text(m_s3->deliveries[0].event["Records"][0]["eventName"]),
                 QStringLiteral("ObjectCreated:CompleteMultipartUpload"));
        QCOMPARE(object["size"].get<qint64>(), part1.size() + 3);
        QCOMPARE(xmlText(send("POST", "/hello-uploads/uploads/big.txt?uploadId=" + id, complete).body,
                         QStringLiteral("Code")),
                 QStringLiteral("NoSuchUpload"));
        QCOMPARE(send("DELETE", "/hello-uploads/uploads/big.txt?uploadId=" + id).status, 404);
    }

    void awsChunkedBodiesAreStoredDecoded() {
        const QByteArray body = "3\r\nabc\r\n2\r\nde\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";
        http::HttpResponse put = send("PUT", "/other-bucket/chunked", body,
                                      {{"Content-Encoding", "aws-chunked"},
                                       {"x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"},
                                       {"x-amz-decoded-content-length", "5"}});
        QCOMPARE(put.status, 200);
        http::HttpResponse get = send("GET", "/other-bucket/chunked");
        QCOMPARE(get.body, QByteArray("abcde"));
        QVERIFY(get.headers.value("Content-Encoding").isEmpty()); // aws-chunked is not the object's encoding
    }

    void signaturesAreCheckedOnlyWhenTheProjectSetsCredentials() {
        QCOMPARE(send("GET", "/other-bucket?list-type=2").status, 200); // no credentials: anything goes
        LocalCredentials credentials;
        credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE12345");
        credentials.secretAccessKey = QStringLiteral("secret");
        m_s3->project.settings.credentials = credentials;
        m_s3->updateApi();
        http::HttpResponse unsigned_ = send("GET", "/other-bucket?list-type=2");
        QCOMPARE(unsigned_.status, 403);
        QCOMPARE(xmlText(unsigned_.body, QStringLiteral("Code")), QStringLiteral("AccessDenied"));

        // Sign as a client would: the canonical request of this very request, the documented key chain.
        const QByteArray payloadHash = QCryptographicHash::hash({}, QCryptographicHash::Sha256).toHex();
        http::HttpRequest request;
        request.method = "GET";
        request.path = "/other-bucket";
        request.query = "list-type=2&prefix=a%20b";
        request.headers.add("Host", "127.0.0.1:4566");
        request.headers.add("x-amz-date", "20260101T000000Z");
        request.headers.add("x-amz-content-sha256", payloadHash);
        const QByteArray canonical =
            canonicalRequest(request, {"host", "x-amz-content-sha256", "x-amz-date"}, payloadHash);
        const QByteArray scope = "20260101/us-east-1/s3/aws4_request";
        const QByteArray toSign = "AWS4-HMAC-SHA256\n20260101T000000Z\n" + scope + '\n' +
                                  QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex();
        const QByteArray signature =
            QMessageAuthenticationCode::hash(
                toSign, signingKey(QStringLiteral("secret"), "20260101", "us-east-1", "s3"),
                QCryptographicHash::Sha256)
                .toHex();
        const auto authorization = [&](const QByteArray &sig) {
            return "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE12345/" + scope +
                   ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + sig;
        };
        const QList<QPair<QByteArray, QByteArray>> headers = {{"x-amz-date", "20260101T000000Z"},
                                                              {"x-amz-content-sha256", payloadHash}};
        QCOMPARE(
            send("GET", "/other-bucket?list-type=2&prefix=a%20b", {},
                 headers + QList<QPair<QByteArray, QByteArray>>{{"Authorization", authorization(signature)}})
                .status,
            200);
        http::HttpResponse wrong =
            send("GET", "/other-bucket?list-type=2&prefix=a%20c", {},
                 headers + QList<QPair<QByteArray, QByteArray>>{{"Authorization", authorization(signature)}});
        QCOMPARE(wrong.status, 403);
        QCOMPARE(xmlText(wrong.body, QStringLiteral("Code")), QStringLiteral("SignatureDoesNotMatch"));
    }
};

QTEST_GUILESS_MAIN(TestS3Api)
#include "tst_s3_api.moc"
