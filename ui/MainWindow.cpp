#include "MainWindow.h"

#include "DialogSeams.h"
#include "EntityText.h"
#include "Icons.h"
#include "ProjectSession.h"
#include "RecentProjects.h"
#include "buckets/BucketsPanel.h"
#include "canvas/DesignerPage.h"
#include "canvas/DesignerScene.h"
#include "canvas/DesignerView.h"
#include "canvas/NodeItem.h"
#include "canvas/PaletteWidget.h"
#include "cloud/CloudRunner.h"
#include "code/HandlerFile.h"
#include "commands/AddFunctionCommand.h"
#include "commands/DeleteEntityCommand.h"
#include "compose/ComposerPage.h"
#include "compose/RequestHistory.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/ExportDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "document/ProjectDocument.h"
#include "document/ProjectEdits.h"
#include "editor/CodeFiles.h"
#include "editor/CodeTabs.h"
#include "events/EventsPanel.h"
#include "itemmodels/DiagnosticsModel.h"
#include "itemmodels/ProjectTreeModel.h"
#include "loadtest/LoadTestDialog.h"
#include "logs/LogConsole.h"
#include "observe/CostView.h"
#include "observe/MetricsView.h"
#include "properties/PropertyEditor.h"
#include "run/CloudStartGate.h"
#include "run/LiveStatus.h"
#include "run/RunPanel.h"
#include "testing/CollectionPanel.h"
#include "triggers/TriggersPanel.h"
#include "widgets/DiagnosticsSummary.h"
#include "widgets/DiagnosticsView.h"
#include "widgets/ProjectTreeView.h"
#include "widgets/RecentProjectsMenu.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QJsonArray>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>

namespace gatehouse {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
constexpr int kStatusMessageMs = 5000;
constexpr int kBottomDockMinimumHeight = 100;
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ProjectSession(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Icons::application());
    setDockNestingEnabled(true);

    m_diagnosticsModel = new DiagnosticsModel(document(), this);
    m_treeModel = new ProjectTreeModel(document(), undoStack(), this);
    m_runner = new CloudRunner(this);
    m_live = new LiveStatus(m_runner, this);
    m_designer = new DesignerPage(document(), undoStack(), this);
    m_designer->scene()->setLiveStatus(m_live);
    // Tabs: the designer first, then one per open code file.
    m_central = new CodeTabs(this);
    m_central->setObjectName(QStringLiteral("centralTabs"));
    m_central->setDocumentMode(true);
    m_central->setHomePage(m_designer, tr("Design"));
    setCentralWidget(m_central);
    m_session->setBeforeReplace([this] { return m_central->maybeSaveAll(); });
    connect(m_central, &CodeTabs::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs); });
    // The running cloud's code watcher reloads a saved function by itself; say so.
    connect(m_central, &CodeTabs::functionCodeSaved, this,
            [this](const QString &function, const QString &path) {
                statusBar()->showMessage(
                    m_runner->isRunning()
                        ? tr("Saved %1; function %2 reloads for its next invocation").arg(path, function)
                        : tr("Saved %1").arg(path),
                    kStatusMessageMs);
            });

    createDocks();
    createFileMenu();
    createEditMenu();
    createViewMenu();
    createRunMenu();
    createToolsMenu();
    createHelpMenu();

    m_summary = new DiagnosticsSummary(this);
    statusBar()->addPermanentWidget(m_summary);
    connect(m_summary, &QToolButton::clicked, this, [this] {
        m_diagnosticsDock->show();
        m_diagnosticsDock->raise();
    });
    connect(m_diagnosticsModel, &DiagnosticsModel::countsChanged, m_summary, &DiagnosticsSummary::setCounts);
    m_summary->setCounts(m_diagnosticsModel->errorCount(), m_diagnosticsModel->warningCount());

    ProjectDocument *doc = document();
    connect(doc, &ProjectDocument::modifiedChanged, this, &QWidget::setWindowModified);
    connect(doc, &ProjectDocument::projectReplaced, this, &MainWindow::updateTitle);
    connect(doc, &ProjectDocument::folderChanged, this, &MainWindow::updateTitle);
    connect(doc, &ProjectDocument::changed, this, &MainWindow::updateTitle);
    connect(doc, &ProjectDocument::changed, this, &MainWindow::updateEditActions);
    connect(doc, &ProjectDocument::projectReplaced, this, &MainWindow::updateEditActions);
    connect(doc, &ProjectDocument::folderChanged, this, &MainWindow::updateFileActions);
    connect(doc, &ProjectDocument::projectReplaced, this, &MainWindow::updateFileActions);
    connect(m_session, &ProjectSession::openFailed, this,
            [this](const QString &, const Diagnostics &diagnostics) {
                m_diagnosticsModel->setOpenFailure(diagnostics);
                m_diagnosticsDock->show();
                m_diagnosticsDock->raise();
            });
    connect(m_session, &ProjectSession::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs); });
    connect(m_treeModel, &ProjectTreeModel::editRejected, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, kStatusMessageMs); });
    DesignerScene *scene = m_designer->scene();
    connect(scene, &DesignerScene::refused, this,
            [this](const QString &reason) { statusBar()->showMessage(reason, kStatusMessageMs); });
    connect(scene, &DesignerScene::edited, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs); });
    connect(scene, &DesignerScene::currentEntityChanged, this,
            [this, scene](const EntityRef &ref) { syncSelection(ref, scene); });
    connect(scene, &DesignerScene::currentEntityChanged, this, &MainWindow::updateEditActions);
    connect(scene, &DesignerScene::entityActivated, this, &MainWindow::activateEntity);
    connect(scene, &DesignerScene::nodeAdded, this, &MainWindow::writeStarterCode);
    connect(doc, &ProjectDocument::projectReplaced, m_central, &CodeTabs::closeAll);
    connect(m_tree, &ProjectTreeView::currentEntityChanged, this,
            [this](const EntityRef &ref) { syncSelection(ref, m_tree); });
    updateTitle();
    updateEditActions();
    updateFileActions();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

