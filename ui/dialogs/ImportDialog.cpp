#include "ImportDialog.h"

#include "DialogSeams.h"
#include "ImportFiles.h"
#include "ImportSummary.h"
#include "document/ProjectDocument.h"
#include "import/ImportFormatDetection.h"
#include "import/ProjectImporter.h"
#include "io/ProjectFile.h"
#include "itemmodels/ProjectTreeModel.h"
#include "widgets/ProjectTreeView.h"
#include "widgets/WarningsPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

QLabel *boldLabel(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ImportDialog::ImportDialog(const QString &startFolder, QWidget *parent)
    : QDialog(parent)
    , m_startFolder(startFolder)
    , m_preview(new ProjectDocument(this))
    , m_previewModel(new ProjectTreeModel(m_preview, nullptr, this))
    , m_source(new QLineEdit(this))
    , m_browseSource(new QPushButton(tr("B&rowse\u2026"), this))
    , m_format(new QComboBox(this))
    , m_environments(new QCheckBox(this))
    , m_name(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_tree(new ProjectTreeView(this))
    , m_warnings(new WarningsPanel(this))
    , m_target(new QLineEdit(this))
    , m_browseTarget(new QPushButton(tr("Bro&wse\u2026"), this)) {
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Project"));

    m_source->setObjectName(QStringLiteral("sourceEdit"));
    m_source->setPlaceholderText(tr("An AWS SAM template, OpenAPI document or Postman collection"));
    m_browseSource->setObjectName(QStringLiteral("browseSourceButton"));
    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(m_browseSource);

    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("Detect automatically"));
    m_format->addItem(tr("AWS SAM template"), int(ImportFormat::Sam));
    m_format->addItem(tr("OpenAPI 3.0 or 3.1 document"), int(ImportFormat::OpenApi));
    m_format->addItem(tr("Postman collection"), int(ImportFormat::Postman));
    m_environments->setObjectName(QStringLiteral("environmentsCheck"));
    m_environments->setChecked(true);
    m_name->setObjectName(QStringLiteral("nameEdit"));

    // Rows holding a layout get no buddy from QFormLayout, and without one the '&' shows.
    auto *sourceLabel = new QLabel(tr("&File:"), this);
    sourceLabel->setBuddy(m_source);
    m_form = new QFormLayout;
    m_form->addRow(sourceLabel, sourceRow);
    m_form->addRow(tr("F&ormat:"), m_format);
    m_form->addRow(tr("Environments:"), m_environments);
    m_form->addRow(tr("Project &name:"), m_name);

    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    // The same tree as the project dock, over a throw-away document: the user sees the project as it
    // will look once opened. Read-only: renaming here would be lost.
    m_tree->setObjectName(QStringLiteral("importPreviewTree"));
    m_tree->setProjectModel(m_previewModel);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setContextMenuPolicy(Qt::NoContextMenu);
    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(boldLabel(tr("The new project"), previewBox));
    previewLayout->addWidget(m_summary);
    previewLayout->addWidget(m_tree, 1);
    m_warnings->setEmptyText(tr("Everything in the file can be imported."));
    // Stacked rather than side by side: the warnings quote paths and lines from the file and need
    // the dialog's full width to be read without eliding.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("importSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(previewBox);
    splitter->addWidget(m_warnings);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({330, 220});

    m_target->setObjectName(QStringLiteral("targetEdit"));
    m_browseTarget->setObjectName(QStringLiteral("browseTargetButton"));
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(m_browseTarget);
    auto *targetLabel = new QLabel(tr("Project fol&der:"), this);
    targetLabel->setBuddy(m_target);
    auto *targetForm = new QFormLayout;
    targetForm->addRow(targetLabel, targetRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::importProject);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(splitter, 1);
    layout->addLayout(targetForm);
    layout->addWidget(buttons);

    connect(m_source, &QLineEdit::editingFinished, this, [this] {
        if (m_source->isModified()) refresh();
        m_source->setModified(false);
    });
    connect(m_browseSource, &QPushButton::clicked, this, &ImportDialog::browseSource);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDialog::refresh);
    connect(m_environments, &QCheckBox::toggled, this, &ImportDialog::refresh);
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        if (m_name->isModified()) refresh();
        m_name->setModified(false);
    });
    connect(m_target, &QLineEdit::textEdited, this, [this] {
        m_targetChosen = true;
        updateImportButton();
    });
    connect(m_browseTarget, &QPushButton::clicked, this, &ImportDialog::browseTarget);
    refresh();
    resize(1000, 740);
}

void ImportDialog::setSourceFile(const QString &path) {
    m_source->setText(QDir::toNativeSeparators(path));
    refresh();
}

QString ImportDialog::sourceFile() const {
    const QString text = QDir::fromNativeSeparators(m_source->text().trimmed());
    return text.isEmpty() ? QString() : QDir(m_startFolder).absoluteFilePath(text);
}

void ImportDialog::selectFormat(std::optional<ImportFormat> format) {
    m_format->setCurrentIndex(format ? m_format->findData(int(*format)) : 0);
}

QString ImportDialog::targetFolder() const {
    return m_target->text();
}

void ImportDialog::setTargetFolder(const QString &path) {
    m_targetChosen = true;
    m_target->setText(QDir::toNativeSeparators(path));
    updateImportButton();
}

QString ImportDialog::summaryText() const {
    return m_summary->text();
}

QString ImportDialog::absoluteTarget() const {
    const QString text = QDir::fromNativeSeparators(m_target->text().trimmed());
    if (text.isEmpty()) return {};
    // Relative to the imported file's folder, where the default is.
    return QDir::cleanPath(QFileInfo(sourceFile()).absoluteDir().absoluteFilePath(text));
}

