#include "FunctionForm.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace gatehouse {

namespace {

// A destination as one combo value: "queue:NAME", "function:NAME" or "" for none.
QString destinationValue(const AsyncDestination &d) {
    if (!d.queue.isEmpty()) return QStringLiteral("queue:") + d.queue;
    if (!d.function.isEmpty()) return QStringLiteral("function:") + d.function;
    return {};
}

AsyncDestination destinationFrom(const QString &value, const AsyncDestination &before) {
    AsyncDestination d;
    d.unknown = before.unknown;
    if (value.startsWith(QLatin1String("queue:")))
        d.queue = value.mid(6);
    else if (value.startsWith(QLatin1String("function:")))
        d.function = value.mid(9);
    return d;
}

} // namespace

QStringList FunctionForm::runtimes() {
    return {QStringLiteral("javascript"),      QStringLiteral("nodejs22.x"),   QStringLiteral("nodejs20.x"),
            QStringLiteral("nodejs18.x"),      QStringLiteral("python3.13"),   QStringLiteral("python3.12"),
            QStringLiteral("python3.11"),      QStringLiteral("python3.10"),   QStringLiteral("python3.9"),
            QStringLiteral("provided.al2023"), QStringLiteral("provided.al2"), QStringLiteral("provided")};
}

FunctionForm::FunctionForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : EntityForm(document, undoStack, parent) {
    QFormLayout *general = addSection({});
    addName(general, tr("Name"), lens(&Function::name), siblingNames());
    addText(general, tr("Description"), QStringLiteral("description"), lens(&Function::description));

    QFormLayout *code = addSection(tr("Code"));
    QList<Choice> runtimeChoices;
    for (const QString &runtime : runtimes())
        runtimeChoices.append(
            {runtime == QLatin1String("javascript") ? tr("javascript (embedded)") : runtime, runtime});
    addCombo(code, tr("Runtime"), QStringLiteral("runtime"), lens(&Function::runtime),
             [runtimeChoices](const Project &) { return runtimeChoices; });
    addText(code, tr("Handler"), QStringLiteral("handler"), lens(&Function::handler),
            tr("file.function, e.g. index.handler"));
    addText(code, tr("Code folder"), QStringLiteral("codeUri"), lens(&Function::codeUri),
            tr("relative to the project folder"));

    // Lambda quotas (gettingstarted-limits.html): 128 to 10,240 MB in 1 MB steps, 900 s at most.
    QFormLayout *limits = addSection(tr("Limits"));
    QSpinBox *memory = addSpin(limits, tr("Memory"), QStringLiteral("memoryMB"), lens(&Function::memoryMB),
                               {128, 10240, 64, tr(" MB"), {}});
    memory->setToolTip(tr("128 to 10,240 MB in 1 MB steps; the arrows move by 64 MB. "
                          "Lambda gives a function one vCPU at 1,769 MB."));
    addSpin(limits, tr("Timeout"), QStringLiteral("timeoutSeconds"), lens(&Function::timeoutSeconds),
            {1, 900, 1, tr(" s"), {}})
        ->setToolTip(tr("1 to 900 seconds (15 minutes)"));
    addCombo(limits, tr("Architecture"), QStringLiteral("architecture"), lens(&Function::architecture),
             fixedChoices({QStringLiteral("x86_64"), QStringLiteral("arm64")}));
    addOptionalNumber(limits, tr("Reserved concurrency"), QStringLiteral("reservedConcurrency"),
                      asOptionalDouble(lens(&Function::reservedConcurrency)), tr("Reserve"),
                      {0, 1000, 1, 0, {}, 1})
        ->setToolTip(
            tr("Environments kept for this function alone, and its maximum; 0 throttles every call."));

    // Lambda's asynchronous invocation settings (PutFunctionEventInvokeConfig) and DeadLetterConfig.
    QFormLayout *async = addSection(tr("Asynchronous invocation"));
    addOptionalNumber(
        async, tr("Retry attempts"), QStringLiteral("asyncInvoke.maximumRetryAttempts"),
        asOptionalDouble(lens([](auto &f) -> auto & { return f.asyncInvoke.maximumRetryAttempts; })),
        tr("Limit"), {0, 2, 1, 0, {}, 2})
        ->setToolTip(tr("Retries after a function error: 0 to 2 (Lambda's default is 2)."));
    addOptionalNumber(
        async, tr("Maximum event age"), QStringLiteral("asyncInvoke.maximumEventAgeSeconds"),
        asOptionalDouble(lens([](auto &f) -> auto & { return f.asyncInvoke.maximumEventAgeSeconds; })),
        tr("Limit"), {60, 21600, 60, 0, tr(" s"), 21600})
        ->setToolTip(tr("60 s to 6 hours (21,600 s, the default): older events are discarded unrun."));
    const auto destinationChoices = [this](const Project &project) {
        QList<Choice> choices{{tr("(none)"), QString()}};
        for (const Queue &q : project.queues)
            choices.append({tr("Queue %1").arg(q.name), QStringLiteral("queue:") + q.name});
        for (const Function &other : project.functions)
            if (&other != &entity(project))
                choices.append({tr("Function %1").arg(other.name), QStringLiteral("function:") + other.name});
        return choices;
    };
    const auto destinationLens = [this](AsyncDestination AsyncInvokeConfig::*member) {
        return lens<QString>([member](const Function &f) { return destinationValue(f.asyncInvoke.*member); },
                             [member](Function &f, const QString &value) {
                                 f.asyncInvoke.*member = destinationFrom(value, f.asyncInvoke.*member);
                             });
    };
    addCombo(async, tr("On success"), QStringLiteral("asyncInvoke.onSuccess"),
             destinationLens(&AsyncInvokeConfig::onSuccess), destinationChoices)
        ->setToolTip(tr("Receives the invocation record of each event the function handled."));
    addCombo(async, tr("On failure"), QStringLiteral("asyncInvoke.onFailure"),
             destinationLens(&AsyncInvokeConfig::onFailure), destinationChoices)
        ->setToolTip(tr("Receives the invocation record of each event that failed every attempt or "
                        "grew too old."));
    addCombo(async, tr("Dead-letter queue"), QStringLiteral("deadLetterQueue"),
             lens(&Function::deadLetterQueue),
             [this](const Project &project) {
                 QList<Choice> choices{{tr("(none)"), QString()}};
                 for (const Queue &q : project.queues)
                     choices.append({q.name, q.name});
                 return choices;
             })
        ->setToolTip(tr("Receives the bare event of each event that failed every attempt."));

    QFormLayout *environment = addSection(tr("Environment variables"));
    addTable(environment, tr("Environment variables"), QStringLiteral("environment"),
             {{tr("Name"), QStringLiteral("name"), {}}, {tr("Value"), QStringLiteral("value"), {}}},
             nameValueTable(listOf(&Function::environment), QStringLiteral("NAME")), TableTitle::Hidden);
}

} // namespace gatehouse
