#include "LoadTestOptions.h"

#include <QCoreApplication>

namespace gatehouse::testing {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::testing", text);
}

} // namespace

QString loadTestOptionsError(const LoadTestOptions &options) {
    const QUrl &url = options.request.url;
    if (!url.isValid() || url.host().isEmpty()) return tr("not a URL: %1").arg(url.toString());
    // The local cloud serves plain HTTP; TLS would measure the handshake more than the project.
    if (url.scheme() != QLatin1String("http"))
        return tr("a load test sends http:// requests only, not %1").arg(url.toString());
    if (options.concurrency < 1 || options.concurrency > LoadTestOptions::kMaxConcurrency)
        return tr("concurrency must be between 1 and %1").arg(LoadTestOptions::kMaxConcurrency);
    if ((options.count > 0) == (options.durationMs > 0))
        return tr("set either a duration or a number of requests");
    if (options.count < 0 || options.durationMs < 0) return tr("duration and count cannot be negative");
    if (options.request.timeoutMs <= 0) return tr("the request timeout must be positive");
    if (options.request.method.isEmpty() || options.request.method.contains(' '))
        return tr("not an HTTP method: %1").arg(QString::fromUtf8(options.request.method));
    for (const auto &[name, value] : options.request.headers)
        if (name.isEmpty() || name.contains('\r') || name.contains('\n') || name.contains(':') ||
            value.contains('\r') || value.contains('\n'))
            return tr("not a valid header: %1").arg(QString::fromUtf8(name));
    return {};
}

QByteArray encodeLoadRequest(const OutgoingRequest &request) {
    const QUrl &url = request.url;
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty()) target = "/";
    if (url.hasQuery()) target += '?' + url.query(QUrl::FullyEncoded).toUtf8();

    QByteArray bytes;
    bytes.reserve(256 + request.body.size());
    bytes += request.method + ' ' + target + " HTTP/1.1\r\n";
    bool hasHost = false;
    for (const auto &[name, value] : request.headers)
        if (name.compare("host", Qt::CaseInsensitive) == 0) hasHost = true;
    if (!hasHost) {
        bytes += "Host: " + url.host(QUrl::FullyEncoded).toUtf8();
        if (url.port() > 0 && url.port() != 80) bytes += ':' + QByteArray::number(url.port());
        bytes += "\r\n";
    }
    for (const auto &[name, value] : request.headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0 ||
            name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            continue;
        bytes += name + ": " + value + "\r\n";
    }
    const bool bodyExpected = !request.body.isEmpty() || request.method == "POST" ||
                              request.method == "PUT" || request.method == "PATCH";
    if (bodyExpected) bytes += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    bytes += "\r\n";
    bytes += request.body;
    return bytes;
}

} // namespace gatehouse::testing
