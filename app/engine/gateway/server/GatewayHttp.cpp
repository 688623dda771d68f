#include "GatewayHttp.h"

namespace gatehouse {

QString sourceIpOf(const QHostAddress &address) {
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // also unwraps ::ffff:127.0.0.1
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

GatewayRequest gatewayRequestOf(const http::HttpRequest &in) {
    GatewayRequest out;
    out.method = QString::fromLatin1(in.method);
    out.rawPath = QString::fromUtf8(in.path);
    if (out.rawPath.isEmpty()) out.rawPath = QStringLiteral("/");
    out.rawQueryString = QString::fromUtf8(in.query);
    out.headers.reserve(in.headers.size());
    for (const auto &[name, value] : in.headers)
        out.headers.append({QString::fromLatin1(name), QString::fromUtf8(value)});
    out.body = in.body;
    out.sourceIp = sourceIpOf(in.remoteAddress);
    out.protocol = QStringLiteral("HTTP/%1.%2").arg(in.versionMajor).arg(in.versionMinor);
    out.host = QString::fromUtf8(in.header("Host"));
    out.requestTime = QDateTime::currentDateTimeUtc();
    return out;
}

http::HttpResponse httpResponseOf(const GatewayResponse &response) {
    http::HttpResponse out;
    out.status = response.status;
    out.headers.reserve(response.headers.size());
    for (const HeaderField &field : response.headers)
        out.headers.add(field.name.toLatin1(), field.value.toUtf8());
    out.body = response.body;
    return out;
}

} // namespace gatehouse
