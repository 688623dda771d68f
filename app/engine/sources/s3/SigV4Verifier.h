// Checks AWS Signature Version 4 on S3 requests when the project sets credentials: the Authorization
// header's signature over the canonical request (S3 API reference, "Authenticating Requests: Using the
// Authorization Header", https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html),
// the declared payload hash against the body, and the chunk signatures of STREAMING-AWS4-HMAC-SHA256-
// PAYLOAD bodies (".../sigv4-streaming.html"). HMAC and SHA-256 come from Qt (QMessageAuthenticationCode,
// QCryptographicHash). The region and service in the credential scope are taken as the client sent them.
#pragma once

#include "AwsChunkedBody.h"
#include "http/HttpRequest.h"

#include <QByteArray>
#include <QString>

namespace gatehouse::s3 {

struct SigV4Credentials {
    QString accessKeyId;
    QString secretAccessKey;
    bool operator==(const SigV4Credentials &) const = default;
};

struct SigV4Result {
    enum class Status {
        Valid,
        Unsigned,
        InvalidAccessKeyId,
        SignatureDoesNotMatch,
        PayloadHashMismatch,
        Malformed
    };
    Status status = Status::Valid;
    QString accessKeyId;
    QByteArray seedSignature; // the request's signature: the first chunk signature chains from it
    QByteArray scope;         // "20130524/us-east-1/s3/aws4_request"
    QByteArray amzDate;       // "20130524T000000Z"
    QByteArray signingKey;
};

// Verifies the request's signature. `body` is the request body as sent (still aws-chunked framed).
SigV4Result verifySigV4(const http::HttpRequest &request, const SigV4Credentials &credentials);
// For STREAMING-AWS4-HMAC-SHA256-PAYLOAD: each chunk's signature chains from the previous one.
bool verifyChunkSignatures(const SigV4Result &seed, const AwsChunkedBody &body);

// The pieces, for tests: the canonical request and the signing key of the documentation's examples.
QByteArray canonicalRequest(const http::HttpRequest &request, const QList<QByteArray> &signedHeaders,
                            const QByteArray &payloadHash);
QByteArray signingKey(const QString &secret, const QByteArray &date, const QByteArray &region,
                      const QByteArray &service);

// A browser-based POST upload's signature: the hex HMAC-SHA256 of the base64 policy field with the
// signing key of the x-amz-credential's scope "<key id>/<date>/<region>/<service>/aws4_request"
// (S3 API reference, "Calculating a Signature" for POST,
// https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-post-example.html).
QByteArray postPolicySignature(const QString &secret, const QByteArray &date, const QByteArray &region,
                               const QByteArray &service, const QByteArray &policyBase64);

} // namespace gatehouse::s3
