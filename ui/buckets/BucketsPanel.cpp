#include "BucketsPanel.h"

#include "BucketDownload.h"
#include "BucketObjectModel.h"
#include "BucketObjectView.h"
#include "BucketUploadPlan.h"
#include "BucketWriteQueue.h"
#include "DialogSeams.h"
#include "cloud/CloudRunner.h"
#include "document/ProjectDocument.h"
#include "run/CloudStartGate.h"
#include "sources/s3/BucketStore.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QStandardPaths>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace gatehouse {

namespace {

constexpr int kRefreshDelayMs = 300;

// The breadcrumb's links carry the prefix they open, percent-encoded (keys may hold any character).
QString prefixLink(const QString &prefix, const QString &text) {
    return QStringLiteral("<a href=\"p:%1\">%2</a>")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(prefix)), text.toHtmlEscaped());
}

} // namespace

BucketsPanel::BucketsPanel(ProjectDocument *document, CloudRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_runner(runner)
    , m_writes(new BucketWriteQueue(runner, this))
    , m_bucket(new QComboBox(this))
    , m_up(new QToolButton(this))
    , m_path(new QLabel(this))
    , m_refresh(new QToolButton(this))
    , m_view(new BucketObjectView(this))
    , m_model(new BucketObjectModel(this))
    , m_upload(new QToolButton(this))
    , m_newFolder(new QToolButton(this))
    , m_download(new QToolButton(this))
    , m_delete(new QToolButton(this))
    , m_copyUri(new QToolButton(this))
    , m_copyUrl(new QToolButton(this))
    , m_notice(new QLabel(this))
    , m_progress(new QProgressBar(this)) {
    setObjectName(QStringLiteral("bucketsPanel"));
    m_bucket->setObjectName(QStringLiteral("bucketChoice"));
    m_bucket->setToolTip(tr("The project's bucket to browse"));
    m_bucket->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_bucket->setMinimumContentsLength(12);
    m_up->setObjectName(QStringLiteral("bucketUp"));
    m_up->setIcon(style()->standardIcon(QStyle::SP_FileDialogToParent));
    m_up->setToolTip(tr("Up one folder"));
    m_path->setObjectName(QStringLiteral("bucketPath"));
    m_path->setTextFormat(Qt::RichText);
    m_path->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_refresh->setObjectName(QStringLiteral("bucketRefresh"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(tr("Read the bucket's objects again"));
    m_view->setObjectName(QStringLiteral("bucketObjects"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setToolTip(tr("Drop files or folders here to upload them into this folder"));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(BucketObjectModel::NameColumn, QHeaderView::Stretch);
    header->resizeSection(BucketObjectModel::SizeColumn, 90);
    header->resizeSection(BucketObjectModel::LastModifiedColumn, 150);
    header->resizeSection(BucketObjectModel::ContentTypeColumn, 190);
    header->resizeSection(BucketObjectModel::ETagColumn, 260);
    const auto setUp = [](QToolButton *button, const char *name, const QString &text, const QString &tip) {
        button->setObjectName(QString::fromLatin1(name));
        button->setText(text);
        button->setToolTip(tip);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    };
    setUp(m_upload, "bucketUpload", tr("Upload…"),
          tr("Upload files into this folder; the bucket's notifications fire as for aws s3 cp"));
    setUp(m_newFolder, "bucketNewFolder", tr("New Folder…"),
          tr("Open a new folder (a key prefix) to upload into"));
    setUp(m_download, "bucketDownload", tr("Download…"), tr("Save the selected object to a file"));
    setUp(m_delete, "bucketDelete", tr("Delete"), tr("Delete the selected objects and folders"));
    setUp(m_copyUri, "bucketCopyUri", tr("Copy S3 URI"), tr("Copy s3://bucket/key of the selection"));
    setUp(m_copyUrl, "bucketCopyUrl", tr("Copy URL"),
          tr("Copy the selection's URL on the running local S3 endpoint"));
    m_notice->setObjectName(QStringLiteral("bucketNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setObjectName(QStringLiteral("bucketProgress"));
    m_progress->setTextVisible(true);
    m_progress->hide();

    // One row of controls above the list and one line of progress and notices below it: the dock
    // starts short, and every row of buttons is a row of objects the user does not see.
    auto *topRow = new QHBoxLayout;
    topRow->addWidget(new QLabel(tr("Bucket:"), this));
    topRow->addWidget(m_bucket);
    topRow->addWidget(m_up);
    topRow->addWidget(m_path, 1);
    for (QToolButton *button : {m_upload, m_newFolder, m_download, m_delete, m_copyUri, m_copyUrl})
        topRow->addWidget(button);
    topRow->addWidget(m_refresh);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_progress, 1);
    statusRow->addWidget(m_notice, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(topRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(statusRow);

    m_refreshDelay.setSingleShot(true);
    m_refreshDelay.setInterval(kRefreshDelayMs);
    connect(&m_refreshDelay, &QTimer::timeout, this, &BucketsPanel::refresh);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_refreshDelay, qOverload<>(&QTimer::start));
    m_downloads.setMaxThreadCount(1);

    connect(m_bucket, &QComboBox::currentIndexChanged, this, [this] { setPrefix({}); });
    connect(m_up, &QToolButton::clicked, this, &BucketsPanel::goUp);
    connect(m_path, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("p:")))
            setPrefix(QString::fromUtf8(QByteArray::fromPercentEncoding(link.mid(2).toLatin1())));
    });
    connect(m_refresh, &QToolButton::clicked, this, &BucketsPanel::refresh);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (m_model->isFolder(index.row())) setPrefix(m_model->keyAt(index.row()));
    });
    connect(m_view, &BucketObjectView::filesDropped, this,
            [this](const QStringList &paths, const QModelIndex &at) {
                // Onto a folder row: into that folder, as file managers do.
                const bool ontoFolder = at.isValid() && m_model->isFolder(at.row());
                uploadFiles(paths, ontoFolder ? m_model->keyAt(at.row()) : m_prefix);
            });
    connect(m_view, &QWidget::customContextMenuRequested, this, &BucketsPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BucketsPanel::updateActions);
    connect(m_upload, &QToolButton::clicked, this, &BucketsPanel::chooseAndUpload);
    connect(m_newFolder, &QToolButton::clicked, this, &BucketsPanel::chooseNewFolder);
    connect(m_download, &QToolButton::clicked, this, &BucketsPanel::downloadSelected);
    connect(m_delete, &QToolButton::clicked, this, &BucketsPanel::deleteSelected);
    connect(m_copyUri, &QToolButton::clicked, this, &BucketsPanel::copyS3Uris);
    connect(m_copyUrl, &QToolButton::clicked, this, &BucketsPanel::copyUrls);

    connect(m_writes, &BucketWriteQueue::busyChanged, this, [this](bool busy) {
        m_progress->setVisible(busy);
        updateActions();
        emit busyChanged(busy);
    });
    connect(m_writes, &BucketWriteQueue::progress, this, [this](const QString &text, int value, int maximum) {
        m_progress->setRange(0, maximum);
        m_progress->setValue(value);
        m_progress->setFormat(text);
        m_progress->setToolTip(text);
    });
    connect(m_writes, &BucketWriteQueue::objectsChanged, this, [this](const QString &written) {
        if (written == bucket()) refresh();
    });
    connect(m_writes, &BucketWriteQueue::finished, this,
            [this](const QString &summary, const QStringList &errors) {
                if (errors.isEmpty())
                    setNotice(summary, false);
                else
                    setNotice((summary.isEmpty() ? QString() : summary + QLatin1Char('\n')) +
                                  errors.join(QLatin1Char('\n')),
                              true);
            });
    connect(runner, &CloudRunner::stateChanged, this, &BucketsPanel::updateActions);

    connect(document, &ProjectDocument::projectReplaced, this, &BucketsPanel::refreshBuckets);
    connect(document, &ProjectDocument::changed, this, &BucketsPanel::refreshBuckets);
    connect(document, &ProjectDocument::folderChanged, this, &BucketsPanel::refresh);
    refreshBuckets();
    refresh(); // also when there is no bucket to choose
}

BucketsPanel::~BucketsPanel() {
    m_downloads.waitForDone(); // its result is posted to this object
}

CloudStartGate *BucketsPanel::startGate() const {
    return m_writes->startGate();
}

QString BucketsPanel::bucket() const {
    return m_bucket->currentText();
}

QString BucketsPanel::notice() const {
    return m_notice->text();
}

bool BucketsPanel::isBusy() const {
    return m_writes->isBusy() || m_downloadsRunning > 0;
}

QString BucketsPanel::folder() const {
    return m_document->folder();
}

void BucketsPanel::refreshBuckets() {
    QStringList names;
    for (const Bucket &b : m_document->project().buckets)
        names.append(b.name);
    QStringList shown;
    for (int i = 0; i < m_bucket->count(); ++i)
        shown.append(m_bucket->itemText(i));
    if (names == shown) return;
    const QString current = bucket();
    {
        const QSignalBlocker block(m_bucket);
        m_bucket->clear();
        m_bucket->addItems(names);
        m_bucket->setCurrentIndex(std::max(0, int(names.indexOf(current))));
    }
    if (bucket() != current)
        setPrefix({});
    else
        refresh();
}

void BucketsPanel::setBucket(const QString &name) {
    const int index = m_bucket->findText(name);
    if (index >= 0) m_bucket->setCurrentIndex(index);
}

void BucketsPanel::setPrefix(const QString &prefix) {
    m_prefix = prefix;
    refresh();
}

void BucketsPanel::goUp() {
    if (m_prefix.isEmpty()) return;
    const QString parent = m_prefix.chopped(1);
    const qsizetype slash = parent.lastIndexOf(QLatin1Char('/'));
    setPrefix(slash < 0 ? QString() : parent.left(slash + 1));
}

void BucketsPanel::refresh() {
    const QStringList selected = selectedKeys();
    if (folder().isEmpty() || bucket().isEmpty()) {
        m_model->setListing({}, {});
        if (folder().isEmpty())
            setHint(tr("Save the project to keep objects in its buckets."));
        else
            setHint(tr("The project has no buckets: add one on the canvas."));
    } else {
        // A store of its own, only for reading: BucketStore's readers need no lock beside the running
        // endpoint's writers (new data files, metadata renamed into place).
        const s3::BucketStore store(folder());
        m_model->setListing(m_prefix, listBucketFolder(store.list(bucket()), m_prefix));
        if (m_model->rowCount() > 0)
            setHint({});
        else if (m_prefix.isEmpty())
            setHint(tr("The bucket is empty. Upload files, or drop them here."));
        else
            setHint(tr("No objects under %1 yet. Upload files, or drop them here.").arg(m_prefix));
    }
    for (const QString &key : selected)
        if (const int row = m_model->rowOfKey(key); row >= 0)
            m_view->selectionModel()->select(m_model->index(row, 0),
                                             QItemSelectionModel::Select | QItemSelectionModel::Rows);
    watchBucket();
    updatePath();
    updateActions();
}

void BucketsPanel::watchBucket() {
    if (!m_watcher.directories().isEmpty()) m_watcher.removePaths(m_watcher.directories());
    if (folder().isEmpty() || bucket().isEmpty()) return;
    const QString objects = s3::BucketStore(folder()).bucketFolder(bucket()) + QStringLiteral("/objects");
    if (QFileInfo::exists(objects)) m_watcher.addPath(objects);
}

void BucketsPanel::updatePath() {
    if (bucket().isEmpty()) {
        m_path->clear();
        return;
    }
    QString html = prefixLink({}, bucket());
    qsizetype start = 0;
    for (qsizetype slash = m_prefix.indexOf(QLatin1Char('/')); slash >= 0;
         slash = m_prefix.indexOf(QLatin1Char('/'), start)) {
        const QString name = m_prefix.mid(start, slash - start);
        html += QStringLiteral(" / ") +
                prefixLink(m_prefix.left(slash + 1), name.isEmpty() ? tr("(empty)") : name);
        start = slash + 1;
    }
    m_path->setText(html);
    m_path->setToolTip(QStringLiteral("s3://%1/%2").arg(bucket(), m_prefix));
    m_up->setEnabled(!m_prefix.isEmpty());
}

void BucketsPanel::updateActions() {
    const bool usable = !folder().isEmpty() && !bucket().isEmpty();
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    bool oneObject = rows.size() == 1 && !m_model->isFolder(rows.first().row());
    m_upload->setEnabled(usable);
    m_newFolder->setEnabled(usable);
    m_download->setEnabled(usable && oneObject);
    m_delete->setEnabled(usable && !rows.isEmpty());
    m_copyUri->setEnabled(usable && !rows.isEmpty());
    m_copyUrl->setEnabled(usable && !rows.isEmpty() && m_runner->isRunning());
    m_copyUrl->setToolTip(m_runner->isRunning()
                              ? tr("Copy the selection's URL on the running local S3 endpoint")
                              : tr("The URL is known while the local cloud runs"));
    m_view->setEnabled(usable);
}

QStringList BucketsPanel::selectedKeys() const {
    QStringList keys;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows)
        keys.append(m_model->keyAt(index.row()));
    return keys;
}

void BucketsPanel::setNotice(const QString &text, bool error) {
    m_hintShown = false;
    m_notice->setText(text);
    m_notice->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
}

void BucketsPanel::setHint(const QString &text) {
    // A hint about the state (empty bucket, unsaved project) never hides the outcome of an action.
    if (!m_notice->text().isEmpty() && !m_hintShown) return;
    setNotice(text, false);
    m_hintShown = !text.isEmpty();
}

void BucketsPanel::chooseAndUpload() {
    if (bucket().isEmpty() || folder().isEmpty()) return;
    const QStringList files = DialogSeams::openFileNames(
        this, tr("Upload to s3://%1/%2").arg(bucket(), m_prefix),
        QStandardPaths::writableLocation(QStandardPaths::HomeLocation), tr("All files (*)"));
    if (!files.isEmpty()) uploadFiles(files, m_prefix);
}

void BucketsPanel::chooseNewFolder() {
    if (bucket().isEmpty() || folder().isEmpty()) return;
    QInputDialog dialog(this);
    dialog.setObjectName(QStringLiteral("bucketNewFolderDialog"));
    dialog.setWindowTitle(tr("New Folder"));
    dialog.setLabelText(tr("Folder name in s3://%1/%2").arg(bucket(), m_prefix));
    dialog.setInputMode(QInputDialog::TextInput);
    if (DialogSeams::exec(dialog) != QDialog::Accepted) return;
    openNewFolder(dialog.textValue());
}

void BucketsPanel::openNewFolder(const QString &name) {
    QString folderName = name.trimmed();
    while (folderName.startsWith(QLatin1Char('/')))
        folderName.remove(0, 1);
    while (folderName.endsWith(QLatin1Char('/')))
        folderName.chop(1);
    if (folderName.isEmpty()) {
        setNotice(tr("A folder needs a name."), true);
        return;
    }
    setNotice({}, false);
    setPrefix(m_prefix + folderName + QLatin1Char('/'));
}

void BucketsPanel::uploadFiles(const QStringList &paths, const QString &prefix) {
    if (bucket().isEmpty() || folder().isEmpty()) {
        setNotice(tr("Nothing uploaded: the project has no saved bucket to upload to."), true);
        return;
    }
    const BucketUploadPlan plan = planBucketUploads(paths, prefix);
    if (!plan.skipped.isEmpty())
        setNotice(tr("Not uploaded (not a readable file or folder): %1")
                      .arg(plan.skipped.join(QStringLiteral(", "))),
                  true);
    else
        setNotice({}, false);
    m_writes->upload(bucket(), plan.uploads);
}

void BucketsPanel::downloadSelected() {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.size() != 1 || m_model->isFolder(rows.first().row())) return;
    const QString key = m_model->keyAt(rows.first().row());
    // The key's last part names the file ("a/b/c.txt" → c.txt); a key ending in "/" or "." names none.
    QString name = key.section(QLatin1Char('/'), -1);
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        name = QStringLiteral("object");
    const QString target = DialogSeams::saveFileName(
        this, tr("Download s3://%1/%2").arg(bucket(), key),
        QDir(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)).filePath(name),
        tr("All files (*)"));
    if (target.isEmpty()) return;
    if (QFileInfo::exists(target) &&
        DialogSeams::question(this, tr("Download"), tr("Replace %1?").arg(QDir::toNativeSeparators(target)),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    ++m_downloadsRunning;
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Downloading %1…").arg(name));
    m_progress->show();
    emit busyChanged(true);
    const QString project = folder();
    const QString from = bucket();
    m_downloads.start([this, project, from, key, target] {
        const QString error = downloadBucketObject(project, from, key, target);
        QMetaObject::invokeMethod(this, [this, key, target, error] {
            --m_downloadsRunning;
            if (!m_writes->isBusy()) m_progress->hide();
            if (error.isEmpty())
                setNotice(tr("Downloaded %1 to %2.").arg(key, QDir::toNativeSeparators(target)), false);
            else
                setNotice(tr("Download of %1 failed: %2").arg(key, error), true);
            emit busyChanged(isBusy());
            emit downloadFinished(error);
        });
    });
}

void BucketsPanel::deleteSelected() {
    const QStringList selected = selectedKeys();
    if (selected.isEmpty() || folder().isEmpty()) return;
    // A folder is every object under its prefix, as in the S3 console.
    QStringList keys;
    const QList<s3::ObjectMetadata> all = s3::BucketStore(folder()).list(bucket());
    for (const QString &key : selected) {
        if (!key.endsWith(QLatin1Char('/')) || m_model->rowOfKey(key) < 0 ||
            !m_model->isFolder(m_model->rowOfKey(key))) {
            keys.append(key);
            continue;
        }
        for (const s3::ObjectMetadata &object : all)
            if (object.key.startsWith(key)) keys.append(object.key);
    }
    keys.removeDuplicates();
    if (keys.isEmpty()) return;
    const QString text = keys.size() == 1
                             ? tr("Delete s3://%1/%2?").arg(bucket(), keys.first())
                             : tr("Delete %n object(s) from %1?", nullptr, int(keys.size())).arg(bucket());
    if (DialogSeams::question(this, tr("Delete Objects"), text, QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    setNotice({}, false);
    m_writes->remove(bucket(), keys);
}

void BucketsPanel::copyS3Uris() {
    QStringList uris;
    for (const QString &key : selectedKeys())
        uris.append(QStringLiteral("s3://%1/%2").arg(bucket(), key));
    if (!uris.isEmpty()) QApplication::clipboard()->setText(uris.join(QLatin1Char('\n')));
}

void BucketsPanel::copyUrls() {
    const QString endpoint =
        m_runner->endpoints().value(QStringLiteral("s3")).toObject().value(QStringLiteral("url")).toString();
    if (endpoint.isEmpty()) return;
    QStringList urls;
    // Path style, the key percent-encoded but for its slashes (what clients send).
    for (const QString &key : selectedKeys())
        urls.append(endpoint + QLatin1Char('/') + bucket() + QLatin1Char('/') +
                    QString::fromLatin1(QUrl::toPercentEncoding(key, "/")));
    if (!urls.isEmpty()) QApplication::clipboard()->setText(urls.join(QLatin1Char('\n')));
}

void BucketsPanel::showContextMenu(const QPoint &pos) {
    QMenu menu(this);
    for (QToolButton *button : {m_upload, m_newFolder, m_download, m_delete, m_copyUri, m_copyUrl}) {
        QAction *action = menu.addAction(button->text(), button, &QToolButton::click);
        action->setEnabled(button->isEnabled());
    }
    menu.addSeparator();
    menu.addAction(tr("Refresh"), this, &BucketsPanel::refresh);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace gatehouse
