// What the gateway sends back to the client: a status, ordered headers (names may repeat, as
// set-cookie does) and the body bytes. Produced by response mapping, CORS and the error catalogue.
#pragma once

#include "HeaderFields.h"

#include <QByteArray>

namespace gatehouse {

struct GatewayResponse {
    int status = 200;
    HeaderFields headers;
    QByteArray body;

    QString header(QStringView name) const { return firstHeaderValue(headers, name).value_or(QString()); }
    bool operator==(const GatewayResponse &) const = default;
};

} // namespace gatehouse
