#include "CollectionPanel.h"

#include "Icons.h"
#include "cloud/CloudRunner.h"
#include "commands/DeleteEntityCommand.h"
#include "commands/ProjectSnapshotCommand.h"
#include "document/ProjectDocument.h"
#include "document/ProjectEdits.h"
#include "run/CloudStartGate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gatehouse {

namespace {
// Items of the environment picker hold the variable set's name; this one means "none".
const QString kNoEnvironment = QStringLiteral("\u0001none");
} // namespace

CollectionPanel::CollectionPanel(ProjectDocument *document, QUndoStack *undoStack, CloudRunner *runner,
                                 QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_undoStack(undoStack)
    , m_runner(runner)
    , m_gate(new CloudStartGate(runner, this))
    , m_environment(new QComboBox(this))
    , m_run(new QPushButton(tr("Run Collection"), this))
    , m_runSelected(new QPushButton(tr("Run Selected"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_summary(new QLabel(this))
    , m_view(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("collectionPanel"));
    m_environment->setObjectName(QStringLiteral("collectionEnvironment"));
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_run->setObjectName(QStringLiteral("runCollection"));
    m_run->setToolTip(tr("Send every saved request to the local cloud and check its assertions"));
    m_runSelected->setObjectName(QStringLiteral("runSelectedRequests"));
    m_runSelected->setToolTip(tr("Send the selected requests only"));
    m_cancel->setObjectName(QStringLiteral("cancelCollection"));
    m_summary->setObjectName(QStringLiteral("collectionSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_view->setObjectName(QStringLiteral("collectionRequests"));
    m_view->setColumnCount(6);
    m_view->setHeaderLabels(
        {tr("Request"), tr("Method"), tr("URL"), tr("Assertions"), tr("Status"), tr("Time")});
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setUniformRowHeights(true);
    m_view->setExpandsOnDoubleClick(false); // double-click opens the request
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UrlColumn, QHeaderView::Stretch);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Environment:"), this));
    bar->addWidget(m_environment);
    bar->addWidget(m_run);
    bar->addWidget(m_runSelected);
    bar->addWidget(m_cancel);
    bar->addWidget(m_summary, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    connect(m_run, &QPushButton::clicked, this, &CollectionPanel::runAll);
    connect(m_runSelected, &QPushButton::clicked, this, &CollectionPanel::runSelected);
    connect(m_cancel, &QPushButton::clicked, this, &CollectionPanel::cancel);
    connect(m_view, &QTreeWidget::itemSelectionChanged, this, &CollectionPanel::updateButtons);
    connect(m_view, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (const int row = rowOf(item); row >= 0) emit openRequestRequested(row);
    });
    connect(m_view, &QTreeWidget::customContextMenuRequested, this, &CollectionPanel::showContextMenu);
    connect(&m_collection, &testing::CollectionRunner::requestFinished, this,
            &CollectionPanel::onRequestFinished);
    connect(&m_collection, &testing::CollectionRunner::finished, this, &CollectionPanel::onFinished);
    connect(m_gate, &CloudStartGate::failed, this, [this](const QString &message) {
        if (!m_waitingForCloud) return;
        m_waitingForCloud = false;
        m_runRequests.clear();
        setSummary(message, -1);
        rebuild();
        updateButtons();
    });
    connect(document, &ProjectDocument::changed, this, [this] {
        refreshEnvironments(true);
        rebuild();
    });
    connect(document, &ProjectDocument::projectReplaced, this, [this] {
        cancel();
        m_results.clear();
        setSummary(QString(), 0);
        refreshEnvironments(false);
        rebuild();
    });
    refreshEnvironments(false);
    rebuild();
}

QString CollectionPanel::summary() const {
    return m_summary->text();
}

bool CollectionPanel::isRunning() const {
    return m_waitingForCloud || m_collection.isRunning();
}

const testing::RequestOutcome *CollectionPanel::outcomeOf(int index) const {
    const QList<SavedRequest> &requests = m_document->project().requests;
    if (index < 0 || index >= requests.size()) return nullptr;
    for (const Result &result : m_results)
        if (result.request == requests[index]) return &result.outcome;
    return nullptr;
}

void CollectionPanel::refreshEnvironments(bool keepChoice) {
    const QString current = keepChoice ? m_environment->currentData().toString() : QString();
    const QSignalBlocker blocker(m_environment);
    m_environment->clear();
    for (const VariableSet &set : m_document->project().environments)
        m_environment->addItem(set.name, set.name);
    m_environment->addItem(tr("No environment"), kNoEnvironment);
    m_environment->setToolTip(
        tr("The variable set the requests' {{variables}} come from. Each HTTP and REST API's local URL is "
           "always there too ({{api-name}}, {{apiName}}, {{baseUrl}}) and wins, as in gatehouse test."));
    // The first environment by default, as `gatehouse test` without --env.
    const int found = m_environment->findData(current);
    m_environment->setCurrentIndex(found >= 0 ? found : 0);
}

testing::VariableMap CollectionPanel::chosenEnvironment() const {
    const QString name = m_environment->currentData().toString();
    for (const VariableSet &set : m_document->project().environments)
        if (set.name == name) return testing::environmentVariables(set);
    return {};
}

void CollectionPanel::runAll() {
    QList<int> all;
    for (int i = 0; i < m_document->project().requests.size(); ++i)
        all.append(i);
    start(all);
}

void CollectionPanel::runSelected() {
    start(selectedRows());
}

void CollectionPanel::start(const QList<int> &indexes) {
    if (isRunning()) return;
    const QList<SavedRequest> &requests = m_document->project().requests;
    if (indexes.isEmpty()) {
        setSummary(
            requests.isEmpty() ? tr("The project has no saved requests.") : tr("Select requests to run."), 0);
        return;
    }
    if (!m_document->hasFolder()) {
        setSummary(tr("Save the project first: its functions' code lives in its folder."), -1);
        return;
    }
    m_runRequests.clear();
    for (int index : indexes)
        if (index >= 0 && index < requests.size()) m_runRequests.append(requests[index]);
    // Results of what runs now are replaced; the others stay.
    m_results.removeIf([this](const Result &result) { return m_runRequests.contains(result.request); });
    m_waitingForCloud = true;
    setSummary(m_runner->isRunning() ? QString() : tr("Starting the local cloud\u2026"), 0);
    rebuild();
    updateButtons();
    m_gate->whenRunning([this] { launch(); });
}

void CollectionPanel::launch() {
    if (!m_waitingForCloud) return; // cancelled meanwhile
    m_waitingForCloud = false;
    testing::RunOptions options;
    options.variables =
        testing::runVariables(chosenEnvironment(), testing::localEndpointVariables(m_runner->endpoints()));
    m_collection.start(m_runRequests, options);
    setSummary(tr("Running %n request(s)\u2026", nullptr, int(m_runRequests.size())), 0);
    rebuild();
    updateButtons();
}

void CollectionPanel::onRequestFinished(int runIndex) {
    const testing::RequestOutcome &outcome = m_collection.outcomes().at(runIndex);
    const SavedRequest &request = m_runRequests.value(runIndex);
    m_results.removeIf([&](const Result &result) { return result.request == request; });
    m_results.append({request, outcome});
    setSummary(tr("Ran %1 of %2\u2026").arg(runIndex + 1).arg(m_runRequests.size()), 0);
    rebuild();
}

void CollectionPanel::onFinished() {
    const int passed = m_collection.passedCount();
    const int failed = m_collection.failedCount();
    m_runRequests.clear();
    setSummary(tr("%1 passed, %2 failed").arg(passed).arg(failed), failed > 0 ? -1 : 1);
    rebuild();
    updateButtons();
}

void CollectionPanel::cancel() {
    if (!isRunning()) return;
    const int done = int(m_collection.outcomes().size());
    const int passed = m_collection.isRunning() ? m_collection.passedCount() : 0;
    const int total = int(m_runRequests.size());
    m_gate->cancel();
    m_waitingForCloud = false;
    const bool wasSending = m_collection.isRunning();
    m_collection.cancel();
    m_runRequests.clear();
    setSummary(wasSending ? tr("Cancelled: %1 passed, %2 failed, %3 not run")
                                .arg(passed)
                                .arg(done - passed)
                                .arg(total - done)
                          : tr("Cancelled"),
               0);
    rebuild();
    updateButtons();
}

void CollectionPanel::setSummary(const QString &text, int tone) {
    m_summary->setText(text);
    m_summary->setStyleSheet(
        tone == 0 ? QString()
                  : QStringLiteral("color: %1; font-weight: bold").arg(toneColour(tone > 0).name()));
}

QColor CollectionPanel::toneColour(bool passed) const {
    // Material green/red 800 on light bases, their 300 tints on dark ones, so both stay readable.
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    if (passed) return dark ? QColor(0x81, 0xC7, 0x84) : QColor(0x2E, 0x7D, 0x32);
    return dark ? QColor(0xE5, 0x73, 0x73) : QColor(0xC6, 0x28, 0x28);
}

void CollectionPanel::updateButtons() {
    const bool running = isRunning();
    const bool any = !m_document->project().requests.isEmpty();
    m_run->setEnabled(!running && any);
    m_runSelected->setEnabled(!running && !selectedRows().isEmpty());
    m_cancel->setEnabled(running);
    m_environment->setEnabled(!running);
}

int CollectionPanel::rowOf(const QTreeWidgetItem *item) const {
    while (item && item->parent())
        item = item->parent();
    return item ? m_view->indexOfTopLevelItem(const_cast<QTreeWidgetItem *>(item)) : -1;
}

QList<int> CollectionPanel::selectedRows() const {
    QList<int> rows;
    for (QTreeWidgetItem *item : m_view->selectedItems())
        if (const int row = rowOf(item); row >= 0 && !rows.contains(row)) rows.append(row);
    std::sort(rows.begin(), rows.end());
    return rows;
}

void CollectionPanel::rebuild() {
    // Selection and expansion are kept by row across rebuilds (every result and edit rebuilds).
    const QList<int> selected = selectedRows();
    QList<int> collapsed;
    for (int row = 0; row < m_view->topLevelItemCount(); ++row)
        if (m_view->topLevelItem(row)->childCount() > 0 && !m_view->topLevelItem(row)->isExpanded())
            collapsed.append(row);
    QSignalBlocker blocker(m_view);
    const int count = int(m_document->project().requests.size());
    while (m_view->topLevelItemCount() > count)
        delete m_view->takeTopLevelItem(m_view->topLevelItemCount() - 1);
    while (m_view->topLevelItemCount() < count)
        m_view->addTopLevelItem(new QTreeWidgetItem);
    for (int row = 0; row < count; ++row) {
        QTreeWidgetItem *item = m_view->topLevelItem(row);
        const bool hadChildren = item->childCount() > 0;
        fillRow(item, row);
        item->setSelected(selected.contains(row));
        // Failures open by themselves; what the user closed stays closed.
        const testing::RequestOutcome *outcome = outcomeOf(row);
        item->setExpanded(hadChildren ? !collapsed.contains(row) : outcome && !outcome->passed());
    }
    blocker.unblock();
    updateButtons();
}

void CollectionPanel::fillRow(QTreeWidgetItem *item, int index) {
    const SavedRequest &request = m_document->project().requests[index];
    qDeleteAll(item->takeChildren());
    item->setText(NameColumn, request.name);
    item->setText(MethodColumn, request.method.isEmpty() ? QStringLiteral("GET") : request.method);
    item->setText(UrlColumn, request.url);
    item->setText(AssertionsColumn, QString::number(request.assertions.size()));
    item->setTextAlignment(AssertionsColumn, Qt::AlignCenter);
    item->setToolTip(UrlColumn, request.url);
    const QBrush normal = palette().brush(QPalette::Text);
    for (int column = 0; column < m_view->columnCount(); ++column)
        item->setForeground(column, normal);

    const testing::RequestOutcome *outcome = outcomeOf(index);
    if (!outcome) {
        item->setIcon(NameColumn, Icons::forKind(EntityKind::Request));
        // Waiting or being sent in the run in progress.
        const qsizetype position = m_runRequests.indexOf(request);
        const bool inRun = position >= 0 && (m_waitingForCloud || m_collection.isRunning());
        const bool sending = inRun && m_collection.isRunning() && position == m_collection.outcomes().size();
        item->setText(StatusColumn, sending ? tr("Sending\u2026") : inRun ? tr("Queued") : QString());
        item->setText(TimeColumn, QString());
        return;
    }
    const bool passed = outcome->passed();
    item->setIcon(NameColumn, passed ? Icons::healthy() : Icons::forSeverity(Diagnostic::Severity::Error));
    item->setForeground(NameColumn, toneColour(passed));
    item->setText(StatusColumn, outcome->exchange.hasResponse() ? QString::number(outcome->exchange.status)
                                                                : tr("no response"));
    item->setText(TimeColumn,
                  outcome->exchange.hasResponse() ? tr("%1 ms").arg(outcome->exchange.elapsedMs) : QString());
    item->setToolTip(UrlColumn, outcome->url);
    // One line per assertion (failures say expected and actual), and why nothing came back.
    if (!outcome->error.isEmpty()) {
        auto *child = new QTreeWidgetItem(item, {outcome->error});
        child->setIcon(NameColumn, Icons::forSeverity(Diagnostic::Severity::Error));
        child->setForeground(NameColumn, toneColour(false));
        child->setFirstColumnSpanned(true);
    }
    for (const testing::AssertionOutcome &assertion : outcome->assertions) {
        auto *child = new QTreeWidgetItem(item, {assertion.message});
        child->setIcon(NameColumn,
                       assertion.passed ? Icons::healthy() : Icons::forSeverity(Diagnostic::Severity::Error));
        if (!assertion.passed) child->setForeground(NameColumn, toneColour(false));
        child->setToolTip(NameColumn, assertion.message);
        child->setFirstColumnSpanned(true);
    }
}

void CollectionPanel::showContextMenu(const QPoint &position) {
    const int row = rowOf(m_view->itemAt(position));
    if (row < 0) return;
    QMenu menu(this);
    menu.addAction(tr("Open"), this, [this, row] { emit openRequestRequested(row); });
    menu.addAction(tr("Run"), this, [this, row] { start({row}); })->setEnabled(!isRunning());
    menu.addSeparator();
    menu.addAction(tr("Duplicate"), this, [this, row] { duplicateRequest(row); });
    menu.addAction(tr("Delete Request"), this, [this, row] { deleteRequest(row); });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void CollectionPanel::duplicateRequest(int index) {
    const Project &before = m_document->project();
    if (index < 0 || index >= before.requests.size()) return;
    Project after = before;
    SavedRequest copy = before.requests[index];
    copy.name = ProjectEdits::uniqueName(ProjectEdits::namesOf(before, EntityKind::Request),
                                         tr("%1 copy").arg(copy.name));
    after.requests.insert(index + 1, copy);
    m_undoStack->push(new ProjectSnapshotCommand(
        m_document, before, after, tr("Duplicate request \u201c%1\u201d").arg(before.requests[index].name)));
}

void CollectionPanel::deleteRequest(int index) {
    const EntityRef ref{EntityKind::Request, index, -1};
    if (!ProjectEdits::exists(m_document->project(), ref)) return;
    // No confirmation: one Undo brings it back, as the project tree's Delete does.
    m_undoStack->push(new DeleteEntityCommand(m_document, ref));
}

} // namespace gatehouse
