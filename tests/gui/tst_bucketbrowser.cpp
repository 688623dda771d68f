// The Buckets dock (issue #9, point 3: "Uploads from the GUI ... trigger the same events"): with a
// bucket whose notification on `uploads/` invokes an embedded JavaScript function, a file chosen with
// Upload… starts the stopped cloud, is listed with its size and content type, and invokes the
// function exactly once with its key; a file dropped from the desktop uploads too; Delete fires
// ObjectRemoved:Delete; Download… saves the bytes; a crafted key ("../evil.txt") stays inside the
// bucket's folder and is listed back exactly; a key over 1024 bytes is refused in the dock.
#include "AppStartup.h"
#include "DialogSeams.h"
#include "GuiTestSetup.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "buckets/BucketObjectModel.h"
#include "buckets/BucketObjectView.h"
#include "buckets/BucketsPanel.h"
#include "cloud/CloudRunner.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUrl>

using namespace gatehouse;

namespace {

constexpr int kRunTimeoutMs = 30000;

const QByteArray kProject = R"({
  "formatVersion": 1,
  "name": "buckets-test",
  "functions": [
    {"name": "onUpload", "runtime": "javascript", "handler": "index.handler", "codeUri": "functions/onUpload",
     "memoryMB": 128, "timeoutSeconds": 3}
  ],
  "buckets": [
    {"name": "inbox", "notifications": [
      {"events": ["s3:ObjectCreated:*", "s3:ObjectRemoved:*"], "prefix": "uploads/", "function": "onUpload"}
    ]}
  ]
})";

// Returns what the record says, so the test reads it from the invocation's payload.
const QByteArray kHandler = R"(exports.handler = function (event) {
    var r = event.Records[0];
    return { count: event.Records.length, eventName: r.eventName, key: r.s3.object.key,
             size: r.s3.object.size === undefined ? -1 : r.s3.object.size, bucket: r.s3.bucket.name };
};
)";

bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A drag from the desktop: entering (which makes the list the drag's target), then the drop. Returns
// whether the view accepted both (each starts ignored).
bool dropFiles(QWidget *viewport, const QPoint &at, const QStringList &paths) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(viewport, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    drop.setAccepted(false);
    QApplication::sendEvent(viewport, &drop);
    return drop.isAccepted();
}

struct Delivery {
    QString eventName;
    QString key;
    qint64 size = 0;
};

} // namespace

