// Bucket versioning (issue #9, ObjectRemoved:DeleteMarkerCreated): the versioned BucketStore (every
// write a version, a delete a marker, versions read and removed by id, the "null" version of objects
// from before) and the S3 API's versionId parameters, ListObjectVersions, Get/PutBucketVersioning and
// the notifications (S3 User Guide "Working with delete markers", "Deleting object versions from a
// versioning-enabled bucket"; S3 API reference "DeleteObject", "GetObject", "ListObjectVersions").
#include "S3ApiHarness.h"
#include "sources/s3/ObjectKeyFiles.h"

#include <QDirIterator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::s3;
using namespace gatehouse::test;

namespace {

// (element, key, versionId, isLatest) for each Version and DeleteMarker of a ListVersionsResult.
QStringList versionEntries(const QByteArray &xml) {
    QStringList entries;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement() ||
            (reader.name() != QLatin1String("Version") && reader.name() != QLatin1String("DeleteMarker")))
            continue;
        const QString kind = reader.name().toString();
        QString key, id, latest;
        while (reader.readNextStartElement()) {
            if (reader.name() == QLatin1String("Key"))
                key = reader.readElementText();
            else if (reader.name() == QLatin1String("VersionId"))
                id = reader.readElementText();
            else if (reader.name() == QLatin1String("IsLatest"))
                latest = reader.readElementText();
            else
                reader.skipCurrentElement();
        }
        entries.append(QStringLiteral("%1 %2 %3 %4").arg(kind, key, id, latest));
    }
    return entries;
}

} // namespace

class TestS3Versions : public S3ApiTestCase {
    Q_OBJECT
private:
    QString eventName(qsizetype i) const {
        return text(m_s3->deliveries.at(i).event["Records"][0]["eventName"]);
    }
    QString eventVersionId(qsizetype i) const {
        return text(m_s3->deliveries.at(i).event["Records"][0]["s3"]["object"]["versionId"]);
    }

private slots:
    void init() {
        const BucketNotification all =
            makeNotification(QStringLiteral("onChange"),
                             {QStringLiteral("s3:ObjectCreated:*"), QStringLiteral("s3:ObjectRemoved:*")});
        QVERIFY(startApi({makeBucket(QStringLiteral("kept-bucket"), {all}, /*versioning=*/true),
                          makeBucket(QStringLiteral("plain-bucket"))}));
    }

    // --- the store ---

    void putTwiceKeepsTwoVersionsAndADeleteAddsAMarker() {
        BucketStore store(m_s3->folder());
        store.setVersioning(QStringLiteral("vb1"), Versioning::Enabled);
        ObjectMetadata first, second;
        QVERIFY(store.put(QStringLiteral("vb1"), object(QStringLiteral("k")), "one", &first).ok());
        QVERIFY(store.put(QStringLiteral("vb1"), object(QStringLiteral("k")), "two!", &second).ok());
        QCOMPARE(first.versionId.size(), 32);
        QVERIFY(first.versionId != second.versionId);
        QCOMPARE(store.head(QStringLiteral("vb1"), QStringLiteral("k"))->versionId, second.versionId);

        ObjectMetadata meta;
        QByteArray data;
        QVERIFY(store.read(QStringLiteral("vb1"), QStringLiteral("k"), 0, -1, &meta, &data).ok());
        QCOMPARE(data, QByteArray("two!"));
        QVERIFY(store.read(QStringLiteral("vb1"), QStringLiteral("k"), 0, -1, &meta, &data, first.versionId)
                    .ok());
        QCOMPARE(data, QByteArray("one")); // the older version's data is kept
        QList<ObjectVersion> versions = store.listVersions(QStringLiteral("vb1"));
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions[0].meta.versionId, second.versionId);
        QVERIFY(versions[0].isLatest);
        QVERIFY(!versions[1].isLatest);

