#include "PropertyForm.h"

#include "EntityAccess.h"
#include "EntityText.h"
#include "FormFields.h"
#include "commands/EditPropertyCommand.h"
#include "commands/RenameEntityCommand.h"
#include "document/ProjectDocument.h"
#include "document/ProjectEdits.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace gatehouse {

namespace {

// Scrolling a long form with the wheel must not change every spin box and combo box that passes
// under the pointer: an unfocused one hands the wheel to the scroll area around the form.
class WheelGuard : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override {
        auto *widget = qobject_cast<QWidget *>(watched);
        if (event->type() != QEvent::Wheel || !widget || widget->hasFocus()) return false;
        for (QWidget *w = widget->parentWidget(); w; w = w->parentWidget()) {
            if (auto *area = qobject_cast<QAbstractScrollArea *>(w)) {
                QCoreApplication::sendEvent(area->viewport(), event);
                return true;
            }
        }
        event->ignore();
        return true;
    }
};

bool pathStartsWith(const QString &path, const QString &key) {
    if (!path.startsWith(key)) return false;
    if (path.size() == key.size()) return true;
    const QChar next = path.at(key.size());
    return next == QLatin1Char('.') || next == QLatin1Char('[');
}

FieldProblem problemOf(const Diagnostic &d) {
    return {d.isError(), d.message, d.hint};
}

} // namespace

