#include "ComposerRequest.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeDatabase>
#include <QStringDecoder>
#include <nlohmann/json.hpp>

namespace gatehouse {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::ComposerRequest", text);
}

const QLatin1String kContentType("content-type");
const QLatin1String kAuthorization("authorization");
const QLatin1String kJsonType("application/json");
const QLatin1String kFormType("application/x-www-form-urlencoded");
constexpr qint64 kMaxFileBody = 64 * 1024 * 1024;

bool hasHeader(const ComposerRows &rows, const QString &name) {
    for (const ComposerRow &row : rows)
        if (row.enabled && row.name.compare(name, Qt::CaseInsensitive) == 0) return true;
    return false;
}

QByteArray formEncoded(const QList<QPair<QString, QString>> &fields) {
    QByteArrayList pairs;
    for (const auto &[name, value] : fields)
        pairs.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    return pairs.join('&');
}

// The auth helper's header, before substitution; empty name: none.
ComposerRow authHeader(const ComposerRequest &r, const std::function<QString(const QString &)> &subst) {
    switch (r.authMode) {
    case ComposerRequest::AuthMode::ApiKey:
        return {true, r.apiKeyName.trimmed().isEmpty() ? QStringLiteral("x-api-key") : r.apiKeyName.trimmed(),
                r.apiKeyValue};
    case ComposerRequest::AuthMode::Bearer:
        return {true, QStringLiteral("Authorization"), QStringLiteral("Bearer ") + r.bearerToken};
    case ComposerRequest::AuthMode::Basic: {
        // RFC 7617: base64 of user-id ":" password, after the variables are filled in.
        const QByteArray pair = (subst(r.basicUser) + QLatin1Char(':') + subst(r.basicPassword)).toUtf8();
        return {true, QStringLiteral("Authorization"),
                QStringLiteral("Basic ") + QString::fromLatin1(pair.toBase64())};
    }
    case ComposerRequest::AuthMode::None:
        break;
    }
    return {};
}

QJsonArray rowsJson(const ComposerRows &rows) {
    QJsonArray array;
    for (const ComposerRow &row : rows)
        array.append(QJsonObject{{QStringLiteral("enabled"), row.enabled},
                                 {QStringLiteral("name"), row.name},
                                 {QStringLiteral("value"), row.value}});
    return array;
}

ComposerRows rowsFromJson(const QJsonValue &value) {
    ComposerRows rows;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject o = item.toObject();
        rows.append({o.value(QStringLiteral("enabled")).toBool(true),
                     o.value(QStringLiteral("name")).toString(),
                     o.value(QStringLiteral("value")).toString()});
    }
    return rows;
}

template <typename Enum> QString enumText(Enum value, const QStringList &names) {
    return names.value(int(value));
}
template <typename Enum> Enum enumFrom(const QJsonValue &value, const QStringList &names) {
    return Enum(qMax(0, int(names.indexOf(value.toString()))));
}

const QStringList kBodyModes{QStringLiteral("none"), QStringLiteral("raw"), QStringLiteral("form"),
                             QStringLiteral("file")};
const QStringList kRawTypes{QStringLiteral("json"), QStringLiteral("text")};
const QStringList kAuthModes{QStringLiteral("none"), QStringLiteral("apiKey"), QStringLiteral("bearer"),
                             QStringLiteral("basic")};

bool looksLikeJson(const QString &text) {
    return nlohmann::json::accept(text.toStdString());
}

} // namespace

SavedRequest ComposerRequest::toSavedRequest(QString *error) const {
    SavedRequest saved;
    saved.name = name;
    saved.method = method.trimmed().isEmpty() ? QStringLiteral("GET") : method.trimmed().toUpper();
    saved.url = url.trimmed();
    saved.assertions = assertions;
    const auto unchanged = [](const QString &text) { return text; };
    for (const ComposerRow &row : headers)
        if (row.enabled && !row.name.trimmed().isEmpty())
            saved.headers.append({row.name.trimmed(), row.value});
    // Basic credentials are stored encoded, as they are sent; {{variables}} in them are then fixed.
    if (const ComposerRow auth = authHeader(*this, unchanged);
        !auth.name.isEmpty() && !hasHeader(headers, auth.name))
        saved.headers.append({auth.name, auth.value});
    switch (bodyMode) {
    case BodyMode::None:
        break;
    case BodyMode::Raw:
        saved.body = rawBody;
        if (rawType == RawType::Json && !hasHeader(headers, kContentType))
            saved.headers.append({QStringLiteral("content-type"), kJsonType});
        break;
    case BodyMode::Form: {
        QList<QPair<QString, QString>> fields;
        for (const ComposerRow &row : form)
            if (row.enabled && !row.name.isEmpty()) fields.append({row.name, row.value});
        saved.body = QString::fromLatin1(formEncoded(fields));
        if (!hasHeader(headers, kContentType))
            saved.headers.append({QStringLiteral("content-type"), kFormType});
        break;
    }
    case BodyMode::File: {
        QFile file(filePath);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error) *error = tr("Cannot read the body file %1: %2").arg(filePath, file.errorString());
            return {};
        }
        const QByteArray bytes = file.read(kMaxFileBody);
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder(bytes);
        if (decoder.hasError() || bytes.contains('\0')) {
            if (error)
                *error = tr("The body file %1 is binary: a saved request keeps its body as text. Paste "
                            "the text as a raw body instead.")
                             .arg(QFileInfo(filePath).fileName());
            return {};
        }
        saved.body = text;
        break;
    }
    }
    return saved;
}