        Removal removal;
        QVERIFY(store.deleteObject(QStringLiteral("vb1"), QStringLiteral("k"), {}, &removal).ok());
        QVERIFY(removal.happened);
        QVERIFY(removal.deleteMarker);
        QCOMPARE(removal.versionId.size(), 32);
        QVERIFY(!store.head(QStringLiteral("vb1"), QStringLiteral("k")));
        QVERIFY(store.latest(QStringLiteral("vb1"), QStringLiteral("k"))->deleteMarker);
        QVERIFY(store.list(QStringLiteral("vb1")).isEmpty()); // listings skip it
        QCOMPARE(store.read(QStringLiteral("vb1"), QStringLiteral("k"), 0, -1, &meta, &data).error,
                 BucketStore::Error::NoSuchKey);
        // The versions are all there, the marker newest.
        versions = store.listVersions(QStringLiteral("vb1"));
        QCOMPARE(versions.size(), 3);
        QVERIFY(versions[0].meta.deleteMarker);
        QVERIFY(versions[0].isLatest);

        // Removing the marker by its id "undeletes" the object.
        Removal undelete;
        QVERIFY(store.deleteObject(QStringLiteral("vb1"), QStringLiteral("k"), removal.versionId, &undelete)
                    .ok());
        QVERIFY(undelete.deleteMarker);
        QVERIFY(store.read(QStringLiteral("vb1"), QStringLiteral("k"), 0, -1, &meta, &data).ok());
        QCOMPARE(data, QByteArray("two!"));
        QCOMPARE(store.list(QStringLiteral("vb1")).size(), 1);