void ImportDialog::refresh() {
    m_result = {};
    m_effectiveFormat.reset();
    m_form->setRowVisible(m_environments, false);
    m_format->setItemText(0, tr("Detect automatically"));
    const QString path = sourceFile();
    if (path.isEmpty()) {
        showResult();
        return;
    }
    ImportOptions options;
    options.sourceFolder = QFileInfo(path).absolutePath();
    options.projectName = m_name->text().trimmed();
    const std::optional<ImportSource> source =
        ImportFiles::read(path, options.maxBytes, m_result.diagnostics);
    if (!source) {
        showResult();
        return;
    }
    const DetectedImportFormat detected = detectImportFormat(source->bytes, source->fileName);
    m_format->setItemText(0, detected.format
                                 ? tr("Detect automatically: %1").arg(importFormatTitle(*detected.format))
                                 : tr("Detect automatically: not recognised"));
    const QVariant chosen = m_format->currentData();
    m_effectiveFormat = chosen.isValid() ? std::optional(ImportFormat(chosen.toInt())) : detected.format;
    if (!m_effectiveFormat) {
        m_result.diagnostics = detected.diagnostics;
        showResult();
        return;
    }

    QList<ImportSource> sources{*source};
    if (*m_effectiveFormat == ImportFormat::Postman) {
        const QStringList environments = ImportFiles::environmentsBeside(path);
        QStringList names;
        for (const QString &file : environments)
            names.append(ImportFiles::environmentName(file));
        m_environments->setText(
            tr("Also import the %n environment(s) beside it: %1", "", int(environments.size()))
                .arg(names.join(QStringLiteral(", "))));
        m_form->setRowVisible(m_environments, !environments.isEmpty());
        if (m_environments->isChecked()) {
            for (const QString &file : environments)
                if (auto environment = ImportFiles::read(file, options.maxBytes, m_result.diagnostics))
                    sources.append(*environment);
        }
    }
    const Diagnostics readProblems = m_result.diagnostics;
    m_result = importFiles(sources, *m_effectiveFormat, options);
    m_result.diagnostics = readProblems + m_result.diagnostics;
    showResult();
}

void ImportDialog::showResult() {
    const bool ok = m_result.ok() && !sourceFile().isEmpty();
    // A failed import may hold a partial project; showing it would suggest it can be imported.
    m_preview->reset(ok ? m_result.project : Project{});
    if (sourceFile().isEmpty())
        m_summary->setText(tr("Choose a file to import."));
    else if (!ok)
        m_summary->setText(tr("Nothing can be imported until the errors are fixed."));
    else
        m_summary->setText(ImportSummary::text(m_result));
    m_name->setPlaceholderText(ok ? m_result.project.name : QString());
    m_warnings->setDiagnostics(m_result.diagnostics);
    // Until the user picks a folder it follows the file: beside it, named after the project.
    if (!m_targetChosen) {
        const QDir folder = QFileInfo(sourceFile()).absoluteDir();
        m_target->setText(
            ok ? QDir::toNativeSeparators(folder.filePath(ImportSummary::folderName(m_result.project.name)))
               : QString());
    }
    updateImportButton();
}

void ImportDialog::updateImportButton() {
    m_importButton->setEnabled(m_result.ok() && !sourceFile().isEmpty() && !absoluteTarget().isEmpty());
}

void ImportDialog::browseSource() {
    const QString start = sourceFile().isEmpty() ? m_startFolder : QFileInfo(sourceFile()).absolutePath();
    const QString file = DialogSeams::openFileName(
        this, tr("Import File"), start,
        tr("Templates, API documents and collections (*.yaml *.yml *.json);;All files (*)"));
    if (!file.isEmpty()) setSourceFile(file);
}

void ImportDialog::browseTarget() {
    QString start = absoluteTarget();
    while (!start.isEmpty() && !QFileInfo(start).isDir() && QFileInfo(start).path() != start)
        start = QFileInfo(start).path();
    const QString folder = DialogSeams::existingFolder(this, tr("Project Folder"), start);
    if (!folder.isEmpty()) setTargetFolder(folder);
}

bool ImportDialog::importProject() {
    if (!m_result.ok() || sourceFile().isEmpty()) return false;
    const QString folder = absoluteTarget();
    if (folder.isEmpty()) return false;
    const bool replacing =
        QFileInfo::exists(QDir(folder).filePath(QString::fromLatin1(ProjectFile::kFileName)));
    if (replacing) {
        const auto answer = DialogSeams::question(
            this, tr("Replace Project?"),
            tr("\u201c%1\u201d already holds a Gatehouse project. Replace it with the imported project? "
               "Code files the import brings replace those at the same paths.")
                .arg(QDir::toNativeSeparators(folder)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) return false;
    }
    const ImportFiles::Written written = ImportFiles::writeProject(m_result, folder, replacing);
    if (!written.ok()) {
        DialogSeams::notify(this, QMessageBox::Critical, tr("Import Failed"),
                            tr("Gatehouse could not create the project in \u201c%1\u201d:\n\n%2")
                                .arg(QDir::toNativeSeparators(folder), written.error));
        return false;
    }
    const int warnings = int(m_result.diagnostics.size()) - errorCount(m_result.diagnostics);
    m_importedFolder = folder;
    m_resultMessage = tr("Imported %1 into %2: %3 (%4).")
                          .arg(QFileInfo(sourceFile()).fileName(), QDir::toNativeSeparators(folder),
                               ImportSummary::text(m_result), tr("%n warning(s)", "", warnings));
    if (!written.code.kept.isEmpty())
        m_resultMessage += QLatin1Char(' ') + tr("%n existing file(s) with other contents were kept.", "",
                                                 int(written.code.kept.size()));
    accept();
    return true;
}

} // namespace gatehouse
