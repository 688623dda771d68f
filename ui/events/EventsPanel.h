// The Events dock: invoke one of the project's functions with a test event, as the Lambda console's
// Test tab does. The event starts from a template (the ones `gatehouse generate-event` prints) or a
// saved event of that function, is edited as JSON (checked as you type), and is sent through the
// running local cloud's invoker synchronously (Invoke) or as an Event (Invoke async); the cloud is
// started first when it is stopped. The result, its figures and its log lines are shown beside it.
#pragma once

#include "invoker/Invocation.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace gatehouse {

class CloudRunner;
class CloudStartGate;
class CodeEditor;
class InvocationResultView;
class ProjectDocument;

class EventsPanel : public QWidget {
    Q_OBJECT
public:
    EventsPanel(ProjectDocument *document, CloudRunner *runner, QWidget *parent = nullptr);

    // MainWindow connects its startRequested to the Run action.
    CloudStartGate *startGate() const { return m_gate; }
    QComboBox *functionBox() const { return m_function; }
    QComboBox *templateBox() const { return m_template; }
    QComboBox *savedBox() const { return m_saved; }
    CodeEditor *editor() const { return m_editor; }
    QPushButton *invokeButton() const { return m_invoke; }
    QPushButton *invokeAsyncButton() const { return m_invokeAsync; }
    QToolButton *saveButton() const { return m_save; }
    QToolButton *deleteButton() const { return m_delete; }
    InvocationResultView *resultView() const { return m_result; }
    // Why the event cannot be sent ("Line 2, column 5: …"), or empty.
    QString jsonError() const;
    QString notice() const;

    void invoke(InvokeOptions::Type type);
    void saveEvent();
    void deleteEvent();
    // Replaces the editor's text with the chosen template for the chosen function.
    void applyTemplate();

signals:
    void showInLogsRequested(const QString &requestId);

private:
    void refreshFunctions();
    void refreshSaved();
    void loadSaved(const QString &name);
    void validate();
    QString checkJson(const QByteArray &text) const;
    void send(const QString &function, const QByteArray &payload, InvokeOptions::Type type);
    void finish(const InvocationResult &result);
    void setNotice(const QString &text, bool error);
    void updateButtons();

    ProjectDocument *m_document;
    CloudRunner *m_runner;
    CloudStartGate *m_gate;
    QComboBox *m_function;
    QComboBox *m_template;
    QComboBox *m_saved;
    QToolButton *m_save;
    QToolButton *m_delete;
    CodeEditor *m_editor;
    QLabel *m_jsonError;
    QPushButton *m_invoke;
    QPushButton *m_invokeAsync;
    QLabel *m_notice;
    InvocationResultView *m_result;
    // Checks the JSON a moment after the last keystroke, not on every key.
    QTimer m_validateDelay;
    // The invocation whose result is awaited (an Event's arrives as CloudRunner::invocationFinished);
    // a newer invocation or a stop makes older callbacks stale.
    QString m_awaitedRequestId;
    bool m_awaiting = false;
    quint64 m_generation = 0;
};

} // namespace gatehouse
