// Browser-based POST uploads (issue #9): the multipart/form-data parser (fed whole and byte by byte),
// the POST policy's conditions, and POST Object through S3Api::respond with and without project
// credentials (S3 API reference "POST Object"; S3 User Guide "Browser-based uploads using POST
// (AWS Signature Version 4)" and "Creating a POST policy").
#include "S3ApiHarness.h"
#include "sources/s3/MultipartFormParser.h"
#include "sources/s3/PostPolicy.h"
#include "sources/s3/SigV4Verifier.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::s3;
using namespace gatehouse::test;

namespace {

// A form body as browsers and curl write it.
QByteArray formBody(const QByteArray &boundary, const QList<QPair<QByteArray, QByteArray>> &fields,
                    const QByteArray &fileName = "hello.txt", const QByteArray &file = "hello form\n",
                    bool withFile = true) {
    QByteArray body;
    for (const auto &[name, value] : fields)
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
                value + "\r\n";
    if (withFile)
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
                fileName + "\"\r\nContent-Type: text/plain\r\n\r\n" + file + "\r\n";
    body += "--" + boundary + "--\r\n";
    return body;
}

// Feeds `body` in pieces of `piece` bytes and returns the parts.
std::optional<QList<FormPart>> parseInPieces(const QByteArray &body, const QByteArray &boundary,
                                             qsizetype piece, QString *error = nullptr) {
    QList<FormPart> parts;
    MultipartFormParser parser(boundary, {[&](const FormPartHeaders &h) {
                                              parts.append({h, {}});
                                              return true;
                                          },
                                          [&](QByteArrayView data) {
                                              parts.last().data.append(data);
                                              return true;
                                          },
                                          [] { return true; }});
    bool ok = true;
    for (qsizetype at = 0; ok && at < body.size(); at += piece)
        ok = parser.feed(QByteArrayView(body).sliced(at, std::min(piece, body.size() - at)));
    if (ok && parser.finish()) return parts;
    if (error) *error = parser.error();
    return std::nullopt;
}

QByteArray policyOf(const QByteArray &json) {
    return json.toBase64();
}

QByteArray futureExpiration() {
    return QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODateWithMs).toLatin1();
}

} // namespace

class TestS3Post : public S3ApiTestCase {
    Q_OBJECT
private:
    http::HttpResponse post(const QByteArray &body, const QByteArray &boundary = "XyZ",
                            const QByteArray &target = "/hello-uploads") {
        return send("POST", target, body, {{"Content-Type", "multipart/form-data; boundary=" + boundary}});
    }
    http::HttpResponse get(const QByteArray &target) { return send("GET", target); }
    void useCredentials() {
        LocalCredentials credentials;
        credentials.accessKeyId = QStringLiteral("AKIDPOSTEXAMPLE1");
        credentials.secretAccessKey = QStringLiteral("post-secret");
        m_s3->project.settings.credentials = credentials;
        m_s3->updateApi();
    }
    // The signed fields of a form for `policyJson`, as createPresignedPost returns them.
    QList<QPair<QByteArray, QByteArray>> signedFields(const QByteArray &policyJson,
                                                      const QByteArray &secret) {
        const QByteArray policy = policyOf(policyJson);
        const QByteArray signature =
            postPolicySignature(QString::fromLatin1(secret), "20260101", "us-east-1", "s3", policy);
        return {{"X-Amz-Algorithm", "AWS4-HMAC-SHA256"},
                {"X-Amz-Credential", "AKIDPOSTEXAMPLE1/20260101/us-east-1/s3/aws4_request"},
                {"X-Amz-Date", "20260101T000000Z"},
                {"Policy", policy},
                {"X-Amz-Signature", signature}};
    }
    QByteArray presignedPolicy(const QByteArray &extraConditions = {}) {
        return "{\"expiration\":\"" + futureExpiration() +
               "\",\"conditions\":[{\"bucket\":\"hello-uploads\"},[\"starts-with\",\"$key\",\"uploads/\"],"
               "{\"X-Amz-Algorithm\":\"AWS4-HMAC-SHA256\"},"
               "{\"X-Amz-Credential\":\"AKIDPOSTEXAMPLE1/20260101/us-east-1/s3/aws4_request\"},"
               "{\"X-Amz-Date\":\"20260101T000000Z\"}" +
               extraConditions + "]}";
    }

private slots:
    void init() {
        QVERIFY(startApi(
            {makeBucket(QStringLiteral("hello-uploads"), {makeNotification(QStringLiteral("onUpload"))})}));
    }