ProjectDocument *MainWindow::document() const {
    return m_session->document();
}
QUndoStack *MainWindow::undoStack() const {
    return m_session->undoStack();
}

void MainWindow::createDocks() {
    m_tree = new ProjectTreeView(this);
    m_tree->setProjectModel(m_treeModel);
    connect(m_tree, &ProjectTreeView::currentEntityChanged, this, &MainWindow::updateEditActions);
    m_projectDock = new QDockWidget(tr("Project"), this);
    m_projectDock->setObjectName(QStringLiteral("projectDock"));
    m_projectDock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, m_projectDock);

    m_palette = new PaletteWidget(this);
    connect(m_palette, &PaletteWidget::nodeRequested, this, [this](NewNodes::Type type) {
        m_central->setCurrentWidget(m_designer);
        m_designer->addNode(type);
    });
    m_paletteDock = new QDockWidget(tr("Palette"), this);
    m_paletteDock->setObjectName(QStringLiteral("paletteDock"));
    m_paletteDock->setWidget(m_palette);
    addDockWidget(Qt::LeftDockWidgetArea, m_paletteDock);

    m_properties = new PropertyEditor(document(), undoStack(), this);
    m_propertiesDock = new QDockWidget(tr("Properties"), this);
    m_propertiesDock->setObjectName(QStringLiteral("propertiesDock"));
    m_propertiesDock->setWidget(m_properties);
    addDockWidget(Qt::RightDockWidgetArea, m_propertiesDock);
    // A rename or a deletion in the form moves or removes what it shows: the tree and canvas follow.
    connect(m_properties, &PropertyEditor::shownEntityChanged, this, [this] {
        if (m_properties->hasEntity()) syncSelection(m_properties->entity(), m_properties);
    });

    m_diagnosticsView = new DiagnosticsView(this);
    m_diagnosticsView->setDiagnosticsModel(m_diagnosticsModel);
    connect(m_diagnosticsView, &DiagnosticsView::entityActivated, this, &MainWindow::revealEntity);
    // Then the field the diagnostic is about, in the property editor.
    connect(m_diagnosticsView, &DiagnosticsView::pathActivated, this, [this](const QString &path) {
        m_propertiesDock->show();
        m_propertiesDock->raise();
        m_properties->focusField(path);
    });
    m_diagnosticsDock = new QDockWidget(tr("Diagnostics"), this);
    m_diagnosticsDock->setObjectName(QStringLiteral("diagnosticsDock"));
    m_diagnosticsDock->setWidget(m_diagnosticsView);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);

    m_runPanel = new RunPanel(m_runner, this);
    connect(m_runPanel, &RunPanel::runRequested, this, &MainWindow::runProject);
    connect(m_runPanel, &RunPanel::stopRequested, this, &MainWindow::stopProject);
    m_runDock = new QDockWidget(tr("Run"), this);
    m_runDock->setObjectName(QStringLiteral("runDock"));
    m_runDock->setWidget(m_runPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_runDock);
    tabifyDockWidget(m_diagnosticsDock, m_runDock);

    m_logConsole = new LogConsole(this);
    m_logsDock = new QDockWidget(tr("Logs"), this);
    m_logsDock->setObjectName(QStringLiteral("logsDock"));
    m_logsDock->setWidget(m_logConsole);
    addDockWidget(Qt::BottomDockWidgetArea, m_logsDock);
    tabifyDockWidget(m_runDock, m_logsDock);
    // Attached while running; detached as soon as the run leaves Running (the store goes with the
    // cloud), keeping the lines already shown.
    connect(m_runner, &CloudRunner::stateChanged, m_logConsole, [this](CloudRunner::State state) {
        m_logConsole->setLogStore(state == CloudRunner::State::Running ? m_runner->logs() : nullptr);
    });

    // Saved requests and test events: each starts the cloud through the Run action when needed.
    m_collectionPanel = new CollectionPanel(document(), undoStack(), m_runner, this);
    connect(m_collectionPanel, &CollectionPanel::openRequestRequested, this, &MainWindow::openRequest);
    // runProject raises the Run dock; the panel the user is working in stays in front.
    connect(m_collectionPanel->startGate(), &CloudStartGate::startRequested, this, [this] {
        runProject();
        // After the Run dock's own raise has been laid out.
        QTimer::singleShot(0, m_collectionDock, &QWidget::raise);
    });
    m_collectionDock = new QDockWidget(tr("Collection"), this);
    m_collectionDock->setObjectName(QStringLiteral("collectionDock"));
    m_collectionDock->setWidget(m_collectionPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_collectionDock);
    tabifyDockWidget(m_logsDock, m_collectionDock);
    m_eventsPanel = new EventsPanel(document(), m_runner, this);
    connect(m_eventsPanel->startGate(), &CloudStartGate::startRequested, this, [this] {
        runProject();
        // After the Run dock's own raise has been laid out.
        QTimer::singleShot(0, m_eventsDock, &QWidget::raise);
    });
    connect(m_eventsPanel, &EventsPanel::showInLogsRequested, this, [this](const QString &requestId) {
        m_logsDock->show();
        m_logsDock->raise();
        m_logConsole->showRequest(requestId);
    });
    m_eventsDock = new QDockWidget(tr("Events"), this);
    m_eventsDock->setObjectName(QStringLiteral("eventsDock"));
    m_eventsDock->setWidget(m_eventsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventsDock);
    tabifyDockWidget(m_collectionDock, m_eventsDock);
    // The bucket browser: its uploads and deletions start the cloud through the Run action when needed.
    m_bucketsPanel = new BucketsPanel(document(), m_runner, this);
    connect(m_bucketsPanel->startGate(), &CloudStartGate::startRequested, this, [this] {
        runProject();
        QTimer::singleShot(0, m_bucketsDock, &QWidget::raise);
    });
    m_bucketsDock = new QDockWidget(tr("Buckets"), this);
    m_bucketsDock->setObjectName(QStringLiteral("bucketsDock"));
    m_bucketsDock->setWidget(m_bucketsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_bucketsDock);
    tabifyDockWidget(m_eventsDock, m_bucketsDock);
    // Schedules and queues of the running cloud.
    auto *triggersPanel = new TriggersPanel(document(), m_runner, this);
    m_triggersDock = new QDockWidget(tr("Triggers"), this);
    m_triggersDock->setObjectName(QStringLiteral("triggersDock"));
    m_triggersDock->setWidget(triggersPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_triggersDock);
    tabifyDockWidget(m_bucketsDock, m_triggersDock);
    connect(triggersPanel->startGate(), &CloudStartGate::startRequested, this, [this] {
        runProject();
        QTimer::singleShot(0, m_triggersDock, &QWidget::raise);
    });
    // Metrics and cost: polled while visible and running, let go of when the run leaves Running.
    m_metricsView = new MetricsView(this);
    m_metricsDock = new QDockWidget(tr("Metrics"), this);
    m_metricsDock->setObjectName(QStringLiteral("metricsDock"));
    m_metricsDock->setWidget(m_metricsView);
    addDockWidget(Qt::BottomDockWidgetArea, m_metricsDock);
    tabifyDockWidget(m_eventsDock, m_metricsDock);
    m_costView = new CostView(document(), this);
    m_costDock = new QDockWidget(tr("Cost"), this);
    m_costDock->setObjectName(QStringLiteral("costDock"));
    m_costDock->setWidget(m_costView);
    addDockWidget(Qt::BottomDockWidgetArea, m_costDock);
    tabifyDockWidget(m_metricsDock, m_costDock);
    connect(m_runner, &CloudRunner::stateChanged, this, [this](CloudRunner::State state) {
        const bool running = state == CloudRunner::State::Running;
        m_metricsView->setMetricsStore(running ? m_runner->metrics() : nullptr);
        m_costView->setSources(running ? m_runner->costMeter() : nullptr,
                               running ? m_runner->metrics() : nullptr);
    });
    m_diagnosticsDock->raise();

    // Bottom corners belong to the side docks, so the tree runs the full height of the window.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    resizeDocks({m_projectDock, m_propertiesDock}, {280, 360}, Qt::Horizontal);
    resizeDocks({m_projectDock, m_paletteDock}, {480, 260}, Qt::Vertical);
    // The bottom docks share one tab group, as tall at least as the tallest minimum among them: the
    // charts, editors and tables inside would otherwise squeeze the canvas to a strip. A floor of our
    // own wins over their size hints; the user drags the splitter for more.
    for (QDockWidget *dock : {m_diagnosticsDock, m_runDock, m_logsDock, m_collectionDock, m_eventsDock,
                              m_bucketsDock, m_triggersDock, m_metricsDock, m_costDock})
        dock->widget()->setMinimumHeight(kBottomDockMinimumHeight);
    resizeDocks({m_diagnosticsDock}, {170}, Qt::Vertical);
}

