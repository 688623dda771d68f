#include "InvocationResultView.h"

#include "editor/CodeEditor.h"
#include "gateway/JsonText.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse {

namespace {

// JSON shown indented; anything else (a plain-text error page, bytes) as it came.
QString prettyPayload(const QByteArray &payload) {
    if (const std::optional<OrderedJson> json = parseJson(payload))
        return QString::fromStdString(json->dump(2, ' ', false, OrderedJson::error_handler_t::replace));
    return QString::fromUtf8(payload);
}

QString milliseconds(double ms) {
    return InvocationResultView::tr("%1 ms").arg(ms, 0, 'f', 2);
}

} // namespace

InvocationResultView::InvocationResultView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_requestIdLabel(new QLabel(this))
    , m_showInLogs(new QToolButton(this))
    , m_payload(new CodeEditor(this))
    , m_logs(new QPlainTextEdit(this)) {
    setObjectName(QStringLiteral("invocationResult"));
    m_status->setObjectName(QStringLiteral("invocationStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_figures->setObjectName(QStringLiteral("invocationFigures"));
    m_figures->setWordWrap(true);
    m_requestIdLabel->setObjectName(QStringLiteral("invocationRequestId"));
    m_requestIdLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_showInLogs->setObjectName(QStringLiteral("showInLogs"));
    m_showInLogs->setText(tr("Show in Logs"));
    m_showInLogs->setToolTip(tr("Filter the Logs dock by this request id"));
    m_showInLogs->setEnabled(false);
    connect(m_showInLogs, &QToolButton::clicked, this, [this] {
        if (!m_requestId.isEmpty()) emit showInLogsRequested(m_requestId);
    });

    m_payload->setObjectName(QStringLiteral("invocationPayload"));
    m_payload->setReadOnly(true);
    m_payload->setCode(QStringLiteral("response.json"), QString());
    m_logs->setObjectName(QStringLiteral("invocationLogs"));
    m_logs->setReadOnly(true);
    m_logs->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_logs->setFont(CodeEditor::codeFont());
    m_logs->setPlaceholderText(tr("The invocation's log lines"));

    auto *idRow = new QHBoxLayout;
    idRow->addWidget(m_requestIdLabel, 1);
    idRow->addWidget(m_showInLogs);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_payload);
    split->addWidget(m_logs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_figures);
    layout->addLayout(idRow);
    layout->addWidget(split, 1);
    showPending(tr("Pick a function and an event, then Invoke."));
}

void InvocationResultView::setStatus(const QString &text, int tone) {
    m_status->setText(text);
    // The log console's red, and a green that reads on light and dark backgrounds alike.
    m_status->setStyleSheet(tone < 0   ? QStringLiteral("color: #c62828; font-weight: bold")
                            : tone > 0 ? QStringLiteral("color: #2e7d32; font-weight: bold")
                                       : QString());
}

void InvocationResultView::setRequestId(const QString &requestId) {
    m_requestId = requestId;
    m_requestIdLabel->setText(requestId.isEmpty() ? QString() : tr("Request ID: %1").arg(requestId));
    m_showInLogs->setEnabled(!requestId.isEmpty());
}

void InvocationResultView::showPending(const QString &text) {
    setStatus(text, 0);
    m_figures->clear();
    setRequestId({});
    m_payload->setCode(QStringLiteral("response.json"), QString());
    m_logs->clear();
}

void InvocationResultView::showError(const QString &text) {
    showPending(text);
    setStatus(text, -1);
}

void InvocationResultView::showAccepted(const InvocationResult &accepted) {
    showPending(tr("Accepted (%1): %2 runs asynchronously; its result follows.")
                    .arg(accepted.statusCode)
                    .arg(accepted.functionName));
    setRequestId(accepted.requestId);
}

void InvocationResultView::showResult(const InvocationResult &result, const QStringList &logLines) {
    if (result.isPlatformError())
        setStatus(tr("%1 %2: %3").arg(result.statusCode).arg(result.errorType, result.errorMessage), -1);
    else if (result.isFunctionError())
        setStatus(tr("Function error (%1): %2: %3")
                      .arg(result.functionError, result.errorType, result.errorMessage),
                  -1);
    else
        setStatus(result.asynchronous ? tr("Succeeded (asynchronous, attempt %1)").arg(result.attempt)
                                      : tr("Succeeded (%1)").arg(result.statusCode),
                  1);
    QStringList figures;
    if (!result.isPlatformError() || result.durationMs > 0) {
        figures << tr("Duration %1").arg(milliseconds(result.durationMs))
                << tr("Billed %1 ms").arg(result.billedDurationMs)
                << tr("Memory %1 MB, max used %2 MB").arg(result.memorySizeMB).arg(result.maxMemoryUsedMB);
        if (result.coldStart) figures << tr("Init %1 (cold start)").arg(milliseconds(result.initDurationMs));
    }
    // Lines break between figures, never inside one ("Init 1.72 ms").
    for (QString &figure : figures)
        figure.replace(QLatin1Char(' '), QChar(0x00A0));
    m_figures->setText(figures.join(QStringLiteral(" \u00b7 ")));
    setRequestId(result.requestId);
    m_payload->setCode(QStringLiteral("response.json"), prettyPayload(result.payload));
    m_logs->setPlainText(logLines.join(QLatin1Char('\n')));
}

QString InvocationResultView::statusText() const {
    return m_status->text();
}
QString InvocationResultView::figuresText() const {
    return m_figures->text();
}
QString InvocationResultView::payloadText() const {
    return m_payload->text();
}
QString InvocationResultView::logText() const {
    return m_logs->toPlainText();
}

} // namespace gatehouse
