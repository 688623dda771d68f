// One HTTP request as sent and what came back (or why nothing did): the input of assertion checks.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <optional>

namespace gatehouse::testing {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct OutgoingRequest {
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    HeaderList headers;
    QByteArray body;
    int timeoutMs = 30000;        // the whole exchange, connect to last byte
    bool followRedirects = false; // a test of a 302 must see the 302
};

struct HttpExchange {
    int status = 0; // 0: no HTTP response (see error)
    HeaderList headers;
    QByteArray body;
    qint64 elapsedMs = 0; // sent to fully received, what Postman calls responseTime
    QString error;        // why there is no response (refused, timed out, ...)
    bool timedOut = false;

    bool hasResponse() const { return status > 0; }
    // The first value of a header; names compare case-insensitively as in HTTP.
    std::optional<QByteArray> header(const QByteArray &name) const {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
        return std::nullopt;
    }
};

} // namespace gatehouse::testing