ComposerRequest ComposerRequest::fromSavedRequest(const SavedRequest &saved) {
    ComposerRequest r;
    r.name = saved.name;
    r.method = saved.method.isEmpty() ? QStringLiteral("GET") : saved.method;
    r.url = saved.url;
    r.assertions = saved.assertions;
    QString contentType;
    for (const NameValue &header : saved.headers) {
        const QString value = header.value.trimmed();
        if (header.name.compare(kAuthorization, Qt::CaseInsensitive) == 0 && r.authMode == AuthMode::None) {
            if (value.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive)) {
                r.authMode = AuthMode::Bearer;
                r.bearerToken = value.mid(7).trimmed();
                continue;
            }
            if (value.startsWith(QLatin1String("Basic "), Qt::CaseInsensitive)) {
                const auto decoded = QByteArray::fromBase64Encoding(value.mid(6).trimmed().toLatin1(),
                                                                    QByteArray::AbortOnBase64DecodingErrors);
                const QString pair = QString::fromUtf8(decoded.decoded);
                if (decoded && pair.contains(QLatin1Char(':'))) {
                    r.authMode = AuthMode::Basic;
                    r.basicUser = pair.section(QLatin1Char(':'), 0, 0);
                    r.basicPassword = pair.section(QLatin1Char(':'), 1);
                    continue;
                }
            }
        }
        if (header.name.compare(QLatin1String("x-api-key"), Qt::CaseInsensitive) == 0 &&
            r.authMode == AuthMode::None) {
            r.authMode = AuthMode::ApiKey;
            r.apiKeyName = header.name;
            r.apiKeyValue = header.value;
            continue;
        }
        if (header.name.compare(kContentType, Qt::CaseInsensitive) == 0) contentType = value.toLower();
        r.headers.append({true, header.name, header.value});
    }
    if (saved.body.isEmpty()) return r;
    if (contentType.startsWith(kFormType)) {
        r.bodyMode = BodyMode::Form;
        for (const QString &pair : saved.body.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
            const auto decode = [](const QString &text) {
                return QUrl::fromPercentEncoding(
                    QString(text).replace(QLatin1Char('+'), QLatin1Char(' ')).toLatin1());
            };
            r.form.append({true, decode(pair.section(QLatin1Char('='), 0, 0)),
                           decode(pair.section(QLatin1Char('='), 1))});
        }
        // The content type is what the form sends by itself.
        r.headers.removeIf(
            [](const ComposerRow &row) { return row.name.compare(kContentType, Qt::CaseInsensitive) == 0; });
        return r;
    }
    r.bodyMode = BodyMode::Raw;
    r.rawBody = saved.body;
    r.rawType =
        contentType.contains(QLatin1String("json")) || (contentType.isEmpty() && looksLikeJson(saved.body))
            ? RawType::Json
            : RawType::Text;
    if (r.rawType == RawType::Json && contentType == kJsonType)
        r.headers.removeIf(
            [](const ComposerRow &row) { return row.name.compare(kContentType, Qt::CaseInsensitive) == 0; });
    return r;
}

QJsonObject ComposerRequest::toJson() const {
    QJsonArray checks;
    for (const RequestAssertion &a : assertions)
        checks.append(QJsonObject{{QStringLiteral("kind"), a.kind},
                                  {QStringLiteral("target"), a.target},
                                  {QStringLiteral("op"), a.op},
                                  {QStringLiteral("expected"), a.expected}});
    return {{QStringLiteral("name"), name},
            {QStringLiteral("method"), method},
            {QStringLiteral("url"), url},
            {QStringLiteral("headers"), rowsJson(headers)},
            {QStringLiteral("bodyMode"), enumText(bodyMode, kBodyModes)},
            {QStringLiteral("rawType"), enumText(rawType, kRawTypes)},
            {QStringLiteral("rawBody"), rawBody},
            {QStringLiteral("form"), rowsJson(form)},
            {QStringLiteral("file"), filePath},
            {QStringLiteral("authMode"), enumText(authMode, kAuthModes)},
            {QStringLiteral("apiKeyName"), apiKeyName},
            {QStringLiteral("apiKeyValue"), apiKeyValue},
            {QStringLiteral("bearerToken"), bearerToken},
            {QStringLiteral("basicUser"), basicUser},
            {QStringLiteral("basicPassword"), basicPassword},
            {QStringLiteral("assertions"), checks}};
}

