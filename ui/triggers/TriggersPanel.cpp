#include "TriggersPanel.h"

#include "DialogSeams.h"
#include "SendMessageDialog.h"
#include "cloud/CloudRunner.h"
#include "document/ProjectDocument.h"
#include "run/CloudStartGate.h"
#include "sources/sqs/SqsBroker.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

constexpr int kRefreshMs = 1000;

QTreeWidget *newTable(const QString &objectName, const QStringList &headers) {
    auto *table = new QTreeWidget;
    table->setObjectName(objectName);
    table->setRootIsDecorated(false);
    table->setUniformRowHeights(true);
    table->setHeaderLabels(headers);
    table->header()->setStretchLastSection(true);
    table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

// Today's times as the time of day (the column stays narrow), others with their date.
QString shortTimeText(const QDateTime &time) {
    if (!time.isValid()) return {};
    const QDateTime local = time.toLocalTime();
    return local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm:ss"))
                                                : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString timeText(const QDateTime &time) {
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

QTreeWidgetItem *findRow(QTreeWidget *table, const QString &name) {
    for (int i = 0; i < table->topLevelItemCount(); ++i)
        if (table->topLevelItem(i)->text(0) == name) return table->topLevelItem(i);
    return nullptr;
}

} // namespace

TriggersPanel::TriggersPanel(ProjectDocument *document, CloudRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_runner(runner)
    , m_gate(new CloudStartGate(runner, this))
    , m_stoppedBanner(new QWidget)
    , m_run(new QPushButton(tr("Run Project")))
    , m_status(new QLabel)
    , m_schedules(newTable(QStringLiteral("schedulesView"),
                           {tr("Schedule"), tr("Expression"), tr("State"), tr("Next run"), tr("Last run")}))
    , m_queues(newTable(QStringLiteral("queuesView"), {tr("Queue"), tr("Visible"), tr("In flight"),
                                                       tr("Delayed"), tr("DLQ"), tr("Trigger")}))
    , m_fireNow(new QPushButton(tr("Fire Now")))
    , m_pause(new QPushButton(tr("Pause")))
    , m_sendMessage(new QPushButton(tr("Send Message\u2026")))
    , m_purge(new QPushButton(tr("Purge"))) {
    m_run->setObjectName(QStringLiteral("runButton"));
    m_status->setObjectName(QStringLiteral("triggersStatus"));
    m_fireNow->setObjectName(QStringLiteral("fireNowButton"));
    m_fireNow->setToolTip(tr("Run the selected schedule now with the current time as the event's time"));
    m_pause->setObjectName(QStringLiteral("pauseButton"));
    m_pause->setToolTip(
        tr("Pause or resume the selected schedule for this run (the project is not changed)"));
    m_sendMessage->setObjectName(QStringLiteral("sendMessageButton"));
    m_purge->setObjectName(QStringLiteral("purgeButton"));
    m_purge->setToolTip(tr("Delete every message in the selected queue"));
    m_queues->headerItem()->setToolTip(QueueDlq, tr("Dead-letter queue"));

    auto *bannerLayout = new QHBoxLayout(m_stoppedBanner);
    bannerLayout->setContentsMargins(0, 0, 0, 0);
    auto *stoppedText = new QLabel(tr("The local cloud is not running: schedules do not fire and queues hold "
                                      "no messages."));
    stoppedText->setWordWrap(true);
    bannerLayout->addWidget(stoppedText, 1);
    bannerLayout->addWidget(m_run);
    connect(m_run, &QPushButton::clicked, this, [this] { m_gate->whenRunning([this] { refresh(); }); });
    connect(m_gate, &CloudStartGate::failed, m_status, &QLabel::setText);

    auto *scheduleBox = new QWidget;
    auto *scheduleLayout = new QVBoxLayout(scheduleBox);
    scheduleLayout->setContentsMargins(0, 0, 0, 0);
    auto *scheduleButtons = new QHBoxLayout;
    scheduleButtons->addWidget(new QLabel(tr("<b>Schedules</b>")));
    scheduleButtons->addStretch();
    scheduleButtons->addWidget(m_fireNow);
    scheduleButtons->addWidget(m_pause);
    scheduleLayout->addLayout(scheduleButtons);
    scheduleLayout->addWidget(m_schedules);

    auto *queueBox = new QWidget;
    auto *queueLayout = new QVBoxLayout(queueBox);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    auto *queueButtons = new QHBoxLayout;
    queueButtons->addWidget(new QLabel(tr("<b>Queues</b>")));
    queueButtons->addStretch();
    queueButtons->addWidget(m_sendMessage);
    queueButtons->addWidget(m_purge);
    queueLayout->addLayout(queueButtons);
    queueLayout->addWidget(m_queues);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(scheduleBox);
    splitter->addWidget(queueBox);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stoppedBanner);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);

    connect(m_fireNow, &QPushButton::clicked, this, &TriggersPanel::fireNow);
    connect(m_pause, &QPushButton::clicked, this, &TriggersPanel::togglePause);
    connect(m_sendMessage, &QPushButton::clicked, this, &TriggersPanel::sendMessage);
    connect(m_purge, &QPushButton::clicked, this, &TriggersPanel::purge);
    connect(m_schedules, &QTreeWidget::currentItemChanged, this, &TriggersPanel::updateButtons);
    connect(m_queues, &QTreeWidget::currentItemChanged, this, &TriggersPanel::updateButtons);

    connect(m_document, &ProjectDocument::changed, this, &TriggersPanel::rebuildRows);
    connect(m_document, &ProjectDocument::projectReplaced, this, [this] {
        m_lastRuns.clear();
        rebuildRows();
    });
    connect(m_runner, &CloudRunner::stateChanged, this, &TriggersPanel::onStateChanged);
    connect(m_runner, &CloudRunner::scheduleFired, this,
            [this](const QString &schedule, const QString &requestId, const QDateTime &) {
                setLastRun(schedule, tr("running (%1)").arg(requestId.left(8)));
            });
    connect(m_runner, &CloudRunner::scheduleSkipped, this,
            [this](const QString &schedule, int missedTicks, const QString &reason) {
                setLastRun(schedule, tr("skipped %n tick(s): %1", nullptr, missedTicks).arg(reason));
            });
    connect(m_runner, &CloudRunner::scheduleRunFinished, this,
            [this](const QString &schedule, const InvocationResult &result) {
                setLastRun(schedule, result.succeeded()
                                         ? tr("succeeded (%1 ms)").arg(qRound(result.durationMs))
                                         : tr("failed: %1")
                                               .arg(result.errorMessage.isEmpty() ? result.errorType
                                                                                  : result.errorMessage));
            });

    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &TriggersPanel::refresh);
    rebuildRows();
    onStateChanged();
}

void TriggersPanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    onStateChanged();
}

void TriggersPanel::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    m_timer.stop();
}

void TriggersPanel::onStateChanged() {
    const bool running = m_runner->isRunning();
    m_stoppedBanner->setVisible(!running);
    m_run->setEnabled(m_runner->state() == CloudRunner::State::Stopped);
    if (running && isVisible())
        m_timer.start();
    else
        m_timer.stop();
    if (running) {
        m_status->clear();
        refresh();
    } else {
        m_enabled.clear();
        rebuildRows(); // counts and next times are the running cloud's: blank them
    }
    updateButtons();
}

void TriggersPanel::rebuildRows() {
    const Project &project = m_document->project();
    const QString schedule = selectedSchedule();
    const QString queue = selectedQueue();
    m_schedules->clear();
    for (const Schedule &s : project.schedules) {
        auto *item = new QTreeWidgetItem(m_schedules, {s.name, s.expression});
        item->setToolTip(ScheduleExpression, s.timezone.isEmpty() ? tr("UTC") : s.timezone);
        if (!s.enabled) item->setText(ScheduleState, tr("disabled in project"));
        showLastRun(item, m_lastRuns.value(s.name));
        if (s.name == schedule) m_schedules->setCurrentItem(item);
    }
    m_queues->clear();
    for (const Queue &q : project.queues) {
        auto *item = new QTreeWidgetItem(m_queues, {q.name});
        for (int column : {QueueVisible, QueueInFlight, QueueDelayed})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        // The redrive's receive count goes in the tip: the column stays as narrow as the queue name.
        item->setText(QueueDlq, q.deadLetterQueue);
        if (!q.deadLetterQueue.isEmpty())
            item->setToolTip(
                QueueDlq,
                tr("Moved to %1 after %n receive(s)", nullptr, q.maxReceiveCount).arg(q.deadLetterQueue));
        if (q.trigger)
            item->setText(QueueTrigger, q.trigger->enabled ? q.trigger->function
                                                           : tr("%1 (disabled)").arg(q.trigger->function));
        if (q.name == queue) m_queues->setCurrentItem(item);
    }
    if (m_runner->isRunning()) {
        showQueueCounts();
        refresh();
    }
    updateButtons();
}

void TriggersPanel::refresh() {
    if (!m_runner->isRunning()) return;
    showQueueCounts();
    m_runner->runningSchedules(this,
                               [this](const QList<RunningSchedule> &schedules) { showSchedules(schedules); });
}

