// The Collection dock: the project's saved requests (method, name, URL, how many assertions) and
// "Run collection" / "Run selected", which send them through the engine's CollectionRunner (as
// `gatehouse test` does) against the local cloud, starting it first when it is stopped. Each request
// shows pass or fail with its status and time, failing assertions say what was expected and what
// came back, and a summary line counts them like the CLI's "N passed, M failed". Requests can be
// duplicated and deleted (undoable), and a double-click asks for the request to be opened.
#pragma once

#include "testing/CollectionRunner.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoStack;

namespace gatehouse {

class CloudRunner;
class CloudStartGate;
class ProjectDocument;

class CollectionPanel : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, MethodColumn, UrlColumn, AssertionsColumn, StatusColumn, TimeColumn };

    CollectionPanel(ProjectDocument *document, QUndoStack *undoStack, CloudRunner *runner,
                    QWidget *parent = nullptr);

    // MainWindow connects its startRequested to the Run action.
    CloudStartGate *startGate() const { return m_gate; }
    QTreeWidget *requestsView() const { return m_view; }
    QComboBox *environmentBox() const { return m_environment; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *runSelectedButton() const { return m_runSelected; }
    QPushButton *cancelButton() const { return m_cancel; }
    QString summary() const;
    bool isRunning() const;
    // The last outcome of the request at `index` in the project, if it ran as it is now.
    const testing::RequestOutcome *outcomeOf(int index) const;

    void runAll();
    void runSelected();
    void cancel();
    void duplicateRequest(int index);
    void deleteRequest(int index);

signals:
    // Double-click (or Open in the context menu) on the saved request at `index` in Project::requests.
    void openRequestRequested(int index);

private:
    struct Result {
        SavedRequest request; // as it was sent: an edited request no longer shows this result
        testing::RequestOutcome outcome;
    };

    void start(const QList<int> &indexes);
    void launch();
    void onRequestFinished(int runIndex);
    void onFinished();
    void rebuild();
    void fillRow(QTreeWidgetItem *item, int index);
    void refreshEnvironments(bool keepChoice);
    testing::VariableMap chosenEnvironment() const;
    void setSummary(const QString &text, int tone); // tone: 0 neutral, 1 all passed, -1 failures
    void updateButtons();
    void showContextMenu(const QPoint &position);
    int rowOf(const QTreeWidgetItem *item) const;
    QList<int> selectedRows() const;
    QColor toneColour(bool passed) const;

    ProjectDocument *m_document;
    QUndoStack *m_undoStack;
    CloudRunner *m_runner;
    CloudStartGate *m_gate;
    testing::CollectionRunner m_collection;
    QComboBox *m_environment;
    QPushButton *m_run;
    QPushButton *m_runSelected;
    QPushButton *m_cancel;
    QLabel *m_summary;
    QTreeWidget *m_view;
    QList<Result> m_results;
    // The run in progress (or waiting for the cloud): what is being sent, in order.
    QList<SavedRequest> m_runRequests;
    bool m_waitingForCloud = false;
};

} // namespace gatehouse
