// A versioned bucket in `gatehouse serve` with Debian's awscli v2 (issue #9, ObjectRemoved:
// DeleteMarkerCreated): a copy of the sample gets a bucket with "versioning": true whose notifications
// run the sample's `onUpload`; `aws s3api put-object` twice keeps two versions, `delete-object` adds a
// delete marker (the function runs with ObjectRemoved:DeleteMarkerCreated), `list-object-versions`
// shows both versions and the marker, `get-object --version-id` reads the old version, and deleting
// the marker by its id brings the object back. Skipped without /usr/bin/aws.
#include "ServeProcess.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

const QString kAws = QStringLiteral("/usr/bin/aws"); // v2; a pyenv shim may put v1 first on PATH
const QString kBucket = QStringLiteral("hello-versions");

double metric(const QByteArray &page, const QByteArray &nameAndLabels) {
    for (const QByteArray &line : page.split('\n'))
        if (line.startsWith(nameAndLabels + ' ')) return line.mid(nameAndLabels.size() + 1).toDouble();
    return -1;
}

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestServeS3Versions : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::ServeProcess m_serve;
    test::HttpClient m_client;
    bool m_started = false;

    QString s3Url() const {
        return m_serve.endpoints().value(QStringLiteral("s3"))[QStringLiteral("url")].toString();
    }

    Run aws(const QStringList &arguments) {
        QProcess process;
        // Dummy credentials and no user configuration: nothing of the developer's AWS setup leaks in.
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("test"));
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("test"));
        env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
        env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
        env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_dir.filePath(QStringLiteral("no-aws-config")));
        env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
                   m_dir.filePath(QStringLiteral("no-aws-credentials")));
        env.insert(QStringLiteral("AWS_PAGER"), QString());
        process.setProcessEnvironment(env);
        process.start(kAws, QStringList{QStringLiteral("--endpoint-url"), s3Url(), QStringLiteral("--output"),
                                        QStringLiteral("json")} +
                                arguments);
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

    Run s3api(const QString &operation, const QStringList &arguments) {
        return aws(QStringList{QStringLiteral("s3api"), operation, QStringLiteral("--bucket"), kBucket} +
                   arguments);
    }

    // Waits until `onUpload` has finished `count` invocations with nothing running.
    bool functionRan(double count) {
        const QUrl url(
            m_serve.endpoints().value(QStringLiteral("admin"))[QStringLiteral("metrics")].toString());
        return test::waitFor(
            [&] {
                const QByteArray page = m_client.get(url).body;
                return metric(page, R"(gatehouse_lambda_invocations_total{function="onUpload"})") == count &&
                       metric(page, R"(gatehouse_lambda_concurrent_executions{function="onUpload"})") <= 0;
            },
            60000);
    }