        // Removing the current version for good makes the older one current.
        Removal gone;
        QVERIFY(store.deleteObject(QStringLiteral("vb1"), QStringLiteral("k"), second.versionId, &gone).ok());
        QVERIFY(!gone.deleteMarker);
        QVERIFY(store.read(QStringLiteral("vb1"), QStringLiteral("k"), 0, -1, &meta, &data).ok());
        QCOMPARE(data, QByteArray("one"));
        QVERIFY(!store.version(QStringLiteral("vb1"), QStringLiteral("k"), second.versionId));
    }

    void versionsLiveInTheKeysFolderNamedByItsHash() {
        BucketStore store(m_s3->folder());
        store.setVersioning(QStringLiteral("vb1"), Versioning::Enabled);
        const QString key = QStringLiteral("../../escape/k.txt");
        QVERIFY(store.put(QStringLiteral("vb1"), object(key), "x", nullptr).ok());
        QVERIFY(store.put(QStringLiteral("vb1"), object(key), "y", nullptr).ok());
        const QString root = store.bucketFolder(QStringLiteral("vb1"));
        QDirIterator it(m_s3->folder(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int dataFiles = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.endsWith(QLatin1String("/.gatehouse/.gitignore"))) continue;
            QVERIFY2(path.startsWith(root + QLatin1Char('/')), qPrintable(path));
            if (path.endsWith(QLatin1String(".data"))) {
                ++dataFiles;
                QVERIFY(path.startsWith(root + QStringLiteral("/versions/") + objectFileStem(key) +
                                        QLatin1Char('/')));
            }
        }
        QCOMPARE(dataFiles, 2);
        Removal removal;
        QVERIFY(store.deleteObject(QStringLiteral("vb1"), key, QStringLiteral("../x"), &removal).ok());
        QVERIFY(!removal.happened); // a malformed id names nothing
    }

    void objectsFromBeforeVersioningBecomeTheNullVersion() {
        BucketStore store(m_s3->folder());
        ObjectMetadata before;
        QVERIFY(store.put(QStringLiteral("vb1"), object(QStringLiteral("k")), "old", &before).ok());
        QVERIFY(before.versionId.isEmpty());
        QCOMPARE(store.listVersions(QStringLiteral("vb1")).size(), 1);
        QVERIFY(store.version(QStringLiteral("vb1"), QStringLiteral("k"), QStringLiteral("null")));

        store.setVersioning(QStringLiteral("vb1"), Versioning::Enabled);
        ObjectMetadata after;
        QVERIFY(store.put(QStringLiteral("vb1"), object(QStringLiteral("k")), "new", &after).ok());
        const QList<ObjectVersion> versions = store.listVersions(QStringLiteral("vb1"));
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions[1].meta.versionId, QStringLiteral("null"));
        ObjectMetadata meta;
        QByteArray data;
        QVERIFY(
            store
                .read(QStringLiteral("vb1"), QStringLiteral("k"), 0, -1, &meta, &data, QStringLiteral("null"))
                .ok());
        QCOMPARE(data, QByteArray("old"));

        // Suspended: a write replaces the null version and is current; the other version stays.
        store.setVersioning(QStringLiteral("vb1"), Versioning::Suspended);
        ObjectMetadata suspended;
        QVERIFY(store.put(QStringLiteral("vb1"), object(QStringLiteral("k")), "newest", &suspended).ok());
        QCOMPARE(suspended.versionId, QStringLiteral("null"));
        QCOMPARE(store.listVersions(QStringLiteral("vb1")).size(), 2);
        QVERIFY(store.read(QStringLiteral("vb1"), QStringLiteral("k"), 0, -1, &meta, &data).ok());
        QCOMPARE(data, QByteArray("newest"));
        QVERIFY(store.read(QStringLiteral("vb1"), QStringLiteral("k"), 0, -1, &meta, &data, after.versionId)
                    .ok());
        QCOMPARE(data, QByteArray("new"));
    }

    // --- the API ---

    void putReturnsVersionIdsAndGetByVersionId() {
        const http::HttpResponse first = send("PUT", "/kept-bucket/doc.txt", "v1");
        const http::HttpResponse second = send("PUT", "/kept-bucket/doc.txt", "v2");
        const QByteArray v1 = first.headers.value("x-amz-version-id");
        const QByteArray v2 = second.headers.value("x-amz-version-id");
        QCOMPARE(v1.size(), 32);
        QVERIFY(v1 != v2);
        QCOMPARE(send("GET", "/kept-bucket/doc.txt").body, QByteArray("v2"));
        const http::HttpResponse old = send("GET", "/kept-bucket/doc.txt?versionId=" + v1);
        QCOMPARE(old.status, 200);
        QCOMPARE(old.body, QByteArray("v1"));
        QCOMPARE(old.headers.value("x-amz-version-id"), v1);
        QCOMPARE(send("HEAD", "/kept-bucket/doc.txt?versionId=" + v1).headers.value("Content-Length"),
                 QByteArray("2"));
        const http::HttpResponse missing = send("GET", "/kept-bucket/doc.txt?versionId=NoSuchVersion0000");
        QCOMPARE(missing.status, 404);
        QCOMPARE(xmlText(missing.body, QStringLiteral("Code")), QStringLiteral("NoSuchVersion"));
        const http::HttpResponse malformed = send("GET", "/kept-bucket/doc.txt?versionId=..%2Fx");
        QCOMPARE(malformed.status, 400);
        QCOMPARE(xmlText(malformed.body, QStringLiteral("Code")), QStringLiteral("InvalidArgument"));
        // An unversioned bucket's objects carry no version id.
        QVERIFY(!send("PUT", "/plain-bucket/a", "x").headers.contains("x-amz-version-id"));
        QCOMPARE(eventVersionId(0).toLatin1(), v1);
    }

    void deleteAddsAMarkerAndNotifiesDeleteMarkerCreated() {
        send("PUT", "/kept-bucket/doc.txt", "v1");
        const http::HttpResponse deleted = send("DELETE", "/kept-bucket/doc.txt");
        QCOMPARE(deleted.status, 204);
        QCOMPARE(deleted.headers.value("x-amz-delete-marker"), QByteArray("true"));
        const QByteArray marker = deleted.headers.value("x-amz-version-id");
        QCOMPARE(marker.size(), 32);

        const http::HttpResponse get = send("GET", "/kept-bucket/doc.txt");
        QCOMPARE(get.status, 404);
        QCOMPARE(xmlText(get.body, QStringLiteral("Code")), QStringLiteral("NoSuchKey"));
        QCOMPARE(get.headers.value("x-amz-delete-marker"), QByteArray("true"));
        QCOMPARE(send("HEAD", "/kept-bucket/doc.txt").headers.value("x-amz-delete-marker"),
                 QByteArray("true"));
        const http::HttpResponse markerGet = send("GET", "/kept-bucket/doc.txt?versionId=" + marker);
        QCOMPARE(markerGet.status, 405);
        QCOMPARE(markerGet.headers.value("x-amz-delete-marker"), QByteArray("true"));
        QCOMPARE(xmlText(send("GET", "/kept-bucket?list-type=2").body, QStringLiteral("KeyCount")),
                 QStringLiteral("0"));

        QCOMPARE(m_s3->deliveries.size(), 2);
        QCOMPARE(eventName(1), QStringLiteral("ObjectRemoved:DeleteMarkerCreated"));
        QCOMPARE(eventVersionId(1).toLatin1(), marker);

        // Deleting the marker by id: the object is back, and that removal is ObjectRemoved:Delete.
        const http::HttpResponse undelete = send("DELETE", "/kept-bucket/doc.txt?versionId=" + marker);
        QCOMPARE(undelete.status, 204);
        QCOMPARE(undelete.headers.value("x-amz-delete-marker"), QByteArray("true"));
        QCOMPARE(undelete.headers.value("x-amz-version-id"), marker);
        QCOMPARE(send("GET", "/kept-bucket/doc.txt").body, QByteArray("v1"));
        QCOMPARE(eventName(2), QStringLiteral("ObjectRemoved:Delete"));
    }

    void listObjectVersionsWithMarkersAndPages() {
        const QByteArray a1 = send("PUT", "/kept-bucket/a", "1").headers.value("x-amz-version-id");
        const QByteArray a2 = send("PUT", "/kept-bucket/a", "22").headers.value("x-amz-version-id");
        const QByteArray marker = send("DELETE", "/kept-bucket/b").headers.value("x-amz-version-id");
        const QByteArray c1 = send("PUT", "/kept-bucket/c", "333").headers.value("x-amz-version-id");
        const http::HttpResponse all = send("GET", "/kept-bucket?versions");
        QCOMPARE(all.status, 200);
        QCOMPARE(versionEntries(all.body),
                 QStringList({"Version a " + a2 + " true", "Version a " + a1 + " false",
                              "DeleteMarker b " + marker + " true", "Version c " + c1 + " true"}));
        QCOMPARE(xmlText(all.body, QStringLiteral("IsTruncated")), QStringLiteral("false"));

        const http::HttpResponse first = send("GET", "/kept-bucket?versions&max-keys=2");
        QCOMPARE(versionEntries(first.body).size(), 2);
        QCOMPARE(xmlText(first.body, QStringLiteral("IsTruncated")), QStringLiteral("true"));
        QCOMPARE(xmlText(first.body, QStringLiteral("NextKeyMarker")), QStringLiteral("a"));
        QCOMPARE(xmlText(first.body, QStringLiteral("NextVersionIdMarker")).toLatin1(), a1);
        const http::HttpResponse second =
            send("GET", "/kept-bucket?versions&max-keys=2&key-marker=a&version-id-marker=" + a2);
        QCOMPARE(versionEntries(second.body),
                 QStringList({"Version a " + a1 + " false", "DeleteMarker b " + marker + " true"}));
        const http::HttpResponse prefixed = send("GET", "/kept-bucket?versions&prefix=c");
        QCOMPARE(versionEntries(prefixed.body), QStringList({"Version c " + c1 + " true"}));
    }

    void bucketVersioningFollowsTheProjectAndPutBucketVersioningForTheRun() {
        QCOMPARE(xmlText(send("GET", "/kept-bucket?versioning").body, QStringLiteral("Status")),
                 QStringLiteral("Enabled"));
        const http::HttpResponse plain = send("GET", "/plain-bucket?versioning");
        QCOMPARE(plain.status, 200);
        QVERIFY(!plain.body.contains("<Status>"));
        QCOMPARE(send("PUT", "/plain-bucket?versioning",
                      "<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>")
                     .status,
                 200);
        QCOMPARE(xmlText(send("GET", "/plain-bucket?versioning").body, QStringLiteral("Status")),
                 QStringLiteral("Enabled"));
        QCOMPARE(send("PUT", "/plain-bucket/x", "1").headers.value("x-amz-version-id").size(), 32);
        QCOMPARE(send("PUT", "/plain-bucket?versioning",
                      "<VersioningConfiguration><Status>Maybe</Status></VersioningConfiguration>")
                     .status,
                 400);
        // A project reload that leaves the flag alone keeps the run's choice; changing it wins.
        m_s3->updateApi();
        QCOMPARE(xmlText(send("GET", "/plain-bucket?versioning").body, QStringLiteral("Status")),
                 QStringLiteral("Enabled"));
        m_s3->project.buckets[0].versioning = false;
        m_s3->updateApi();
        QVERIFY(!send("GET", "/kept-bucket?versioning").body.contains("<Status>"));
    }

    void postAndCompleteMultipartUploadCreateVersionsToo() {
        const QByteArray form =
            "--b\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nform.txt\r\n"
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\nposted\r\n--b--\r\n";
        const http::HttpResponse posted =
            send("POST", "/kept-bucket", form, {{"Content-Type", "multipart/form-data; boundary=b"}});
        QCOMPARE(posted.status, 204);
        QCOMPARE(posted.headers.value("x-amz-version-id").size(), 32);
        QCOMPARE(eventName(0), QStringLiteral("ObjectCreated:Post"));
        QCOMPARE(eventVersionId(0).toLatin1(), posted.headers.value("x-amz-version-id"));

        const QString uploadId =
            xmlText(send("POST", "/kept-bucket/form.txt?uploads").body, QStringLiteral("UploadId"));
        const QByteArray part =
            send("PUT", "/kept-bucket/form.txt?partNumber=1&uploadId=" + uploadId.toLatin1(), "whole")
                .headers.value("ETag");
        const http::HttpResponse done =
            send("POST", "/kept-bucket/form.txt?uploadId=" + uploadId.toLatin1(),
                 "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + part +
                     "</ETag></Part></CompleteMultipartUpload>");
        QCOMPARE(done.status, 200);
        const QByteArray completed = done.headers.value("x-amz-version-id");
        QCOMPARE(completed.size(), 32);
        QVERIFY(completed != posted.headers.value("x-amz-version-id"));
        QCOMPARE(send("GET", "/kept-bucket/form.txt").body, QByteArray("whole"));
        QCOMPARE(
            send("GET", "/kept-bucket/form.txt?versionId=" + posted.headers.value("x-amz-version-id")).body,
            QByteArray("posted"));
    }

    void deleteObjectsAndCopyWithVersions() {
        const QByteArray v1 = send("PUT", "/kept-bucket/a", "first").headers.value("x-amz-version-id");
        send("PUT", "/kept-bucket/a", "second");
        const http::HttpResponse deleted =
            send("POST", "/kept-bucket?delete", "<Delete><Object><Key>a</Key></Object></Delete>");
        QCOMPARE(deleted.status, 200);
        QCOMPARE(xmlText(deleted.body, QStringLiteral("DeleteMarker")), QStringLiteral("true"));
        QCOMPARE(xmlText(deleted.body, QStringLiteral("DeleteMarkerVersionId")).size(), 32);
        QCOMPARE(eventName(m_s3->deliveries.size() - 1), QStringLiteral("ObjectRemoved:DeleteMarkerCreated"));

        // Restoring the first version by copying it onto its key.
        const http::HttpResponse copied =
            send("PUT", "/kept-bucket/a", {}, {{"x-amz-copy-source", "/kept-bucket/a?versionId=" + v1}});
        QCOMPARE(copied.status, 200);
        QCOMPARE(copied.headers.value("x-amz-copy-source-version-id"), v1);
        QCOMPARE(send("GET", "/kept-bucket/a").body, QByteArray("first"));
        QCOMPARE(versionEntries(send("GET", "/kept-bucket?versions").body).size(), 4);

        const http::HttpResponse permanent =
            send("POST", "/kept-bucket?delete",
                 "<Delete><Object><Key>a</Key><VersionId>" + v1 + "</VersionId></Object></Delete>");
        QCOMPARE(xmlText(permanent.body, QStringLiteral("VersionId")).toLatin1(), v1);
        QCOMPARE(send("GET", "/kept-bucket/a?versionId=" + v1).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestS3Versions)
#include "tst_s3_versions.moc"
