// File > Import…: pick an AWS SAM template, OpenAPI document or Postman collection (format detected,
// or chosen), see what the new project would hold and every warning or error (with line and column),
// then create the project in a folder. Broken input only ever shows up as errors in the dialog.
#pragma once

#include "import/ImportFormat.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse {

class ProjectDocument;
class ProjectTreeModel;
class ProjectTreeView;
class WarningsPanel;

class ImportDialog : public QDialog {
    Q_OBJECT
public:
    // `startFolder`: where Browse… starts when no file is chosen yet.
    explicit ImportDialog(const QString &startFolder, QWidget *parent = nullptr);

    void setSourceFile(const QString &path);
    QString sourceFile() const;
    // nullopt: detect the format from the file (the default).
    void selectFormat(std::optional<ImportFormat> format);
    // The format the import uses: the one chosen, else the detected one.
    std::optional<ImportFormat> effectiveFormat() const { return m_effectiveFormat; }
    QString targetFolder() const;
    void setTargetFolder(const QString &path);

    const ImportResult &result() const { return m_result; }
    QString summaryText() const;
    ProjectTreeModel *previewModel() const { return m_previewModel; }
    ProjectTreeView *previewTree() const { return m_tree; }
    WarningsPanel *warningsPanel() const { return m_warnings; }
    QPushButton *importButton() const { return m_importButton; }

    // Writes the project and its code; true (and the dialog accepted) on success. On failure the
    // dialog stays open and the user is told why.
    bool importProject();
    QString importedFolder() const { return m_importedFolder; }
    QString resultMessage() const { return m_resultMessage; }

private:
    void refresh();
    void showResult();
    void updateImportButton();
    void browseSource();
    void browseTarget();
    QString absoluteTarget() const;

    QString m_startFolder;
    ImportResult m_result;
    std::optional<ImportFormat> m_effectiveFormat;
    bool m_targetChosen = false;
    QString m_importedFolder;
    QString m_resultMessage;

    ProjectDocument *m_preview;
    ProjectTreeModel *m_previewModel;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_source;
    QPushButton *m_browseSource;
    QComboBox *m_format;
    QCheckBox *m_environments;
    QLineEdit *m_name;
    QLabel *m_summary;
    ProjectTreeView *m_tree;
    WarningsPanel *m_warnings;
    QLineEdit *m_target;
    QPushButton *m_browseTarget;
    QPushButton *m_importButton = nullptr;
};

} // namespace gatehouse
