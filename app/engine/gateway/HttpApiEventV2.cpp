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
    void write(JsonWriter &out) const {
        out.beginObject();
        for (const auto &[name, value] : m_members)
            out.key(name).string(value);
        out.endObject();
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

} // namespace

// Written directly into the text rather than built as a document and dumped: this runs for every
// request an HTTP API sends to a function.
QByteArray httpApiEventV2(const GatewayRequest &request, const InvocationContext &context) {
    const HeaderFields headers = forwardedHeaders(request, context);
    const QByteArray path =
        percentDecoded(request.rawPath.isEmpty() ? QStringLiteral("/") : request.rawPath).toUtf8();

    JoinedMembers joinedHeaders;
    QByteArrayList cookies;
    for (const HeaderField &field : headers) {
        QByteArray name = lowerCaseName(field.name);
        if (name == "cookie") {
            for (const QString &cookie : field.value.split(QLatin1Char(';')))
                if (const QString trimmed = cookie.trimmed(); !trimmed.isEmpty())
                    cookies.append(trimmed.toUtf8());
            continue;
        }
        joinedHeaders.add(std::move(name), field.value);
    }
    JoinedMembers query;
    for (const QueryParameter &parameter : parseQueryString(request.rawQueryString))
        query.add(parameter.name.toUtf8(), parameter.value);

    JsonWriter out(1024 + request.body.size() * 4 / 3);
    out.beginObject();
    out.key("version").string(QByteArrayLiteral("2.0"));
    out.key("routeKey").string(context.routeKey);
    out.key("rawPath").string(path);
    out.key("rawQueryString").string(request.rawQueryString);
    if (!cookies.isEmpty()) {
        out.key("cookies").beginArray();
        for (const QByteArray &cookie : std::as_const(cookies))
            out.string(cookie);
        out.endArray();
    }
    out.key("headers");
    joinedHeaders.write(out);
    if (!query.isEmpty()) {
        out.key("queryStringParameters");
        query.write(out);
    }
    out.key("requestContext").beginObject();
    out.key("accountId").string(context.accountId);
    out.key("apiId").string(context.apiId);
    if (context.authorizer) out.key("authorizer").json(*context.authorizer);
    out.key("domainName").string(request.host);
    out.key("domainPrefix").string(domainPrefixOf(request.host));
    out.key("http").beginObject();
    out.key("method").string(request.method);
    out.key("path").string(path);
    out.key("protocol").string(request.protocol);
    out.key("sourceIp").string(request.sourceIp);
    out.key("userAgent").string(request.header(u"User-Agent"));
    out.endObject();
    out.key("requestId").string(context.requestId);
    out.key("routeKey").string(context.routeKey);
    out.key("stage").string(context.stage);
    out.key("time").string(clfTime(request.requestTime));
    out.key("timeEpoch").number(epochMilliseconds(request.requestTime));
    out.endObject();
    const EncodedBody body = httpApiRequestBody(request.body, request.header(u"Content-Type"));
    if (!request.body.isEmpty()) out.key("body").string(body.text);
    if (!context.pathParameters.isEmpty()) {
        out.key("pathParameters").json(nameValueObject(context.pathParameters));
    }
    out.key("isBase64Encoded").boolean(body.isBase64Encoded);
    if (!context.stageVariables.isEmpty()) {
        out.key("stageVariables").json(nameValueObject(context.stageVariables));
    }
    out.endObject();
    return out.take();
}

OrderedJson httpApiEventV2Json(const GatewayRequest &request, const InvocationContext &context) {
    // One set of rules: the document is read back from the text (templates and authorizer events only).
    return parseJson(httpApiEventV2(request, context)).value_or(OrderedJson::object());
}

} // namespace gatehouse
