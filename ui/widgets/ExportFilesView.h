// The export dialog's preview: the files an export would write, each with what it does on disk
// (new, replaces an existing file, unchanged), beside the selected file's text in a monospace view.
#pragma once

#include "export/ExportFormat.h"
#include "export/OutputFolder.h"

#include <QSplitter>

class QPlainTextEdit;
class QTreeWidget;

namespace gatehouse {

class ExportFilesView : public QSplitter {
    Q_OBJECT
public:
    enum Column { FileColumn, StateColumn, ColumnCount };

    explicit ExportFilesView(QWidget *parent = nullptr);

    // `names` are the paths as they will be written (the main document may be renamed); the
    // selection stays on the same path when it still exists, else moves to the main document.
    void setFiles(const QList<ExportedFile> &files, const QStringList &names);
    // Marks each file with what writing it would do at the destination.
    void setPlan(const OutputReport &plan);

    QTreeWidget *fileList() const { return m_list; }
    QPlainTextEdit *preview() const { return m_preview; }
    QString currentName() const;
    bool selectFile(const QString &name);

private:
    void showCurrent();

    QTreeWidget *m_list;
    QPlainTextEdit *m_preview;
    QList<ExportedFile> m_files;
};

} // namespace gatehouse
