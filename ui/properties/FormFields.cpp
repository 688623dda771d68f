#include "FormFields.h"

#include "document/ProjectDocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse {

// ---- Field

Field::Field(PropertyForm *form, const QString &key, const QString &label, QWidget *content,
             QWidget *focusTarget)
    : m_form(form)
    , m_key(key)
    , m_label(label)
    , m_focusTarget(focusTarget ? focusTarget : content)
    , m_frame(new FieldFrame(content, m_focusTarget)) {
    // Tests and focusField() find editors by their JSON key.
    m_focusTarget->setObjectName(key);
}

void Field::focus(const QString &) {
    m_focusTarget->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(m_focusTarget))
        edit->selectAll();
    else if (auto *spin = qobject_cast<QAbstractSpinBox *>(m_focusTarget))
        spin->selectAll();
    else if (auto *text = qobject_cast<QPlainTextEdit *>(m_focusTarget))
        text->selectAll();
}

void Field::setDiagnosticProblems(const QList<FieldProblem> &problems) {
    m_diagnostics = problems;
    showProblems();
}

void Field::setLocalProblems(const QList<FieldProblem> &problems) {
    m_local = problems;
    showProblems();
}

void Field::showProblems() {
    m_frame->setProblems(m_local + m_diagnostics);
}

// ---- TextField

TextField::TextField(PropertyForm *form, const QString &key, const QString &label, Lens<QString> lens)
    : Field(form, key, label, new QLineEdit)
    , m_edit(static_cast<QLineEdit *>(editor()))
    , m_lens(std::move(lens)) {
    m_edit->setClearButtonEnabled(false);
    // textChanged rather than textEdited: QLineEdit's own undo (Ctrl+Z inside the field) changes the
    // text without textEdited, and the model must follow it too. Loading is filtered by the form.
    QObject::connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        commit([this, text](Project &p) { m_lens.set(p, text); });
    });
    QObject::connect(m_edit, &QLineEdit::editingFinished, this, [this] { this->form()->finishEditing(); });
}

void TextField::load(const Project &project) {
    const QString value = m_lens.get(project);
    // Only a different value is written, so the field being typed into keeps its cursor.
    if (m_edit->text() == value) return;
    m_edit->setText(value);
    // A long value reads from its start, unless the user is in the field (undo while typing).
    if (!m_edit->hasFocus()) m_edit->setCursorPosition(0);
}

// ---- TextAreaField

TextAreaField::TextAreaField(PropertyForm *form, const QString &key, const QString &label, Lens<QString> lens)
    : Field(form, key, label, new QPlainTextEdit)
    , m_edit(static_cast<QPlainTextEdit *>(editor()))
    , m_lens(std::move(lens)) {
    m_edit->setTabChangesFocus(true);
    m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * 4 + 2 * m_edit->frameWidth() + 8);
    m_edit->installEventFilter(this);
    QObject::connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        commit([this, text = m_edit->toPlainText()](Project &p) { m_lens.set(p, text); });
    });
}

void TextAreaField::load(const Project &project) {
    const QString value = m_lens.get(project);
    if (m_edit->toPlainText() != value) m_edit->setPlainText(value);
}

bool TextAreaField::eventFilter(QObject *watched, QEvent *event) {
    // QPlainTextEdit has no editingFinished; leaving the field ends its undo step the same way.
    if (watched == m_edit && event->type() == QEvent::FocusOut) this->form()->finishEditing();
    return false;
}

// ---- NameField

NameField::NameField(PropertyForm *form, const QString &label, Lens<QString> lens,
                     std::function<QStringList(const Project &)> siblings, const QString &kindName,
                     Apply apply)
    : Field(form, QStringLiteral("name"), label, new QLineEdit)
    , m_edit(static_cast<QLineEdit *>(editor()))
    , m_lens(std::move(lens))
    , m_siblings(std::move(siblings))
    , m_kindName(kindName)
    , m_apply(std::move(apply)) {
    QObject::connect(m_edit, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString reason = refusal(text.trimmed());
        setLocalProblems(reason.isEmpty() ? QList<FieldProblem>{} : QList<FieldProblem>{{true, reason, {}}});
    });
    QObject::connect(m_edit, &QLineEdit::editingFinished, this, &NameField::finish);
}

