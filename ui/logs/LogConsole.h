// The log console dock: the engine's log lines in a virtualised table with a filter bar (source,
// level, request id, text or regular expression), follow-tail, clear, and export of what the filter
// shows. Clicking a request id narrows the view to that request: its invocation's START..REPORT lines
// and the API's access-log line.
#pragma once

#include "LogExport.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace gatehouse {

class LogStore;
class LogTableModel;

class LogConsole : public QWidget {
    Q_OBJECT
public:
    explicit LogConsole(QWidget *parent = nullptr);

    // The running cloud's store (CloudRunner::logs()), or null when it stops: the lines shown stay.
    // Detach as soon as CloudRunner::stateChanged leaves Running, not on `stopped`: by then the cloud,
    // and its store, have been deleted on the cloud's thread. Wiring:
    //   connect(runner, &CloudRunner::stateChanged, console, [=](CloudRunner::State state) {
    //       console->setLogStore(state == CloudRunner::State::Running ? runner->logs() : nullptr); });
    void setLogStore(LogStore *store);

    // Narrows the view to one request, as clicking its id does (the events panel's "Show in Logs").
    void showRequest(const QString &requestId);

    LogTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    void buildFilterBar();
    void applyFilter();
    void refreshSources();
    void updateCount();
    void exportLines(LogExportFormat format);
    bool isAtBottom() const;

    LogTableModel *m_model;
    QTableView *m_view;
    QComboBox *m_source;
    QComboBox *m_level;
    QLineEdit *m_requestId;
    QLineEdit *m_text;
    QToolButton *m_regex;
    QToolButton *m_follow;
    QToolButton *m_clear;
    QToolButton *m_export;
    QLabel *m_error;
    QLabel *m_count;
    // Typing in the text field filters after a pause, not on every key: a million lines take a while.
    QTimer m_textDelay;
    bool m_wasAtBottom = true;
};

} // namespace gatehouse