PropertyForm::PropertyForm(EntityKind kind, ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_document(document)
    , m_undoStack(undoStack)
    , m_ref{kind, -1, -1}
    , m_layout(new QVBoxLayout(this))
    , m_otherProblems(new QLabel(this)) {
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    m_otherProblems->setObjectName(QStringLiteral("entityProblems"));
    m_otherProblems->setWordWrap(true);
    m_otherProblems->setTextFormat(Qt::PlainText);
    m_otherProblems->hide();
    m_layout->addWidget(m_otherProblems);
}

PropertyForm::~PropertyForm() = default;

void PropertyForm::setEntity(const EntityRef &ref) {
    if (ref == m_ref) return;
    m_ref = ref;
    finishEditing();
    for (const auto &field : m_fields)
        field->clearLocalProblems();
}

QString PropertyForm::entityPath() const {
    return jsonPathOf(m_ref);
}

void PropertyForm::refresh() {
    const Project &project = m_document->project();
    if (!ProjectEdits::exists(project, m_ref)) return;
    if (m_labelWidth < 0) alignLabels();
    m_loading = true;
    for (const auto &field : m_fields)
        field->load(project);
    updateVisibility(project);
    updateExtras(project);
    m_loading = false;
    showDiagnostics(m_document->diagnostics());
}

void PropertyForm::updateVisibility(const Project &) {}
void PropertyForm::updateExtras(const Project &) {}

void PropertyForm::showDiagnostics(const Diagnostics &diagnostics) {
    const QString base = entityPath();
    QHash<Field *, QList<FieldProblem>> byField;
    QStringList others;
    bool otherErrors = false;
    for (const Diagnostic &d : diagnostics) {
        // Routes and stages have forms of their own, so an API's form leaves their diagnostics alone.
        if (!(entityRefFromJsonPath(d.path) == m_ref)) continue;
        const QString relative = base.isEmpty() ? d.path : d.path.mid(base.size() + 1);
        if (Field *field = d.path.size() > base.size() ? fieldForPath(relative) : nullptr) {
            byField[field].append(problemOf(d));
            continue;
        }
        // Nothing on screen shows this part (a hidden row, custom domains): list it above the form.
        others.append(QStringLiteral("\u2022 ") +
                      (relative.isEmpty() ? QString() : relative + QStringLiteral(": ")) +
                      (d.hint.isEmpty() ? d.message : tr("%1 \u2014 %2").arg(d.message, d.hint)));
        otherErrors = otherErrors || d.isError();
    }
    for (const auto &field : m_fields)
        field->setDiagnosticProblems(byField.value(field.get()));
    m_otherProblems->setText(others.join(QLatin1Char('\n')));
    QPalette palette = m_otherProblems->palette();
    palette.setColor(QPalette::WindowText, FieldFrame::problemColor(this->palette(), otherErrors));
    m_otherProblems->setPalette(palette);
    m_otherProblems->setVisible(!others.isEmpty());
}

Field *PropertyForm::fieldForPath(const QString &relativePath) const {
    Field *best = nullptr;
    for (const auto &field : m_fields) {
        if (!pathStartsWith(relativePath, field->key()) || !field->frame()->isVisibleTo(this)) continue;
        if (!best || field->key().size() > best->key().size()) best = field.get();
    }
    return best;
}

Field *PropertyForm::field(const QString &key) const {
    for (const auto &field : m_fields)
        if (field->key() == key) return field.get();
    return nullptr;
}

QWidget *PropertyForm::editor(const QString &key) const {
    Field *f = field(key);
    return f ? f->editor() : nullptr;
}

void PropertyForm::commit(const Field &field, const std::function<void(Project &)> &mutate) {
    if (!acceptsEdits() || !ProjectEdits::exists(m_document->project(), m_ref)) return;
    const Project before = m_document->project();
    Project after = before;
    mutate(after);
    if (after == before) return;
    const QString text =
        tr("Change \u201c%1\u201d of %2 \u201c%3\u201d")
            .arg(field.label(), EntityText::kindName(m_kind), ProjectEdits::nameOf(before, m_ref));
    // The key ties merging to this field of this entity in this editing session.
    const QString mergeKey = QStringLiteral("%1|%2|%3").arg(entityPath(), field.key()).arg(m_session);
    push(new EditPropertyCommand(m_document, before, after, text, mergeKey));
}

void PropertyForm::push(QUndoCommand *command) {
    if (m_detached) return delete command;
    if (m_undoStack) {
        m_undoStack->push(command);
    } else {
        command->redo();
        delete command;
    }
}

// ---- building

QFormLayout *PropertyForm::addSection(const QString &title) {
    auto *section = new QWidget(this);
    auto *column = new QVBoxLayout(section);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(4);
    if (!title.isEmpty()) {
        auto *heading = new QLabel(title, section);
        QFont bold = heading->font();
        bold.setBold(true);
        heading->setFont(bold);
        column->addWidget(heading);
    }
    auto *rows = new QFormLayout;
    rows->setRowWrapPolicy(QFormLayout::DontWrapRows); // see updateWrapping()
    rows->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    rows->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    rows->setHorizontalSpacing(12);
    rows->setVerticalSpacing(2);
    column->addLayout(rows);
    m_layout->addWidget(section);
    m_sections.insert(rows, section);
    return rows;
}

void PropertyForm::setSectionVisible(QFormLayout *section, bool visible) {
    if (QWidget *widget = m_sections.value(section)) widget->setVisible(visible);
}

void PropertyForm::setFieldVisible(const QString &key, bool visible) {
    if (Field *f = field(key); f && f->section()) f->section()->setRowVisible(f->frame(), visible);
}

void PropertyForm::addRow(QFormLayout *section, const QString &label, QWidget *widget) {
    auto *title = new QLabel(label);
    title->setBuddy(widget);
    section->addRow(title, widget);
    m_labels.append(title);
}

void PropertyForm::alignLabels() {
    m_labelWidth = 0;
    for (QLabel *label : std::as_const(m_labels))
        m_labelWidth = std::max(m_labelWidth, label->sizeHint().width());
    updateWrapping();
}

void PropertyForm::updateWrapping() {
    if (m_labelWidth < 0) return;
    // Below this width a field beside its label gets too little room to show its value.
    constexpr int kComfortableFieldWidth = 200;
    // A field that cannot shrink below its minimum (a check box's text, a combo's longest choice)
    // needs that much beside the label, or the form would be wider than the dock and clipped.
    int widestField = kComfortableFieldWidth;
    for (auto it = m_sections.cbegin(); it != m_sections.cend(); ++it)
        for (int row = 0; row < it.key()->rowCount(); ++row)
            if (QLayoutItem *item = it.key()->itemAt(row, QFormLayout::FieldRole))
                widestField =
                    std::max(widestField, item->minimumSize().width() + it.key()->horizontalSpacing());
    const bool above = m_availableWidth < m_labelWidth + widestField;
    if (m_labelsAbove == above) return;
    m_labelsAbove = above;
    for (QFormLayout *section : m_sections.keys())
        section->setRowWrapPolicy(above ? QFormLayout::WrapAllRows : QFormLayout::DontWrapRows);
    // Each section is a form layout of its own; one label width for all keeps the fields of every
    // section starting on the same line.
    for (QLabel *label : std::as_const(m_labels))
        label->setMinimumWidth(above ? 0 : m_labelWidth);
}

void PropertyForm::setAvailableWidth(int width) {
    m_availableWidth = width;
    updateWrapping();
}

Field *PropertyForm::addField(QFormLayout *section, const QString &label, std::unique_ptr<Field> field) {
    Field *f = field.get();
    f->setSection(section);
    if (label.isEmpty() && qobject_cast<RecordTable *>(f->editor()))
        section->addRow(f->frame());
    else
        addRow(section, label, f->frame());
    // Spin boxes and combo boxes take the wheel only once focused (see WheelGuard).
    static WheelGuard *const guard = new WheelGuard(qApp);
    for (QWidget *w : f->frame()->findChildren<QWidget *>())
        if (qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w)) {
            w->setFocusPolicy(Qt::StrongFocus);
            w->installEventFilter(guard);
        }
    m_fields.push_back(std::move(field));
    return f;
}

QLineEdit *PropertyForm::addText(QFormLayout *section, const QString &label, const QString &key,
                                 Lens<QString> lens, const QString &placeholder) {
    auto field = std::make_unique<TextField>(this, key, label, std::move(lens));
    QLineEdit *edit = field->lineEdit();
    edit->setPlaceholderText(placeholder);
    addField(section, label, std::move(field));
    return edit;
}

