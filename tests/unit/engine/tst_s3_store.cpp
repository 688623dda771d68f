// The bucket store and the pure parts of the S3 endpoint: key → file mapping (no key escapes the
// bucket folder, every key is listed back exactly), ListObjectsV2's selection, Range, the multipart
// ETag, aws-chunked framing and SigV4 against the S3 documentation's own examples.
#include "S3ApiHarness.h"
#include "sources/s3/AwsChunkedBody.h"
#include "sources/s3/BucketStore.h"
#include "sources/s3/ByteRange.h"
#include "sources/s3/ObjectKeyFiles.h"
#include "sources/s3/ObjectListing.h"
#include "sources/s3/SigV4Verifier.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::s3;
using namespace gatehouse::test;

namespace {

QStringList keysOf(const QList<ObjectMetadata> &objects) {
    QStringList keys;
    for (const ObjectMetadata &o : objects)
        keys.append(o.key);
    return keys;
}

// Every file under `root`, relative to it.
QStringList filesUnder(const QString &root) {
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    return files;
}

} // namespace

class TestS3Store : public QObject {
    Q_OBJECT
private slots:
    void craftedKeysStayInsideTheBucketFolderAndListBackExactly() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(QStringLiteral("project"));
        BucketStore store(project);
        const QString longKey = QString(1024, QLatin1Char('k'));
        QStringList keys = {QStringLiteral("../escape.txt"),
                            QStringLiteral("../../../../../../tmp/gatehouse-escape"),
                            QStringLiteral("/etc/passwd"),
                            QStringLiteral("."),
                            QStringLiteral(".."),
                            QStringLiteral("a/./b/../c"),
                            QString::fromUtf8("nul\0inside", 10),
                            QStringLiteral("Case.txt"),
                            QStringLiteral("case.txt"),
                            QStringLiteral("uploads/red flower.jpg"),
                            QStringLiteral("\u00e9t\u00e9/\u65e5\u672c.txt"),
                            objectFileStem(QStringLiteral("x")) + QStringLiteral(".json"),
                            QStringLiteral("\\windows\\path"),
                            longKey};
        for (const QString &key : keys) {
            ObjectMetadata stored;
            QVERIFY2(store.put(QStringLiteral("my-bucket"), object(key), key.toUtf8(), &stored).ok(),
                     qPrintable(key));
            QCOMPARE(stored.key, key);
        }
        // Nothing outside the project's .gatehouse folder, and nothing but the layout's files in it.
        const QStringList files = filesUnder(dir.path());
        for (const QString &file : files)
            QVERIFY2(file.startsWith(QLatin1String("project/.gatehouse/")), qPrintable(file));
        QVERIFY(files.contains(QStringLiteral("project/.gatehouse/.gitignore")));
        QCOMPARE(files.size(), 1 + 2 * keys.size()); // .gitignore + metadata and data per key
        // Listed back exactly, in UTF-8 byte order, each with its own content.
        std::sort(keys.begin(), keys.end(),
                  [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
        QCOMPARE(keysOf(store.list(QStringLiteral("my-bucket"))), keys);
        for (const QString &key : keys) {
            ObjectMetadata meta;
            QByteArray data;
            QVERIFY(store.read(QStringLiteral("my-bucket"), key, 0, -1, &meta, &data).ok());
            QCOMPARE(data, key.toUtf8());
        }
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("escape.txt"))));
    }

    void keysOverTheS3LimitAreRefused() {
        // "UTF-8 encoding is at most 1,024 bytes long" (object-keys.html): é is two bytes.
        QVERIFY(isValidObjectKey(QString(512, QChar(0xe9))));
        QVERIFY(!isValidObjectKey(QString(513, QChar(0xe9))));
        QVERIFY(!isValidObjectKey(QString()));
        BucketStore store(QDir::tempPath());
        QVERIFY(!store.head(QStringLiteral("my-bucket"), QString(2000, QLatin1Char('a'))));
    }

    void gitignoreKeepsLocalDataOutOfTheRepository() {
        QTemporaryDir dir;
        BucketStore store(dir.path());
        QVERIFY(store.ensureBucket(QStringLiteral("my-bucket")).ok());
        QFile ignore(dir.filePath(QStringLiteral(".gatehouse/.gitignore")));
        QVERIFY(ignore.open(QIODevice::ReadOnly));
        QVERIFY(ignore.readAll().split('\n').contains("*"));
        QVERIFY(!store.ensureBucket(QStringLiteral("../evil")).ok()); // never a path
    }

    void overwriteReplacesDataAndMetadataTogether() {
        QTemporaryDir dir;
        BucketStore store(dir.path());
        ObjectMetadata first;
        QVERIFY(store.put(QStringLiteral("my-bucket"), object(QStringLiteral("k")), "one", &first).ok());
        ObjectMetadata second;
        QVERIFY(store.put(QStringLiteral("my-bucket"), object(QStringLiteral("k")), "second", &second).ok());
        QCOMPARE(second.size, 6);
        QCOMPARE(second.eTag, QStringLiteral("\"%1\"").arg(QString::fromLatin1(
                                  QCryptographicHash::hash("second", QCryptographicHash::Md5).toHex())));
        QCOMPARE(filesUnder(store.bucketFolder(QStringLiteral("my-bucket"))).size(), 2); // old data removed
        bool existed = false;
        QVERIFY(store.remove(QStringLiteral("my-bucket"), QStringLiteral("k"), &existed).ok());
        QVERIFY(existed);
        QVERIFY(filesUnder(store.bucketFolder(QStringLiteral("my-bucket"))).isEmpty());
        QVERIFY(store.remove(QStringLiteral("my-bucket"), QStringLiteral("k"), &existed).ok());
        QVERIFY(!existed);
    }

    // The studio's uploads stream a file in chunks: the same object, size and ETag as put() of the
    // same bytes, progress up to the whole size, and a device that fails to read stores nothing.
    void putFromStreamsLikePut() {
        QTemporaryDir dir;
        BucketStore store(dir.path());
        QByteArray bytes(3 * 1024 * 1024 + 17, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i % 253);
        QBuffer source(&bytes);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QList<qint64> progress;
        ObjectMetadata streamed;
        QVERIFY(store
                    .putFrom(QStringLiteral("my-bucket"), object(QStringLiteral("big")), source, &streamed,
                             [&](qint64 stored) { progress.append(stored); })
                    .ok());
        ObjectMetadata buffered;
        QVERIFY(
            store.put(QStringLiteral("my-bucket"), object(QStringLiteral("copy")), bytes, &buffered).ok());
        QCOMPARE(streamed.size, bytes.size());
        QCOMPARE(streamed.eTag, buffered.eTag);
        QCOMPARE(progress.size(), 4); // 1 MiB chunks
        QCOMPARE(progress.last(), qint64(bytes.size()));
        ObjectMetadata meta;
        QByteArray data;
        QVERIFY(store.read(QStringLiteral("my-bucket"), QStringLiteral("big"), 0, -1, &meta, &data).ok());
        QCOMPARE(data, bytes);

        QBuffer closed; // not open: every read fails
        const BucketStore::Outcome failed =
            store.putFrom(QStringLiteral("my-bucket"), object(QStringLiteral("cut")), closed, nullptr);
        QCOMPARE(failed.error, BucketStore::Error::Io);
        QVERIFY(!store.head(QStringLiteral("my-bucket"), QStringLiteral("cut")));
        QCOMPARE(filesUnder(store.bucketFolder(QStringLiteral("my-bucket"))).size(), 4); // two objects
    }

    void listPaginatesWithDelimiterAndTokens() {
        QList<ObjectMetadata> objects;
        for (const char *key : {"a.txt", "photos/2023/a.jpg", "photos/2023/b.jpg", "photos/2024/c.jpg",
                                "photos/top.jpg", "videos/v.mp4", "z.txt"})
            objects.append(object(QString::fromLatin1(key)));
        // ListObjectsV2 "Listing objects using prefixes and delimiters" (using-prefixes.html).
        ListRequest request;
        request.delimiter = QStringLiteral("/");
        std::optional<ListPage> page = listObjects(objects, request);
        QVERIFY(page);
        QCOMPARE(keysOf(page->contents), QStringList({"a.txt", "z.txt"}));
        QCOMPARE(page->commonPrefixes, QStringList({"photos/", "videos/"}));
        QCOMPARE(page->keyCount(), 4);
        QVERIFY(!page->truncated);

        request.prefix = QStringLiteral("photos/");
        page = listObjects(objects, request);
        QCOMPARE(keysOf(page->contents), QStringList({"photos/top.jpg"}));
        QCOMPARE(page->commonPrefixes, QStringList({"photos/2023/", "photos/2024/"}));

        // Pages of two, common prefixes counting as keys; the token never repeats a rolled-up prefix.
        request = {};
        request.delimiter = QStringLiteral("/");
        request.maxKeys = 2;
        QStringList seen;
        for (int pageNumber = 0; pageNumber < 10; ++pageNumber) {
            page = listObjects(objects, request);
            QVERIFY(page);
            QVERIFY(page->keyCount() <= 2);
            seen += keysOf(page->contents) + page->commonPrefixes;
            if (!page->truncated) break;
            request.continuationToken = page->nextContinuationToken;
        }
        std::sort(seen.begin(), seen.end());
        QCOMPARE(seen, QStringList({"a.txt", "photos/", "videos/", "z.txt"}));

        request = {};
        request.startAfter = QStringLiteral("photos/2024/c.jpg");
        QCOMPARE(keysOf(listObjects(objects, request)->contents),
                 QStringList({"photos/top.jpg", "videos/v.mp4", "z.txt"}));
        request.continuationToken = QStringLiteral("not base64 !");
        QVERIFY(!listObjects(objects, request));
    }

    void rangeFollowsRfc9110() {
        using K = ByteRange::Kind;
        QCOMPARE(int(resolveRange("bytes=0-9", 100).kind), int(K::Partial));
        QCOMPARE(resolveRange("bytes=0-9", 100).length, 10);
        QCOMPARE(resolveRange("bytes=90-200", 100).length, 10); // clipped to the end
        QCOMPARE(resolveRange("bytes=-10", 100).first, 90);
        QCOMPARE(resolveRange("bytes=-500", 100).length, 100);
        QCOMPARE(resolveRange("bytes=50-", 100).length, 50);
        QCOMPARE(int(resolveRange("bytes=100-", 100).kind), int(K::Unsatisfiable)); // 416 InvalidRange
        QCOMPARE(int(resolveRange("bytes=0-0", 0).kind), int(K::Unsatisfiable));
        QCOMPARE(int(resolveRange("bytes=5-1", 100).kind), int(K::Whole)); // invalid: ignored
        QCOMPARE(int(resolveRange("bytes=0-1,5-6", 100).kind), int(K::Whole));
        QCOMPARE(int(resolveRange("items=0-1", 100).kind), int(K::Whole));
    }

    void multipartEtagIsMd5OfPartMd5sWithCount() {
        QTemporaryDir dir;
        BucketStore store(dir.path());
        QString uploadId;
        QVERIFY(store.createUpload(QStringLiteral("my-bucket"), object(QStringLiteral("big.bin")), &uploadId)
                    .ok());
        QVERIFY(isWellFormedUploadId(uploadId));
        const QByteArray part1(int(BucketStore::kMinPartBytes), 'a');
        const QByteArray part2("tail");
        QString etag1, etag2;
        QVERIFY(store.putPart(QStringLiteral("my-bucket"), uploadId, 1, part1, &etag1).ok());
        QVERIFY(store.putPart(QStringLiteral("my-bucket"), uploadId, 2, part2, &etag2).ok());
        // A wrong ETag, a missing part, parts out of order.
        QCOMPARE(
            int(store.completeUpload(QStringLiteral("my-bucket"), uploadId, {{1, etag2}, {2, etag2}}, nullptr)
                    .error),
            int(BucketStore::Error::InvalidPart));
        QCOMPARE(
            int(store.completeUpload(QStringLiteral("my-bucket"), uploadId, {{1, etag1}, {3, etag2}}, nullptr)
                    .error),
            int(BucketStore::Error::InvalidPart));
        QCOMPARE(
            int(store.completeUpload(QStringLiteral("my-bucket"), uploadId, {{2, etag2}, {1, etag1}}, nullptr)
                    .error),
            int(BucketStore::Error::InvalidPartOrder));
        QCOMPARE(
            int(store.completeUpload(QStringLiteral("my-bucket"), uploadId, {{2, etag2}, {3, etag2}}, nullptr)
                    .error),
            int(BucketStore::Error::InvalidPart));
        ObjectMetadata stored;
        QVERIFY(store.completeUpload(QStringLiteral("my-bucket"), uploadId, {{1, etag1}, {2, etag2}}, &stored)
                    .ok());
        const QByteArray md5s = QCryptographicHash::hash(part1, QCryptographicHash::Md5) +
                                QCryptographicHash::hash(part2, QCryptographicHash::Md5);
        QCOMPARE(stored.eTag, QStringLiteral("\"%1-2\"")
                                  .arg(QString::fromLatin1(
                                      QCryptographicHash::hash(md5s, QCryptographicHash::Md5).toHex())));
        QCOMPARE(stored.size, part1.size() + part2.size());
        ObjectMetadata meta;
        QByteArray data;
        QVERIFY(store
                    .read(QStringLiteral("my-bucket"), QStringLiteral("big.bin"), part1.size() - 2, 4, &meta,
                          &data)
                    .ok());
        QCOMPARE(data, QByteArray("aata"));
        // Completed: the upload is gone.
        QVERIFY(!store.uploadOf(QStringLiteral("my-bucket"), uploadId));
        QVERIFY(!store.uploadOf(QStringLiteral("my-bucket"), QStringLiteral("../../../objects")));
    }

    void smallPartsBeforeTheLastAreTooSmall() {
        QTemporaryDir dir;
        BucketStore store(dir.path());
        QString uploadId, e1, e2;
        QVERIFY(store.createUpload(QStringLiteral("my-bucket"), object(QStringLiteral("k")), &uploadId).ok());
        QVERIFY(store.putPart(QStringLiteral("my-bucket"), uploadId, 1, "small", &e1).ok());
        QVERIFY(store.putPart(QStringLiteral("my-bucket"), uploadId, 2, "last", &e2).ok());
        QCOMPARE(int(store.completeUpload(QStringLiteral("my-bucket"), uploadId, {{1, e1}, {2, e2}}, nullptr)
                         .error),
                 int(BucketStore::Error::EntityTooSmall));
        QVERIFY(store.abortUpload(QStringLiteral("my-bucket"), uploadId).ok());
        QCOMPARE(int(store.putPart(QStringLiteral("my-bucket"), uploadId, 1, "x", &e1).error),
                 int(BucketStore::Error::NoSuchUpload));
    }

    void awsChunkedFramingIsDecodedWithTrailers() {
        const QByteArray body =
            "5;chunk-signature=abc\r\nhello\r\n6\r\n world\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";
        const std::optional<AwsChunkedBody> decoded = decodeAwsChunked(body);
        QVERIFY(decoded);
        QCOMPARE(decoded->payload(), QByteArray("hello world"));
        QCOMPARE(decoded->chunks.first().signature, QByteArray("abc"));
        QCOMPARE(decoded->trailers.size(), 1);
        QCOMPARE(decoded->trailers.first().first, QByteArray("x-amz-checksum-crc32"));
        QVERIFY(!decodeAwsChunked("5\r\nhel\r\n"));
        QVERIFY(!decodeAwsChunked("zz\r\n"));
    }

    // "Example: GET Object" of "Signature Calculations for the Authorization Header"
    // (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html).
    void sigV4MatchesTheDocumentedGetObjectExample() {
        http::HttpRequest request;
        request.method = "GET";
        request.path = "/test.txt";
        request.headers.add("Host", "examplebucket.s3.amazonaws.com");
        request.headers.add("Range", "bytes=0-9");
        request.headers.add("x-amz-content-sha256",
                            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        request.headers.add("x-amz-date", "20130524T000000Z");
        request.headers.add(
            "Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        const SigV4Credentials credentials{QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
                                           QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")};
        QCOMPARE(QCryptographicHash::hash(
                     canonicalRequest(request, {"host", "range", "x-amz-content-sha256", "x-amz-date"},
                                      request.header("x-amz-content-sha256")),
                     QCryptographicHash::Sha256)
                     .toHex(),
                 QByteArray("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
        QCOMPARE(int(verifySigV4(request, credentials).status), int(SigV4Result::Status::Valid));
        const SigV4Credentials wrongSecret{credentials.accessKeyId, QStringLiteral("other")};
        QCOMPARE(int(verifySigV4(request, wrongSecret).status),
                 int(SigV4Result::Status::SignatureDoesNotMatch));
        const SigV4Credentials otherKey{QStringLiteral("AKIAOTHEROTHEROTHER0"), credentials.secretAccessKey};
        QCOMPARE(int(verifySigV4(request, otherKey).status), int(SigV4Result::Status::InvalidAccessKeyId));
    }

    // The chunk signatures of the streaming example ("Example Signature Calculations in Chunked Upload",
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html): 64 KiB and 1 KiB of 'a'.
    void chunkSignaturesMatchTheDocumentedStreamingExample() {
        SigV4Result seed;
        seed.seedSignature = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
        seed.amzDate = "20130524T000000Z";
        seed.scope = "20130524/us-east-1/s3/aws4_request";
        seed.signingKey = signingKey(QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "20130524",
                                     "us-east-1", "s3");
        const QByteArray body =
            "10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n" +
            QByteArray(65536, 'a') +
            "\r\n400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n" +
            QByteArray(1024, 'a') +
            "\r\n0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n\r\n";
        QCOMPARE(body.size(), 66824); // the example's Content-Length
        std::optional<AwsChunkedBody> decoded = decodeAwsChunked(body);
        QVERIFY(decoded);
        QCOMPARE(decoded->payload().size(), 66560);
        QVERIFY(verifyChunkSignatures(seed, *decoded));
        decoded->chunks[1].data[0] = 'b';
        QVERIFY(!verifyChunkSignatures(seed, *decoded));
    }
};

QTEST_GUILESS_MAIN(TestS3Store)
#include "tst_s3_store.moc"
