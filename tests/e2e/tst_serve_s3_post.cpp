// Browser-based POST uploads into `gatehouse serve` with real clients (issue #9, ObjectCreated:Post):
// curl's `-F key=uploads/${filename} -F file=@...` form into the bundled sample's bucket, which runs
// the sample's `onUpload` once with eventName ObjectCreated:Post; then, on a copy of the sample with
// project credentials, @aws-sdk/s3-presigned-post's createPresignedPost and Node's own fetch/FormData
// (skipped when the package is not in the validators' folder), including a file over the policy's
// content-length-range.
#include "ServeProcess.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

double metric(const QByteArray &page, const QByteArray &nameAndLabels) {
    for (const QByteArray &line : page.split('\n'))
        if (line.startsWith(nameAndLabels + ' ')) return line.mid(nameAndLabels.size() + 1).toDouble();
    return -1;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

const QByteArray kInvocations = R"(gatehouse_lambda_invocations_total{function="onUpload"})";
const QByteArray kConcurrent = R"(gatehouse_lambda_concurrent_executions{function="onUpload"})";

} // namespace

class TestServeS3Post : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::HttpClient m_client;

    static QString s3Url(test::ServeProcess &serve) {
        return serve.endpoints().value(QStringLiteral("s3"))[QStringLiteral("url")].toString();
    }

    Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &extra = {}) {
        QProcess process;
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(extra);
        process.setProcessEnvironment(env);
        process.start(program, arguments);
        Run result;
        if (!process.waitForStarted(10000)) return result;
        test::waitFor([&] { return process.state() == QProcess::NotRunning; }, 60000);
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }

    QByteArray metrics(test::ServeProcess &serve) {
        const QUrl url(
            serve.endpoints().value(QStringLiteral("admin"))[QStringLiteral("metrics")].toString());
        return m_client.get(url).body;
    }

    // Waits until `onUpload` has finished `count` invocations with nothing running.
    bool functionRan(test::ServeProcess &serve, double count) {
        return test::waitFor(
            [&] {
                const QByteArray page = metrics(serve);
                return metric(page, kInvocations) == count && metric(page, kConcurrent) <= 0;
            },
            60000);
    }

    QString writeFile(const QString &name, const QByteArray &content) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) return {};
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void curlFormUploadTriggersObjectCreatedPost() {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        if (curl.isEmpty()) QSKIP("curl is not installed");
        const QString sample = m_dir.filePath(QStringLiteral("hello-api"));
        QVERIFY(test::copyTree(test::samplePath(), sample));
        test::ServeProcess serve;
        QVERIFY2(serve.start(sample, m_dir.filePath(QStringLiteral("endpoints.json"))),
                 serve.err().constData());

        const QString file = writeFile(QStringLiteral("posted.txt"), "posted by curl -F\n"); // 18 bytes
        const Run posted =
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
        const QString home = qEnvironmentVariable("VALIDATE_HOME", QStringLiteral("/tmp/validate-tools"));
        const QString presigned = home + QStringLiteral("/node_modules/@aws-sdk/s3-presigned-post");
        const QString client = home + QStringLiteral("/node_modules/@aws-sdk/client-s3");
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty() || !QFile::exists(presigned) || !QFile::exists(client))
            QSKIP("node, @aws-sdk/client-s3 or @aws-sdk/s3-presigned-post (npm install in the validators' "
                  "folder) "
                  "is missing");
        // A copy of the sample whose S3 endpoint checks signatures.
        const QString project = m_dir.filePath(QStringLiteral("signed-api"));
        QVERIFY(test::copyTree(test::samplePath(), project));
        QFile projectFile(project + QStringLiteral("/gatehouse.json"));
        QVERIFY(projectFile.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(projectFile.readAll()).object();
        projectFile.close();
        QJsonObject settings = root.value(QStringLiteral("settings")).toObject();
        settings.insert(QStringLiteral("credentials"),
                        QJsonObject{{QStringLiteral("accessKeyId"), QStringLiteral("AKIDPRESIGNEDPOST")},
                                    {QStringLiteral("secretAccessKey"), QStringLiteral("presigned-secret")}});
        root.insert(QStringLiteral("settings"), settings);
        QVERIFY(projectFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
        projectFile.write(QJsonDocument(root).toJson());
        projectFile.close();
        test::ServeProcess serve;
        QVERIFY2(serve.start(project, m_dir.filePath(QStringLiteral("signed-endpoints.json"))),
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
        const Run result = run(node, {script}, extra);
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject seen = QJsonDocument::fromJson(result.out).object();
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
