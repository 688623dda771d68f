// The properties dock: shows a form for the selected part of the project (or the project settings),
// edits it through the undo stack, follows the document's changes and undo/redo, and takes a
// diagnostic's JSON path to the field it is about.
#pragma once

#include "document/EntityRef.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QScrollArea;
class QUndoStack;
class QVBoxLayout;

namespace gatehouse {

class PropertyForm;
class ProjectDocument;
struct ProjectChange;

class PropertyEditor : public QWidget {
    Q_OBJECT
public:
    PropertyEditor(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent = nullptr);
    ~PropertyEditor() override;

    // Shows the form of `ref` (a saved request, or a ref that names nothing, shows the hint).
    // Showing the entity already shown keeps the form, its focus and its cursor as they are.
    void showEntity(const EntityRef &ref);
    // Shows the "nothing selected" hint.
    void clear();
    // Shows the entity a diagnostic's path points into ("apis[0].routes[2].path") and focuses and
    // selects the field editor for it. Returns false when no field shows that path; the entity is
    // then shown all the same (when it exists).
    bool focusField(const QString &jsonPath);

    bool hasEntity() const { return m_form != nullptr; }
    // The entity shown; meaningful while hasEntity().
    EntityRef entity() const { return m_ref; }
    // The editor of the shown form's field `key` ("memoryMB", "integration.url"), or null.
    QWidget *fieldEditor(const QString &key) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    // The shown entity changed: another one was shown, it moved in its list (an entity before it was
    // removed), or it went away and the hint is shown. Read entity() and hasEntity().
    void shownEntityChanged();

private:
    void onChanged(const ProjectChange &change);
    void onProjectReplaced();
    void onDiagnosticsChanged();
    // After lists changed: finds the shown entity again by its name; false when it is gone.
    bool relocate();
    void rememberIdentity();
    void showForm(const EntityRef &ref);
    void showHint();
    void updateTitle();
    PropertyForm *formFor(EntityKind kind);
    int availableWidth() const;

    QPointer<ProjectDocument> m_document;
    QUndoStack *m_undoStack;
    QLabel *m_title;
    QScrollArea *m_scroll;
    QVBoxLayout *m_pages;
    QLabel *m_hint;
    QHash<int, PropertyForm *> m_forms; // by EntityKind, built on first use
    PropertyForm *m_form = nullptr;     // the form shown, null while the hint shows
    EntityRef m_ref;
    // What the shown entity is called, and its API's name for routes and stages: how it is found
    // again when positions shift.
    QString m_identity;
    QString m_apiName;
};

} // namespace gatehouse