class TestBucketBrowser : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    QTemporaryDir *m_dir = nullptr;
    QList<Delivery> m_deliveries;

    QString projectFolder() const { return m_dir->filePath(QStringLiteral("buckets-test")); }

    std::unique_ptr<MainWindow> projectWindow() {
        const QString folder = projectFolder();
        test::writeProjectFile(folder, kProject);
        if (!writeFile(folder + QStringLiteral("/functions/onUpload/index.js"), kHandler)) return {};
        auto window = AppStartup::createMainWindow(folder);
        window->resize(1100, 700);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) return {};
        window->findChild<QDockWidget *>(QStringLiteral("bucketsDock"))->raise();
        // Every asynchronous invocation's result: the function returns the record it got.
        connect(window->runner(), &CloudRunner::invocationFinished, this,
                [this](const InvocationResult &result) {
                    if (!result.asynchronous || !result.succeeded()) return;
                    const QJsonObject record = QJsonDocument::fromJson(result.payload).object();
                    QCOMPARE(record.value(QStringLiteral("count")).toInt(), 1);
                    QCOMPARE(record.value(QStringLiteral("bucket")).toString(), QStringLiteral("inbox"));
                    m_deliveries.append({record.value(QStringLiteral("eventName")).toString(),
                                         record.value(QStringLiteral("key")).toString(),
                                         qint64(record.value(QStringLiteral("size")).toDouble())});
                });
        return window;
    }

    static int rowOf(BucketsPanel *panel, const QString &key) { return panel->model()->rowOfKey(key); }

    static qint64 sizeAt(BucketsPanel *panel, int row) {
        return panel->model()->index(row, 0).data(BucketObjectModel::SizeRole).toLongLong();
    }

    static void selectOnly(BucketsPanel *panel, const QString &key) {
        const int row = rowOf(panel, key);
        QVERIFY2(row >= 0, qPrintable(key));
        panel->view()->selectionModel()->select(
            panel->model()->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }

    int deliveriesOf(const QString &eventName, const QString &key) const {
        return int(std::count_if(m_deliveries.cbegin(), m_deliveries.cend(), [&](const Delivery &d) {
            return d.eventName == eventName && d.key == key;
        }));
    }

private slots:
    void initTestCase() { QVERIFY(test::prepareMainWindowTests(m_settings.path())); }

    void init() {
        DialogSeams::clear();
        m_deliveries.clear();
        m_dir = new QTemporaryDir;
    }

    void cleanup() {
        DialogSeams::clear();
        delete m_dir;
    }

    void uploadsDropsDeletesAndDownloadsThroughTheRunningCloud() {
        const auto window = projectWindow();
        QVERIFY(window);
        BucketsPanel *panel = window->bucketsPanel();
        QCOMPARE(panel->bucketBox()->count(), 1);
        QCOMPARE(panel->bucket(), QStringLiteral("inbox"));
        QCOMPARE(panel->model()->rowCount(), 0);
        QVERIFY(panel->notice().contains(QStringLiteral("empty")));

        // Upload… (the file dialog answered by script) into uploads/: the stopped cloud starts first.
        const QByteArray hello = "hello, bucket\n";
        const QString helloFile = m_dir->filePath(QStringLiteral("local/hello.txt"));
        QVERIFY(writeFile(helloFile, hello));
        // New Folder… opens the prefix with nothing in it yet (a name typed in the scripted dialog).
        DialogSeams::queueDialog([](QDialog &dialog) {
            static_cast<QInputDialog &>(dialog).setTextValue(QStringLiteral(" uploads/ "));
            return int(QDialog::Accepted);
        });
        QTest::mouseClick(panel->newFolderButton(), Qt::LeftButton);
        QCOMPARE(panel->prefix(), QStringLiteral("uploads/"));
        QVERIFY2(panel->notice().contains(QStringLiteral("No objects under uploads/ yet")),
                 qPrintable(panel->notice()));
        DialogSeams::queueFileName(helloFile);
        QCOMPARE(window->runner()->state(), CloudRunner::State::Stopped);
        QTest::mouseClick(panel->uploadButton(), Qt::LeftButton);
        QCOMPARE(window->runner()->state(), CloudRunner::State::Starting);
        QVERIFY(panel->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kRunTimeoutMs);
        QVERIFY2(panel->notice().contains(QStringLiteral("Uploaded 1 object")), qPrintable(panel->notice()));
        const int helloRow = rowOf(panel, QStringLiteral("uploads/hello.txt"));
        QVERIFY(helloRow >= 0);
        QCOMPARE(sizeAt(panel, helloRow), qint64(hello.size()));
        QCOMPARE(panel->model()->index(helloRow, BucketObjectModel::NameColumn).data().toString(),
                 QStringLiteral("hello.txt"));
        QCOMPARE(panel->model()->index(helloRow, BucketObjectModel::ContentTypeColumn).data().toString(),
                 QStringLiteral("text/plain"));
        const QString md5 =
            QString::fromLatin1(QCryptographicHash::hash(hello, QCryptographicHash::Md5).toHex());
        QCOMPARE(panel->model()->index(helloRow, BucketObjectModel::ETagColumn).data().toString(),
                 QLatin1Char('"') + md5 + QLatin1Char('"'));
        QTRY_COMPARE_WITH_TIMEOUT(
            deliveriesOf(QStringLiteral("ObjectCreated:Put"), QStringLiteral("uploads/hello.txt")), 1,
            kRunTimeoutMs);
        QCOMPARE(m_deliveries.first().size, qint64(hello.size()));

        // A file dropped from the desktop onto the list (below the rows) goes into the folder shown.
        QByteArray dropped(300 * 1024, '\0');
        for (int i = 0; i < dropped.size(); ++i)
            dropped[i] = char(i * 7 % 251);
        const QString droppedFile = m_dir->filePath(QStringLiteral("local/dropped.bin"));
        QVERIFY(writeFile(droppedFile, dropped));
        // Room below the rows to drop onto: the bottom docks start short.
        auto *bucketsDock = window->findChild<QDockWidget *>(QStringLiteral("bucketsDock"));
        QVERIFY(bucketsDock);
        window->resizeDocks({bucketsDock}, {420}, Qt::Vertical);
        QWidget *viewport = panel->view()->viewport();
        QTRY_VERIFY(viewport->height() > 200);
        const QPoint below(20, viewport->height() - 5);
        QVERIFY(!panel->view()->indexAt(below).isValid());
        QVERIFY(dropFiles(viewport, below, {droppedFile}));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kRunTimeoutMs);
        const int droppedRow = rowOf(panel, QStringLiteral("uploads/dropped.bin"));
        QVERIFY(droppedRow >= 0);
        QCOMPARE(sizeAt(panel, droppedRow), qint64(dropped.size()));
        QTRY_COMPARE_WITH_TIMEOUT(
            deliveriesOf(QStringLiteral("ObjectCreated:Put"), QStringLiteral("uploads/dropped.bin")), 1,
            kRunTimeoutMs);

        // Download… saves the same bytes.
        selectOnly(panel, QStringLiteral("uploads/dropped.bin"));
        const QString saved = m_dir->filePath(QStringLiteral("saved/copy.bin"));
        QVERIFY(QDir().mkpath(QFileInfo(saved).absolutePath()));
        DialogSeams::queueFileName(saved);
        QSignalSpy downloaded(panel, &BucketsPanel::downloadFinished);
        QVERIFY(panel->downloadButton()->isEnabled());
        QTest::mouseClick(panel->downloadButton(), Qt::LeftButton);
        QVERIFY(downloaded.wait(kRunTimeoutMs));
        QCOMPARE(downloaded.first().first().toString(), QString());
        QFile copy(saved);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), dropped);

        // Delete, after the confirmation: ObjectRemoved:Delete for the key, and the row goes.
        selectOnly(panel, QStringLiteral("uploads/hello.txt"));
        DialogSeams::queueAnswer(QMessageBox::Yes);
        QTest::mouseClick(panel->deleteButton(), Qt::LeftButton);
        QVERIFY(DialogSeams::shown().last().text.contains(QStringLiteral("s3://inbox/uploads/hello.txt")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kRunTimeoutMs);
        QCOMPARE(rowOf(panel, QStringLiteral("uploads/hello.txt")), -1);
        QTRY_COMPARE_WITH_TIMEOUT(
            deliveriesOf(QStringLiteral("ObjectRemoved:Delete"), QStringLiteral("uploads/hello.txt")), 1,
            kRunTimeoutMs);

        // A crafted key stays inside the bucket's folder and is listed back exactly; outside the
        // notification's prefix, it invokes nothing.
        const QString evilFile = m_dir->filePath(QStringLiteral("local/evil.txt"));
        QVERIFY(writeFile(evilFile, "evil"));
        panel->uploadFiles({evilFile}, QStringLiteral("../"));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kRunTimeoutMs);
        panel->setPrefix({});
        QVERIFY(rowOf(panel, QStringLiteral("../")) >= 0);
        QVERIFY(rowOf(panel, QStringLiteral("uploads/")) >= 0);
        QVERIFY(panel->model()->isFolder(rowOf(panel, QStringLiteral("../"))));
        panel->view()->activated(panel->model()->index(rowOf(panel, QStringLiteral("../")), 0));
        QCOMPARE(panel->prefix(), QStringLiteral("../"));
        QCOMPARE(panel->model()->rowCount(), 1);
        QCOMPARE(panel->model()->keyAt(0), QStringLiteral("../evil.txt"));
        QCOMPARE(sizeAt(panel, 0), qint64(4));
        const QString bucketFolder = projectFolder() + QStringLiteral("/.gatehouse/buckets/inbox");
        QDirIterator files(m_dir->path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QVERIFY2(!path.contains(QStringLiteral("evil")) || path == evilFile, qPrintable(path));
            if (path.startsWith(projectFolder() + QStringLiteral("/.gatehouse/")) &&
                !path.endsWith(QStringLiteral("/.gitignore")))
                QVERIFY2(path.startsWith(bucketFolder + QLatin1Char('/')), qPrintable(path));
        }
        panel->goUp();
        QCOMPARE(panel->prefix(), QString());

        // A key S3 refuses is refused in the dock, with S3's error, and nothing is written.
        panel->uploadFiles({evilFile}, QString(1100, QLatin1Char('k')) + QLatin1Char('/'));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kRunTimeoutMs);
        QVERIFY2(panel->notice().contains(QStringLiteral("KeyTooLongError")), qPrintable(panel->notice()));
        QCOMPARE(panel->model()->rowCount(), 2);

        // A folder dropped onto a folder row goes into that folder, its files under its name.
        const QString photos = m_dir->filePath(QStringLiteral("local/photos"));
        QVERIFY(writeFile(photos + QStringLiteral("/a.txt"), "a"));
        QVERIFY(writeFile(photos + QStringLiteral("/sub/b.txt"), "bb"));
        const QPoint onUploads =
            panel->view()
                ->visualRect(panel->model()->index(rowOf(panel, QStringLiteral("uploads/")), 0))
                .center();
        QVERIFY(dropFiles(viewport, onUploads, {photos}));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kRunTimeoutMs);
        QVERIFY2(panel->notice().contains(QStringLiteral("Uploaded 2 object")), qPrintable(panel->notice()));
        QTRY_COMPARE_WITH_TIMEOUT(
            deliveriesOf(QStringLiteral("ObjectCreated:Put"), QStringLiteral("uploads/photos/a.txt")), 1,
            kRunTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            deliveriesOf(QStringLiteral("ObjectCreated:Put"), QStringLiteral("uploads/photos/sub/b.txt")), 1,
            kRunTimeoutMs);

        // Copy S3 URI and Copy URL (the running endpoint's path-style URL, the key percent-encoded).
        panel->setPrefix(QStringLiteral("uploads/photos/"));
        selectOnly(panel, QStringLiteral("uploads/photos/a.txt"));
        panel->findChild<QToolButton *>(QStringLiteral("bucketCopyUri"))->click();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("s3://inbox/uploads/photos/a.txt"));
        panel->findChild<QToolButton *>(QStringLiteral("bucketCopyUrl"))->click();
        const QString s3Url = window->runner()
                                  ->endpoints()
                                  .value(QStringLiteral("s3"))
                                  .toObject()
                                  .value(QStringLiteral("url"))
                                  .toString();
        QVERIFY(s3Url.startsWith(QStringLiteral("http://127.0.0.1:")));
        QCOMPARE(QApplication::clipboard()->text(), s3Url + QStringLiteral("/inbox/uploads/photos/a.txt"));

        // Deleting a folder deletes every object under it, each with its notification.
        panel->setPrefix(QStringLiteral("uploads/"));
        selectOnly(panel, QStringLiteral("uploads/photos/"));
        DialogSeams::queueAnswer(QMessageBox::Yes);
        QTest::mouseClick(panel->deleteButton(), Qt::LeftButton);
        QVERIFY(DialogSeams::shown().last().text.contains(QStringLiteral("2 object")));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kRunTimeoutMs);
        QCOMPARE(rowOf(panel, QStringLiteral("uploads/photos/")), -1);
        QTRY_COMPARE_WITH_TIMEOUT(
            deliveriesOf(QStringLiteral("ObjectRemoved:Delete"), QStringLiteral("uploads/photos/sub/b.txt")),
            1, kRunTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            deliveriesOf(QStringLiteral("ObjectRemoved:Delete"), QStringLiteral("uploads/photos/a.txt")), 1,
            kRunTimeoutMs);

        // A larger file is streamed, the bar moving as it is stored (every 4 MiB); outside
        // uploads/, no notification.
        QByteArray large(9 * 1024 * 1024, 'x');
        const QString largeFile = m_dir->filePath(QStringLiteral("local/large.dat"));
        QVERIFY(writeFile(largeFile, large));
        QSignalSpy bar(panel->progressBar(), &QProgressBar::valueChanged);
        panel->uploadFiles({largeFile}, QStringLiteral("big/"));
        QVERIFY(panel->progressBar()->isVisible());
        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty())
            panel->grab().save(dir + QStringLiteral("/buckets-uploading.png"));
        QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), kRunTimeoutMs);
        QVERIFY(!panel->progressBar()->isVisible());
        QVERIFY(std::any_of(bar.cbegin(), bar.cend(), [](const QList<QVariant> &args) {
            return args.first().toInt() > 0 && args.first().toInt() < 1000;
        }));
        panel->setPrefix(QStringLiteral("big/"));
        QCOMPARE(sizeAt(panel, rowOf(panel, QStringLiteral("big/large.dat"))), qint64(large.size()));

        // Exactly the seven notifications, each once.
        QCOMPARE(m_deliveries.size(), 7);

        if (const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            panel->setPrefix(QStringLiteral("uploads/"));
            selectOnly(panel, QStringLiteral("uploads/dropped.bin"));
            QTest::qWait(50); // laid out before the grab
            window->grab().save(dir + QStringLiteral("/buckets-dock.png"));
            panel->grab().save(dir + QStringLiteral("/buckets-panel.png"));
        }
        window->stopProject();
        QTRY_COMPARE_WITH_TIMEOUT(window->runner()->state(), CloudRunner::State::Stopped, kRunTimeoutMs);
    }

    void anUnsavedProjectCannotUpload() {
        const auto window = std::make_unique<MainWindow>(); // a new, unsaved project without buckets
        BucketsPanel *panel = window->bucketsPanel();
        QCOMPARE(panel->bucketBox()->count(), 0);
        QVERIFY(!panel->uploadButton()->isEnabled());
        panel->uploadFiles({m_dir->path()}, QString());
        QVERIFY(panel->notice().contains(QStringLiteral("Nothing uploaded")));
        QCOMPARE(window->runner()->state(), CloudRunner::State::Stopped);
    }
};

QTEST_MAIN(TestBucketBrowser)
#include "tst_bucketbrowser.moc"