QString NameField::refusal(const QString &name) const {
    if (name.isEmpty()) return tr("A %1 needs a name.").arg(m_kindName);
    const Project &project = form()->document()->project();
    if (name != m_lens.get(project) && m_siblings(project).contains(name))
        return tr("There is already a %1 named \u201c%2\u201d.").arg(m_kindName, name);
    return {};
}

void NameField::finish() {
    if (!form()->acceptsEdits()) return;
    const QString name = m_edit->text().trimmed();
    const QString current = m_lens.get(form()->document()->project());
    if (name == current) {
        if (m_edit->text() != name) m_edit->setText(name);
        clearLocalProblems();
        return;
    }
    const QString reason = refusal(name);
    if (!reason.isEmpty()) {
        // The model keeps its name; the reason stays under the field until the next edit.
        m_edit->setText(current);
        setLocalProblems({{true, reason, {}}});
        return;
    }
    clearLocalProblems();
    if (m_apply)
        m_apply(name);
    else
        commit([this, name](Project &p) { m_lens.set(p, name); });
    this->form()->finishEditing();
}

void NameField::load(const Project &project) {
    // The model only changes under a name being typed when something else renamed the entity (an
    // undo): the model wins, as in every other field.
    const QString value = m_lens.get(project);
    if (m_edit->text() != value) m_edit->setText(value);
}

// ---- SpinField

SpinField::SpinField(PropertyForm *form, const QString &key, const QString &label, Lens<int> lens,
                     const PropertyForm::SpinRange &range)
    : Field(form, key, label, new QSpinBox)
    , m_spin(static_cast<QSpinBox *>(editor()))
    , m_lens(std::move(lens))
    , m_range(range) {
    m_spin->setRange(range.min, range.max);
    m_spin->setSingleStep(range.step);
    m_spin->setSuffix(range.suffix);
    m_spin->setSpecialValueText(range.specialValueText);
    m_spin->setGroupSeparatorShown(range.max >= 10000);
    // Commit the number the user meant, not each digit on the way to it ("1024" is not 1, 10, 102).
    m_spin->setKeyboardTracking(false);
    QObject::connect(m_spin, &QSpinBox::valueChanged, this,
                     [this](int value) { commit([this, value](Project &p) { m_lens.set(p, value); }); });
    QObject::connect(m_spin, &QSpinBox::editingFinished, this, [this] { this->form()->finishEditing(); });
}

void SpinField::load(const Project &project) {
    const int value = m_lens.get(project);
    m_spin->setRange(std::min(m_range.min, value), std::max(m_range.max, value));
    if (m_spin->value() != value) m_spin->setValue(value);
}

// ---- OptionalNumberField

OptionalNumberField::OptionalNumberField(PropertyForm *form, const QString &key, const QString &label,
                                         Lens<std::optional<double>> lens, const QString &checkText,
                                         const PropertyForm::NumberRange &range)
    : OptionalNumberField(form, key, label, std::move(lens), range, new QCheckBox(checkText),
                          new QDoubleSpinBox) {}

namespace {
QWidget *besideEachOther(QWidget *first, QWidget *second) {
    auto *row = new QWidget;
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    first->setSizePolicy(QSizePolicy::Fixed, first->sizePolicy().verticalPolicy());
    layout->addWidget(first);
    layout->addWidget(second, 1);
    return row;
}
} // namespace