void MainWindow::createFileMenu() {
    QMenu *menu = menuBar()->addMenu(tr("&File"));
    menu->setObjectName(QStringLiteral("fileMenu"));
    QAction *newAction = menu->addAction(tr("&New Project"), m_session, &ProjectSession::newProject);
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = menu->addAction(tr("&Open\u2026"), m_session, &ProjectSession::openWithDialog);
    openAction->setShortcut(QKeySequence::Open);
    auto *recent = new RecentProjectsMenu(menu);
    connect(recent, &RecentProjectsMenu::projectChosen, m_session, &ProjectSession::open);
    menu->addMenu(recent);
    menu->addSeparator();
    QAction *saveAction = menu->addAction(tr("&Save"), m_session, qOverload<>(&ProjectSession::save));
    saveAction->setObjectName(QStringLiteral("saveAction"));
    saveAction->setShortcut(QKeySequence::Save);
    QAction *saveAsAction =
        menu->addAction(tr("Save &As\u2026"), m_session, qOverload<>(&ProjectSession::saveAs));
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    menu->addSeparator();
    // No icons: resources/icons has none for import or export, and the other File entries have none.
    QAction *importAction = menu->addAction(tr("&Import\u2026"), this, &MainWindow::importProject);
    importAction->setObjectName(QStringLiteral("importAction"));
    importAction->setStatusTip(
        tr("Create a project from an AWS SAM template, an OpenAPI document or a Postman collection"));
    m_exportAction = menu->addAction(tr("&Export\u2026"), this, &MainWindow::exportProject);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportAction->setStatusTip(
        tr("Write the project as an AWS SAM template, OpenAPI documents, serverless.yml or a Postman "
           "collection"));
    menu->addSeparator();
    QAction *quitAction = menu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);
}

