#include "DialogSeams.h"

#include <QDialog>
#include <QFileDialog>
#include <QQueue>
#include <QTimer>

namespace gatehouse {

namespace {

struct Script {
    bool scripted = false;
    QQueue<QMessageBox::StandardButton> answers;
    QQueue<QString> fileNames;
    QQueue<DialogSeams::DialogScript> dialogs;
    QList<DialogSeams::Shown> shown;
};

// Tests and dialogs run on the GUI thread only, so a plain function-local static suffices.
Script &script() {
    static Script instance;
    return instance;
}

void record(const QString &kind, const QString &title, const QString &text) {
    script().shown.append({kind, title, text});
}

} // namespace

void DialogSeams::setScripted(bool scripted) {
    script().scripted = scripted;
}
bool DialogSeams::isScripted() {
    return script().scripted;
}
void DialogSeams::queueAnswer(QMessageBox::StandardButton answer) {
    script().answers.enqueue(answer);
}
void DialogSeams::queueFileName(const QString &path) {
    script().fileNames.enqueue(path);
}
void DialogSeams::queueDialog(const DialogScript &dialogScript) {
    script().dialogs.enqueue(dialogScript);
}
QList<DialogSeams::Shown> DialogSeams::shown() {
    return script().shown;
}

void DialogSeams::clear() {
    Script &s = script();
    s.answers.clear();
    s.fileNames.clear();
    s.dialogs.clear();
    s.shown.clear();
}

QMessageBox::StandardButton DialogSeams::question(QWidget *parent, const QString &title, const QString &text,
                                                  QMessageBox::StandardButtons buttons,
                                                  QMessageBox::StandardButton defaultButton) {
    if (isScripted()) {
        record(QStringLiteral("question"), title, text);
        if (!script().answers.isEmpty()) return script().answers.dequeue();
        qWarning("DialogSeams: unscripted question \"%s\" answered with Cancel", qPrintable(title));
        return QMessageBox::Cancel;
    }
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    return QMessageBox::StandardButton(box.exec());
}

void DialogSeams::notify(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text) {
    if (isScripted()) {
        record(QStringLiteral("notice"), title, text);
        return;
    }
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // Opened from the event loop so that a notice raised while the window is still being built
    // appears on top of it rather than before it.
    QTimer::singleShot(0, box, [box] { box->open(); });
}

QString DialogSeams::openFileName(QWidget *parent, const QString &caption, const QString &folder,
                                  const QString &filter) {
    if (isScripted()) {
        record(QStringLiteral("file"), caption, folder);
        return script().fileNames.isEmpty() ? QString() : script().fileNames.dequeue();
    }
    return QFileDialog::getOpenFileName(parent, caption, folder, filter);
}

QStringList DialogSeams::openFileNames(QWidget *parent, const QString &caption, const QString &folder,
                                       const QString &filter) {
    if (isScripted()) {
        record(QStringLiteral("file"), caption, folder);
        const QString path = script().fileNames.isEmpty() ? QString() : script().fileNames.dequeue();
        return path.isEmpty() ? QStringList() : QStringList{path};
    }
    return QFileDialog::getOpenFileNames(parent, caption, folder, filter);
}

QString DialogSeams::existingFolder(QWidget *parent, const QString &caption, const QString &folder) {
    if (isScripted()) {
        record(QStringLiteral("file"), caption, folder);
        return script().fileNames.isEmpty() ? QString() : script().fileNames.dequeue();
    }
    return QFileDialog::getExistingDirectory(parent, caption, folder);
}

QString DialogSeams::saveFileName(QWidget *parent, const QString &caption, const QString &path,
                                  const QString &filter) {
    if (isScripted()) {
        record(QStringLiteral("file"), caption, path);
        return script().fileNames.isEmpty() ? QString() : script().fileNames.dequeue();
    }
    return QFileDialog::getSaveFileName(parent, caption, path, filter, nullptr,
                                        QFileDialog::DontConfirmOverwrite);
}

int DialogSeams::exec(QDialog &dialog) {
    if (isScripted()) {
        record(QStringLiteral("dialog"), dialog.windowTitle(), dialog.objectName());
        if (script().dialogs.isEmpty()) return QDialog::Rejected;
        return script().dialogs.dequeue()(dialog);
    }
    return dialog.exec();
}

} // namespace gatehouse
