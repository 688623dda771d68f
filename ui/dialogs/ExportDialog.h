// File > Export…: choose a format (AWS SAM, OpenAPI per API, serverless.yml, Postman) and a
// destination, read the output and its warnings, then write the files atomically, asking before
// anything existing is replaced.
#pragma once

#include "export/ExportFormat.h"
#include "project/Project.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QWidget;

namespace gatehouse {

class ExportFilesView;
class WarningsPanel;

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    // Exports `project` as it is now (unsaved edits included), with the code read from `projectFolder`.
    ExportDialog(const Project &project, const QString &projectFolder, QWidget *parent = nullptr);

    void selectFormat(ExportFormat format);
    ExportFormat format() const;
    // OpenAPI only: the API exported on its own, or -1 for every HTTP and REST API.
    void selectApi(int apiIndex);
    QString destination() const;
    void setDestination(const QString &path);

    const ExportResult &result() const { return m_result; }
    QString previewText() const;
    ExportFilesView *filesView() const { return m_files; }
    WarningsPanel *warningsPanel() const { return m_warnings; }
    QPushButton *exportButton() const { return m_exportButton; }

    // Writes the files; true (and the dialog accepted) on success. On failure the dialog stays open
    // and the user is told why.
    bool exportFiles();
    // After a successful export: "Exported AWS SAM to /x (13 files written, 6 warnings)."
    QString resultMessage() const { return m_resultMessage; }

private:
    void refresh();
    void updateOptionRows();
    void updatePlan();
    void browse();
    QString formatTitle() const;

    Project m_project;
    QString m_projectFolder;
    ExportResult m_result;
    bool m_resultChanged = false;
    QStringList m_shownNames;
    bool m_singleFile = false;
    QString m_mainName;
    bool m_destinationChosen = false; // typed or browsed: no longer follows the default
    QString m_resultMessage;

    QFormLayout *m_form = nullptr;
    QComboBox *m_format;
    QComboBox *m_api;
    QWidget *m_options;
    QCheckBox *m_code;
    QCheckBox *m_json;
    QCheckBox *m_existingBuckets;
    QLabel *m_destinationLabel;
    QLineEdit *m_destination;
    QPushButton *m_browse;
    ExportFilesView *m_files;
    WarningsPanel *m_warnings;
    QPushButton *m_exportButton = nullptr;
};

} // namespace gatehouse
