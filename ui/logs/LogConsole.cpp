#include "LogConsole.h"

#include "DialogSeams.h"
#include "LogTableModel.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse {

namespace {
constexpr int kTextDelayMs = 200;
}

LogConsole::LogConsole(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogTableModel(this))
    , m_view(new QTableView(this))
    , m_source(new QComboBox(this))
    , m_level(new QComboBox(this))
    , m_requestId(new QLineEdit(this))
    , m_text(new QLineEdit(this))
    , m_regex(new QToolButton(this))
    , m_follow(new QToolButton(this))
    , m_clear(new QToolButton(this))
    , m_export(new QToolButton(this))
    , m_error(new QLabel(this))
    , m_count(new QLabel(this)) {
    setObjectName(QStringLiteral("logConsole"));
    buildFilterBar();

    m_view->setObjectName(QStringLiteral("logTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights and column widths: nothing ever measures a million rows.
    QHeaderView *rows = m_view->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 4);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    columns->setHighlightSections(false);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(LogTableModel::TimeColumn, digit * 14);
    m_view->setColumnWidth(LogTableModel::SourceColumn, digit * 13);
    m_view->setColumnWidth(LogTableModel::RequestIdColumn, digit * 35); // a UUID
    m_view->setColumnWidth(LogTableModel::LevelColumn, digit * 7);

    // Drill-down: a request id narrows the view to that request.
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.column() != LogTableModel::RequestIdColumn) return;
        const QString id = index.data(Qt::UserRole).toString();
        if (!id.isEmpty()) m_requestId->setText(id);
    });

    // Whether to follow is decided before the rows arrive: afterwards the scroll bar has already grown.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { m_wasAtBottom = isAtBottom(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked() && m_wasAtBottom) m_view->scrollToBottom();
    });
    connect(m_model, &LogTableModel::linesChanged, this, &LogConsole::updateCount);
    connect(m_model, &LogTableModel::sourcesChanged, this, &LogConsole::refreshSources);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 0);
    bar->addWidget(m_source);
    bar->addWidget(m_level);
    bar->addWidget(m_requestId, 2);
    bar->addWidget(m_text, 3);
    bar->addWidget(m_regex);
    bar->addWidget(m_count);
    bar->addWidget(m_follow);
    bar->addWidget(m_clear);
    bar->addWidget(m_export);
    layout->addLayout(bar);
    m_error->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);
    updateCount();
}

