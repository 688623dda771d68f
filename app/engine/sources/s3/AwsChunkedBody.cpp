#include "AwsChunkedBody.h"

namespace gatehouse::s3 {

QByteArray AwsChunkedBody::payload() const {
    qsizetype total = 0;
    for (const AwsChunk &chunk : chunks)
        total += chunk.data.size();
    QByteArray out;
    out.reserve(total);
    for (const AwsChunk &chunk : chunks)
        out += chunk.data;
    return out;
}

bool isAwsChunked(const http::HttpRequest &request) {
    if (request.header("x-amz-content-sha256").startsWith("STREAMING-")) return true;
    for (const QByteArray &coding : request.header("Content-Encoding").split(','))
        if (coding.trimmed().compare("aws-chunked", Qt::CaseInsensitive) == 0) return true;
    return false;
}

std::optional<AwsChunkedBody> decodeAwsChunked(const QByteArray &body) {
    AwsChunkedBody decoded;
    qsizetype at = 0;
    while (true) {
        const qsizetype lineEnd = body.indexOf("\r\n", at);
        if (lineEnd < 0) return std::nullopt;
        const QByteArray line = body.mid(at, lineEnd - at);
        const qsizetype semicolon = line.indexOf(';');
        bool ok = false;
        const qint64 size = line.left(semicolon < 0 ? line.size() : semicolon).trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0) return std::nullopt;
        QByteArray signature;
        if (semicolon >= 0) {
            const QByteArray extension = line.mid(semicolon + 1).trimmed();
            if (extension.startsWith("chunk-signature=")) signature = extension.mid(16);
        }
        at = lineEnd + 2;
        if (size == 0) {
            decoded.finalSignature = signature;
            break;
        }
        if (body.size() - at < size + 2 || body.mid(at + size, 2) != "\r\n") return std::nullopt;
        decoded.chunks.append({signature, body.mid(at, size)});
        at += size + 2;
    }
    // Trailing headers, each "name:value\r\n", then an empty line (which some clients leave out).
    while (at < body.size()) {
        const qsizetype lineEnd = body.indexOf("\r\n", at);
        const QByteArray line = body.mid(at, lineEnd < 0 ? -1 : lineEnd - at);
        at = lineEnd < 0 ? body.size() : lineEnd + 2;
        if (line.isEmpty()) break;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) return std::nullopt;
        decoded.trailers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return decoded;
}

} // namespace gatehouse::s3