void MainWindow::createEditMenu() {
    QMenu *menu = menuBar()->addMenu(tr("&Edit"));
    menu->setObjectName(QStringLiteral("editMenu"));
    // Own actions rather than QUndoStack::createUndoAction, whose "prefix + text" cannot be worded
    // naturally in Korean ("%1 실행 취소").
    QAction *undoAction = menu->addAction(tr("&Undo"), undoStack(), &QUndoStack::undo);
    undoAction->setObjectName(QStringLiteral("undoAction"));
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setEnabled(false);
    connect(undoStack(), &QUndoStack::canUndoChanged, undoAction, &QAction::setEnabled);
    connect(undoStack(), &QUndoStack::undoTextChanged, undoAction, [this, undoAction](const QString &text) {
        undoAction->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    QAction *redoAction = menu->addAction(tr("&Redo"), undoStack(), &QUndoStack::redo);
    redoAction->setObjectName(QStringLiteral("redoAction"));
    redoAction->setShortcuts(QKeySequence::keyBindings(QKeySequence::Redo));
    redoAction->setEnabled(false);
    connect(undoStack(), &QUndoStack::canRedoChanged, redoAction, &QAction::setEnabled);
    connect(undoStack(), &QUndoStack::redoTextChanged, redoAction, [this, redoAction](const QString &text) {
        redoAction->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    });
    menu->addSeparator();
    m_addFunctionAction = menu->addAction(Icons::forKind(EntityKind::Function), tr("Add &Function"), this,
                                          &MainWindow::addFunction);
    m_addFunctionAction->setObjectName(QStringLiteral("addFunctionAction"));
    m_renameAction = menu->addAction(tr("Re&name"), this, &MainWindow::renameCurrent);
    m_renameAction->setObjectName(QStringLiteral("renameAction"));
    m_renameAction->setShortcut(Qt::Key_F2);
    m_deleteAction = menu->addAction(tr("&Delete"), this, &MainWindow::deleteCurrent);
    m_deleteAction->setObjectName(QStringLiteral("deleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    // The actions only act on the tree, so their shortcuts must not steal keys from other widgets
    // (Delete in a future code editor, F2 in a table).
    for (QAction *action : {m_renameAction, m_deleteAction})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // On the canvas, Delete removes the selected nodes and wires (one undo step).
    auto *deleteOnCanvas = new QAction(tr("&Delete"), m_designer->view());
    deleteOnCanvas->setObjectName(QStringLiteral("canvasDeleteAction"));
    deleteOnCanvas->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    deleteOnCanvas->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(deleteOnCanvas, &QAction::triggered, m_designer->scene(), &DesignerScene::deleteSelection);
    m_designer->view()->addAction(deleteOnCanvas);
    m_tree->addAction(m_addFunctionAction);
    m_tree->addAction(m_renameAction);
    m_tree->addAction(m_deleteAction);
}

void MainWindow::createViewMenu() {
    QMenu *menu = menuBar()->addMenu(tr("&View"));
    menu->addAction(m_projectDock->toggleViewAction());
    menu->addAction(m_paletteDock->toggleViewAction());
    menu->addAction(m_propertiesDock->toggleViewAction());
    menu->addAction(m_diagnosticsDock->toggleViewAction());
    menu->addAction(m_runDock->toggleViewAction());
    menu->addAction(m_logsDock->toggleViewAction());
    menu->addAction(m_collectionDock->toggleViewAction());
    menu->addAction(m_eventsDock->toggleViewAction());
    menu->addAction(m_bucketsDock->toggleViewAction());
    menu->addAction(m_triggersDock->toggleViewAction());
    menu->addAction(m_metricsDock->toggleViewAction());
    menu->addAction(m_costDock->toggleViewAction());
}

void MainWindow::createRunMenu() {
    QMenu *menu = menuBar()->addMenu(tr("&Run"));
    menu->setObjectName(QStringLiteral("runMenu"));
    m_runAction = menu->addAction(tr("&Run Locally"), this, &MainWindow::runProject);
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setShortcut(Qt::Key_F5);
    m_runAction->setStatusTip(
        tr("Serve the project's APIs and functions on this machine, as gatehouse serve does"));
    m_stopAction = menu->addAction(tr("&Stop"), this, &MainWindow::stopProject);
    m_stopAction->setObjectName(QStringLiteral("stopAction"));
    m_stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    menu->addSeparator();
    QAction *loadTest = menu->addAction(tr("&Load Test\u2026"), this, &MainWindow::showLoadTest);
    loadTest->setObjectName(QStringLiteral("loadTestAction"));
    loadTest->setStatusTip(tr("Send a saved request from many connections at once and see latency, "
                              "throughput and what it would cost"));
    const auto updateActions = [this] {
        const CloudRunner::State state = m_runner->state();
        m_runAction->setEnabled(state == CloudRunner::State::Stopped);
        m_stopAction->setEnabled(state == CloudRunner::State::Starting ||
                                 state == CloudRunner::State::Running);
    };
    connect(m_runner, &CloudRunner::stateChanged, this, updateActions);
    updateActions();

    // Edits reach the running cloud a moment after the last keystroke (hot reload, as serve does
    // when gatehouse.json changes); opening another project stops the run.
    m_reloadDelay = new QTimer(this);
    m_reloadDelay->setSingleShot(true);
    m_reloadDelay->setInterval(300);
    connect(m_reloadDelay, &QTimer::timeout, this, [this] {
        if (m_runner->isRunning()) m_runner->update(document()->project(), document()->folder());
    });
    connect(document(), &ProjectDocument::changed, this, [this] {
        if (m_runner->isRunning()) m_reloadDelay->start();
    });
    connect(document(), &ProjectDocument::projectReplaced, this, &MainWindow::stopProject);
    connect(m_runner, &CloudRunner::started, this, [this](const QJsonObject &endpoints) {
        statusBar()->showMessage(tr("Running locally: %n endpoint(s)", nullptr,
                                    int(endpoints.value(QStringLiteral("apis")).toArray().size())),
                                 kStatusMessageMs);
    });
    connect(m_runner, &CloudRunner::startFailed, this, [this](const QStringList &errors) {
        m_runDock->show();
        m_runDock->raise();
        statusBar()->showMessage(tr("Could not run: %1").arg(errors.value(0)), kStatusMessageMs);
    });
    connect(m_runner, &CloudRunner::updated, this, [this](const QStringList &errors) {
        if (!errors.isEmpty())
            m_runPanel->showMessage(tr("Not applied:\n%1").arg(errors.join(QLatin1Char('\n'))), true);
    });

    // The request composer opens as a tab beside the designer.
    menu->addSeparator();
    QAction *newRequestAction = menu->addAction(tr("New &Request"), this, &MainWindow::newRequest);
    newRequestAction->setObjectName(QStringLiteral("newRequestAction"));
    newRequestAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    newRequestAction->setStatusTip(
        tr("Compose an HTTP request and send it to the running project or any URL"));
}

void MainWindow::runProject() {
    if (m_runner->state() != CloudRunner::State::Stopped) return;
    m_runDock->show();
    m_runDock->raise();
    if (!document()->hasFolder()) {
        // The functions' code is read from the project folder.
        m_runPanel->showMessage(tr("Save the project first: its functions' code lives in its folder."), true);
        return;
    }
    m_runner->start(document()->project(), document()->folder());
}

ComposerPage *MainWindow::newRequest() {
    if (!m_requestHistory) {
        m_requestHistory = new RequestHistory(this);
        m_requestHistory->follow(document());
    }
    auto *page = new ComposerPage(document(), undoStack(), m_runner, m_requestHistory, m_central);
    connect(page, &ComposerPage::statusMessage, this,
            [this](const QString &text) { statusBar()->showMessage(text, kStatusMessageMs); });
    connect(page, &ComposerPage::titleChanged, m_central, [this, page](const QString &title) {
        if (const int index = m_central->indexOf(page); index >= 0) m_central->setTabText(index, title);
    });
    m_central->setCurrentIndex(m_central->addTab(page, page->title()));
    page->urlEdit()->setFocus(Qt::OtherFocusReason);
    return page;
}

ComposerPage *MainWindow::openRequest(int savedRequestIndex) {
    const QList<SavedRequest> &requests = document()->project().requests;
    if (savedRequestIndex < 0 || savedRequestIndex >= requests.size()) return nullptr;
    const SavedRequest &saved = requests[savedRequestIndex];
    for (int i = 0; i < m_central->count(); ++i)
        if (auto *open = qobject_cast<ComposerPage *>(m_central->widget(i));
            open && open->requestName() == saved.name) {
            m_central->setCurrentIndex(i);
            return open;
        }
    ComposerPage *page = newRequest();
    page->setRequest(ComposerRequest::fromSavedRequest(saved));
    return page;
}

void MainWindow::stopProject() {
    m_reloadDelay->stop();
    m_runner->stop();
}

void MainWindow::showLoadTest() {
    if (!m_loadTest) {
        m_loadTest = new LoadTestDialog(document(), m_runner, this);
        connect(m_loadTest, &LoadTestDialog::runRequested, this, &MainWindow::runProject);
    }
    m_loadTest->show();
    m_loadTest->raise();
    m_loadTest->activateWindow();
}

void MainWindow::createToolsMenu() {
    QMenu *menu = menuBar()->addMenu(tr("&Tools"));
    QAction *preferences = menu->addAction(tr("&Preferences\u2026"), this, &MainWindow::showPreferences);
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
}

void MainWindow::createHelpMenu() {
    QMenu *menu = menuBar()->addMenu(tr("&Help"));
    QAction *about = menu->addAction(tr("&About Gatehouse"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    menu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::updateTitle() {
    // "[*]" is where Qt shows the modified marker; it follows ProjectDocument::isModified.
    setWindowTitle(tr("%1[*] \u2014 Gatehouse").arg(m_session->displayName()));
    setWindowModified(document()->isModified());
}

void MainWindow::updateEditActions() {
    const EntityRef ref = m_tree->currentEntity();
    const bool exists = ref.index >= 0 && ProjectEdits::exists(document()->project(), ref);
    m_renameAction->setEnabled(exists && ProjectEdits::isRenamable(ref.kind));
    m_deleteAction->setEnabled(exists);
}

void MainWindow::updateFileActions() {
    // Exports copy the functions' code from the project folder, so a project must have one.
    m_exportAction->setEnabled(document()->hasFolder());
}

void MainWindow::exportProject() {
    if (!document()->hasFolder()) return;
    ExportDialog dialog(document()->project(), document()->folder(), this);
    if (DialogSeams::exec(dialog) == QDialog::Accepted)
        statusBar()->showMessage(dialog.resultMessage(), kStatusMessageMs);
}

void MainWindow::importProject() {
    const QString start = document()->hasFolder()
                              ? QFileInfo(document()->folder()).absolutePath()
                              : QStandardPaths::writableLocation(QStandardPaths::HomeLocation);
    ImportDialog dialog(start, this);
    if (DialogSeams::exec(dialog) != QDialog::Accepted) return;
    // The project is on disk now; opening it may still be declined (unsaved changes here).
    if (m_session->open(dialog.importedFolder()))
        statusBar()->showMessage(dialog.resultMessage(), kStatusMessageMs);
    else
        statusBar()->showMessage(tr("%1 It was not opened.").arg(dialog.resultMessage()), kStatusMessageMs);
}

void MainWindow::renameCurrent() {
    const QModelIndex index = m_tree->currentIndex();
    if (!(m_treeModel->flags(index) & Qt::ItemIsEditable)) return;
    m_tree->setFocus();
    m_tree->edit(index);
}

void MainWindow::deleteCurrent() {
    const EntityRef ref = m_tree->currentEntity();
    if (ref.index < 0 || !ProjectEdits::exists(document()->project(), ref)) return;
    // No confirmation: the deletion is one Undo away, and its text says what it was.
    auto *command = new DeleteEntityCommand(document(), ref);
    const QString text = command->text();
    undoStack()->push(command);
    statusBar()->showMessage(text, kStatusMessageMs);
}

void MainWindow::addFunction() {
    auto *command = new AddFunctionCommand(document());
    const EntityRef added = command->addedRef();
    undoStack()->push(command);
    writeStarterCode(added);
    // Straight into naming it, as file managers do with a new folder.
    if (m_tree->selectEntity(added)) renameCurrent();
}

bool MainWindow::revealEntity(const EntityRef &ref) {
    m_projectDock->show();
    m_projectDock->raise();
    const bool found = m_tree->selectEntity(ref);
    if (found) m_tree->setFocus();
    return found;
}

void MainWindow::activateEntity(const EntityRef &ref) {
    if (ref.kind == EntityKind::Function && ref.index < document()->project().functions.size()) {
        openFunctionCode(document()->project().functions[ref.index].name);
        return;
    }
    m_propertiesDock->show();
    m_propertiesDock->raise();
    m_properties->showEntity(ref);
    m_properties->setFocus();
}

void MainWindow::openFunctionCode(const QString &functionName) {
    const Function *function = document()->project().findFunction(functionName);
    if (!function) return;
    if (!document()->hasFolder()) {
        statusBar()->showMessage(tr("Save the project first: a function's code lives in the project folder."),
                                 kStatusMessageMs);
        return;
    }
    m_central->openFunction(*function, document()->folder());
}

void MainWindow::writeStarterCode(const EntityRef &ref) {
    // A new function runs at once: its starter handler is written beside the project (and stays when
    // the addition is undone, like any file the user might have edited).
    if (ref.kind != EntityKind::Function || !document()->hasFolder()) return;
    if (ref.index >= document()->project().functions.size()) return;
    const Function &function = document()->project().functions[ref.index];
    const HandlerFile file = handlerFile(function, document()->folder());
    if (file.path.isEmpty() || file.exists) return;
    if (!codefiles::writeStarter(function, file, nullptr)) return;
    document()->refreshDiagnostics(); // "handler file does not exist" no longer holds
    statusBar()->showMessage(tr("Wrote a starter handler for %1 to %2").arg(function.name, file.path),
                             kStatusMessageMs);
}

void MainWindow::syncSelection(const EntityRef &ref, QObject *from) {
    // One selection, shown in both places; the guard stops the echo from the other view.
    if (m_syncingSelection) return;
    m_syncingSelection = true;
    if (from != m_tree && ref.isValid() && ref.kind != EntityKind::Project) m_tree->selectEntity(ref);
    if (from != m_properties) {
        if (ref.isValid())
            m_properties->showEntity(ref);
        else
            m_properties->clear();
    }
    if (from != m_designer->scene()) {
        // Stages select their API on the canvas; the project root clears the canvas selection.
        const EntityRef node =
            ref.kind == EntityKind::Stage ? EntityRef{EntityKind::Api, ref.index, -1} : ref;
        if (m_designer->scene()->selectEntity(node))
            if (NodeItem *item = m_designer->scene()->nodeFor(node))
                m_designer->view()->ensureVisible(item, 80, 80);
    }
    m_syncingSelection = false;
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(this);
    if (DialogSeams::exec(dialog) == QDialog::Accepted) dialog.apply();
}

void MainWindow::showAbout() {
    AboutDialog dialog(this);
    DialogSeams::exec(dialog);
}

void MainWindow::restoreLayout() {
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (!m_session->maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

} // namespace gatehouse
