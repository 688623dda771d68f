// A versioned bucket in `gatehouse serve` with Debian's awscli v2 (issue #9, ObjectRemoved:
// DeleteMarkerCreated): a copy of the sample gets a bucket with "versioning": true whose notifications
// run the sample's `onUpload`; `aws s3api put-object` twice keeps two versions, `delete-object` adds a
// delete marker (the function runs with ObjectRemoved:DeleteMarkerCreated), `list-object-versions`
// shows both versions and the marker, `get-object --version-id` reads the old version, and deleting
// the marker by its id brings the object back. Skipped without /usr/bin/aws.
#include "AwsCli.h"
#include "ServeS3Support.h"
#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using test::ClientRun;

namespace {

const QString kBucket = QStringLiteral("hello-versions");

} // namespace

class TestServeS3Versions : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::ServeProcess m_serve;
    test::HttpClient m_client;
    bool m_started = false;

    ClientRun s3api(const QString &operation, const QStringList &arguments) {
        const test::AwsCli aws(QStringLiteral("s3api"), test::endpointUrl(m_serve, QStringLiteral("s3")),
                               m_dir.path());
        return aws.run(QStringList{operation, QStringLiteral("--bucket"), kBucket} + arguments);
    }

    // Waits until `onUpload` has finished `count` invocations with nothing running.
    bool functionRan(double count) {
        return test::functionRan(m_client, m_serve, QStringLiteral("onUpload"), count);
    }

private slots:
    void initTestCase() {
        if (!test::AwsCli::installed()) QSKIP("Debian's awscli (/usr/bin/aws) is not installed");
        QVERIFY(m_dir.isValid());
        // A copy of the sample with a versioned bucket whose every change runs onUpload.
        const auto withVersionedBucket = [](QJsonObject &root) {
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
        };
        QVERIFY2(test::serveSampleCopy(m_serve, m_dir.filePath(QStringLiteral("hello-api")),
                                       m_dir.filePath(QStringLiteral("endpoints.json")), withVersionedBucket),
                 m_serve.err().constData());
        m_started = true;
    }
    void cleanupTestCase() {
        if (m_started) QCOMPARE(m_serve.stop(), 0);
    }

    void deleteOnAVersionedBucketAddsAMarkerAndNotifiesDeleteMarkerCreated() {
        const QString first = m_dir.filePath(QStringLiteral("first.txt"));
        const QString second = m_dir.filePath(QStringLiteral("second.txt"));
        QVERIFY(test::writeFile(first, "first\n"));
        QVERIFY(test::writeFile(second, "second!\n"));
        const QString key = QStringLiteral("docs/a.txt");
        const ClientRun put1 = s3api(QStringLiteral("put-object"),
                                     {QStringLiteral("--key"), key, QStringLiteral("--body"), first});
        QVERIFY2(put1.exitCode == 0, put1.err.constData());
        const ClientRun put2 = s3api(QStringLiteral("put-object"),
                                     {QStringLiteral("--key"), key, QStringLiteral("--body"), second});
        QVERIFY2(put2.exitCode == 0, put2.err.constData());
        const QString v1 = put1.json().value(QStringLiteral("VersionId")).toString();
        const QString v2 = put2.json().value(QStringLiteral("VersionId")).toString();
        QVERIFY2(!v1.isEmpty() && v1 != v2, put1.out.constData());

        const ClientRun deleted = s3api(QStringLiteral("delete-object"), {QStringLiteral("--key"), key});
        QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
        QVERIFY2(deleted.json().value(QStringLiteral("DeleteMarker")).toBool(), deleted.out.constData());
        const QString marker = deleted.json().value(QStringLiteral("VersionId")).toString();
        QVERIFY(!marker.isEmpty());

        const ClientRun head = s3api(QStringLiteral("head-object"), {QStringLiteral("--key"), key});
        QVERIFY(head.exitCode != 0);
        QVERIFY2(head.err.contains("404"), head.err.constData());

        const ClientRun versions = s3api(QStringLiteral("list-object-versions"), {});
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
        const ClientRun get = s3api(QStringLiteral("get-object"),
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
        const ClientRun undelete =
            s3api(QStringLiteral("delete-object"),
                  {QStringLiteral("--key"), key, QStringLiteral("--version-id"), marker});
        QVERIFY2(undelete.exitCode == 0, undelete.err.constData());
        const ClientRun back = s3api(QStringLiteral("head-object"), {QStringLiteral("--key"), key});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(back.json().value(QStringLiteral("VersionId")).toString(), v2);
        QCOMPARE(back.json().value(QStringLiteral("ContentLength")).toInt(), 8);
        QVERIFY2(functionRan(4), m_serve.err().right(3000).constData());
        QCOMPARE(m_serve.err().count("ObjectRemoved:Delete: s3://hello-versions/docs/a.txt"), 1);

        const ClientRun status = s3api(QStringLiteral("get-bucket-versioning"), {});
        QVERIFY2(status.exitCode == 0, status.err.constData());
        QCOMPARE(status.json().value(QStringLiteral("Status")).toString(), QStringLiteral("Enabled"));
    }
};

QTEST_GUILESS_MAIN(TestServeS3Versions)
#include "tst_serve_s3_versions.moc"
