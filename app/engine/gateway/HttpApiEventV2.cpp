#include "HttpApiEventV2.h"

#include "BinaryMedia.h"
#include "GatewayTime.h"
#include "JsonWriter.h"

#include <utility>
#include <vector>

namespace gatehouse {

OrderedJson nameValueObject(const NameValueList &values) {
    OrderedJson object = OrderedJson::object();
    for (const NameValue &value : values)
        object[utf8(value.name)] = utf8(value.value);
    return object;
}

namespace {

// `text` as the event's JSON text carries it: QString::toUtf8() writes a lone surrogate as '?'.
QString asWritten(const QString &text) {
    for (const QChar c : text)
        if (c.isSurrogate()) return QString::fromUtf8(text.toUtf8());
    return text;
}

// Members in first-seen order, a repeated name's values joined with commas (the page's rule for
// headers and query parameters).
class JoinedMembers {
public:
    void add(QByteArray name, const QString &value) {
        for (auto &[seen, joined] : m_members)
            if (seen == name) {
                joined.append(QLatin1Char(',')).append(value);
                return;
            }
        m_members.emplace_back(std::move(name), value);
    }
    bool isEmpty() const { return m_members.empty(); }
    qsizetype size() const { return qsizetype(m_members.size()); }
    void write(JsonWriter &out) const {
        out.beginObject();
        for (const auto &[name, value] : m_members)
            out.key(name).string(value);
        out.endObject();
    }

