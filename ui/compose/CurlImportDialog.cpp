#include "CurlImportDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace gatehouse {

CurlImportDialog::CurlImportDialog(QWidget *parent)
    : QDialog(parent)
    , m_command(new QPlainTextEdit(this))
    , m_problem(new QLabel(this)) {
    setObjectName(QStringLiteral("curlImportDialog"));
    setWindowTitle(tr("Import from curl"));
    m_command->setObjectName(QStringLiteral("curlCommand"));
    m_command->setPlaceholderText(tr("curl 'https://example.com/items' -H 'accept: application/json'"));
    m_problem->setObjectName(QStringLiteral("curlProblem"));
    m_problem->setWordWrap(true);
    QPalette red = m_problem->palette();
    red.setColor(QPalette::WindowText, QColor(0xD0, 0x3B, 0x3B));
    m_problem->setPalette(red);
    m_problem->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Paste a curl command line (bash or Windows cmd):"), this));
    layout->addWidget(m_command, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &CurlImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CurlImportDialog::reject);
    resize(640, 300);
}

void CurlImportDialog::accept() {
    m_import = testing::parseCurlCommand(m_command->toPlainText());
    if (!m_import.request) {
        m_problem->setText(m_import.error);
        m_problem->show();
        return;
    }
    QDialog::accept();
}

} // namespace gatehouse
