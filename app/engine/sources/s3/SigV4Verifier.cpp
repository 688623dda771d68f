#include "SigV4Verifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <algorithm>

namespace gatehouse::s3 {

namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &message) {
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray sha256Hex(const QByteArray &data) {
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// AWS's UriEncode: everything but A-Z a-z 0-9 - . _ ~ as %XX (upper case); '/' kept in paths.
QByteArray uriEncode(const QByteArray &decoded, bool keepSlash) {
    return decoded.toPercentEncoding(keepSlash ? "/" : "", {}, '%');
}

QByteArray canonicalQuery(const QByteArray &query) {
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &part : query.split('&')) {
        if (part.isEmpty()) continue;
        const qsizetype eq = part.indexOf('=');
        const QByteArray name = QByteArray::fromPercentEncoding(eq < 0 ? part : part.left(eq));
        const QByteArray value = eq < 0 ? QByteArray() : QByteArray::fromPercentEncoding(part.mid(eq + 1));
        if (name == "X-Amz-Signature") continue;
        pairs.append({uriEncode(name, false), uriEncode(value, false)});
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArray out;
    for (const auto &[name, value] : pairs) {
        if (!out.isEmpty()) out += '&';
        out += name + '=' + value;
    }
    return out;
}

QByteArray canonicalHeaderValue(const http::HttpRequest &request, const QByteArray &name) {
    QList<QByteArray> values;
    for (const auto &[field, value] : request.headers)
        if (field.compare(name, Qt::CaseInsensitive) == 0) values.append(value.simplified());
    return values.join(',');
}

// "Credential=AKID/20130524/us-east-1/s3/aws4_request, SignedHeaders=a;b, Signature=hex".
QByteArray authorizationPart(const QByteArray &authorization, const QByteArray &name) {
    for (const QByteArray &piece : authorization.mid(authorization.indexOf(' ') + 1).split(',')) {
        const QByteArray trimmed = piece.trimmed();
        if (trimmed.startsWith(name + '=')) return trimmed.mid(name.size() + 1);
    }
    return {};
}

} // namespace

QByteArray signingKey(const QString &secret, const QByteArray &date, const QByteArray &region,
                      const QByteArray &service) {
    const QByteArray dateKey = hmac("AWS4" + secret.toUtf8(), date);
    return hmac(hmac(hmac(dateKey, region), service), "aws4_request");
}

QByteArray postPolicySignature(const QString &secret, const QByteArray &date, const QByteArray &region,
                               const QByteArray &service, const QByteArray &policyBase64) {
    return hmac(signingKey(secret, date, region, service), policyBase64).toHex();
}

QByteArray canonicalRequest(const http::HttpRequest &request, const QList<QByteArray> &signedHeaders,
                            const QByteArray &payloadHash) {
    QByteArray headers;
    for (const QByteArray &name : signedHeaders)
        headers += name + ':' + canonicalHeaderValue(request, name) + '\n';
    const QByteArray path = request.path.isEmpty() ? QByteArray("/") : request.path;
    return request.method + '\n' + uriEncode(QByteArray::fromPercentEncoding(path), true) + '\n' +
           canonicalQuery(request.query) + '\n' + headers + '\n' + signedHeaders.join(';') + '\n' +
           payloadHash;
}

SigV4Result verifySigV4(const http::HttpRequest &request, const SigV4Credentials &credentials) {
    SigV4Result result;
    const QByteArray authorization = request.header("Authorization");
    if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) {
        result.status = SigV4Result::Status::Unsigned;
        return result;
    }
    const QList<QByteArray> credential = authorizationPart(authorization, "Credential").split('/');
    const QList<QByteArray> signedHeaders = authorizationPart(authorization, "SignedHeaders").split(';');
    const QByteArray signature = authorizationPart(authorization, "Signature");
    result.amzDate = request.header("x-amz-date");
    if (credential.size() != 5 || signature.isEmpty() || result.amzDate.size() < 8) {
        result.status = SigV4Result::Status::Malformed;
        return result;
    }
    result.accessKeyId = QString::fromUtf8(credential[0]);
    if (result.accessKeyId != credentials.accessKeyId) {
        result.status = SigV4Result::Status::InvalidAccessKeyId;
        return result;
    }
    const QByteArray payloadHash = request.header("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
    result.scope = credential.mid(1).join('/');
    result.signingKey = signingKey(credentials.secretAccessKey, credential[1], credential[2], credential[3]);
    const QByteArray stringToSign = "AWS4-HMAC-SHA256\n" + result.amzDate + '\n' + result.scope + '\n' +
                                    sha256Hex(canonicalRequest(request, signedHeaders, payloadHash));
    result.seedSignature = signature;
    if (hmac(result.signingKey, stringToSign).toHex() != signature) {
        result.status = SigV4Result::Status::SignatureDoesNotMatch;
        return result;
    }
    // A hex hash is a promise about the body: S3 checks it (XAmzContentSHA256Mismatch).
    if (payloadHash.size() == 64 && sha256Hex(request.body) != payloadHash.toLower())
        result.status = SigV4Result::Status::PayloadHashMismatch;
    return result;
}

bool verifyChunkSignatures(const SigV4Result &seed, const AwsChunkedBody &body) {
    static const QByteArray emptyHash = sha256Hex({});
    QByteArray previous = seed.seedSignature;
    const auto check = [&](const QByteArray &signature, const QByteArray &data) {
        const QByteArray stringToSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + seed.amzDate + '\n' + seed.scope +
                                        '\n' + previous + '\n' + emptyHash + '\n' + sha256Hex(data);
        if (hmac(seed.signingKey, stringToSign).toHex() != signature) return false;
        previous = signature;
        return true;
    };
    for (const AwsChunk &chunk : body.chunks)
        if (!check(chunk.signature, chunk.data)) return false;
    return check(body.finalSignature, {});
}

} // namespace gatehouse::s3
