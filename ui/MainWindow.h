// Gatehouse's main window: the canvas designer in the middle (tabbed with code editors), the project
// tree, palette and diagnostics docks around it, the menus, and the window title bound to the
// document's state. Selections in the tree and on the canvas follow each other.
#pragma once

#include "document/EntityRef.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QTimer;
class QUndoStack;

namespace gatehouse {

class DiagnosticsModel;
class DiagnosticsSummary;
class BucketsPanel;
class CloudRunner;
class CodeTabs;
class CollectionPanel;
class EventsPanel;
class ComposerPage;
class RequestHistory;
class PropertyEditor;
class DiagnosticsView;
class LiveStatus;
class LoadTestDialog;
class LogConsole;
class MetricsView;
class CostView;
class RunPanel;
class DesignerPage;
class PaletteWidget;
class ProjectDocument;
class ProjectSession;
class ProjectTreeModel;
class ProjectTreeView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectSession *session() const { return m_session; }
    ProjectDocument *document() const;
    QUndoStack *undoStack() const;
    ProjectTreeModel *projectTreeModel() const { return m_treeModel; }
    ProjectTreeView *projectTree() const { return m_tree; }
    DiagnosticsModel *diagnosticsModel() const { return m_diagnosticsModel; }
    DiagnosticsView *diagnosticsView() const { return m_diagnosticsView; }
    DesignerPage *designer() const { return m_designer; }
    PaletteWidget *palette() const { return m_palette; }
    PropertyEditor *propertyEditor() const { return m_properties; }
    CodeTabs *codeTabs() const { return m_central; }
    // Opens a function's handler file in a code tab (double-click on its node).
    void openFunctionCode(const QString &functionName);
    CloudRunner *runner() const { return m_runner; }
    RunPanel *runPanel() const { return m_runPanel; }
    LogConsole *logConsole() const { return m_logConsole; }
    CollectionPanel *collectionPanel() const { return m_collectionPanel; }
    EventsPanel *eventsPanel() const { return m_eventsPanel; }
    BucketsPanel *bucketsPanel() const { return m_bucketsPanel; }
    MetricsView *metricsView() const { return m_metricsView; }
    CostView *costView() const { return m_costView; }
    // Run > New Request: a request composer tab; openRequest opens the collection's request
    // (Project::requests) in one, or shows the tab that has it open already.
    ComposerPage *newRequest();
    ComposerPage *openRequest(int savedRequestIndex);
    // Run > Run and Run > Stop: the open project in a local cloud on its own thread.
    void runProject();
    void stopProject();
    // Run > Load Test…: the dialog, created on first use (null before).
    void showLoadTest();
    LoadTestDialog *loadTestDialog() const { return m_loadTest; }

    // Window geometry and dock layout, kept in QSettings between runs.
    void restoreLayout();
    void saveLayout() const;

    // Edit actions, also reachable from the tree's context menu.
    void renameCurrent();
    void deleteCurrent();
    void addFunction();
    // File > Export… and File > Import… (the import opens the new project when it is written).
    void exportProject();
    void importProject();
    // Makes the project tree and the canvas show and select `ref` (used by the diagnostics panel).
    bool revealEntity(const EntityRef &ref);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createRunMenu();
    void createToolsMenu();
    void createHelpMenu();
    void updateTitle();
    void updateEditActions();
    void updateFileActions();
    void showPreferences();
    void showAbout();
    void syncSelection(const EntityRef &ref, QObject *from);
    void activateEntity(const EntityRef &ref);
    void writeStarterCode(const EntityRef &function);

    ProjectSession *m_session;
    ProjectTreeModel *m_treeModel = nullptr;
    ProjectTreeView *m_tree = nullptr;
    DiagnosticsModel *m_diagnosticsModel = nullptr;
    DiagnosticsView *m_diagnosticsView = nullptr;
    DiagnosticsSummary *m_summary = nullptr;
    DesignerPage *m_designer = nullptr;
    PaletteWidget *m_palette = nullptr;
    CodeTabs *m_central = nullptr;
    PropertyEditor *m_properties = nullptr;
    QDockWidget *m_propertiesDock = nullptr;
    QDockWidget *m_projectDock = nullptr;
    QDockWidget *m_paletteDock = nullptr;
    QDockWidget *m_runDock = nullptr;
    QDockWidget *m_logsDock = nullptr;
    LogConsole *m_logConsole = nullptr;
    QDockWidget *m_collectionDock = nullptr;
    CollectionPanel *m_collectionPanel = nullptr;
    QDockWidget *m_eventsDock = nullptr;
    EventsPanel *m_eventsPanel = nullptr;
    QDockWidget *m_bucketsDock = nullptr;
    BucketsPanel *m_bucketsPanel = nullptr;
    QDockWidget *m_triggersDock = nullptr;
    MetricsView *m_metricsView = nullptr;
    CostView *m_costView = nullptr;
    QDockWidget *m_metricsDock = nullptr;
    QDockWidget *m_costDock = nullptr;
    CloudRunner *m_runner = nullptr;
    LiveStatus *m_live = nullptr;
    RunPanel *m_runPanel = nullptr;
    LoadTestDialog *m_loadTest = nullptr;
    RequestHistory *m_requestHistory = nullptr;
    QTimer *m_reloadDelay = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_stopAction = nullptr;
    QDockWidget *m_diagnosticsDock = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_addFunctionAction = nullptr;
    QAction *m_exportAction = nullptr;
    bool m_syncingSelection = false;
};

} // namespace gatehouse
