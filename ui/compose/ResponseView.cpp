#include "ResponseView.h"

#include "editor/CodeEditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

namespace gatehouse {

namespace {

// Pretty-printing and lexing a huge body would freeze the window; the raw tab still has it.
constexpr qsizetype kMaxPrettyBytes = 4 * 1024 * 1024;
constexpr qsizetype kMaxRawChars = 8 * 1024 * 1024;

QColor statusColour(int status) {
    if (status >= 500) return QColor(0xD0, 0x3B, 0x3B);
    if (status >= 400) return QColor(0xD9, 0x7A, 0x00);
    if (status >= 300) return QColor(0x2F, 0x7F, 0xD0);
    return QColor(0x2E, 0x9E, 0x4F);
}

void colourLabel(QLabel *label, const QColor &colour) {
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
}

} // namespace

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_time(new QLabel(this))
    , m_size(new QLabel(this))
    , m_error(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_pretty(new CodeEditor(this))
    , m_raw(new QPlainTextEdit(this))
    , m_headers(new QTableWidget(0, 2, this))
    , m_image(new QLabel) {
    m_status->setObjectName(QStringLiteral("responseStatus"));
    m_time->setObjectName(QStringLiteral("responseTime"));
    m_size->setObjectName(QStringLiteral("responseSize"));
    m_error->setObjectName(QStringLiteral("responseError"));
    m_tabs->setObjectName(QStringLiteral("responseTabs"));
    m_pretty->setObjectName(QStringLiteral("responsePretty"));
    m_raw->setObjectName(QStringLiteral("responseRaw"));
    m_headers->setObjectName(QStringLiteral("responseHeaders"));
    m_image->setObjectName(QStringLiteral("responseImage"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    colourLabel(m_error, QColor(0xD0, 0x3B, 0x3B));
    m_pretty->setReadOnly(true);
    m_pretty->setLanguage(CodeEditor::Language::Json);
    m_raw->setReadOnly(true);
    m_raw->setFont(CodeEditor::codeFont());
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_headers->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_headers->verticalHeader()->hide();
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->resizeSection(0, 220);
    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_image->setAlignment(Qt::AlignCenter);
    auto *imageScroll = new QScrollArea(this);
    imageScroll->setWidget(m_image);
    imageScroll->setWidgetResizable(true);

    m_tabs->addTab(m_pretty, tr("Body"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(imageScroll, tr("Preview"));
    m_tabs->setDocumentMode(true);

    auto *facts = new QHBoxLayout;
    facts->addWidget(new QLabel(tr("Response"), this));
    facts->addSpacing(12);
    facts->addWidget(m_status);
    facts->addSpacing(12);
    facts->addWidget(m_time);
    facts->addSpacing(12);
    facts->addWidget(m_size);
    facts->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(facts);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);
    clear();
}

QString ResponseView::sizeText(qint64 bytes) {
    if (bytes < 1024) return tr("%n B", nullptr, int(bytes));
    if (bytes < 1024 * 1024) return tr("%1 KB").arg(QLocale().toString(bytes / 1024.0, 'f', 1));
    return tr("%1 MB").arg(QLocale().toString(bytes / (1024.0 * 1024.0), 'f', 1));
}

QString ResponseView::prettyJson(const QByteArray &body) {
    if (body.isEmpty() || body.size() > kMaxPrettyBytes) return {};
    const auto parsed = nlohmann::ordered_json::parse(body.cbegin(), body.cend(), nullptr, false);
    if (parsed.is_discarded()) return {};
    return QString::fromStdString(parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
}

void ResponseView::clear() {
    m_status->setText(tr("No request sent yet"));
    colourLabel(m_status, palette().color(QPalette::PlaceholderText));
    m_time->clear();
    m_size->clear();
    m_error->clear();
    m_error->hide();
    m_pretty->setText(QString());
    m_raw->clear();
    m_headers->setRowCount(0);
    m_image->clear();
    m_tabs->setTabEnabled(PreviewTab, false);
}

void ResponseView::showSending(const QString &method, const QString &url) {
    clear();
    m_status->setText(tr("Sending %1 %2\u2026").arg(method, url));
}

void ResponseView::showError(const QString &message) {
    clear();
    m_status->setText(tr("No response"));
    colourLabel(m_status, QColor(0xD0, 0x3B, 0x3B));
    m_error->setText(message);
    m_error->show();
}

void ResponseView::showExchange(const testing::HttpExchange &exchange) {
    if (!exchange.hasResponse()) {
        showError(exchange.error);
        m_time->setText(tr("%1 ms").arg(exchange.elapsedMs));
        return;
    }
    clear();
    m_status->setText(QString::number(exchange.status));
    colourLabel(m_status, statusColour(exchange.status));
    m_time->setText(tr("%1 ms").arg(exchange.elapsedMs));
    m_size->setText(sizeText(exchange.body.size()));

    m_headers->setRowCount(int(exchange.headers.size()));
    for (int row = 0; row < exchange.headers.size(); ++row) {
        m_headers->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(exchange.headers[row].first)));
        m_headers->setItem(row, 1, new QTableWidgetItem(QString::fromUtf8(exchange.headers[row].second)));
    }
    const QString contentType =
        QString::fromLatin1(exchange.header("content-type").value_or(QByteArray())).toLower();
    const QString raw = QString::fromUtf8(exchange.body.left(kMaxRawChars));
    m_raw->setPlainText(raw);
    const QString pretty = prettyJson(exchange.body);
    m_pretty->setLanguage(pretty.isEmpty() ? CodeEditor::Language::Plain : CodeEditor::Language::Json);
    m_pretty->setText(pretty.isEmpty() ? raw : pretty);

    if (contentType.startsWith(QLatin1String("image/"))) {
        QImage image;
        if (image.loadFromData(exchange.body)) {
            m_image->setPixmap(QPixmap::fromImage(image));
            m_tabs->setTabEnabled(PreviewTab, true);
            m_tabs->setCurrentIndex(PreviewTab);
            return;
        }
    }
    if (m_tabs->currentIndex() == PreviewTab) m_tabs->setCurrentIndex(BodyTab);
}

} // namespace gatehouse
