#include "HttpApiEventV2.h"

#include "BinaryMedia.h"
#include "GatewayTime.h"
#include "JsonWriter.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace gatehouse {

OrderedJson lowerCaseJoinedHeaders(const HeaderFields &headers) {
    OrderedJson object = OrderedJson::object();
    for (const HeaderField &field : headers) {
        const std::string name = utf8(field.name.toLower());
        if (name == "cookie") continue;
        if (object.contains(name))
            object[name] = object[name].get<std::string>() + "," + utf8(field.value);
        else
            object[name] = utf8(field.value);
    }
    return object;
}

OrderedJson cookiesOf(const HeaderFields &headers) {
    OrderedJson cookies = OrderedJson::array();
    for (const QString &header : headerValues(headers, u"Cookie"))
        for (const QString &cookie : header.split(QLatin1Char(';')))
            if (!cookie.trimmed().isEmpty()) cookies.push_back(utf8(cookie.trimmed()));
    return cookies;
}

OrderedJson joinedQueryParameters(const QString &rawQuery) {
    OrderedJson object = OrderedJson::object();
    for (const QueryParameter &parameter : parseQueryString(rawQuery)) {
        const std::string name = utf8(parameter.name);
        if (object.contains(name))
            object[name] = object[name].get<std::string>() + "," + utf8(parameter.value);
        else
            object[name] = utf8(parameter.value);
    }
    return object;
}

OrderedJson nameValueObject(const NameValueList &values) {
    OrderedJson object = OrderedJson::object();
    for (const NameValue &value : values)
        object[utf8(value.name)] = utf8(value.value);
    return object;
}

OrderedJson httpApiEventV2Json(const GatewayRequest &request, const InvocationContext &context) {
    const HeaderFields headers = forwardedHeaders(request, context);
    // Captures of live HTTP APIs show rawPath decoded and still carrying a named stage
    // (middleapi/standard-server PR #93 citing hotsock/voker#8; floci issue #2172).
    const QString path = percentDecoded(request.rawPath.isEmpty() ? QStringLiteral("/") : request.rawPath);

    OrderedJson event;
    event["version"] = "2.0";
    event["routeKey"] = utf8(context.routeKey);
    event["rawPath"] = utf8(path);
    event["rawQueryString"] = utf8(request.rawQueryString);
    const OrderedJson cookies = cookiesOf(headers);
    if (!cookies.empty()) event["cookies"] = cookies;
    event["headers"] = lowerCaseJoinedHeaders(headers);
    const OrderedJson query = joinedQueryParameters(request.rawQueryString);
    if (!query.empty()) event["queryStringParameters"] = query;

    OrderedJson requestContext;
    requestContext["accountId"] = utf8(context.accountId);
    requestContext["apiId"] = utf8(context.apiId);
    if (context.authorizer) requestContext["authorizer"] = *context.authorizer;
    requestContext["domainName"] = utf8(request.host);
    requestContext["domainPrefix"] = utf8(domainPrefixOf(request.host));
    OrderedJson http;
    http["method"] = utf8(request.method);
    http["path"] = utf8(path);
    http["protocol"] = utf8(request.protocol);
    http["sourceIp"] = utf8(request.sourceIp);
    http["userAgent"] = utf8(request.header(u"User-Agent"));
    requestContext["http"] = std::move(http); // moved: copying an ordered_json costs as much as building it
    requestContext["requestId"] = utf8(context.requestId);
    requestContext["routeKey"] = utf8(context.routeKey);
    requestContext["stage"] = utf8(context.stage);
    requestContext["time"] = utf8(clfTime(request.requestTime));
    requestContext["timeEpoch"] = epochMilliseconds(request.requestTime);
    event["requestContext"] = std::move(requestContext);

    const EncodedBody body = httpApiRequestBody(request.body, request.header(u"Content-Type"));
    if (!request.body.isEmpty()) event["body"] = utf8(body.text);
    if (!context.pathParameters.isEmpty()) event["pathParameters"] = nameValueObject(context.pathParameters);
    event["isBase64Encoded"] = body.isBase64Encoded;
    if (!context.stageVariables.isEmpty()) event["stageVariables"] = nameValueObject(context.stageVariables);
    return event;
}

namespace {

// Members in first-seen order, a repeated name's values joined with commas: what
// lowerCaseJoinedHeaders() and joinedQueryParameters() build, without a JSON document.
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

void writeNameValues(JsonWriter &out, const NameValueList &values) {
    // A repeated name keeps its first place and its last value, as assigning into a JSON object does.
    std::vector<std::pair<QByteArray, QByteArray>> members;
    for (const NameValue &value : values) {
        QByteArray name = value.name.toUtf8();
        auto found =
            std::find_if(members.begin(), members.end(), [&](const auto &m) { return m.first == name; });
        if (found != members.end())
            found->second = value.value.toUtf8();
        else
            members.emplace_back(std::move(name), value.value.toUtf8());
    }
    out.beginObject();
    for (const auto &[name, value] : members)
        out.key(name).string(value);
    out.endObject();
}

} // namespace

// The same document as httpApiEventV2Json(), written directly (tst_gateway_lambdaevents compares the two):
// this runs for every request an HTTP API sends to a function.
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
        out.key("pathParameters");
        writeNameValues(out, context.pathParameters);
    }
    out.key("isBase64Encoded").boolean(body.isBase64Encoded);
    if (!context.stageVariables.isEmpty()) {
        out.key("stageVariables");
        writeNameValues(out, context.stageVariables);
    }
    out.endObject();
    return out.take();
}

} // namespace gatehouse