void LogConsole::buildFilterBar() {
    m_source->setObjectName(QStringLiteral("logSource"));
    m_source->setToolTip(tr("Show one function or API only"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_source->addItem(tr("All sources"), QString());
    connect(m_source, &QComboBox::currentIndexChanged, this, &LogConsole::applyFilter);

    m_level->setObjectName(QStringLiteral("logLevel"));
    m_level->setToolTip(tr("Show lines of this level and above"));
    m_level->addItem(tr("All levels"), int(LogRecord::Level::Trace));
    m_level->addItem(tr("DEBUG and above"), int(LogRecord::Level::Debug));
    m_level->addItem(tr("INFO and above"), int(LogRecord::Level::Info));
    m_level->addItem(tr("WARN and above"), int(LogRecord::Level::Warn));
    m_level->addItem(tr("ERROR and above"), int(LogRecord::Level::Error));
    m_level->addItem(tr("FATAL"), int(LogRecord::Level::Fatal));
    connect(m_level, &QComboBox::currentIndexChanged, this, &LogConsole::applyFilter);

    m_requestId->setObjectName(QStringLiteral("logRequestId"));
    m_requestId->setPlaceholderText(tr("Request ID"));
    m_requestId->setToolTip(tr("A Lambda request id or an API's request id: shows that request's lines"));
    m_requestId->setClearButtonEnabled(true);
    connect(m_requestId, &QLineEdit::textChanged, this, &LogConsole::applyFilter);

    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setPlaceholderText(tr("Filter messages"));
    m_text->setClearButtonEnabled(true);
    m_textDelay.setSingleShot(true);
    m_textDelay.setInterval(kTextDelayMs);
    connect(&m_textDelay, &QTimer::timeout, this, &LogConsole::applyFilter);
    connect(m_text, &QLineEdit::textChanged, &m_textDelay, qOverload<>(&QTimer::start));

    m_regex->setObjectName(QStringLiteral("logRegex"));
    m_regex->setText(QStringLiteral(".*"));
    m_regex->setToolTip(tr("Match the filter as a regular expression"));
    m_regex->setCheckable(true);
    connect(m_regex, &QToolButton::toggled, this, &LogConsole::applyFilter);

    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the newest line in view while the view is scrolled to the bottom"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    connect(m_follow, &QToolButton::toggled, this, [this](bool on) {
        if (on) m_view->scrollToBottom();
    });

    m_clear->setObjectName(QStringLiteral("logClear"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Remove the lines shown so far; new lines keep arriving"));
    connect(m_clear, &QToolButton::clicked, m_model, &LogTableModel::clear);

    m_export->setObjectName(QStringLiteral("logExport"));
    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("Save the lines the filter shows"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("As Text…"), this, [this] { exportLines(LogExportFormat::Text); })
        ->setObjectName(QStringLiteral("logExportText"));
    menu->addAction(tr("As JSON Lines…"), this, [this] { exportLines(LogExportFormat::JsonLines); })
        ->setObjectName(QStringLiteral("logExportJsonLines"));
    m_export->setMenu(menu);

    m_error->setObjectName(QStringLiteral("logError"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_count->setObjectName(QStringLiteral("logCount"));
}

void LogConsole::setLogStore(LogStore *store) {
    m_model->setLogStore(store);
}

void LogConsole::showRequest(const QString &requestId) {
    m_requestId->setText(requestId); // applies the filter
}

void LogConsole::applyFilter() {
    m_textDelay.stop();
    LogFilter filter;
    filter.source = m_source->currentData().toString();
    filter.minimumLevel = LogRecord::Level(m_level->currentData().toInt());
    filter.requestId = m_requestId->text().trimmed();
    filter.text = m_text->text();
    filter.regex = m_regex->isChecked();
    if (filter == m_model->filter()) return;
    const QString error = m_model->setFilter(filter);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_text->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("border: 1px solid #c62828"));
    if (m_follow->isChecked()) m_view->scrollToBottom();
}

void LogConsole::refreshSources() {
    // Rebuilt without signals: the current choice must survive new sources arriving mid-run.
    const QString current = m_source->currentData().toString();
    const QSignalBlocker blocker(m_source);
    while (m_source->count() > 1)
        m_source->removeItem(1);
    for (const QString &source : m_model->sources())
        m_source->addItem(source, source);
    m_source->setCurrentIndex(std::max(0, m_source->findData(current)));
}

void LogConsole::updateCount() {
    const qsizetype total = m_model->totalLines();
    const int shown = m_model->rowCount();
    const QLocale locale;
    m_count->setText(shown == total
                         ? tr("%Ln line(s)", nullptr, shown)
                         : tr("%1 of %Ln line(s)", nullptr, int(total)).arg(locale.toString(shown)));
}

void LogConsole::exportLines(LogExportFormat format) {
    const bool text = format == LogExportFormat::Text;
    const QString suggested =
        QDir::home().filePath(text ? QStringLiteral("logs.txt") : QStringLiteral("logs.jsonl"));
    const QString path = DialogSeams::saveFileName(
        this, text ? tr("Export Log as Text") : tr("Export Log as JSON Lines"), suggested,
        text ? tr("Text files (*.txt *.log)") : tr("JSON Lines (*.jsonl)"));
    if (path.isEmpty()) return;
    const QString error =
        exportLogLines(path, format, m_model->rowCount(),
                       [this](qsizetype row) -> const LogRecord & { return m_model->record(int(row)); });
    if (!error.isEmpty()) DialogSeams::notify(this, QMessageBox::Warning, tr("Export Log"), error);
}

bool LogConsole::isAtBottom() const {
    const QScrollBar *bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

} // namespace gatehouse
