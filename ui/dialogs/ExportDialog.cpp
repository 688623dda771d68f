#include "ExportDialog.h"

#include "DialogSeams.h"
#include "ExportDestination.h"
#include "export/ProjectExporter.h"
#include "export/openapi/OpenApiSelection.h"
#include "export/serverless/ServerlessExport.h"
#include "widgets/ExportFilesView.h"
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
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

// Replacing many files is listed by name up to this many; the rest are counted.
constexpr int kListedFiles = 8;

QString listed(const QStringList &paths) {
    QStringList lines;
    for (qsizetype i = 0; i < paths.size() && i < kListedFiles; ++i)
        lines.append(QStringLiteral("\u2022 ") + paths[i]);
    if (paths.size() > kListedFiles)
        lines.append(ExportDialog::tr("\u2026 and %n more", "", int(paths.size() - kListedFiles)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ExportDialog::ExportDialog(const Project &project, const QString &projectFolder, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_projectFolder(projectFolder)
    , m_format(new QComboBox(this))
    , m_api(new QComboBox(this))
    , m_options(new QWidget(this))
    , m_code(new QCheckBox(tr("Copy the functions' &code beside the template"), m_options))
    , m_json(new QCheckBox(tr("Write &JSON instead of YAML"), m_options))
    , m_existingBuckets(new QCheckBox(tr("The &buckets exist already"), m_options))
    , m_destinationLabel(new QLabel(this))
    , m_destination(new QLineEdit(this))
    , m_browse(new QPushButton(tr("B&rowse\u2026"), this))
    , m_files(new ExportFilesView(this))
    , m_warnings(new WarningsPanel(this)) {
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export Project"));

    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("AWS SAM template"), int(ExportFormat::Sam));
    m_format->addItem(tr("OpenAPI 3.0 with API Gateway extensions"), int(ExportFormat::OpenApi));
    m_format->addItem(tr("serverless.yml (Serverless Framework v3)"), int(ExportFormat::Serverless));
    m_format->addItem(tr("Postman collection and environments"), int(ExportFormat::Postman));

    m_api->setObjectName(QStringLiteral("apiCombo"));
    m_api->addItem(tr("All HTTP and REST APIs, one document each"), -1);
    for (const qsizetype index : openApiExportableApis(m_project))
        m_api->addItem(m_project.apis[index].name, int(index));

    m_code->setObjectName(QStringLiteral("codeCheck"));
    m_code->setChecked(true);
    m_code->setToolTip(tr("The exported folder then deploys on its own (sam deploy, serverless deploy)."));
    m_json->setObjectName(QStringLiteral("jsonCheck"));
    m_existingBuckets->setObjectName(QStringLiteral("existingBucketsCheck"));
    m_existingBuckets->setToolTip(
        tr("The buckets are created outside this service; s3 events get existing: true."));
    auto *options = new QHBoxLayout(m_options);
    options->setContentsMargins(0, 0, 0, 0);
    options->addWidget(m_code);
    options->addWidget(m_json);
    options->addWidget(m_existingBuckets);
    options->addStretch(1);

    m_destination->setObjectName(QStringLiteral("destinationEdit"));
    m_destinationLabel->setBuddy(m_destination);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    auto *destinationRow = new QHBoxLayout;
    destinationRow->addWidget(m_destination, 1);
    destinationRow->addWidget(m_browse);

    m_form = new QFormLayout;
    m_form->addRow(tr("F&ormat:"), m_format);
    m_form->addRow(tr("&API:"), m_api);
    m_form->addRow(tr("Options:"), m_options);
    m_form->addRow(m_destinationLabel, destinationRow);

    auto *previewLabel = new QLabel(tr("Preview"), this);
    QFont bold = previewLabel->font();
    bold.setBold(true);
    previewLabel->setFont(bold);
    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(previewLabel);
    previewLayout->addWidget(m_files, 1);
    // Preview above, warnings below: both matter before writing, and the user sets the balance.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("exportSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(previewBox);
    splitter->addWidget(m_warnings);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({400, 200});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::exportFiles);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    connect(m_api, &QComboBox::currentIndexChanged, this, &ExportDialog::refresh);
    for (QCheckBox *box : {m_code, m_json, m_existingBuckets})
        connect(box, &QCheckBox::toggled, this, &ExportDialog::refresh);
    connect(m_destination, &QLineEdit::textEdited, this, [this] {
        m_destinationChosen = true;
        updatePlan();
    });
    connect(m_browse, &QPushButton::clicked, this, &ExportDialog::browse);
    refresh();
    resize(980, 720);
}

ExportFormat ExportDialog::format() const {
    return ExportFormat(m_format->currentData().toInt());
}

void ExportDialog::selectFormat(ExportFormat format) {
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportDialog::selectApi(int apiIndex) {
    const int row = m_api->findData(apiIndex);
    m_api->setCurrentIndex(row < 0 ? 0 : row);
}

QString ExportDialog::destination() const {
    return m_destination->text();
}

void ExportDialog::setDestination(const QString &path) {
    m_destinationChosen = true;
    m_destination->setText(QDir::toNativeSeparators(path));
    updatePlan();
}

QString ExportDialog::previewText() const {
    return m_files->preview()->toPlainText();
}

QString ExportDialog::formatTitle() const {
    return exportFormatTitle(format());
}

void ExportDialog::updateOptionRows() {
    const ExportFormat chosen = format();
    const bool withCode = chosen == ExportFormat::Sam || chosen == ExportFormat::Serverless;
    m_code->setVisible(withCode);
    m_json->setVisible(chosen == ExportFormat::OpenApi);
    m_existingBuckets->setVisible(chosen == ExportFormat::Serverless);
    m_form->setRowVisible(m_api, chosen == ExportFormat::OpenApi && m_api->count() > 1);
    m_form->setRowVisible(m_options, chosen != ExportFormat::Postman);
}

void ExportDialog::refresh() {
    updateOptionRows();
    const ExportFormat chosen = format();
    ExportOptions options;
    options.projectFolder = m_projectFolder;
    options.includeCode = m_code->isChecked();
    options.openApiJson = m_json->isChecked();
    const int api = m_api->currentData().toInt();
    if (chosen == ExportFormat::Serverless) {
        ServerlessOptions serverless;
        serverless.existingBuckets = m_existingBuckets->isChecked();
        m_result = exportServerless(m_project, options, serverless);
    } else if (chosen == ExportFormat::OpenApi && api >= 0) {
        m_result = exportOpenApiOfApi(m_project, api, options);
    } else {
        m_result = exportProject(m_project, chosen, options);
    }
    m_resultChanged = true;

    // A failed export keeps the last shape, so the destination does not jump about.
    if (!m_result.files.isEmpty()) {
        const bool single = ExportDestination::isSingleFile(m_result);
        const QString mainName = QFileInfo(m_result.files.first().path).fileName();
        if (!m_destinationChosen)
            m_destination->setText(
                QDir::toNativeSeparators(ExportDestination::defaultPath(m_projectFolder, chosen, m_result)));
        else if (single != m_singleFile || mainName != m_mainName)
            m_destination->setText(QDir::toNativeSeparators(ExportDestination::adjusted(
                QDir::fromNativeSeparators(destination()), m_singleFile, m_mainName, single, mainName)));
        m_singleFile = single;
        m_mainName = mainName;
    }
    m_destinationLabel->setText(m_singleFile ? tr("&File:") : tr("&Folder:"));
    m_warnings->setEmptyText(
        tr("Nothing is left out: %1 holds everything in this project.").arg(formatTitle()));
    m_warnings->setDiagnostics(m_result.diagnostics);
    updatePlan();
}

void ExportDialog::updatePlan() {
    const ExportDestination::Target target = ExportDestination::targetFor(
        m_result, ExportDestination::absolutePath(destination(), m_projectFolder));
    QStringList names;
    for (const OutputFile &file : target.files)
        names.append(file.path);
    // Typing a destination only renames the main document at most; re-filling the list would reset
    // the preview's scroll position on every keystroke.
    if (m_resultChanged || names != m_shownNames) m_files->setFiles(m_result.files, names);
    m_resultChanged = false;
    m_shownNames = names;
    m_files->setPlan(target.folder.isEmpty() ? OutputReport{} : planOutputFiles(target.folder, target.files));
    m_exportButton->setEnabled(m_result.ok() && !target.folder.isEmpty());
}

void ExportDialog::browse() {
    const QString current = ExportDestination::absolutePath(destination(), m_projectFolder);
    QString chosen;
    if (m_singleFile) {
        const QString suffix = QFileInfo(m_mainName).suffix();
        chosen = DialogSeams::saveFileName(this, tr("Export to File"), current,
                                           tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix) +
                                               QStringLiteral(";;") + tr("All files (*)"));
    } else {
        // The default folder does not exist yet; start where it would be created.
        QString start = current;
        while (!start.isEmpty() && !QFileInfo(start).isDir() && QFileInfo(start).path() != start)
            start = QFileInfo(start).path();
        chosen = DialogSeams::existingFolder(this, tr("Export to Folder"), start);
    }
    if (chosen.isEmpty()) return;
    setDestination(chosen);
}

bool ExportDialog::exportFiles() {
    if (!m_result.ok()) return false;
    const ExportDestination::Target target = ExportDestination::targetFor(
        m_result, ExportDestination::absolutePath(destination(), m_projectFolder));
    if (target.folder.isEmpty()) {
        DialogSeams::notify(this, QMessageBox::Warning, tr("Export Project"),
                            tr("Choose where to write the export."));
        return false;
    }
    const OutputReport plan = planOutputFiles(target.folder, target.files);
    if (!plan.ok()) {
        DialogSeams::notify(this, QMessageBox::Critical, tr("Export Failed"),
                            tr("Gatehouse could not write the export:\n\n%1").arg(plan.error));
        return false;
    }
    if (!plan.kept.isEmpty()) {
        const auto answer = DialogSeams::question(
            this, tr("Replace Files?"),
            tr("%n file(s) in \u201c%1\u201d already exist with other contents:\n\n%2\n\nReplace them?", "",
               int(plan.kept.size()))
                .arg(QDir::toNativeSeparators(target.folder), listed(plan.kept)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) return false;
    }
    const OutputReport written = writeOutputFiles(target.folder, target.files, true);
    if (!written.ok()) {
        DialogSeams::notify(this, QMessageBox::Critical, tr("Export Failed"),
                            tr("Gatehouse could not write the export:\n\n%1").arg(written.error));
        updatePlan();
        return false;
    }
    QString files = tr("%n file(s) written", "", int(written.written.size()));
    if (!written.unchanged.isEmpty())
        files = tr("%1, %2").arg(files, tr("%n already up to date", "", int(written.unchanged.size())));
    const int warnings = int(m_result.diagnostics.size()) - errorCount(m_result.diagnostics);
    m_resultMessage =
        tr("Exported %1 to %2 (%3; %4).")
            .arg(formatTitle(), QDir::toNativeSeparators(m_singleFile ? target.mainFilePath : target.folder),
                 files, tr("%n warning(s)", "", warnings));
    accept();
    return true;
}

} // namespace gatehouse