    // --- multipart/form-data ---

    void boundaryParameterQuotedOrNot_data() {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("boundary");
        QTest::newRow("plain") << QByteArray("multipart/form-data; boundary=abc123") << QByteArray("abc123");
        QTest::newRow("quoted") << QByteArray("multipart/form-data; boundary=\"a b;c\"")
                                << QByteArray("a b;c");
        QTest::newRow("case") << QByteArray("Multipart/Form-Data;BOUNDARY=X") << QByteArray("X");
        QTest::newRow("charset first")
            << QByteArray("multipart/form-data; charset=utf-8; boundary=--x") << QByteArray("--x");
        QTest::newRow("other type") << QByteArray("multipart/mixed; boundary=x") << QByteArray();
        QTest::newRow("no boundary") << QByteArray("multipart/form-data") << QByteArray();
        QTest::newRow("too long") << QByteArray("multipart/form-data; boundary=" + QByteArray(71, 'b'))
                                  << QByteArray();
    }
    void boundaryParameterQuotedOrNot() {
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, boundary);
        QCOMPARE(multipartFormBoundary(contentType).value_or(QByteArray()), boundary);
    }

    void partsParseTheSameWholeOrByteByByte() {
        const QByteArray body =
            formBody("b0undary", {{"key", "uploads/${filename}"}, {"Content-Type", "text/plain"}},
                     "na\\\"me.txt", "line one\r\nline two\r\n");
        for (const qsizetype piece : {body.size(), qsizetype(1), qsizetype(2), qsizetype(7)}) {
            const std::optional<QList<FormPart>> parts = parseInPieces(body, "b0undary", piece);
            QVERIFY2(parts, qPrintable(QString::number(piece)));
            QCOMPARE(parts->size(), 3);
            QCOMPARE(parts->at(0).headers.name, QByteArray("key"));
            QCOMPARE(parts->at(0).data, QByteArray("uploads/${filename}"));
            QVERIFY(!parts->at(0).headers.fileName);
            QCOMPARE(parts->at(2).headers.name, QByteArray("file"));
            QCOMPARE(parts->at(2).headers.fileName.value_or(QString()), QStringLiteral("na\"me.txt"));
            QCOMPARE(parts->at(2).headers.contentType, QByteArray("text/plain"));
            // The CRLF before a delimiter belongs to it; CRLFs inside the content stay.
            QCOMPARE(parts->at(2).data, QByteArray("line one\r\nline two\r\n"));
        }
    }

    void boundaryTextInsideContentIsContent() {
        // "--b" not at a line start, and "\r\n--b" followed by more boundary characters, are data.
        const QByteArray content = "x--b y\r\n--bb not a delimiter\r\n--b- nor this";
        const QByteArray body = formBody("b", {}, "f", content);
        for (const qsizetype piece : {body.size(), qsizetype(1), qsizetype(3)}) {
            const std::optional<QList<FormPart>> parts = parseInPieces(body, "b", piece);
            QVERIFY(parts);
            QCOMPARE(parts->size(), 1);
            QCOMPARE(parts->at(0).data, content);
        }
    }

    void preambleEpilogueAndPaddingAreIgnored() {
        const QByteArray body =
            "preamble text\r\n--q  \r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
            "--q\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n\r\n--q--\r\nepilogue";
        const std::optional<QList<FormPart>> parts = parseMultipartForm(body, "q");
        QVERIFY(parts);
        QCOMPARE(parts->size(), 2);
        QCOMPARE(parts->at(0).data, QByteArray("1"));
        QCOMPARE(parts->at(1).headers.name, QByteArray("b"));
        QCOMPARE(parts->at(1).data, QByteArray()); // an empty field
    }

    void malformedBodiesAreErrors_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no closing boundary")
            << QByteArray("--z\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n");
        QTest::newRow("cut in the content")
            << QByteArray("--z\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nval");
        QTest::newRow("no boundary at all") << QByteArray("just text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no disposition")
            << QByteArray("--z\r\nContent-Type: text/plain\r\n\r\nx\r\n--z--\r\n");
        QTest::newRow("no name") << QByteArray("--z\r\nContent-Disposition: form-data\r\n\r\nx\r\n--z--\r\n");
        QTest::newRow("headers never end")
            << QByteArray("--z\r\nContent-Disposition: form-data; name=a\r\n" + QByteArray(20000, 'h'));
    }
    void malformedBodiesAreErrors() {
        QFETCH(QByteArray, body);
        QString error;
        QVERIFY(!parseMultipartForm(body, "z", &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!parseInPieces(body, "z", 1));
    }

    // --- the POST policy ---

    void policyConditionsAreEnforced_data() {
        QTest::addColumn<QByteArray>("conditions");
        QTest::addColumn<qint64>("size");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("message");
        using O = PostPolicyCheck::Outcome;
        const QString failed = QStringLiteral("Invalid according to Policy: Policy Condition failed: ");
        QTest::newRow("all hold")
            << QByteArray(R"([{"bucket":"b1"},["starts-with","$key","up/"],)"
                          R"(["eq","$Content-Type","text/plain"],["content-length-range",1,10]])")
            << qint64(5) << int(O::Allowed) << QString();
        QTest::newRow("bucket") << QByteArray(R"([{"bucket":"other"},["starts-with","$key",""],)"
                                              R"(["starts-with","$content-type",""]])")
                                << qint64(5) << int(O::ConditionFailed)
                                << failed + R"(["eq", "$bucket", "other"])";
        QTest::newRow("eq key") << QByteArray(
                                       R"([["eq","$key","up/b.txt"],["starts-with","$content-type",""]])")
                                << qint64(5) << int(O::ConditionFailed)
                                << failed + R"(["eq", "$key", "up/b.txt"])";
        QTest::newRow("starts-with key")
            << QByteArray(R"([["starts-with","$key","down/"],["starts-with","$content-type",""]])")
            << qint64(5) << int(O::ConditionFailed) << failed + R"(["starts-with", "$key", "down/"])";
        QTest::newRow("extra field") << QByteArray(R"([["starts-with","$key",""]])") << qint64(5)
                                     << int(O::ExtraInputField)
                                     << QStringLiteral(
                                            "Invalid according to Policy: Extra input fields: content-type");
        QTest::newRow("too large") << QByteArray(
                                          R"([["starts-with","$key",""],["starts-with","$content-type",""],)"
                                          R"(["content-length-range",0,4]])")
                                   << qint64(5) << int(O::TooLarge)
                                   << QStringLiteral("Your proposed upload exceeds the maximum allowed size");
        QTest::newRow("too small") << QByteArray(
                                          R"([["starts-with","$key",""],["starts-with","$content-type",""],)"
                                          R"(["content-length-range",6,9]])")
                                   << qint64(5) << int(O::TooSmall)
                                   << QStringLiteral(
                                          "Your proposed upload is smaller than the minimum allowed size");
    }
    void policyConditionsAreEnforced() {
        QFETCH(QByteArray, conditions);
        QFETCH(qint64, size);
        QFETCH(int, outcome);
        QFETCH(QString, message);
        QString error;
        const std::optional<PostPolicy> policy = parsePostPolicy(
            policyOf("{\"expiration\":\"" + futureExpiration() + "\",\"conditions\":" + conditions + "}"),
            &error);
        QVERIFY2(policy, qPrintable(error));
        const PostFormFields fields = {{QStringLiteral("key"), QStringLiteral("up/a.txt")},
                                       {QStringLiteral("content-type"), QStringLiteral("text/plain")},
                                       {QStringLiteral("x-amz-signature"), QStringLiteral("ignored")},
                                       {QStringLiteral("x-ignore-me"), QStringLiteral("ignored")}};
        const PostPolicyCheck check =
            checkPostPolicy(*policy, fields, QStringLiteral("b1"), size, QDateTime::currentDateTimeUtc());
        QCOMPARE(int(check.outcome), outcome);
        QCOMPARE(check.message(), message);
    }

    void expiredPolicyAndBrokenDocuments() {
        QString error;
        const std::optional<PostPolicy> old =
            parsePostPolicy(policyOf(R"({"expiration":"2007-12-01T12:00:00.000Z","conditions":[]})"), &error);
        QVERIFY(old);
        const PostPolicyCheck check =
            checkPostPolicy(*old, {}, QStringLiteral("b"), 0, QDateTime::currentDateTimeUtc());
        QCOMPARE(check.message(), QStringLiteral("Invalid according to Policy: Policy expired."));

        QVERIFY(!parsePostPolicy("not base64 !!", &error));
        QCOMPARE(error, QStringLiteral("Invalid Policy: Invalid JSON."));
        QVERIFY(!parsePostPolicy(policyOf(R"({"conditions":[]})"), &error));
        QCOMPARE(error, QStringLiteral("Invalid Policy: Policy missing expiration."));
        QVERIFY(!parsePostPolicy(policyOf(R"({"expiration":"soon","conditions":[]})"), &error));
        QVERIFY(!parsePostPolicy(
            policyOf(R"({"expiration":"2030-01-01T00:00:00Z","conditions":[["gt","$key","a"]]})"), &error));
        QVERIFY(error.startsWith(QLatin1String("Invalid Policy: Invalid Condition")));
    }

    // --- POST Object through the API ---

    void formUploadStoresTheObjectAndNotifiesPost() {
        const QByteArray body = formBody("XyZ",
                                         {{"key", "uploads/${filename}"},
                                          {"Content-Type", "text/plain"},
                                          {"x-amz-meta-Owner", "form"},
                                          {"Cache-Control", "max-age=60"}},
                                         "hello.txt", "hello form\n");
        const http::HttpResponse response = post(body);
        QCOMPARE(response.status, 204); // the default success_action_status
        QVERIFY(response.body.isEmpty());
        QVERIFY(!response.headers.value("ETag").isEmpty());
        QCOMPARE(response.headers.value("Location"),
                 QByteArray("http://127.0.0.1:4566/hello-uploads/uploads/hello.txt"));
        const http::HttpResponse object = get("/hello-uploads/uploads/hello.txt");
        QCOMPARE(object.status, 200);
        QCOMPARE(object.body, QByteArray("hello form\n"));
        QCOMPARE(object.headers.value("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(object.headers.value("x-amz-meta-owner"), QByteArray("form"));
        QCOMPARE(object.headers.value("Cache-Control"), QByteArray("max-age=60"));
        QCOMPARE(m_s3->deliveries.size(), 1);
        const OrderedJson &record = m_s3->deliveries[0].event["Records"][0];
        QCOMPARE(QString::fromStdString(record["eventName"].get<std::string>()),
                 QStringLiteral("ObjectCreated:Post"));
        QCOMPARE(QString::fromStdString(record["s3"]["object"]["key"].get<std::string>()),
                 QStringLiteral("uploads/hello.txt"));
        QCOMPARE(record["s3"]["object"]["size"].get<int>(), 11);
    }

    void successActionStatusAndRedirect() {
        http::HttpResponse created =
            post(formBody("XyZ", {{"key", "a.txt"}, {"success_action_status", "201"}}));
        QCOMPARE(created.status, 201);
        QCOMPARE(xmlText(created.body, QStringLiteral("Bucket")), QStringLiteral("hello-uploads"));
        QCOMPARE(xmlText(created.body, QStringLiteral("Key")), QStringLiteral("a.txt"));
        QCOMPARE(xmlText(created.body, QStringLiteral("ETag")).toLatin1(), created.headers.value("ETag"));
        QVERIFY(created.body.contains("<PostResponse>"));
        QCOMPARE(post(formBody("XyZ", {{"key", "a.txt"}, {"success_action_status", "200"}})).status, 200);
        QCOMPARE(post(formBody("XyZ", {{"key", "a.txt"}, {"success_action_status", "302"}})).status, 204);

        http::HttpResponse redirected = post(formBody(
            "XyZ", {{"key", "dir/a b.txt"}, {"success_action_redirect", "http://example.test/done?x=1"}}));
        QCOMPARE(redirected.status, 303);
        const QUrl location(QString::fromUtf8(redirected.headers.value("Location")));
        QCOMPARE(location.host(), QStringLiteral("example.test"));
        const QUrlQuery query(location);
        QCOMPARE(query.queryItemValue(QStringLiteral("x")), QStringLiteral("1"));
        QCOMPARE(query.queryItemValue(QStringLiteral("bucket")), QStringLiteral("hello-uploads"));
        QCOMPARE(query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded),
                 QStringLiteral("dir/a b.txt"));
        QCOMPARE(query.queryItemValue(QStringLiteral("etag"), QUrl::FullyDecoded).toLatin1(),
                 redirected.headers.value("ETag"));
    }

    void fieldNamesAreCaseInsensitiveAndFieldsAfterTheFileIgnored() {
        QByteArray body = formBody("XyZ", {{"KEY", "upper.txt"}}, "f.txt", "data");
        body.chop(QByteArray("--XyZ--\r\n").size());
        body += "--XyZ\r\nContent-Disposition: form-data; "
                "name=\"success_action_status\"\r\n\r\n201\r\n--XyZ--\r\n";
        const http::HttpResponse response = post(body);
        QCOMPARE(response.status, 204);
        QCOMPARE(get("/hello-uploads/upper.txt").body, QByteArray("data"));
    }

    void formErrorsAreS3Errors() {
        http::HttpResponse noKey = post(formBody("XyZ", {{"Content-Type", "text/plain"}}));
        QCOMPARE(noKey.status, 400);
        QCOMPARE(xmlText(noKey.body, QStringLiteral("Code")), QStringLiteral("InvalidArgument"));
        QCOMPARE(xmlText(noKey.body, QStringLiteral("ArgumentName")), QStringLiteral("key"));

        http::HttpResponse noFile = post(formBody("XyZ", {{"key", "a"}}, {}, {}, /*withFile=*/false));
        QCOMPARE(noFile.status, 400);
        QCOMPARE(xmlText(noFile.body, QStringLiteral("Message")),
                 QStringLiteral("POST requires exactly one file upload per request."));

        http::HttpResponse broken = post("--XyZ\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\na");
        QCOMPARE(broken.status, 400);
        QCOMPARE(xmlText(broken.body, QStringLiteral("Code")), QStringLiteral("MalformedPOSTRequest"));

        http::HttpRequest notForm;
        notForm.method = "POST";
        notForm.target = notForm.path = "/hello-uploads";
        notForm.headers.add("Content-Type", "application/x-www-form-urlencoded");
        notForm.body = "key=a";
        const http::HttpResponse precondition = m_s3->api().respond(notForm);
        QCOMPARE(precondition.status, 412);
        QCOMPARE(xmlText(precondition.body, QStringLiteral("Code")), QStringLiteral("PreconditionFailed"));

        http::HttpResponse tooMuch =
            post(formBody("XyZ", {{"key", "a"}, {"x-ignore-pad", QByteArray(21 * 1024, 'p')}}));
        QCOMPARE(xmlText(tooMuch.body, QStringLiteral("Code")),
                 QStringLiteral("MaxPostPreDataLengthExceededError"));

        // Without credentials a policy still binds the form (its signature is not checked).
        const QByteArray policy = policyOf("{\"expiration\":\"" + futureExpiration() +
                                           "\",\"conditions\":[[\"starts-with\",\"$key\",\"uploads/\"]]}");
        http::HttpResponse outside = post(formBody("XyZ", {{"key", "elsewhere.txt"}, {"policy", policy}}));
        QCOMPARE(outside.status, 403);
        QCOMPARE(xmlText(outside.body, QStringLiteral("Code")), QStringLiteral("AccessDenied"));
        QCOMPARE(xmlText(outside.body, QStringLiteral("Message")),
                 QStringLiteral(
                     "Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$key\", "
                     "\"uploads/\"]"));
        QCOMPARE(post(formBody("XyZ", {{"key", "uploads/in.txt"}, {"policy", policy}})).status, 204);
        QCOMPARE(m_s3->deliveries.size(), 1); // only the upload that passed
    }

    void withCredentialsTheFormMustCarryASignedPolicy() {
        useCredentials();
        http::HttpResponse anonymous = post(formBody("XyZ", {{"key", "uploads/a.txt"}}));
        QCOMPARE(anonymous.status, 403);
        QCOMPARE(xmlText(anonymous.body, QStringLiteral("Code")), QStringLiteral("AccessDenied"));

        const QByteArray policyJson = presignedPolicy(R"(,["content-length-range",1,100])");
        QList<QPair<QByteArray, QByteArray>> fields = {{"key", "uploads/${filename}"},
                                                       {"bucket", "hello-uploads"}};
        fields += signedFields(policyJson, "post-secret");
        const http::HttpResponse accepted = post(formBody("XyZ", fields));
        QCOMPARE(accepted.status, 204);
        QCOMPARE(get("/hello-uploads/uploads/hello.txt").status, 403); // GET itself needs a signature

        QList<QPair<QByteArray, QByteArray>> wrongSecret = {{"key", "uploads/${filename}"}};
        wrongSecret += signedFields(policyJson, "not-the-secret");
        const http::HttpResponse mismatch = post(formBody("XyZ", wrongSecret));
        QCOMPARE(mismatch.status, 403);
        QCOMPARE(xmlText(mismatch.body, QStringLiteral("Code")), QStringLiteral("SignatureDoesNotMatch"));

        QList<QPair<QByteArray, QByteArray>> large = {{"key", "uploads/big.txt"}};
        large += signedFields(policyJson, "post-secret");
        const http::HttpResponse tooLarge = post(formBody("XyZ", large, "big.txt", QByteArray(101, 'x')));
        QCOMPARE(tooLarge.status, 400);
        QCOMPARE(xmlText(tooLarge.body, QStringLiteral("Code")), QStringLiteral("EntityTooLarge"));
        QCOMPARE(xmlText(tooLarge.body, QStringLiteral("MaxSizeAllowed")), QStringLiteral("100"));

        QList<QPair<QByteArray, QByteArray>> unsignedField = {{"key", "uploads/c.txt"},
                                                              {"Content-Type", "text/plain"}};
        unsignedField += signedFields(policyJson, "post-secret");
        const http::HttpResponse extra = post(formBody("XyZ", unsignedField));
        QCOMPARE(extra.status, 403);
        QCOMPARE(xmlText(extra.body, QStringLiteral("Message")),
                 QStringLiteral("Invalid according to Policy: Extra input fields: content-type"));

        QList<QPair<QByteArray, QByteArray>> noSignature = {{"key", "uploads/d.txt"},
                                                            {"Policy", policyOf(policyJson)}};
        const http::HttpResponse missing = post(formBody("XyZ", noSignature));
        QCOMPARE(missing.status, 400);
        QCOMPARE(xmlText(missing.body, QStringLiteral("ArgumentName")), QStringLiteral("x-amz-algorithm"));
        QCOMPARE(m_s3->deliveries.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestS3Post)
#include "tst_s3_post.moc"
