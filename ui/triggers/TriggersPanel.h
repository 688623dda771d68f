// The Triggers dock: the running cloud's schedules (expression, on/off for this run, next fire time,
// last run) with "Fire now" and pause/resume, and its queues (visible, in-flight and delayed message
// counts, dead-letter queue, trigger function) with "Send message…" and "Purge". Counts are read on
// a timer only while the dock is visible and the cloud runs; when it does not, the dock says so and
// offers to run it (through CloudStartGate, as the Collection and Events docks do).
#pragma once

#include "invoker/Invocation.h"

#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace gatehouse {

class CloudRunner;
class CloudStartGate;
class ProjectDocument;
struct RunningSchedule;

class TriggersPanel : public QWidget {
    Q_OBJECT
public:
    enum ScheduleColumn { ScheduleName, ScheduleExpression, ScheduleState, ScheduleNext, ScheduleLast };
    enum QueueColumn { QueueName, QueueVisible, QueueInFlight, QueueDelayed, QueueDlq, QueueTrigger };

    TriggersPanel(ProjectDocument *document, CloudRunner *runner, QWidget *parent = nullptr);

    // MainWindow connects its startRequested to the Run action.
    CloudStartGate *startGate() const { return m_gate; }
    QTreeWidget *schedulesView() const { return m_schedules; }
    QTreeWidget *queuesView() const { return m_queues; }
    QPushButton *fireNowButton() const { return m_fireNow; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *sendMessageButton() const { return m_sendMessage; }
    QPushButton *purgeButton() const { return m_purge; }
    QPushButton *runButton() const { return m_run; }

    // Reads the running cloud's state now (the timer does it every second while visible).
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct LastRun {
        QDateTime time; // local display of when it started or ended
        QString text;
    };

    void onStateChanged();
    void rebuildRows(); // the project's schedules and queues, keeping the selection
    void showSchedules(const QList<RunningSchedule> &schedules);
    void showQueueCounts();
    void updateButtons();
    QString selectedSchedule() const;
    QString selectedQueue() const;
    void fireNow();
    void togglePause();
    void sendMessage();
    void purge();
    void setLastRun(const QString &schedule, const QString &text);
    static void showLastRun(QTreeWidgetItem *item, const LastRun &last);

    ProjectDocument *m_document;
    CloudRunner *m_runner;
    CloudStartGate *m_gate;
    QWidget *m_stoppedBanner;
    QPushButton *m_run;
    QLabel *m_status;
    QTreeWidget *m_schedules;
    QTreeWidget *m_queues;
    QPushButton *m_fireNow;
    QPushButton *m_pause;
    QPushButton *m_sendMessage;
    QPushButton *m_purge;
    QTimer m_timer;
    QHash<QString, bool> m_enabled; // schedule → on for this run, as last read
    QHash<QString, LastRun> m_lastRuns;
};

} // namespace gatehouse
