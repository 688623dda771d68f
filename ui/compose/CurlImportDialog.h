// "Import from curl…": a curl command line pasted into a text box (a browser's or Postman's "Copy as
// cURL"), read with testing::parseCurlCommand; a command it cannot read keeps the dialog open with
// the reason shown under the text.
#pragma once

#include "testing/CurlCommand.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace gatehouse {

class CurlImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit CurlImportDialog(QWidget *parent = nullptr);

    QPlainTextEdit *commandEdit() const { return m_command; }
    // Valid once accepted: the request, and the options that were left out.
    const testing::CurlImport &result() const { return m_import; }
    void accept() override;

private:
    QPlainTextEdit *m_command;
    QLabel *m_problem;
    testing::CurlImport m_import;
};

} // namespace gatehouse
