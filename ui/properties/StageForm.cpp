#include "StageForm.h"

#include <QFormLayout>
#include <QLineEdit>

namespace gatehouse {

StageForm::StageForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : EntityForm(document, undoStack, parent) {
    QFormLayout *general = addSection({});
    addName(general, tr("Name"), lens(&Stage::name), siblingNames())
        ->setPlaceholderText(tr("dev, prod, or $default"));
    addText(general, tr("Access log format"), QStringLiteral("accessLogFormat"),
            lens(&Stage::accessLogFormat), tr("$context variables; empty: no access log"));

    QFormLayout *variables = addSection(tr("Stage variables"));
    addTable(variables, tr("Variables"), QStringLiteral("variables"),
             {{tr("Name"), QStringLiteral("name"), {}}, {tr("Value"), QStringLiteral("value"), {}}},
             nameValueTable(listOf(&Stage::variables), QStringLiteral("name")), TableTitle::Hidden);

    QFormLayout *throttling = addSection(tr("Throttling"));
    addThrottling(throttling, QStringLiteral("throttling"),
                  lens([](auto &s) -> auto & { return s.throttling.rateLimit; }),
                  lens([](auto &s) -> auto & { return s.throttling.burstLimit; }));
}

} // namespace gatehouse
