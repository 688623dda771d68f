// The common half of every property form: a list of fields bound to parts of one entity, edits
// turned into undo commands, values refreshed from the document without disturbing the field being
// typed into, and the document's diagnostics shown under the fields their JSON paths point at.
#pragma once

#include "FieldFrame.h"
#include "Lens.h"
#include "RecordTable.h"
#include "document/EntityRef.h"
#include "validation/Diagnostic.h"

#include <QWidget>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QUndoCommand;
class QUndoStack;
class QVBoxLayout;

namespace gatehouse {

class Field;
class ProjectDocument;

class PropertyForm : public QWidget {
    Q_OBJECT
public:
    struct Choice {
        QString text;
        QString value;
        bool operator==(const Choice &) const = default;
    };
    using Choices = std::function<QList<Choice>(const Project &)>;

    struct SpinRange {
        int min = 0;
        int max = 0;
        int step = 1;
        QString suffix;
        QString specialValueText; // shown for `min` (e.g. "Automatic" for port 0)
    };
    struct NumberRange {
        double min = 0;
        double max = 0;
        double step = 1;
        int decimals = 0;
        QString suffix;
        double initial = 0; // the value a newly ticked field starts at
    };

    PropertyForm(EntityKind kind, ProjectDocument *document, QUndoStack *undoStack,
                 QWidget *parent = nullptr);
    ~PropertyForm() override;

    EntityKind kind() const { return m_kind; }
    const EntityRef &entityRef() const { return m_ref; }
    // Switches to another entity of this form's kind; the caller then refreshes.
    void setEntity(const EntityRef &ref);
    // Values and visible rows from the document, then its diagnostics. Requires the entity to exist.
    void refresh();
    void showDiagnostics(const Diagnostics &diagnostics);
    // The width the form may take (the dock's, not its own: a form is never narrower than its
    // minimum). Narrow widths put labels above their fields.
    void setAvailableWidth(int width);

    // The field editor for a JSON path inside this entity ("memoryMB", "integration.url",
    // "environment.GREETING"): the visible field with the longest key the path starts with.
    Field *fieldForPath(const QString &relativePath) const;
    Field *field(const QString &key) const;
    QWidget *editor(const QString &key) const;

    // Used by the fields.
    ProjectDocument *document() const { return m_document; }
    // False while the form loads values, and for good once detached.
    bool acceptsEdits() const { return !m_loading && !m_detached; }
    // Called when the editor goes away: focus leaving a field while widgets are destroyed must not
    // edit a document that may already be gone.
    void detach() { m_detached = true; }
    // Applies `mutate` to a copy of the project and pushes the result as one undoable edit of `field`;
    // consecutive edits of the same field merge until finishEditing().
    void commit(const Field &field, const std::function<void(Project &)> &mutate);
    void push(QUndoCommand *command);
    void finishEditing() { ++m_session; }
    QString entityPath() const;

protected:
    // A titled group of rows. Sections are hidden together (e.g. CORS on a WebSocket API).
    QFormLayout *addSection(const QString &title);
    void setSectionVisible(QFormLayout *section, bool visible);
    void setFieldVisible(const QString &key, bool visible);
    // A row without a field (a preview or a note), labelled like the fields.
    void addRow(QFormLayout *section, const QString &label, QWidget *widget);

    QLineEdit *addText(QFormLayout *section, const QString &label, const QString &key, Lens<QString> lens,
                       const QString &placeholder = {});
    QPlainTextEdit *addTextArea(QFormLayout *section, const QString &label, const QString &key,
                                Lens<QString> lens);
    // The entity's name: renamable kinds go through RenameEntityCommand (references follow); others
    // (stages, the project) are set through `lens` as a plain edit. A duplicate of `siblings` or an empty
    // name is refused with the reason under the field.
    QLineEdit *addName(QFormLayout *section, const QString &label, Lens<QString> lens,
                       std::function<QStringList(const Project &)> siblings);
    QSpinBox *addSpin(QFormLayout *section, const QString &label, const QString &key, Lens<int> lens,
                      const SpinRange &range);
    QDoubleSpinBox *addOptionalNumber(QFormLayout *section, const QString &label, const QString &key,
                                      Lens<std::optional<double>> lens, const QString &checkText,
                                      const NumberRange &range);
    QComboBox *addCombo(QFormLayout *section, const QString &label, const QString &key, Lens<QString> lens,
                        Choices choices);
    QCheckBox *addCheck(QFormLayout *section, const QString &label, const QString &key, Lens<bool> lens,
                        const QString &text);
    // A list of short strings as one comma-separated line ("image/png, image/jpeg").
    QLineEdit *addList(QFormLayout *section, const QString &label, const QString &key, Lens<QStringList> lens,
                       const QString &placeholder = {});
    // `label` names the table in undo texts; it is shown above the table unless the section's
    // heading already says it (TableTitle::Hidden).
    enum class TableTitle { Shown, Hidden };
    RecordTable *addTable(QFormLayout *section, const QString &label, const QString &key,
                          const QList<RecordTable::Column> &columns, TableAdapter adapter,
                          TableTitle title = TableTitle::Shown);
    // Rate and burst limits under `key` ("throttling", "usagePlan"), as two optional numbers.
    void addThrottling(QFormLayout *section, const QString &key, Lens<std::optional<double>> rate,
                       Lens<std::optional<int>> burst);

    // Fixed choices whose values are also their texts.
    static Choices fixedChoices(const QStringList &values);
    // The project's functions, with `noneText` for the empty value first when it is non-empty.
    static Choices functionChoices(const QString &noneText = {});
    static QStringList functionNames(const Project &project);

    // Rows that depend on other values (the integration type decides which integration fields show).
    virtual void updateVisibility(const Project &project);
    // Displays that are not fields (a schedule's next fire times).
    virtual void updateExtras(const Project &project);

private:
    Field *addField(QFormLayout *section, const QString &label, std::unique_ptr<Field> field);
    void alignLabels();
    // Labels beside their fields while there is room, above them in a narrow dock.
    void updateWrapping();

    EntityKind m_kind;
    ProjectDocument *m_document;
    QUndoStack *m_undoStack;
    EntityRef m_ref;
    QVBoxLayout *m_layout;
    QLabel *m_otherProblems;
    std::vector<std::unique_ptr<Field>> m_fields;
    QHash<QFormLayout *, QWidget *> m_sections;
    QList<QLabel *> m_labels;
    int m_labelWidth = -1;             // the widest label; -1 until measured
    std::optional<bool> m_labelsAbove; // unset until first laid out
    int m_availableWidth = 0;
    int m_session = 0;
    bool m_loading = false;
    bool m_detached = false;
};

} // namespace gatehouse
