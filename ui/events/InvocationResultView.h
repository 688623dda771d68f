// The result half of the events panel: how an invocation ended (status, function error, or the
// platform's exception), its REPORT figures (duration, billed duration, memory, init duration), the
// response payload pretty-printed, and the invocation's log lines, with a way to the Logs dock.
#pragma once

#include "invoker/Invocation.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QToolButton;

namespace gatehouse {

class CodeEditor;

class InvocationResultView : public QWidget {
    Q_OBJECT
public:
    explicit InvocationResultView(QWidget *parent = nullptr);

    // A line while nothing is known yet ("Invoking hello…"), or an error that kept the call from
    // being made; clears what was shown.
    void showPending(const QString &text);
    void showError(const QString &text);
    // An Event accepted (202): its outcome comes later through showResult.
    void showAccepted(const InvocationResult &accepted);
    // `logLines`: the invocation's lines (InvocationResult::logLines, or the log store's).
    void showResult(const InvocationResult &result, const QStringList &logLines);

    QString statusText() const;
    QString figuresText() const;
    QString payloadText() const;
    QString logText() const;
    QString requestId() const { return m_requestId; }
    QToolButton *showInLogsButton() const { return m_showInLogs; }

signals:
    void showInLogsRequested(const QString &requestId);

private:
    void setStatus(const QString &text, int tone); // tone: 0 neutral, 1 success, -1 failure
    void setRequestId(const QString &requestId);

    QLabel *m_status;
    QLabel *m_figures;
    QLabel *m_requestIdLabel;
    QToolButton *m_showInLogs;
    CodeEditor *m_payload;
    QPlainTextEdit *m_logs;
    QString m_requestId;
};

} // namespace gatehouse