private slots:
    void initTestCase() {
        if (!QFile::exists(kAws)) QSKIP("Debian's awscli (/usr/bin/aws) is not installed");
        QVERIFY(m_dir.isValid());
        // A copy of the sample with a versioned bucket whose every change runs onUpload.
        const QString project = m_dir.filePath(QStringLiteral("hello-api"));
        QVERIFY(test::copyTree(test::samplePath(), project));
        QFile file(project + QStringLiteral("/gatehouse.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonArray buckets = root.value(QStringLiteral("buckets")).toArray();
        buckets.append(
            QJsonObject{{QStringLiteral("name"), kBucket},
                        {QStringLiteral("versioning"), true},
                        {QStringLiteral("notifications"),
                         QJsonArray{QJsonObject{
                             {QStringLiteral("events"), QJsonArray{QStringLiteral("s3:ObjectCreated:*"),
                                                                   QStringLiteral("s3:ObjectRemoved:*")}},
                             {QStringLiteral("function"), QStringLiteral("onUpload")}}}}});
        root.insert(QStringLiteral("buckets"), buckets);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(root).toJson());
        file.close();
        QVERIFY2(m_serve.start(project, m_dir.filePath(QStringLiteral("endpoints.json"))),
                 m_serve.err().constData());
        m_started = true;
    }
    void cleanupTestCase() {
        if (m_started) QCOMPARE(m_serve.stop(), 0);
    }

    void deleteOnAVersionedBucketAddsAMarkerAndNotifiesDeleteMarkerCreated() {
        const QString first = m_dir.filePath(QStringLiteral("first.txt"));
        const QString second = m_dir.filePath(QStringLiteral("second.txt"));
        for (const auto &[path, content] :
             {std::pair{first, QByteArray("first\n")}, std::pair{second, QByteArray("second!\n")}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        const QString key = QStringLiteral("docs/a.txt");
        const Run put1 = s3api(QStringLiteral("put-object"),
                               {QStringLiteral("--key"), key, QStringLiteral("--body"), first});
        QVERIFY2(put1.exitCode == 0, put1.err.constData());
        const Run put2 = s3api(QStringLiteral("put-object"),
                               {QStringLiteral("--key"), key, QStringLiteral("--body"), second});
        QVERIFY2(put2.exitCode == 0, put2.err.constData());
        const QString v1 = put1.json().value(QStringLiteral("VersionId")).toString();
        const QString v2 = put2.json().value(QStringLiteral("VersionId")).toString();
        QVERIFY2(!v1.isEmpty() && v1 != v2, put1.out.constData());

        const Run deleted = s3api(QStringLiteral("delete-object"), {QStringLiteral("--key"), key});
        QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
        QVERIFY2(deleted.json().value(QStringLiteral("DeleteMarker")).toBool(), deleted.out.constData());
        const QString marker = deleted.json().value(QStringLiteral("VersionId")).toString();
        QVERIFY(!marker.isEmpty());

        const Run head = s3api(QStringLiteral("head-object"), {QStringLiteral("--key"), key});
        QVERIFY(head.exitCode != 0);
        QVERIFY2(head.err.contains("404"), head.err.constData());

        const Run versions = s3api(QStringLiteral("list-object-versions"), {});
        QVERIFY2(versions.exitCode == 0, versions.err.constData());
        const QJsonArray listed = versions.json().value(QStringLiteral("Versions")).toArray();
        const QJsonArray markers = versions.json().value(QStringLiteral("DeleteMarkers")).toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers[0][QStringLiteral("VersionId")].toString(), marker);
        QVERIFY(markers[0][QStringLiteral("IsLatest")].toBool());
        QCOMPARE(listed[0][QStringLiteral("VersionId")].toString(), v2);
        QVERIFY(!listed[0][QStringLiteral("IsLatest")].toBool());
        QCOMPARE(listed[1][QStringLiteral("Size")].toInt(), 6);

        const QString old = m_dir.filePath(QStringLiteral("old.txt"));
        const Run get = s3api(QStringLiteral("get-object"),
                              {QStringLiteral("--key"), key, QStringLiteral("--version-id"), v1, old});
        QVERIFY2(get.exitCode == 0, get.err.constData());
        QFile oldFile(old);
        QVERIFY(oldFile.open(QIODevice::ReadOnly));
        QCOMPARE(oldFile.readAll(), QByteArray("first\n"));

        // Two puts and the marker: three invocations, the last with DeleteMarkerCreated.
        QVERIFY2(functionRan(3), m_serve.err().right(3000).constData());
        QCOMPARE(m_serve.err().count("ObjectCreated:Put: s3://hello-versions/docs/a.txt"), 2);
        QCOMPARE(m_serve.err().count("ObjectRemoved:DeleteMarkerCreated: s3://hello-versions/docs/a.txt"), 1);

        // Deleting the marker by its id brings the object back (a permanent delete: ObjectRemoved:Delete).
        const Run undelete = s3api(QStringLiteral("delete-object"),
                                   {QStringLiteral("--key"), key, QStringLiteral("--version-id"), marker});
        QVERIFY2(undelete.exitCode == 0, undelete.err.constData());
        const Run back = s3api(QStringLiteral("head-object"), {QStringLiteral("--key"), key});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(back.json().value(QStringLiteral("VersionId")).toString(), v2);
        QCOMPARE(back.json().value(QStringLiteral("ContentLength")).toInt(), 8);
        QVERIFY2(functionRan(4), m_serve.err().right(3000).constData());
        QCOMPARE(m_serve.err().count("ObjectRemoved:Delete: s3://hello-versions/docs/a.txt"), 1);

        const Run status = s3api(QStringLiteral("get-bucket-versioning"), {});
        QVERIFY2(status.exitCode == 0, status.err.constData());
        QCOMPARE(status.json().value(QStringLiteral("Status")).toString(), QStringLiteral("Enabled"));
    }
};

QTEST_GUILESS_MAIN(TestServeS3Versions)
#include "tst_serve_s3_versions.moc"
