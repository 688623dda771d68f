// Browser-based POST uploads into `gatehouse serve` with real clients (issue #9, ObjectCreated:Post):
// curl's `-F key=uploads/${filename} -F file=@...` form into the bundled sample's bucket, which runs
// the sample's `onUpload` once with eventName ObjectCreated:Post; then, on a copy of the sample with
// project credentials, @aws-sdk/s3-presigned-post's createPresignedPost and Node's own fetch/FormData
// (skipped when the package is not in the validators' folder), including a file over the policy's
// content-length-range.
#include "AwsCli.h"
#include "ServeS3Support.h"
#include "TestSupport.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using test::ClientRun;

class TestServeS3Post : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::HttpClient m_client;

    static QString s3Url(const test::ServeProcess &serve) {
        return test::endpointUrl(serve, QStringLiteral("s3"));
    }

    ClientRun run(const QString &program, const QStringList &arguments,
                  const QProcessEnvironment &extra = {}) {
        return test::runClient(program, arguments, m_dir.path(), extra);
    }

    // Waits until `onUpload` has finished `count` invocations with nothing running.
    bool functionRan(const test::ServeProcess &serve, double count) {
        return test::functionRan(m_client, serve, QStringLiteral("onUpload"), count);
    }

    QString writeFile(const QString &name, const QByteArray &content) {
        const QString path = m_dir.filePath(name);
        return test::writeFile(path, content) ? path : QString();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void curlFormUploadTriggersObjectCreatedPost() {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl.isEmpty()) QSKIP("curl is not installed");
        test::ServeProcess serve;
        QVERIFY2(test::serveSampleCopy(serve, m_dir.filePath(QStringLiteral("hello-api")),
                                       m_dir.filePath(QStringLiteral("endpoints.json"))),
                 serve.err().constData());

        const QString file = writeFile(QStringLiteral("posted.txt"), "posted by curl -F\n"); // 18 bytes
        const ClientRun posted =
            run(curl, {QStringLiteral("-sS"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                       QStringLiteral("-w"), QStringLiteral("%{http_code}"), QStringLiteral("-F"),
                       QStringLiteral("key=uploads/${filename}"), QStringLiteral("-F"),
                       QStringLiteral("Content-Type=text/plain"), QStringLiteral("-F"),
                       QStringLiteral("file=@") + file, s3Url(serve) + QStringLiteral("/hello-uploads")});
        QVERIFY2(posted.exitCode == 0, posted.err.constData());
        QCOMPARE(posted.out, QByteArray("204"));

        const test::HttpReply object =
            m_client.get(QUrl(s3Url(serve) + QStringLiteral("/hello-uploads/uploads/posted.txt")));
        QCOMPARE(object.status, 200);
        QCOMPARE(object.body, QByteArray("posted by curl -F\n"));
        QCOMPARE(object.header("Content-Type"), QByteArray("text/plain"));

        const QByteArray line = "ObjectCreated:Post: s3://hello-uploads/uploads/posted.txt (18 bytes)";
        QVERIFY2(functionRan(serve, 1), serve.err().right(3000).constData());
        QCOMPARE(serve.err().count(line), 1);
        QCOMPARE(serve.stop(), 0);
    }

    void presignedPostFromTheJavaScriptSdkWithProjectCredentials() {
        const QString presigned = test::validatorPackage(QStringLiteral("@aws-sdk/s3-presigned-post"));
        const QString client = test::validatorPackage(QStringLiteral("@aws-sdk/client-s3"));
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty() || !QFile::exists(presigned) || !QFile::exists(client))
            QSKIP("node, @aws-sdk/client-s3 or @aws-sdk/s3-presigned-post (npm install in the validators' "
                  "folder) "
                  "is missing");
        // A copy of the sample whose S3 endpoint checks signatures.
        const auto withCredentials = [](QJsonObject &root) {
            QJsonObject settings = root.value(QStringLiteral("settings")).toObject();
            settings.insert(
                QStringLiteral("credentials"),
                QJsonObject{{QStringLiteral("accessKeyId"), QStringLiteral("AKIDPRESIGNEDPOST")},
                            {QStringLiteral("secretAccessKey"), QStringLiteral("presigned-secret")}});
            root.insert(QStringLiteral("settings"), settings);
        };
        test::ServeProcess serve;
        QVERIFY2(test::serveSampleCopy(serve, m_dir.filePath(QStringLiteral("signed-api")),
                                       m_dir.filePath(QStringLiteral("signed-endpoints.json")),
                                       withCredentials),
                 serve.err().constData());

        const QString script = writeFile(QStringLiteral("presigned-post.js"), R"JS(
const { S3Client } = require(process.env.CLIENT_PATH);
const { createPresignedPost } = require(process.env.PRESIGNED_PATH);
(async () => {
  const client = new S3Client({ endpoint: process.env.S3_URL, region: 'us-east-1', forcePathStyle: true,
                                credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: process.env.SECRET } });
  const upload = async (secret, key, content) => {
    const signer = secret === process.env.SECRET ? client : new S3Client({
      endpoint: process.env.S3_URL, region: 'us-east-1', forcePathStyle: true,
      credentials: { accessKeyId: process.env.KEY_ID, secretAccessKey: secret } });
    const { url, fields } = await createPresignedPost(signer, {
      Bucket: 'hello-uploads', Key: key, Expires: 600,
      Conditions: [['content-length-range', 1, 100]] });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([content]), 'ignored-name.txt');
    const response = await fetch(url, { method: 'POST', body: form });
    const body = await response.text();
    return { status: response.status, code: (body.match(/<Code>([^<]*)<\/Code>/) || [])[1] || '' };
  };
  const ok = await upload(process.env.SECRET, 'uploads/presigned.txt', 'signed form\n');
  const large = await upload(process.env.SECRET, 'uploads/large.txt', 'x'.repeat(101));
  const forged = await upload('wrong-secret', 'uploads/forged.txt', 'forged\n');
  console.log(JSON.stringify({ ok, large, forged }));
})().catch(e => { console.error(e); process.exit(1); });
)JS");
        QVERIFY(!script.isEmpty());
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("CLIENT_PATH"), client);
        extra.insert(QStringLiteral("PRESIGNED_PATH"), presigned);
        extra.insert(QStringLiteral("S3_URL"), s3Url(serve));
        extra.insert(QStringLiteral("KEY_ID"), QStringLiteral("AKIDPRESIGNEDPOST"));
        extra.insert(QStringLiteral("SECRET"), QStringLiteral("presigned-secret"));
        const ClientRun result = run(node, {script}, extra);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject seen = result.json();
        QCOMPARE(seen[QStringLiteral("ok")][QStringLiteral("status")].toInt(), 204);
        QCOMPARE(seen[QStringLiteral("large")][QStringLiteral("status")].toInt(), 400);
        QCOMPARE(seen[QStringLiteral("large")][QStringLiteral("code")].toString(),
                 QStringLiteral("EntityTooLarge"));
        QCOMPARE(seen[QStringLiteral("forged")][QStringLiteral("status")].toInt(), 403);
        QCOMPARE(seen[QStringLiteral("forged")][QStringLiteral("code")].toString(),
                 QStringLiteral("SignatureDoesNotMatch"));

        // Only the accepted upload is stored and notified.
        QVERIFY2(functionRan(serve, 1), serve.err().right(3000).constData());
        QCOMPARE(serve.err().count("ObjectCreated:Post: s3://hello-uploads/uploads/presigned.txt (12 bytes)"),
                 1);
        QVERIFY(!serve.err().contains("large.txt"));
        QVERIFY(!serve.err().contains("forged.txt"));
        QCOMPARE(serve.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestServeS3Post)
#include "tst_serve_s3_post.moc"
