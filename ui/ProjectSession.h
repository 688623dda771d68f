// The open project's life cycle for the main window: new, open, save, save as, and the questions
// that protect work (unsaved changes, values that saving would replace). Dialogs go through DialogSeams.
#pragma once

#include "validation/Diagnostic.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QUndoStack;
class QWidget;

namespace gatehouse {

class ProjectDocument;

class ProjectSession : public QObject {
    Q_OBJECT
public:
    // `window` parents the dialogs; the session owns the document and the undo stack.
    explicit ProjectSession(QWidget *window);

    ProjectDocument *document() const { return m_document; }
    QUndoStack *undoStack() const { return m_undoStack; }
    // The project's name, else its folder's name, else "Untitled project".
    QString displayName() const;

    bool newProject();
    // Opens a project folder or gatehouse.json. On failure the current project stays, openFailed is
    // emitted with the reasons and the user gets a non-blocking notice.
    bool open(const QString &path);
    bool openWithDialog();
    bool save();
    bool saveAs();
    bool saveAs(const QString &folder);
    // Asks Save / Discard / Cancel when there are unsaved changes. True when it is fine to go on.
    bool maybeSave();
    // Asked first by maybeSave(): other unsaved work that must be saved or dropped before the project
    // is replaced or the window closes (the code editor's tabs). Returns false to cancel.
    void setBeforeReplace(std::function<bool()> check) { m_beforeReplace = std::move(check); }

signals:
    void openFailed(const QString &path, const gatehouse::Diagnostics &diagnostics);
    void opened(const QString &folder);
    void statusMessage(const QString &text);

private:
    bool confirmReplacingInvalidValues();
    void reportSaveError(const QString &error);

    QPointer<QWidget> m_window;
    ProjectDocument *m_document;
    QUndoStack *m_undoStack;
    std::function<bool()> m_beforeReplace;
};

} // namespace gatehouse
