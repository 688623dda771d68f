// A server-side multipart/form-data parser (RFC 7578 over RFC 2046's multipart syntax), for S3's
// browser-based POST uploads; Qt only builds such bodies (QHttpMultiPart), it does not read them.
// Incremental: the body may be fed in pieces of any size (a delimiter split across two pieces is
// still found), and part content is handed on as it arrives, never held whole by the parser.
#pragma once

#include "http/HttpHeaders.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <functional>
#include <optional>

namespace gatehouse::s3 {

// The boundary parameter of a "multipart/form-data; boundary=..." Content-Type (quoted or not), or
// nullopt when the type is another one or the boundary is missing or longer than RFC 2046's 70.
std::optional<QByteArray> multipartFormBoundary(QByteArrayView contentType);

struct FormPartHeaders {
    QByteArray name;                 // Content-Disposition's name parameter
    std::optional<QString> fileName; // its filename parameter, when there is one (a file field)
    QByteArray contentType;          // the part's own Content-Type, if any
    http::HttpHeaders headers;       // all of the part's headers
};

class MultipartFormParser {
public:
    struct Handler {
        // Each returns false to stop parsing (the caller's own reason; error() stays empty).
        std::function<bool(const FormPartHeaders &)> begin;
        std::function<bool(QByteArrayView)> data;
        std::function<bool()> end;
    };

    // Limits the header block of one part: a body that never ends its headers is refused rather than
    // buffered.
    static constexpr qsizetype kMaxPartHeaderBytes = 16 * 1024;

    MultipartFormParser(QByteArray boundary, Handler handler);

    // Returns false once the body is malformed (see error()) or a handler stopped.
    bool feed(QByteArrayView chunk);
    // The end of the body: false unless the closing delimiter ("--boundary--") was seen.
    bool finish();
    // Why the body is malformed, for an error message; empty when it is not.
    QString error() const { return m_error; }
    bool stopped() const { return m_state == State::Failed; }

private:
    enum class State { Preamble, Headers, Body, Epilogue, Failed };
    bool fail(const QString &why);
    bool parseHeaders(QByteArrayView block);
    // One step on the buffer; false when more input is needed (or on failure).
    bool step();

    QByteArray m_delimiter; // "\r\n--" + boundary
    Handler m_handler;
    QByteArray m_buffer;
    State m_state = State::Preamble;
    bool m_sawAnyByte = false;
    QString m_error;
};

// The whole body at once: every part with its content, in order. nullopt (and `*error`) when it is
// malformed.
struct FormPart {
    FormPartHeaders headers;
    QByteArray data;
};
std::optional<QList<FormPart>> parseMultipartForm(QByteArrayView body, const QByteArray &boundary,
                                                  QString *error = nullptr);

} // namespace gatehouse::s3
