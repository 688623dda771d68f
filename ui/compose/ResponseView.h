// The composer's response area: status (coloured by class), time and size, then the body pretty-printed
// as JSON with folding, the raw text, the headers, and a preview when the body is an image. Errors
// (refused, timed out, unknown variable, cancelled) are shown here in place of a response, never as
// dialogs.
#pragma once

#include "testing/HttpExchange.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;
class QTabWidget;

namespace gatehouse {

class CodeEditor;

class ResponseView : public QWidget {
    Q_OBJECT
public:
    enum Tab { BodyTab, RawTab, HeadersTab, PreviewTab };

    explicit ResponseView(QWidget *parent = nullptr);

    void showSending(const QString &method, const QString &url);
    void showExchange(const testing::HttpExchange &exchange);
    // A request that got no response or was never sent: the message in red where the status goes.
    void showError(const QString &message);
    void clear();

    QLabel *statusLabel() const { return m_status; }
    QLabel *timeLabel() const { return m_time; }
    QLabel *sizeLabel() const { return m_size; }
    QLabel *errorLabel() const { return m_error; }
    QTabWidget *tabs() const { return m_tabs; }
    CodeEditor *prettyBody() const { return m_pretty; }
    QPlainTextEdit *rawBody() const { return m_raw; }
    QTableWidget *headersTable() const { return m_headers; }
    QLabel *imagePreview() const { return m_image; }

    // Text for a size in bytes: "512 B", "1.5 KB", "2.0 MB".
    static QString sizeText(qint64 bytes);
    // Indented JSON with the keys in the order they came, or an empty string when `body` is not JSON.
    static QString prettyJson(const QByteArray &body);

private:
    QLabel *m_status;
    QLabel *m_time;
    QLabel *m_size;
    QLabel *m_error;
    QTabWidget *m_tabs;
    CodeEditor *m_pretty;
    QPlainTextEdit *m_raw;
    QTableWidget *m_headers;
    QLabel *m_image;
};

} // namespace gatehouse
