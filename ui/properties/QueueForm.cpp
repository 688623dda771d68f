#include "QueueForm.h"

#include <QFormLayout>
#include <QSpinBox>

namespace gatehouse {

namespace {
const QStringList kTriggerKeys = {QStringLiteral("trigger.function"), QStringLiteral("trigger.batchSize"),
                                  QStringLiteral("trigger.maximumBatchingWindowSeconds"),
                                  QStringLiteral("trigger.reportBatchItemFailures"),
                                  QStringLiteral("trigger.enabled")};

// A trigger field edits the trigger the queue has; the "Invoke a function" box creates or drops it.
template <typename V>
Lens<V> triggerLens(Lens<std::optional<QueueTrigger>> trigger, V QueueTrigger::*member) {
    return {[trigger, member](const Project &p) { return trigger.get(p).value_or(QueueTrigger{}).*member; },
            [trigger, member](Project &p, const V &value) {
                std::optional<QueueTrigger> edited = trigger.get(p);
                if (!edited) return;
                (*edited).*member = value;
                trigger.set(p, edited);
            }};
}
} // namespace

QueueForm::QueueForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : EntityForm(document, undoStack, parent) {
    // SQS limits (SetQueueAttributes): visibility 0 to 12 hours, retention 1 minute to 14 days.
    QFormLayout *general = addSection({});
    addName(general, tr("Name"), lens(&Queue::name), siblingNames());
    addCheck(general, {}, QStringLiteral("fifo"), lens(&Queue::fifo), tr("FIFO (ordered, exactly once)"));
    addSpin(general, tr("Visibility timeout"), QStringLiteral("visibilityTimeoutSeconds"),
            lens(&Queue::visibilityTimeoutSeconds), {0, 43200, 10, tr(" s"), {}});
    addSpin(general, tr("Retention"), QStringLiteral("messageRetentionSeconds"),
            lens(&Queue::messageRetentionSeconds), {60, 1209600, 3600, tr(" s"), {}})
        ->setToolTip(tr("60 s to 1,209,600 s (14 days); the default is 345,600 s (4 days)."));

    QFormLayout *redrive = addSection(tr("Dead-letter queue"));
    addCombo(redrive, tr("Queue"), QStringLiteral("deadLetterQueue"), lens(&Queue::deadLetterQueue),
             [this](const Project &project) {
                 QList<Choice> choices{{tr("(none)"), QString()}};
                 for (const Queue &q : project.queues)
                     if (&q != &entity(project)) choices.append({q.name, q.name});
                 return choices;
             });
    addSpin(redrive, tr("Max receives"), QStringLiteral("maxReceiveCount"), lens(&Queue::maxReceiveCount),
            {1, 1000, 1, {}, {}})
        ->setToolTip(tr("Receives before a message moves to the dead-letter queue"));

    QFormLayout *trigger = addSection(tr("Trigger"));
    const Lens<std::optional<QueueTrigger>> triggerOf = lens(&Queue::trigger);
    addCheck(trigger, {}, QStringLiteral("trigger"),
             Lens<bool>{[triggerOf](const Project &p) { return triggerOf.get(p).has_value(); },
                        [triggerOf](Project &p, const bool &on) {
                            triggerOf.set(p, on ? std::optional<QueueTrigger>(QueueTrigger{}) : std::nullopt);
                        }},
             tr("Invoke a function with the messages"));
    addCombo(trigger, tr("Function"), kTriggerKeys[0], triggerLens(triggerOf, &QueueTrigger::function),
             functionChoices());
    addSpin(trigger, tr("Batch size"), kTriggerKeys[1], triggerLens(triggerOf, &QueueTrigger::batchSize),
            {1, 10000, 1, tr(" messages"), {}});
    addSpin(trigger, tr("Batching window"), kTriggerKeys[2],
            triggerLens(triggerOf, &QueueTrigger::maximumBatchingWindowSeconds), {0, 300, 1, tr(" s"), {}});
    addCheck(trigger, {}, kTriggerKeys[3], triggerLens(triggerOf, &QueueTrigger::reportBatchItemFailures),
             tr("Report batch item failures"));
    addCheck(trigger, {}, kTriggerKeys[4], triggerLens(triggerOf, &QueueTrigger::enabled), tr("Enabled"));
}

void QueueForm::updateVisibility(const Project &project) {
    const bool triggered = entity(project).trigger.has_value();
    for (const QString &key : kTriggerKeys)
        setFieldVisible(key, triggered);
}

} // namespace gatehouse
