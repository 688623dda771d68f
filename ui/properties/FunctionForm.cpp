#include "FunctionForm.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace gatehouse {

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

    QFormLayout *environment = addSection(tr("Environment variables"));
    addTable(environment, tr("Environment variables"), QStringLiteral("environment"),
             {{tr("Name"), QStringLiteral("name"), {}}, {tr("Value"), QStringLiteral("value"), {}}},
             nameValueTable(listOf(&Function::environment), QStringLiteral("NAME")), TableTitle::Hidden);
}

} // namespace gatehouse