OptionalNumberField::OptionalNumberField(PropertyForm *form, const QString &key, const QString &label,
                                         Lens<std::optional<double>> lens,
                                         const PropertyForm::NumberRange &range, QCheckBox *check,
                                         QDoubleSpinBox *spin)
    : Field(form, key, label, besideEachOther(check, spin), spin)
    , m_check(check)
    , m_spin(spin)
    , m_lens(std::move(lens))
    , m_range(range) {
    m_check->setObjectName(key + QStringLiteral(".set"));
    m_spin->setRange(range.min, range.max);
    m_spin->setSingleStep(range.step);
    m_spin->setDecimals(range.decimals);
    m_spin->setSuffix(range.suffix);
    m_spin->setKeyboardTracking(false);
    m_spin->setGroupSeparatorShown(range.max >= 10000);
    QObject::connect(m_check, &QCheckBox::toggled, this, [this](bool on) {
        m_spin->setEnabled(on);
        const std::optional<double> value = on ? std::optional<double>(m_spin->value()) : std::nullopt;
        commit([this, value](Project &p) { m_lens.set(p, value); });
        this->form()->finishEditing();
    });
    QObject::connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        if (m_check->isChecked()) commit([this, value](Project &p) { m_lens.set(p, value); });
    });
    QObject::connect(m_spin, &QDoubleSpinBox::editingFinished, this,
                     [this] { this->form()->finishEditing(); });
}

void OptionalNumberField::load(const Project &project) {
    const std::optional<double> value = m_lens.get(project);
    if (m_check->isChecked() != value.has_value()) m_check->setChecked(value.has_value());
    m_spin->setEnabled(value.has_value());
    const double shown = value.value_or(m_range.initial);
    m_spin->setRange(std::min(m_range.min, shown), std::max(m_range.max, shown));
    if (m_spin->value() != shown) m_spin->setValue(shown);
}

void OptionalNumberField::focus(const QString &rest) {
    if (m_spin->isEnabled()) return Field::focus(rest);
    m_check->setFocus(Qt::OtherFocusReason);
}

// ---- ComboField

ComboField::ComboField(PropertyForm *form, const QString &key, const QString &label, Lens<QString> lens,
                       PropertyForm::Choices choices)
    : Field(form, key, label, new QComboBox)
    , m_combo(static_cast<QComboBox *>(editor()))
    , m_lens(std::move(lens))
    , m_choices(std::move(choices)) {
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(8);
    // activated, not currentIndexChanged: only the user's choice is an edit, not a reload.
    QObject::connect(m_combo, &QComboBox::activated, this, [this](int index) {
        const QString value = m_combo->itemData(index).toString();
        commit([this, value](Project &p) { m_lens.set(p, value); });
        this->form()->finishEditing();
    });
}

void ComboField::load(const Project &project) {
    QList<PropertyForm::Choice> choices = m_choices(project);
    const QString value = m_lens.get(project);
    const bool listed = std::any_of(choices.cbegin(), choices.cend(),
                                    [&](const PropertyForm::Choice &c) { return c.value == value; });
    if (!listed) choices.append({value.isEmpty() ? tr("(none)") : value, value});
    QList<PropertyForm::Choice> shown;
    for (int i = 0; i < m_combo->count(); ++i)
        shown.append({m_combo->itemText(i), m_combo->itemData(i).toString()});
    if (shown != choices) {
        m_combo->clear();
        for (const PropertyForm::Choice &choice : std::as_const(choices))
            m_combo->addItem(choice.text, choice.value);
    }
    const int index = m_combo->findData(value);
    if (m_combo->currentIndex() != index) m_combo->setCurrentIndex(index);
}

// ---- CheckField

CheckField::CheckField(PropertyForm *form, const QString &key, const QString &label, Lens<bool> lens,
                       const QString &text)
    : Field(form, key, label, new QCheckBox(text))
    , m_check(static_cast<QCheckBox *>(editor()))
    , m_lens(std::move(lens)) {
    QObject::connect(m_check, &QCheckBox::toggled, this, [this](bool on) {
        commit([this, on](Project &p) { m_lens.set(p, on); });
        this->form()->finishEditing();
    });
}

