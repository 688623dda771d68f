#include "BodyEditor.h"

#include "DialogSeams.h"
#include "KeyValueTable.h"
#include "editor/CodeEditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace gatehouse {

BodyEditor::BodyEditor(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_rawType(new QComboBox(this))
    , m_pages(new QStackedWidget(this))
    , m_raw(new CodeEditor(this))
    , m_form(new KeyValueTable(tr("Field"), this))
    , m_file(new QLineEdit(this)) {
    m_mode->setObjectName(QStringLiteral("bodyMode"));
    m_mode->addItems({tr("None"), tr("Raw"), tr("Form (URL-encoded)"), tr("File")});
    m_rawType->setObjectName(QStringLiteral("rawType"));
    m_rawType->addItems({tr("JSON"), tr("Text")});
    m_raw->setObjectName(QStringLiteral("rawBody"));
    m_raw->setLanguage(CodeEditor::Language::Json);
    m_form->setObjectName(QStringLiteral("formTable"));
    m_file->setObjectName(QStringLiteral("bodyFile"));
    m_file->setPlaceholderText(tr("File whose bytes are the body"));

    auto *none = new QLabel(tr("This request has no body."));
    none->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_pages->addWidget(none);
    m_pages->addWidget(m_raw);
    m_pages->addWidget(m_form);
    auto *filePage = new QWidget;
    auto *fileRow = new QHBoxLayout(filePage);
    fileRow->setContentsMargins(0, 0, 0, 0);
    auto *browse = new QPushButton(tr("Choose\u2026"), filePage);
    browse->setObjectName(QStringLiteral("chooseBodyFile"));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *fileColumn = new QWidget;
    auto *fileLayout = new QVBoxLayout(fileColumn);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    fileLayout->addWidget(filePage);
    fileLayout->addStretch(1);
    m_pages->addWidget(fileColumn);

    auto *top = new QHBoxLayout;
    top->addWidget(m_mode);
    top->addWidget(m_rawType);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int mode) {
        showMode(mode);
        if (!m_loading) emit edited();
    });
    connect(m_rawType, &QComboBox::currentIndexChanged, this, [this](int type) {
        m_raw->setLanguage(type == int(ComposerRequest::RawType::Json) ? CodeEditor::Language::Json
                                                                       : CodeEditor::Language::Plain);
        if (!m_loading) emit edited();
    });
    connect(m_raw, &QsciScintilla::textChanged, this, [this] {
        if (!m_loading) emit edited();
    });
    connect(m_form, &KeyValueTable::rowsEdited, this, &BodyEditor::edited);
    connect(m_file, &QLineEdit::textEdited, this, &BodyEditor::edited);
    connect(browse, &QPushButton::clicked, this, &BodyEditor::chooseFile);
    showMode(0);
}

void BodyEditor::showMode(int mode) {
    m_pages->setCurrentIndex(mode);
    m_rawType->setVisible(mode == int(ComposerRequest::BodyMode::Raw));
}

void BodyEditor::chooseFile() {
    const QString path = DialogSeams::openFileName(this, tr("Body File"), m_file->text(), QString());
    if (path.isEmpty()) return;
    m_file->setText(path);
    emit edited();
}

void BodyEditor::load(const ComposerRequest &request) {
    const QScopedValueRollback loading(m_loading, true);
    m_mode->setCurrentIndex(int(request.bodyMode));
    m_rawType->setCurrentIndex(int(request.rawType));
    if (m_raw->text() != request.rawBody) m_raw->setText(request.rawBody);
    m_form->setRows(request.form);
    m_file->setText(request.filePath);
    showMode(int(request.bodyMode));
}

void BodyEditor::store(ComposerRequest &request) const {
    request.bodyMode = ComposerRequest::BodyMode(m_mode->currentIndex());
    request.rawType = ComposerRequest::RawType(m_rawType->currentIndex());
    request.rawBody = m_raw->text();
    request.form = m_form->rows();
    request.filePath = m_file->text();
}

} // namespace gatehouse
