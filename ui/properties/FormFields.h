// The kinds of field a property form is made of: each binds one editor widget to a Lens into the
// project, loads it from the model without emitting edits, and turns the user's changes into commits
// on its form (one undo step per field edit; see PropertyForm::commit).
#pragma once

#include "FieldFrame.h"
#include "Lens.h"
#include "PropertyForm.h"
#include "RecordTable.h"

#include <QCoreApplication>
#include <QObject>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace gatehouse {

// Owned by its form (a QObject for its connections' lifetime and event filters, without a parent).
class Field : public QObject {
public:
    // `label` names the field in undo texts; `focusTarget` is the part of `content` that takes focus
    // (`content` itself when null).
    Field(PropertyForm *form, const QString &key, const QString &label, QWidget *content,
          QWidget *focusTarget = nullptr);

    const QString &key() const { return m_key; }
    const QString &label() const { return m_label; }
    QWidget *editor() const { return m_focusTarget; }
    FieldFrame *frame() const { return m_frame; }
    QFormLayout *section() const { return m_section; }
    void setSection(QFormLayout *section) { m_section = section; }

    // Shows the model's value; called while the form is loading, so editors' signals commit nothing.
    virtual void load(const Project &project) = 0;
    // Focuses the editor and selects what `rest` names below the key (a table's row), else all text.
    virtual void focus(const QString &rest);

    void setDiagnosticProblems(const QList<FieldProblem> &problems);
    // The editor's own verdict (a refused name), shown above the document's diagnostics.
    void setLocalProblems(const QList<FieldProblem> &problems);
    void clearLocalProblems() { setLocalProblems({}); }

protected:
    PropertyForm *form() const { return m_form; }
    void commit(const std::function<void(Project &)> &mutate) { m_form->commit(*this, mutate); }

private:
    void showProblems();

    PropertyForm *m_form;
    QString m_key;
    QString m_label;
    QWidget *m_focusTarget;
    FieldFrame *m_frame;
    QFormLayout *m_section = nullptr;
    QList<FieldProblem> m_local;
    QList<FieldProblem> m_diagnostics;
};

// Single-line text, committed as the user types so diagnostics follow every keystroke.
class TextField : public Field {
public:
    TextField(PropertyForm *form, const QString &key, const QString &label, Lens<QString> lens);
    QLineEdit *lineEdit() const { return m_edit; }
    void load(const Project &project) override;

private:
    QLineEdit *m_edit;
    Lens<QString> m_lens;
};

// Multi-line text (a mock response body), committed as the user types.
class TextAreaField : public Field {
public:
    TextAreaField(PropertyForm *form, const QString &key, const QString &label, Lens<QString> lens);
    QPlainTextEdit *textEdit() const { return m_edit; }
    void load(const Project &project) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPlainTextEdit *m_edit;
    Lens<QString> m_lens;
};

// An entity's name, committed when editing finishes: a rename rewrites references all over the
// project, so half-typed names must not become renames. Refusals show while typing.
class NameField : public Field {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::NameField)
public:
    // How an accepted name is applied; empty: set through `lens` as an edit of this field.
    using Apply = std::function<void(const QString &name)>;
    NameField(PropertyForm *form, const QString &label, Lens<QString> lens,
              std::function<QStringList(const Project &)> siblings, const QString &kindName, Apply apply);
    QLineEdit *lineEdit() const { return m_edit; }
    void load(const Project &project) override;

private:
    QString refusal(const QString &name) const;
    void finish();

    QLineEdit *m_edit;
    Lens<QString> m_lens;
    std::function<QStringList(const Project &)> m_siblings;
    QString m_kindName;
    Apply m_apply;
};

// A whole number with a valid range. An out-of-range value from the file is shown as it is (the
// range widens to hold it) so that the diagnostic under it makes sense.
class SpinField : public Field {
public:
    SpinField(PropertyForm *form, const QString &key, const QString &label, Lens<int> lens,
              const PropertyForm::SpinRange &range);
    QSpinBox *spinBox() const { return m_spin; }
    void load(const Project &project) override;

private:
    QSpinBox *m_spin;
    Lens<int> m_lens;
    PropertyForm::SpinRange m_range;
};

// An optional number: a check box says whether it is set, the spin box holds it.
class OptionalNumberField : public Field {
public:
    OptionalNumberField(PropertyForm *form, const QString &key, const QString &label,
                        Lens<std::optional<double>> lens, const QString &checkText,
                        const PropertyForm::NumberRange &range);
    QDoubleSpinBox *spinBox() const { return m_spin; }
    QCheckBox *checkBox() const { return m_check; }
    void load(const Project &project) override;
    void focus(const QString &rest) override;

private:
    OptionalNumberField(PropertyForm *form, const QString &key, const QString &label,
                        Lens<std::optional<double>> lens, const PropertyForm::NumberRange &range,
                        QCheckBox *check, QDoubleSpinBox *spin);

    QCheckBox *m_check;
    QDoubleSpinBox *m_spin;
    Lens<std::optional<double>> m_lens;
    PropertyForm::NumberRange m_range;
};

// One of a list of values; a value that is not among the choices (a dangling reference, an unknown
// runtime) is added as an extra item so the combo box never misrepresents the model.
class ComboField : public Field {
    Q_DECLARE_TR_FUNCTIONS(gatehouse::ComboField)
public:
    ComboField(PropertyForm *form, const QString &key, const QString &label, Lens<QString> lens,
               PropertyForm::Choices choices);
    QComboBox *comboBox() const { return m_combo; }
    void load(const Project &project) override;

private:
    QComboBox *m_combo;
    Lens<QString> m_lens;
    PropertyForm::Choices m_choices;
};

class CheckField : public Field {
public:
    CheckField(PropertyForm *form, const QString &key, const QString &label, Lens<bool> lens,
               const QString &text);
    QCheckBox *checkBox() const { return m_check; }
    void load(const Project &project) override;

private:
    QCheckBox *m_check;
    Lens<bool> m_lens;
};

// A short list as one comma-separated line. What the user types is kept as typed while it means
// the same list, so "a, " does not jump back to "a" under the cursor.
class ListField : public Field {
public:
    ListField(PropertyForm *form, const QString &key, const QString &label, Lens<QStringList> lens);
    QLineEdit *lineEdit() const { return m_edit; }
    void load(const Project &project) override;
    static QStringList parse(const QString &text);

private:
    QLineEdit *m_edit;
    Lens<QStringList> m_lens;
};

// Rows of a list (environment variables, API keys, notifications). Each cell edit, Add and Remove is
// its own undo step.
class TableField : public Field {
public:
    TableField(PropertyForm *form, const QString &key, const QString &label,
               const QList<RecordTable::Column> &columns, TableAdapter adapter, bool titled);
    RecordTable *recordTable() const { return m_table; }
    void load(const Project &project) override;
    // "[2].function" selects row 2, column "function"; ".NAME" the row whose first cell is NAME.
    void focus(const QString &rest) override;

private:
    TableField(PropertyForm *form, const QString &key, const QString &label, RecordTable *table,
               TableAdapter adapter, bool titled);

    RecordTable *m_table;
    TableAdapter m_adapter;
};

} // namespace gatehouse