ComposerRequest ComposerRequest::fromJson(const QJsonObject &json) {
    ComposerRequest r;
    const auto text = [&json](const char *key, const QString &fallback = {}) {
        const QJsonValue value = json.value(QLatin1String(key));
        return value.isString() ? value.toString() : fallback;
    };
    r.name = text("name");
    r.method = text("method", r.method);
    r.url = text("url");
    r.headers = rowsFromJson(json.value(QStringLiteral("headers")));
    r.bodyMode = enumFrom<BodyMode>(json.value(QStringLiteral("bodyMode")), kBodyModes);
    r.rawType = enumFrom<RawType>(json.value(QStringLiteral("rawType")), kRawTypes);
    r.rawBody = text("rawBody");
    r.form = rowsFromJson(json.value(QStringLiteral("form")));
    r.filePath = text("file");
    r.authMode = enumFrom<AuthMode>(json.value(QStringLiteral("authMode")), kAuthModes);
    r.apiKeyName = text("apiKeyName", r.apiKeyName);
    r.apiKeyValue = text("apiKeyValue");
    r.bearerToken = text("bearerToken");
    r.basicUser = text("basicUser");
    r.basicPassword = text("basicPassword");
    for (const QJsonValue &item : json.value(QStringLiteral("assertions")).toArray()) {
        const QJsonObject o = item.toObject();
        RequestAssertion a;
        a.kind = o.value(QStringLiteral("kind")).toString();
        a.target = o.value(QStringLiteral("target")).toString();
        a.op = o.value(QStringLiteral("op")).toString(QStringLiteral("equals"));
        a.expected = o.value(QStringLiteral("expected")).toString();
        r.assertions.append(a);
    }
    return r;
}

ComposedRequest ComposerRequest::compose(const testing::VariableMap &variables, int timeoutMs) const {
    const ComposerRequest &r = *this;
    ComposedRequest composed;
    const auto subst = [&](const QString &text) {
        testing::Substitution s = testing::substituteVariables(text, variables);
        for (const QString &name : s.unknown)
            if (!composed.unknownVariables.contains(name)) composed.unknownVariables.append(name);
        return s.text;
    };
    composed.url = subst(r.url.trimmed());
    // Postman's habit: "localhost:3000/x" means http.
    if (!composed.url.isEmpty() && !composed.url.contains(QLatin1String("://")))
        composed.url.prepend(QLatin1String("http://"));
    composed.request.method =
        (r.method.trimmed().isEmpty() ? QStringLiteral("GET") : r.method.trimmed().toUpper()).toUtf8();
    composed.request.timeoutMs = timeoutMs;
    ComposerRows headers;
    for (const ComposerRow &row : r.headers)
        if (row.enabled && !row.name.trimmed().isEmpty()) headers.append(row);
    if (const ComposerRow auth = authHeader(r, subst); !auth.name.isEmpty() && !hasHeader(headers, auth.name))
        headers.append(auth);
    switch (r.bodyMode) {
    case ComposerRequest::BodyMode::None:
        break;
    case ComposerRequest::BodyMode::Raw:
        composed.request.body = subst(r.rawBody).toUtf8();
        if (r.rawType == ComposerRequest::RawType::Json && !hasHeader(headers, kContentType))
            headers.append({true, QStringLiteral("content-type"), kJsonType});
        break;
    case ComposerRequest::BodyMode::Form: {
        QList<QPair<QString, QString>> fields;
        for (const ComposerRow &row : r.form)
            if (row.enabled && !row.name.isEmpty()) fields.append({subst(row.name), subst(row.value)});
        composed.request.body = formEncoded(fields);
        if (!hasHeader(headers, kContentType))
            headers.append({true, QStringLiteral("content-type"), kFormType});
        break;
    }
    case ComposerRequest::BodyMode::File: {
        QFile file(r.filePath);
        if (r.filePath.isEmpty()) {
            composed.error = tr("Choose the file to send as the body.");
        } else if (file.size() > kMaxFileBody) {
            composed.error = tr("The body file %1 is larger than 64 MiB.").arg(r.filePath);
        } else if (!file.open(QIODevice::ReadOnly)) {
            composed.error = tr("Cannot read the body file %1: %2").arg(r.filePath, file.errorString());
        } else {
            composed.request.body = file.readAll();
            if (!hasHeader(headers, kContentType))
                headers.append({true, QStringLiteral("content-type"),
                                QMimeDatabase().mimeTypeForFile(r.filePath).name()});
        }
        break;
    }
    }
    for (const ComposerRow &row : headers)
        composed.request.headers.append({subst(row.name.trimmed()).toUtf8(), subst(row.value).toUtf8()});
    composed.request.url = QUrl(composed.url, QUrl::TolerantMode);

    if (!composed.unknownVariables.isEmpty()) {
        QStringList names;
        for (const QString &name : composed.unknownVariables)
            names.append(QStringLiteral("{{%1}}").arg(name));
        composed.error =
            tr("No value for %1 in the chosen environment.").arg(names.join(QStringLiteral(", ")));
    } else if (composed.error.isEmpty()) {
        const QUrl &url = composed.request.url;
        if (r.url.trimmed().isEmpty())
            composed.error = tr("Enter a URL to send the request to.");
        else if (!url.isValid() || url.host().isEmpty() ||
                 (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            composed.error = tr("Not an http or https URL: %1").arg(composed.url);
    }
    return composed;
}

} // namespace gatehouse
