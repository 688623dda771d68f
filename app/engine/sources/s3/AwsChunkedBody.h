// The `aws-chunked` content encoding that SDKs use for streaming uploads: the body is a series of
// "<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n" chunks ending with a zero-size chunk and optional
// trailing headers (x-amz-checksum-crc32: ...). Sent with x-amz-content-sha256 STREAMING-AWS4-HMAC-
// SHA256-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, ... and x-amz-decoded-content-length
// (S3 API reference, "Signature Calculations for the Authorization Header: Transferring Payload in
// Multiple Chunks", https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html).
#pragma once

#include "http/HttpRequest.h"

#include <QByteArray>
#include <QList>
#include <optional>

namespace gatehouse::s3 {

struct AwsChunk {
    QByteArray signature; // the chunk-signature extension, empty when unsigned
    QByteArray data;
};

struct AwsChunkedBody {
    QList<AwsChunk> chunks; // without the final empty one
    QByteArray finalSignature;
    QList<QPair<QByteArray, QByteArray>> trailers;
    QByteArray payload() const;
};

// True when the request's body uses the framing (its content encoding or its x-amz-content-sha256 says so).
bool isAwsChunked(const http::HttpRequest &request);
// nullopt for a body that breaks the framing.
std::optional<AwsChunkedBody> decodeAwsChunked(const QByteArray &body);

} // namespace gatehouse::s3