    void appendTo(QVariantList &out) const {
        out.append(size());
        for (const auto &[name, value] : m_members) {
            out.append(QString::fromUtf8(name));
            out.append(asWritten(value));
        }
    }

private:
    std::vector<std::pair<QByteArray, QString>> m_members;
};

// A header name in lower case as UTF-8; header names are ASCII tokens, so the general Unicode
// toLower() (a thousand instructions a name) is only the fallback.
QByteArray lowerCaseName(const QString &name) {
    QByteArray out(name.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name.at(i).unicode();
        if (c >= 0x80) return name.toLower().toUtf8();
        out[i] = char(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    return out;
}

// What both forms of the event are made of, worked out once.
struct EventV2Parts {
    QString path; // percent-decoded; rawPath and requestContext.http.path
    JoinedMembers headers;
    QStringList cookies;
    JoinedMembers query;
    EncodedBody body;
    QString domainPrefix; // requestContext's
    QString userAgent;    // requestContext.http's
    QString time;         // requestContext's, in CLF
};

EventV2Parts partsOf(const GatewayRequest &request, const InvocationContext &context) {
    EventV2Parts parts;
    parts.path = percentDecoded(request.rawPath.isEmpty() ? QStringLiteral("/") : request.rawPath);
    for (const HeaderField &field : forwardedHeaders(request, context)) {
        QByteArray name = lowerCaseName(field.name);
        if (name == "cookie") {
            for (const QString &cookie : field.value.split(QLatin1Char(';')))
                if (const QString trimmed = cookie.trimmed(); !trimmed.isEmpty())
                    parts.cookies.append(trimmed);
            continue;
        }
        parts.headers.add(std::move(name), field.value);
    }
    for (const QueryParameter &parameter : parseQueryString(request.rawQueryString))
        parts.query.add(parameter.name.toUtf8(), parameter.value);
    parts.body = httpApiRequestBody(request.body, request.header(u"Content-Type"));
    parts.domainPrefix = domainPrefixOf(request.host);
    parts.userAgent = request.header(u"User-Agent");
    parts.time = clfTime(request.requestTime);
    return parts;
}

// Written directly into the text rather than built as a document and dumped: this runs for every
// request an HTTP API sends to a function. A change here is a change to prebuiltOf() below and to
// eventBuilders.httpApiV2 in JsPrelude.mjs too (tst_lambdaevents compares the objects they make).
QByteArray jsonOf(const EventV2Parts &parts, const GatewayRequest &request,
                  const InvocationContext &context) {
    JsonWriter out(1024 + request.body.size() * 4 / 3);
    out.beginObject();
    out.key("version").string(QByteArrayLiteral("2.0"));
    out.key("routeKey").string(context.routeKey);
    out.key("rawPath").string(parts.path);
    out.key("rawQueryString").string(request.rawQueryString);
    if (!parts.cookies.isEmpty()) {
        out.key("cookies").beginArray();
        for (const QString &cookie : parts.cookies)
            out.string(cookie);
        out.endArray();
    }
    out.key("headers");
    parts.headers.write(out);
    if (!parts.query.isEmpty()) {
        out.key("queryStringParameters");
        parts.query.write(out);
    }
    out.key("requestContext").beginObject();
    out.key("accountId").string(context.accountId);
    out.key("apiId").string(context.apiId);
    if (context.authorizer) out.key("authorizer").json(*context.authorizer);
    out.key("domainName").string(request.host);
    out.key("domainPrefix").string(parts.domainPrefix);
    out.key("http").beginObject();
    out.key("method").string(request.method);
    out.key("path").string(parts.path);
    out.key("protocol").string(request.protocol);
    out.key("sourceIp").string(request.sourceIp);
    out.key("userAgent").string(parts.userAgent);
    out.endObject();
    out.key("requestId").string(context.requestId);
    out.key("routeKey").string(context.routeKey);
    out.key("stage").string(context.stage);
    out.key("time").string(parts.time);
    out.key("timeEpoch").number(epochMilliseconds(request.requestTime));
    out.endObject();
    if (!request.body.isEmpty()) out.key("body").string(parts.body.text);
    if (!context.pathParameters.isEmpty()) {
        out.key("pathParameters").json(nameValueObject(context.pathParameters));
    }
    out.key("isBase64Encoded").boolean(parts.body.isBase64Encoded);
    if (!context.stageVariables.isEmpty()) {
        out.key("stageVariables").json(nameValueObject(context.stageVariables));
    }
    out.endObject();
    return out.take();
}

void appendMembers(QVariantList &out, const NameValueList &values) {
    out.append(values.size());
    for (const NameValue &value : values) {
        out.append(asWritten(value.name));
        out.append(asWritten(value.value));
    }
}

// The arguments of the prelude's eventBuilders.httpApiV2 (JsPrelude.mjs), which reads them in this
// order: each object as a member count followed by name, value pairs; absent values as invalid QVariants.
std::shared_ptr<PrebuiltEvent> prebuiltOf(const EventV2Parts &parts, const GatewayRequest &request,
                                          const InvocationContext &context) {
    auto event = std::make_shared<PrebuiltEvent>();
    event->builder = QStringLiteral("httpApiV2");
    QVariantList &a = event->arguments;
    a.reserve(40 + 2 * (parts.headers.size() + parts.query.size()) + parts.cookies.size());
    a << asWritten(context.routeKey) << asWritten(parts.path) << asWritten(request.rawQueryString);
    a.append(parts.cookies.size());
    for (const QString &cookie : parts.cookies)
        a.append(asWritten(cookie));
    parts.headers.appendTo(a);
    parts.query.appendTo(a);
    a << asWritten(context.accountId) << asWritten(context.apiId)
      << (context.authorizer ? QVariant(QString::fromUtf8(jsonBytes(*context.authorizer))) : QVariant());
    a << asWritten(request.host) << asWritten(parts.domainPrefix) << asWritten(request.method)
      << asWritten(request.protocol) << asWritten(request.sourceIp) << asWritten(parts.userAgent)
      << asWritten(context.requestId) << asWritten(context.stage) << parts.time
      << double(epochMilliseconds(request.requestTime));
    a << (request.body.isEmpty() ? QVariant() : QVariant(asWritten(parts.body.text)));
    appendMembers(a, context.pathParameters);
    a << parts.body.isBase64Encoded;
    appendMembers(a, context.stageVariables);
    return event;
}

} // namespace

QByteArray httpApiEventV2(const GatewayRequest &request, const InvocationContext &context) {
    return jsonOf(partsOf(request, context), request, context);
}

HttpApiEventV2 httpApiEventV2WithPrebuilt(const GatewayRequest &request, const InvocationContext &context) {
    const EventV2Parts parts = partsOf(request, context);
    return {jsonOf(parts, request, context), prebuiltOf(parts, request, context)};
}

OrderedJson httpApiEventV2Json(const GatewayRequest &request, const InvocationContext &context) {
    // One set of rules: the document is read back from the text (templates and authorizer events only).
    return parseJson(httpApiEventV2(request, context)).value_or(OrderedJson::object());
}

} // namespace gatehouse