void CheckField::load(const Project &project) {
    const bool value = m_lens.get(project);
    if (m_check->isChecked() != value) m_check->setChecked(value);
}

// ---- ListField

ListField::ListField(PropertyForm *form, const QString &key, const QString &label, Lens<QStringList> lens)
    : Field(form, key, label, new QLineEdit)
    , m_edit(static_cast<QLineEdit *>(editor()))
    , m_lens(std::move(lens)) {
    QObject::connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        commit([this, list = parse(text)](Project &p) { m_lens.set(p, list); });
    });
    QObject::connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        // Tidy what was typed ("a,b ," -> "a, b") once the user is done with it.
        const QString tidy = parse(m_edit->text()).join(QLatin1String(", "));
        if (m_edit->text() != tidy) m_edit->setText(tidy);
        this->form()->finishEditing();
    });
}

QStringList ListField::parse(const QString &text) {
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty()) items.append(item);
    }
    return items;
}

void ListField::load(const Project &project) {
    const QStringList value = m_lens.get(project);
    if (parse(m_edit->text()) != value) m_edit->setText(value.join(QLatin1String(", ")));
}

// ---- TableField

TableField::TableField(PropertyForm *form, const QString &key, const QString &label,
                       const QList<RecordTable::Column> &columns, TableAdapter adapter, bool titled)
    : TableField(form, key, label, new RecordTable(columns), std::move(adapter), titled) {}

namespace {
QWidget *withTitle(const QString &title, QWidget *widget, bool shown) {
    if (!shown) return widget;
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *label = new QLabel(title);
    label->setBuddy(widget);
    layout->addWidget(label);
    layout->addWidget(widget);
    return box;
}
} // namespace

TableField::TableField(PropertyForm *form, const QString &key, const QString &label, RecordTable *table,
                       TableAdapter adapter, bool titled)
    : Field(form, key, label, withTitle(label, table, titled), table)
    , m_table(table)
    , m_adapter(std::move(adapter)) {
    QObject::connect(
        m_table, &RecordTable::cellEdited, this, [this](int row, int column, const QString &text) {
            commit([this, row, column, text](Project &p) { m_adapter.setCell(p, row, column, text); });
            this->form()->finishEditing();
        });
    QObject::connect(m_table, &RecordTable::addRequested, this, [this] {
        commit([this](Project &p) { m_adapter.append(p); });
        this->form()->finishEditing();
        m_table->editCell(m_table->table()->rowCount() - 1, 0);
    });
    QObject::connect(m_table, &RecordTable::removeRequested, this, [this](const QList<int> &rows) {
        commit([this, rows](Project &p) {
            for (int row : rows)
                m_adapter.remove(p, row);
        });
        this->form()->finishEditing();
    });
}

void TableField::load(const Project &project) {
    m_table->setRows(m_adapter.rows(project));
}

void TableField::focus(const QString &rest) {
    QTableWidget *table = m_table->table();
    int row = -1;
    QString after;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        row = rest.mid(1, close - 1).toInt();
        after = rest.mid(close + 1);
    } else if (rest.startsWith(QLatin1Char('.'))) {
        // Name/value lists are objects in the file: "environment.GREETING" names the row.
        const QString name = rest.mid(1);
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, 0) && table->item(r, 0)->text() == name) row = r;
    }
    int column = 0;
    if (after.startsWith(QLatin1Char('.'))) {
        const QString key = after.mid(1).section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
        for (int c = 0; c < m_table->columns().size(); ++c)
            if (m_table->columns()[c].key == key) column = c;
    }
    table->setFocus(Qt::OtherFocusReason);
    if (row >= 0 && row < table->rowCount()) table->setCurrentCell(row, column);
}

} // namespace gatehouse