QPlainTextEdit *PropertyForm::addTextArea(QFormLayout *section, const QString &label, const QString &key,
                                          Lens<QString> lens) {
    auto field = std::make_unique<TextAreaField>(this, key, label, std::move(lens));
    QPlainTextEdit *edit = field->textEdit();
    addField(section, label, std::move(field));
    return edit;
}

QLineEdit *PropertyForm::addName(QFormLayout *section, const QString &label, Lens<QString> lens,
                                 std::function<QStringList(const Project &)> siblings) {
    NameField::Apply rename;
    if (ProjectEdits::isRenamable(m_kind))
        rename = [this](const QString &name) { push(new RenameEntityCommand(m_document, m_ref, name)); };
    auto field = std::make_unique<NameField>(this, label, std::move(lens), std::move(siblings),
                                             EntityText::kindName(m_kind), std::move(rename));
    QLineEdit *edit = field->lineEdit();
    addField(section, label, std::move(field));
    return edit;
}

QSpinBox *PropertyForm::addSpin(QFormLayout *section, const QString &label, const QString &key,
                                Lens<int> lens, const SpinRange &range) {
    auto field = std::make_unique<SpinField>(this, key, label, std::move(lens), range);
    QSpinBox *spin = field->spinBox();
    addField(section, label, std::move(field));
    return spin;
}

QDoubleSpinBox *PropertyForm::addOptionalNumber(QFormLayout *section, const QString &label,
                                                const QString &key, Lens<std::optional<double>> lens,
                                                const QString &checkText, const NumberRange &range) {
    auto field = std::make_unique<OptionalNumberField>(this, key, label, std::move(lens), checkText, range);
    QDoubleSpinBox *spin = field->spinBox();
    addField(section, label, std::move(field));
    return spin;
}

QComboBox *PropertyForm::addCombo(QFormLayout *section, const QString &label, const QString &key,
                                  Lens<QString> lens, Choices choices) {
    auto field = std::make_unique<ComboField>(this, key, label, std::move(lens), std::move(choices));
    QComboBox *combo = field->comboBox();
    addField(section, label, std::move(field));
    return combo;
}

QCheckBox *PropertyForm::addCheck(QFormLayout *section, const QString &label, const QString &key,
                                  Lens<bool> lens, const QString &text) {
    auto field =
        std::make_unique<CheckField>(this, key, label.isEmpty() ? text : label, std::move(lens), text);
    QCheckBox *check = field->checkBox();
    addField(section, label, std::move(field));
    return check;
}

QLineEdit *PropertyForm::addList(QFormLayout *section, const QString &label, const QString &key,
                                 Lens<QStringList> lens, const QString &placeholder) {
    auto field = std::make_unique<ListField>(this, key, label, std::move(lens));
    QLineEdit *edit = field->lineEdit();
    edit->setPlaceholderText(placeholder);
    addField(section, label, std::move(field));
    return edit;
}

RecordTable *PropertyForm::addTable(QFormLayout *section, const QString &label, const QString &key,
                                    const QList<RecordTable::Column> &columns, TableAdapter adapter,
                                    TableTitle title) {
    auto field = std::make_unique<TableField>(this, key, label, columns, std::move(adapter),
                                              title == TableTitle::Shown);
    RecordTable *table = field->recordTable();
    // A table needs the full width: it spans the label column and carries its title itself.
    addField(section, {}, std::move(field));
    return table;
}

void PropertyForm::addThrottling(QFormLayout *section, const QString &key, Lens<std::optional<double>> rate,
                                 Lens<std::optional<int>> burst) {
    addOptionalNumber(section, tr("Rate limit"), key + QStringLiteral(".rateLimit"), std::move(rate),
                      tr("Limit"), {0, 1e6, 10, 1, tr(" requests/s"), 100});
    addOptionalNumber(section, tr("Burst limit"), key + QStringLiteral(".burstLimit"),
                      asOptionalDouble(std::move(burst)), tr("Limit"), {0, 1e6, 10, 0, tr(" requests"), 200});
}

// ---- choices

PropertyForm::Choices PropertyForm::fixedChoices(const QStringList &values) {
    return [values](const Project &) {
        QList<Choice> choices;
        for (const QString &value : values)
            choices.append({value, value});
        return choices;
    };
}

PropertyForm::Choices PropertyForm::functionChoices(const QString &noneText) {
    return [noneText](const Project &project) {
        QList<Choice> choices;
        if (!noneText.isEmpty()) choices.append({noneText, QString()});
        for (const QString &name : functionNames(project))
            choices.append({name, name});
        return choices;
    };
}

QStringList PropertyForm::functionNames(const Project &project) {
    return ProjectEdits::namesOf(project, EntityKind::Function);
}

} // namespace gatehouse
