// Everything the request composer holds for one request — method, URL, header rows, body in one of its
// forms, auth helper, assertions — as a plain value, with the conversions the composer needs: to and
// from a project's SavedRequest, to and from a history entry's JSON, and into an OutgoingRequest with
// the {{variables}} of the chosen environment substituted.
#pragma once

#include "project/SavedRequest.h"
#include "testing/HttpExchange.h"
#include "testing/RequestVariables.h"

#include <QJsonObject>
#include <QStringList>

namespace gatehouse {

// One row of the params, headers or form tables; a disabled row stays in the table but is not sent.
struct ComposerRow {
    bool enabled = true;
    QString name;
    QString value;
    bool operator==(const ComposerRow &) const = default;
};
using ComposerRows = QList<ComposerRow>;

// The request ready to send, or why it cannot be sent.
struct ComposedRequest {
    testing::OutgoingRequest request;
    QString url;                  // after substitution, also when it is not a valid URL
    QStringList unknownVariables; // {{names}} without a value: not sent
    QString error;                // unknown variables, a bad URL or an unreadable file; empty when ready
};

struct ComposerRequest {
    enum class BodyMode { None, Raw, Form, File };
    enum class RawType { Json, Text };
    enum class AuthMode { None, ApiKey, Bearer, Basic };

    QString name; // of the saved request it was opened from or saved as; empty for a new one
    QString method = QStringLiteral("GET");
    QString url;
    ComposerRows headers;
    BodyMode bodyMode = BodyMode::None;
    RawType rawType = RawType::Json;
    QString rawBody;
    ComposerRows form;
    QString filePath;
    AuthMode authMode = AuthMode::None;
    QString apiKeyName = QStringLiteral("x-api-key");
    QString apiKeyValue;
    QString bearerToken;
    QString basicUser;
    QString basicPassword;
    QList<RequestAssertion> assertions;

    bool operator==(const ComposerRequest &) const = default;

    // What the collection keeps: enabled headers plus the auth and body content-type headers the
    // composer would send, and the body as text. A file body is kept only when it is UTF-8 text;
    // `error` says why not otherwise (the request is then not saved).
    SavedRequest toSavedRequest(QString *error = nullptr) const;
    // Reads the helpers back out of a saved request: an Authorization Bearer/Basic header or an
    // x-api-key header becomes the auth helper, a form content type the form table, JSON the raw body.
    static ComposerRequest fromSavedRequest(const SavedRequest &saved);

    // Substitutes variables everywhere (URL, header names and values, body, form, auth fields), adds the
    // auth header and the body's content type unless a header already sets one, reads a file body, and
    // puts "http://" before a URL without a scheme, as Postman does.
    ComposedRequest compose(const testing::VariableMap &variables, int timeoutMs) const;

    QJsonObject toJson() const;
    static ComposerRequest fromJson(const QJsonObject &json);
};

} // namespace gatehouse
