// Stage, throttling and CORS settings of SAM HttpApi/Api resources
// (SAM spec .../sam-resource-httpapi.html "CorsConfiguration", .../sam-resource-api.html "Cors",
// "MethodSettings").
#include "SamApiSettings.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {

OrderedJson strings(const QStringList &list) {
    OrderedJson array = OrderedJson::array();
    for (const QString &s : list)
        array.push_back(s.toStdString());
    return array;
}

} // namespace

// The stage a SAM API resource gets: SAM creates exactly one per HttpApi/Api.
const Stage *exportedStage(SamTemplate &t, const Api &api, const QString &path) {
    for (qsizetype s = 1; s < api.stages.size(); ++s)
        t.report.warning(
            elementPath(path, "stages", s),
            QCoreApplication::translate("gatehouse::Export",
                                        "stage '%1' is not exported: an AWS SAM %2 has exactly one stage")
                .arg(api.stages[s].name,
                     api.type == ApiType::Http ? QStringLiteral("HttpApi") : QStringLiteral("Api")));
    for (qsizetype s = 0; s < api.stages.size(); ++s)
        if (!api.stages[s].accessLogFormat.isEmpty())
            t.report.warning(fieldPath(elementPath(path, "stages", s), "accessLogFormat"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "access logging is not exported to %1: it needs a CloudWatch log group ARN")
                                 .arg(t.title()));
    for (qsizetype d = 0; d < api.customDomains.size(); ++d)
        t.report.warning(elementPath(path, "customDomains", d),
                         QCoreApplication::translate(
                             "gatehouse::Export",
                             "custom domain '%1' is not exported to %2: it needs an ACM certificate ARN")
                             .arg(api.customDomains[d].domainName, t.title()));
    return api.stages.isEmpty() ? nullptr : &api.stages.first();
}

ThrottleSettings effectiveThrottle(SamTemplate &t, const Api &api, const Stage *stage, const QString &path) {
    if (stage && stage->throttling.isSet()) {
        if (api.throttling.isSet())
            t.report.warning(fieldPath(path, "throttling"),
                             QCoreApplication::translate(
                                 "gatehouse::Export",
                                 "the API-wide throttling is not exported to %1: the stage's own throttling "
                                 "replaces it on the single exported stage")
                                 .arg(t.title()));
        return stage->throttling;
    }
    return api.throttling;
}

OrderedJson httpCors(const Cors &c) {
    OrderedJson cors = OrderedJson::object();
    if (!c.allowOrigins.isEmpty()) cors["AllowOrigins"] = strings(c.allowOrigins);
    if (!c.allowMethods.isEmpty()) cors["AllowMethods"] = strings(c.allowMethods);
    if (!c.allowHeaders.isEmpty()) cors["AllowHeaders"] = strings(c.allowHeaders);
    if (!c.exposeHeaders.isEmpty()) cors["ExposeHeaders"] = strings(c.exposeHeaders);
    if (c.maxAgeSeconds) cors["MaxAge"] = *c.maxAgeSeconds;
    if (c.allowCredentials) cors["AllowCredentials"] = true;
    return cors;
}

// REST CORS values are header values in single quotes (SAM spec "CorsConfiguration" of Api).
OrderedJson restCors(SamTemplate &t, const Cors &c, const QString &path) {
    const auto quoted = [](const QString &v) {
        return (QLatin1Char('\'') + v + QLatin1Char('\'')).toStdString();
    };
    OrderedJson cors = OrderedJson::object();
    cors["AllowOrigin"] = quoted(c.allowOrigins.isEmpty() ? QStringLiteral("*") : c.allowOrigins.first());
    if (c.allowOrigins.size() > 1)
        t.report.warning(
            fieldPath(path, "allowOrigins"),
            QCoreApplication::translate(
                "gatehouse::Export", "a REST API answers CORS with one origin; only '%1' is exported to %2")
                .arg(c.allowOrigins.first(), t.title()));
    if (!c.allowMethods.isEmpty()) cors["AllowMethods"] = quoted(c.allowMethods.join(QLatin1Char(',')));
    if (!c.allowHeaders.isEmpty()) cors["AllowHeaders"] = quoted(c.allowHeaders.join(QLatin1Char(',')));
    if (c.maxAgeSeconds) cors["MaxAge"] = quoted(QString::number(*c.maxAgeSeconds));
    if (c.allowCredentials) cors["AllowCredentials"] = true;
    if (!c.exposeHeaders.isEmpty())
        t.report.warning(fieldPath(path, "exposeHeaders"),
                         QCoreApplication::translate(
                             "gatehouse::Export",
                             "SAM's REST API CORS has no expose-headers setting; it is not exported to %1")
                             .arg(t.title()));
    return cors;
}

// Throttling of one REST method: MethodSettings paths encode '/' as "~1"
// (CloudFormation "AWS::ApiGateway::Stage MethodSetting", ResourcePath).
OrderedJson methodSetting(const QString &resourcePath, const QString &method,
                          const ThrottleSettings &throttle) {
    OrderedJson setting = OrderedJson::object();
    setting["ResourcePath"] = resourcePath.toStdString();
    setting["HttpMethod"] = method.toStdString();
    const OrderedJson limits = throttleSettings(throttle);
    for (const auto &[k, v] : limits.items())
        setting[k] = v;
    return setting;
}

QString encodedResourcePath(const QString &path) {
    return QLatin1Char('/') + path.mid(1).replace(QLatin1Char('/'), QStringLiteral("~1"));
}

} // namespace gatehouse::sam
