// Gatehouse's main window: the project tree and diagnostics docks around a central overview (where
// the canvas designer will go), the menus, and the window title bound to the document's state.
#pragma once

#include "document/EntityRef.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QStackedWidget;
class QUndoStack;

namespace gatehouse {

class DiagnosticsModel;
class DiagnosticsSummary;
class DiagnosticsView;
class OverviewPage;
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
    // Makes the project tree show and select `ref` (used by the diagnostics panel).
    bool revealEntity(const EntityRef &ref);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createDocks();
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createToolsMenu();
    void createHelpMenu();
    void updateTitle();
    void updateEditActions();
    void updateFileActions();
    void showPreferences();
    void showAbout();

    ProjectSession *m_session;
    ProjectTreeModel *m_treeModel = nullptr;
    ProjectTreeView *m_tree = nullptr;
    DiagnosticsModel *m_diagnosticsModel = nullptr;
    DiagnosticsView *m_diagnosticsView = nullptr;
    DiagnosticsSummary *m_summary = nullptr;
    OverviewPage *m_overview = nullptr;
    QStackedWidget *m_central = nullptr;
    QDockWidget *m_projectDock = nullptr;
    QDockWidget *m_diagnosticsDock = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_addFunctionAction = nullptr;
    QAction *m_exportAction = nullptr;
};

} // namespace gatehouse
