#include "ProjectForm.h"

#include <QComboBox>
#include <QFormLayout>
#include <QSpinBox>

namespace gatehouse {

ProjectForm::ProjectForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : EntityForm(document, undoStack, parent) {
    QFormLayout *general = addSection({});
    addName(general, tr("Name"), lens(&Project::name), [](const Project &) { return QStringList(); });
    addText(general, tr("Description"), QStringLiteral("description"), lens(&Project::description));

    QFormLayout *account = addSection(tr("Simulated account"));
    addText(account, tr("Region"), QStringLiteral("settings.region"),
            lens([](auto &p) -> auto & { return p.settings.region; }), tr("e.g. us-east-1"));
    addText(account, tr("Account ID"), QStringLiteral("settings.accountId"),
            lens([](auto &p) -> auto & { return p.settings.accountId; }), tr("12 digits"));
    addCombo(account, tr("Billing granularity"), QStringLiteral("settings.billingGranularity"),
             lens([](auto &p) -> auto & { return p.settings.billingGranularity; }), [](const Project &) {
                 return QList<Choice>{{tr("1 ms (AWS since December 2020)"), QStringLiteral("1ms")},
                                      {tr("100 ms (classic billing)"), QStringLiteral("100ms")}};
             });

    QFormLayout *engine = addSection(tr("Local engine"));
    addSpin(engine, tr("Concurrency limit"), QStringLiteral("settings.concurrencyLimit"),
            lens([](auto &p) -> auto & { return p.settings.concurrencyLimit; }),
            {1, 1000, 1, tr(" environments"), {}})
        ->setToolTip(tr("How many execution environments may run at once across the project"));
    addSpin(engine, tr("Idle environments kept"), QStringLiteral("settings.idleEnvironmentSeconds"),
            lens([](auto &p) -> auto & { return p.settings.idleEnvironmentSeconds; }),
            {1, 86400, 30, tr(" s"), {}})
        ->setToolTip(tr("A warm environment that has been idle this long is shut down"));
    addSpin(engine, tr("Async retry delay"), QStringLiteral("settings.asyncRetryDelaySeconds"),
            lens([](auto &p) -> auto & { return p.settings.asyncRetryDelaySeconds; }),
            {0, 3600, 5, tr(" s"), {}})
        ->setToolTip(tr("The wait before the first retry of a failed asynchronous invocation; the second "
                        "waits twice as long. Lambda waits 60 s; a few seconds suit local work."));
}

} // namespace gatehouse
