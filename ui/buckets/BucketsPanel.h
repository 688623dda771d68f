// The Buckets dock: a browser for the project's buckets, like the S3 console's. Pick a bucket, walk its
// keys as folders ("/" delimiter, a breadcrumb and Up), see each object's size, last modified time,
// content type and ETag; upload files (a file dialog, or dropped from the desktop) into the folder
// shown, download one, delete a selection, copy S3 URIs or the local endpoint's URLs. Uploads and
// deletions go through the running cloud's S3 endpoint (BucketWriteQueue), so they trigger the
// bucket's notifications as `aws s3 cp` does; the list is read from the bucket's folder on disk
// (BucketStore), so it shows whatever any client wrote, with or without a running cloud.
#pragma once

#include <QFileSystemWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QProgressBar;
class QToolButton;

namespace gatehouse {

class BucketObjectModel;
class BucketObjectView;
class BucketWriteQueue;
class CloudRunner;
class CloudStartGate;
class ProjectDocument;

class BucketsPanel : public QWidget {
    Q_OBJECT
public:
    BucketsPanel(ProjectDocument *document, CloudRunner *runner, QWidget *parent = nullptr);
    ~BucketsPanel() override;

    // MainWindow connects its startRequested to the Run action.
    CloudStartGate *startGate() const;
    QComboBox *bucketBox() const { return m_bucket; }
    BucketObjectView *view() const { return m_view; }
    BucketObjectModel *model() const { return m_model; }
    QToolButton *uploadButton() const { return m_upload; }
    QToolButton *newFolderButton() const { return m_newFolder; }
    QToolButton *downloadButton() const { return m_download; }
    QToolButton *deleteButton() const { return m_delete; }
    QProgressBar *progressBar() const { return m_progress; }
    QString bucket() const;
    QString prefix() const { return m_prefix; }
    QString notice() const;
    bool isBusy() const;

    void setBucket(const QString &bucket);
    void setPrefix(const QString &prefix);
    void goUp();
    void refresh();
    // Upload… asks for files and hands them to uploadFiles() into the folder shown.
    void chooseAndUpload();
    // New Folder… asks for a name and opens that folder (see openNewFolder).
    void chooseNewFolder();
    // S3 has no folders, only the prefixes keys share: this opens "<prefix><name>/" with nothing in it
    // yet, so that the next upload or drop lands there. Nothing is written (the console's "Create
    // folder" writes an empty "name/" object, which would itself fire the bucket's notifications).
    void openNewFolder(const QString &name);
    // Local files and folders into `prefix` of the current bucket (what the file dialog and a drop feed).
    void uploadFiles(const QStringList &paths, const QString &prefix);
    void downloadSelected();
    // Asks first; a selected folder means every object under it.
    void deleteSelected();
    void copyS3Uris();
    void copyUrls();
    // The selected rows' keys (folders as their prefix).
    QStringList selectedKeys() const;

signals:
    void busyChanged(bool busy);
    void downloadFinished(const QString &error); // empty on success

private:
    void refreshBuckets();
    void updatePath();
    void updateActions();
    void watchBucket();
    void setNotice(const QString &text, bool error);
    void setHint(const QString &text);
    void showContextMenu(const QPoint &pos);
    QString folder() const; // the project folder, empty when unsaved

    ProjectDocument *m_document;
    CloudRunner *m_runner;
    BucketWriteQueue *m_writes;
    QComboBox *m_bucket;
    QToolButton *m_up;
    QLabel *m_path;
    QToolButton *m_refresh;
    BucketObjectView *m_view;
    BucketObjectModel *m_model;
    QToolButton *m_upload;
    QToolButton *m_newFolder;
    QToolButton *m_download;
    QToolButton *m_delete;
    QToolButton *m_copyUri;
    QToolButton *m_copyUrl;
    QLabel *m_notice;
    QProgressBar *m_progress;
    QString m_prefix;
    bool m_hintShown = false; // the notice is a hint of setHint()
    // Other clients (aws s3 cp, functions) write the same folder: the list follows, a moment later.
    QFileSystemWatcher m_watcher;
    QTimer m_refreshDelay;
    // Downloads read on a thread of their own; the destructor waits for one in progress.
    QThreadPool m_downloads;
    int m_downloadsRunning = 0;
};

} // namespace gatehouse