void TriggersPanel::showSchedules(const QList<RunningSchedule> &schedules) {
    m_enabled.clear();
    for (const RunningSchedule &schedule : schedules) {
        m_enabled.insert(schedule.name, schedule.enabled);
        QTreeWidgetItem *item = findRow(m_schedules, schedule.name);
        if (!item) continue;
        item->setText(ScheduleState, schedule.busy      ? tr("running")
                                     : schedule.enabled ? tr("enabled")
                                                        : tr("paused"));
        item->setText(ScheduleNext, shortTimeText(schedule.next));
        item->setToolTip(ScheduleNext,
                         schedule.next.isValid()
                             ? tr("%1 local time\n%2 UTC")
                                   .arg(timeText(schedule.next),
                                        schedule.next.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                             : QString());
    }
    // Schedules the engine left out (an expression that does not parse) say so.
    for (int i = 0; i < m_schedules->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_schedules->topLevelItem(i);
        if (!m_enabled.contains(item->text(ScheduleName))) item->setText(ScheduleState, tr("not running"));
    }
    updateButtons();
}

void TriggersPanel::showQueueCounts() {
    sqs::SqsBroker *broker = m_runner->queueBroker();
    for (int i = 0; i < m_queues->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_queues->topLevelItem(i);
        const std::optional<sqs::SqsQueue::Counts> counts =
            broker ? broker->counts(item->text(QueueName)) : std::nullopt;
        item->setText(QueueVisible, counts ? QString::number(counts->visible) : QString());
        item->setText(QueueInFlight, counts ? QString::number(counts->inFlight) : QString());
        item->setText(QueueDelayed, counts ? QString::number(counts->delayed) : QString());
    }
}

void TriggersPanel::updateButtons() {
    const bool running = m_runner->isRunning();
    const QString schedule = selectedSchedule();
    const bool known = running && m_enabled.contains(schedule);
    m_fireNow->setEnabled(known);
    m_pause->setEnabled(known);
    m_pause->setText(known && !m_enabled.value(schedule) ? tr("Resume") : tr("Pause"));
    const bool queue = running && !selectedQueue().isEmpty();
    m_sendMessage->setEnabled(queue);
    m_purge->setEnabled(queue);
}

QString TriggersPanel::selectedSchedule() const {
    const QTreeWidgetItem *item = m_schedules->currentItem();
    return item ? item->text(ScheduleName) : QString();
}

QString TriggersPanel::selectedQueue() const {
    const QTreeWidgetItem *item = m_queues->currentItem();
    return item ? item->text(QueueName) : QString();
}

void TriggersPanel::setLastRun(const QString &schedule, const QString &text) {
    m_lastRuns.insert(schedule, {QDateTime::currentDateTime(), text});
    if (QTreeWidgetItem *item = findRow(m_schedules, schedule)) showLastRun(item, m_lastRuns.value(schedule));
    refresh();
}

void TriggersPanel::showLastRun(QTreeWidgetItem *item, const LastRun &last) {
    // The time of day keeps the column short; the whole text (an error message can be long) is the tip.
    item->setText(ScheduleLast, last.text.isEmpty() ? QString()
                                                    : last.time.toString(QStringLiteral("HH:mm:ss")) +
                                                          QStringLiteral("  ") + last.text);
    item->setToolTip(ScheduleLast,
                     last.text.isEmpty() ? QString() : timeText(last.time) + QLatin1Char('\n') + last.text);
}

void TriggersPanel::fireNow() {
    const QString schedule = selectedSchedule();
    if (schedule.isEmpty()) return;
    m_runner->fireSchedule(schedule, this, [this, schedule](const QString &requestId, const QString &error) {
        m_status->setText(requestId.isEmpty() ? error : tr("%1 fired: request %2").arg(schedule, requestId));
        refresh();
    });
}

void TriggersPanel::togglePause() {
    const QString schedule = selectedSchedule();
    if (!m_enabled.contains(schedule)) return;
    const bool enable = !m_enabled.value(schedule);
    m_runner->setScheduleEnabled(schedule, enable);
    m_enabled.insert(schedule, enable); // shown at once; the next refresh confirms it
    m_status->setText(
        enable ? tr("%1 resumed for this run.").arg(schedule)
               : tr("%1 paused for this run; the project still says it is enabled.").arg(schedule));
    updateButtons();
    refresh();
}

void TriggersPanel::sendMessage() {
    const QString queue = selectedQueue();
    if (queue.isEmpty()) return;
    SendMessageDialog dialog(queue, this);
    if (DialogSeams::exec(dialog) != QDialog::Accepted) return;
    sqs::Message message;
    message.body = dialog.body();
    if (const std::optional<QString> error = dialog.attributes(&message.attributes)) {
        m_status->setText(*error);
        return;
    }
    message.senderId = QStringLiteral("AIDAGATEHOUSESTUDIO");
    sqs::SqsBroker *broker = m_runner->queueBroker();
    QString messageId;
    if (!broker || !broker->send(queue, std::move(message), dialog.delaySeconds(), &messageId)) {
        m_status->setText(
            tr("The queue %1 is not running; run the project again after adding it.").arg(queue));
        return;
    }
    m_status->setText(tr("Sent message %1 to %2.").arg(messageId, queue));
    showQueueCounts();
}

void TriggersPanel::purge() {
    const QString queue = selectedQueue();
    if (queue.isEmpty()) return;
    if (DialogSeams::question(this, tr("Purge Queue"), tr("Delete every message in %1?").arg(queue),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    sqs::SqsBroker *broker = m_runner->queueBroker();
    if (broker && broker->purge(queue)) m_status->setText(tr("Purged %1.").arg(queue));
    showQueueCounts();
}

} // namespace gatehouse
