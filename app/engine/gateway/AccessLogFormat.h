// Access log lines from a stage's format string, substituting $context variables as API Gateway
// does ("Customizing HTTP API access logs"; "Access logging for REST APIs"). A variable the request
// does not have renders as "-". $context.error.messageString is derived from $context.error.message
// (the message in double quotes) when the caller did not supply it.
#pragma once

#include "project/Api.h"

#include <QHash>
#include <QString>
#include <functional>

namespace gatehouse {

// Variable names without the "$context." prefix: "requestId", "identity.sourceIp", "status", ...
using AccessLogVariables = QHash<QString, QString>;

class AccessLogFormat {
public:
    explicit AccessLogFormat(QString format);

    QString render(const AccessLogVariables &variables) const;
    // The same with each variable asked for by name when the format uses it (empty: "-"), so that a
    // line costs only what its format names.
    using Lookup = std::function<QString(const QString &name)>;
    QString render(const Lookup &lookup) const;
    // The $context names the format uses, in order, e.g. {"requestId", "status"}.
    QStringList variableNames() const;

    // The console's CLF example for the API type: REST logs $context.resourcePath, HTTP APIs
    // $context.routeKey; both end with status, response length and request id.
    static QString commonLogFormat(ApiType type);
    // The console's JSON example ("Access logging for REST APIs", log formats; HTTP API variant).
    static QString jsonFormat(ApiType type);

private:
    struct Piece {
        bool variable = false;
        QString text; // literal text, or the variable name
    };
    QList<Piece> m_pieces;
};

} // namespace gatehouse
