// `gatehouse serve` on the bundled sample with real S3 clients (issue #9, points 2, 3, 7 and 8): Debian's
// awscli v2 (`aws s3 cp/ls/rm --endpoint-url`) uploads a small file and a 20 MB file (multipart above
// 8 MB) into the sample's bucket, each triggering the sample's Python function `onUpload` exactly once
// with its key and size; a key outside the notification's filter triggers nothing. Then
// @aws-sdk/client-s3 (forcePathStyle) from the validators' folder puts, gets, lists and deletes.
// Each client is skipped when it is not installed.
#include "AwsCli.h"
#include "ServeS3Support.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using test::ClientRun;

namespace {

const QString kBucket = QStringLiteral("hello-uploads");

} // namespace

class TestServeS3 : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::ServeProcess m_serve;
    test::HttpClient m_client;
    QString m_sample;

    QString s3Url() const { return test::endpointUrl(m_serve, QStringLiteral("s3")); }

    // `aws s3 ...` (the high-level commands) and `aws s3api ...` against the local endpoint; two
    // minutes each, for the 20 MB transfers.
    ClientRun s3(const QStringList &arguments) const {
        return test::AwsCli(QStringLiteral("s3"), s3Url(), m_dir.path()).run(arguments, 120000);
    }
    ClientRun s3api(const QStringList &arguments) const {
        return test::AwsCli(QStringLiteral("s3api"), s3Url(), m_dir.path()).run(arguments, 120000);
    }

    // The sample function prints "<eventName>: s3://<bucket>/<key> (<size> bytes)" per record.
    int functionLines(const QByteArray &line) { return int(m_serve.err().count(line)); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_sample = m_dir.filePath(QStringLiteral("hello-api"));
        QVERIFY2(test::serveSampleCopy(m_serve, m_sample, m_dir.filePath(QStringLiteral("endpoints.json"))),
                 m_serve.err().constData());
    }
    void cleanupTestCase() { QCOMPARE(m_serve.stop(), 0); }

    void endpointsFileNamesTheS3Endpoint() {
        const QJsonObject s3 = m_serve.endpoints().value(QStringLiteral("s3")).toObject();
        QCOMPARE(s3.value(QStringLiteral("type")).toString(), QStringLiteral("s3"));
        QCOMPARE(QUrl(s3Url()).host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(s3.value(QStringLiteral("buckets")).toArray(), QJsonArray({kBucket}));
        QVERIFY(test::waitFor([&] { return m_serve.out().contains(s3Url().toUtf8()); }, 5000));
    }

    void awsCliUploadsTriggerTheFunctionOncePerObject() {
        if (!test::AwsCli::installed()) QSKIP("Debian's awscli (/usr/bin/aws) is not installed");
        const QString small = m_dir.filePath(QStringLiteral("small.txt"));
        const QString big = m_dir.filePath(QStringLiteral("big.txt"));
        const QString photo = m_dir.filePath(QStringLiteral("photo.jpg"));
        QVERIFY(test::writeFile(small, "hello from aws s3 cp\n")); // 21 bytes
        QVERIFY(test::writeFile(big, QByteArray(20 * 1024 * 1024, 'g')));
        QVERIFY(test::writeFile(photo, "not really a jpeg"));
        // First the key the filter (uploads/*.txt) leaves out: if it triggered, its event would be queued
        // before the others (the function's queue is FIFO).
        ClientRun put =
            s3({QStringLiteral("cp"), photo, QStringLiteral("s3://hello-uploads/uploads/photo.jpg")});
        QVERIFY2(put.exitCode == 0, put.err.constData());
        put = s3({QStringLiteral("cp"), small, QStringLiteral("s3://hello-uploads/uploads/small.txt")});
        QVERIFY2(put.exitCode == 0, put.err.constData());
        put = s3({QStringLiteral("cp"), big, QStringLiteral("s3://hello-uploads/uploads/big.txt")});
        QVERIFY2(put.exitCode == 0, put.err.constData());

        const QByteArray smallLine = "ObjectCreated:Put: s3://hello-uploads/uploads/small.txt (21 bytes)";
        const QByteArray bigLine =
            "ObjectCreated:CompleteMultipartUpload: s3://hello-uploads/uploads/big.txt (20971520 bytes)";
        QVERIFY2(test::waitFor([&] { return functionLines(smallLine) >= 1 && functionLines(bigLine) >= 1; },
                               60000),
                 m_serve.err().right(3000).constData());
        // Everything queued has run once nothing is executing (FIFO: a photo event would have started
        // before the big file's): exactly two invocations, one line each, none for the photo.
        QVERIFY(test::functionRan(m_client, m_serve, QStringLiteral("onUpload"), 2, 20000));
        QCOMPARE(functionLines(smallLine), 1);
        QCOMPARE(functionLines(bigLine), 1);
        QVERIFY(!m_serve.err().contains("photo.jpg"));

        // Listed back through the CLI, downloaded intact, and stored under the project's .gatehouse/.
        const ClientRun listing = s3({QStringLiteral("ls"), QStringLiteral("s3://hello-uploads/uploads/")});
        QVERIFY2(listing.exitCode == 0, listing.err.constData());
        QVERIFY2(listing.out.contains("20971520 big.txt"), listing.out.constData());
        QVERIFY(listing.out.contains("21 small.txt"));
        const QString downloaded = m_dir.filePath(QStringLiteral("big-copy.txt"));
        const ClientRun get =
            s3({QStringLiteral("cp"), QStringLiteral("s3://hello-uploads/uploads/big.txt"), downloaded});
        QVERIFY2(get.exitCode == 0, get.err.constData());
        QCOMPARE(QFileInfo(downloaded).size(), 20971520);
        QVERIFY(QFile::exists(m_sample + QStringLiteral("/.gatehouse/.gitignore")));

        const ClientRun removed =
            s3({QStringLiteral("rm"), QStringLiteral("s3://hello-uploads/uploads/photo.jpg")});
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        const ClientRun missing = s3api({QStringLiteral("head-object"), QStringLiteral("--bucket"), kBucket,
                                         QStringLiteral("--key"), QStringLiteral("uploads/photo.jpg")});
        QVERIFY(missing.exitCode != 0);
        QVERIFY2(missing.err.contains("404"), missing.err.constData());
    }

    void awsSdkForJavaScriptPutsGetsListsAndDeletes() {
        const QString sdk = test::validatorPackage(QStringLiteral("@aws-sdk/client-s3"));
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty() || !QFile::exists(sdk))
            QSKIP("node or @aws-sdk/client-s3 (validate/install.sh) is missing");
        const QString script = m_dir.filePath(QStringLiteral("sdk-s3.js"));
        QVERIFY(test::writeFile(script, R"JS(
const { S3Client, PutObjectCommand, GetObjectCommand, ListObjectsV2Command, DeleteObjectCommand } =
  require(process.env.SDK_PATH);
const { Readable } = require('stream');
(async () => {
  const s3 = new S3Client({ endpoint: process.env.S3_URL, region: 'us-east-1', forcePathStyle: true,
                            credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  const Bucket = 'hello-uploads';
  const Key = 'sdk/hello world.json';
  await s3.send(new PutObjectCommand({ Bucket, Key, Body: '{"a":1}', ContentType: 'application/json',
                                       Metadata: { owner: 'sdk' } }));
  // A stream body: sent with the aws-chunked framing.
  await s3.send(new PutObjectCommand({ Bucket, Key: 'sdk/stream.bin', Body: Readable.from([Buffer.alloc(70000, 'z')]),
                                       ContentLength: 70000 }));
  const got = await s3.send(new GetObjectCommand({ Bucket, Key }));
  const body = await got.Body.transformToString();
  const streamed = await s3.send(new GetObjectCommand({ Bucket, Key: 'sdk/stream.bin' }));
  const streamedBody = await streamed.Body.transformToString();
  const list = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'sdk/' }));
  await s3.send(new DeleteObjectCommand({ Bucket, Key }));
  await s3.send(new DeleteObjectCommand({ Bucket, Key: 'sdk/stream.bin' }));
  const after = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'sdk/' }));
  let missing = '';
  try { await s3.send(new GetObjectCommand({ Bucket, Key })); } catch (e) { missing = e.name; }
  console.log(JSON.stringify({ body, contentType: got.ContentType, owner: got.Metadata.owner,
                               streamed: streamedBody.length, keys: (list.Contents || []).map(o => o.Key),
                               after: after.KeyCount, missing }));
})().catch(e => { console.error(e); process.exit(1); });
)JS"));
        QProcessEnvironment extra;
        extra.insert(QStringLiteral("SDK_PATH"), sdk);
        extra.insert(QStringLiteral("S3_URL"), s3Url());
        const ClientRun result = test::runClient(node, {script}, m_dir.path(), extra);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject seen = result.json();
        QCOMPARE(seen.value(QStringLiteral("body")).toString(), QStringLiteral("{\"a\":1}"));
        QCOMPARE(seen.value(QStringLiteral("contentType")).toString(), QStringLiteral("application/json"));
        QCOMPARE(seen.value(QStringLiteral("owner")).toString(), QStringLiteral("sdk"));
        QCOMPARE(seen.value(QStringLiteral("streamed")).toInt(), 70000);
        QCOMPARE(seen.value(QStringLiteral("keys")).toArray(),
                 QJsonArray({QStringLiteral("sdk/hello world.json"), QStringLiteral("sdk/stream.bin")}));
        QCOMPARE(seen.value(QStringLiteral("after")).toInt(), 0);
        QCOMPARE(seen.value(QStringLiteral("missing")).toString(), QStringLiteral("NoSuchKey"));
    }
};

QTEST_GUILESS_MAIN(TestServeS3)
#include "tst_serve_s3.moc"
