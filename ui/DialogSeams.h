// The one door every modal dialog goes through, so GUI tests can script the answers (message boxes,
// file dialogs, whole dialogs) instead of hanging on a dialog nobody will click.
#pragma once

#include <QList>
#include <QMessageBox>
#include <QString>
#include <QStringList>
#include <functional>

class QDialog;
class QWidget;

namespace gatehouse {

class DialogSeams {
public:
    // What a dialog showed, recorded while scripted so tests can check the wording.
    struct Shown {
        QString kind; // "question", "notice", "file", "dialog"
        QString title;
        QString text;
    };
    using DialogScript = std::function<int(QDialog &)>;

    // While scripted, dialogs never block: they take the next queued answer, or the safest answer
    // (Cancel / no file / Rejected) with a warning when the queue is empty.
    static void setScripted(bool scripted);
    static bool isScripted();
    static void queueAnswer(QMessageBox::StandardButton answer);
    static void queueFileName(const QString &path); // an empty path means the user cancelled
    static void queueDialog(const DialogScript &script);
    static QList<Shown> shown();
    static void clear(); // forgets queued answers and what was shown

    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons,
                                                QMessageBox::StandardButton defaultButton);
    // Tells the user something without waiting for them (the box is window-modal, not blocking).
    static void notify(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text);
    static QString openFileName(QWidget *parent, const QString &caption, const QString &folder,
                                const QString &filter);
    // Several files to read; while scripted, the next queued file name (an empty one: cancelled).
    static QStringList openFileNames(QWidget *parent, const QString &caption, const QString &folder,
                                     const QString &filter);
    static QString existingFolder(QWidget *parent, const QString &caption, const QString &folder);
    // A file to write. It does not ask about replacing an existing file: the caller knows whether
    // the contents would change and asks itself.
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &path,
                                const QString &filter);
    // Runs the dialog modally (or through the queued script) and returns its result code.
    static int exec(QDialog &dialog);
};

} // namespace gatehouse
