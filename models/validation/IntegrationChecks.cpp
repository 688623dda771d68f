// Checks of what a route forwards to: the Lambda function and payload format, the HTTP proxy URL,
// the mock status, and the integration timeout each API type allows.
#include "NamingRules.h"
#include "PathTemplate.h"
#include "ValidationChecks.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace gatehouse::validation {

namespace {

// The longest an API waits for its integration. HTTP APIs: 30 s, fixed (http-api-quotas.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html). REST and
// WebSocket APIs: 50 ms to 29 s (limits.html,
// https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html).
int maxIntegrationTimeoutMs(ApiType type) {
    return type == ApiType::Http ? 30000 : 29000;
}

void checkLambdaIntegration(const Project &project, const Api &api, const Integration &in,
                            const QString &path, Reporter &r) {
    if (checkFunctionReference(r, project, at(path, "function"), in.function)) {
        const Function *f = project.findFunction(in.function);
        const int waitMs = in.timeoutMs.value_or(maxIntegrationTimeoutMs(api.type));
        if (qint64(f->timeoutSeconds) * 1000 > waitMs)
            r.warning(
                at(path, in.timeoutMs ? "timeoutMs" : "function"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "function '%1' may run for %2 s, but the API stops waiting after "
                                            "%3 s")
                    .arg(f->name)
                    .arg(f->timeoutSeconds)
                    .arg(waitMs / 1000.0),
                QCoreApplication::translate(
                    "gatehouse::Validation",
                    "lower the function's timeoutSeconds, or expect timeout responses"));
    }
    const QString &version = in.payloadFormatVersion;
    if (version.isEmpty()) return;
    if (version != QLatin1String("1.0") && version != QLatin1String("2.0"))
        r.error(at(path, "payloadFormatVersion"),
                QCoreApplication::translate("gatehouse::Validation", "payload format '%1' is not supported")
                    .arg(version),
                QCoreApplication::translate("gatehouse::Validation", "use \"1.0\" or \"2.0\""));
    else if (version != QLatin1String("1.0") && api.type != ApiType::Http)
        r.error(at(path, "payloadFormatVersion"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "payload format %1 is only for HTTP APIs; this API uses 1.0")
                    .arg(version),
                QCoreApplication::translate("gatehouse::Validation",
                                            "remove payloadFormatVersion or set \"1.0\""));
}

void checkProxyUrl(const Api &api, const Route &route, const QString &path, Reporter &r) {
    const QString &url = route.integration.url;
    const QString urlPath = at(path, "url");
    if (url.isEmpty()) {
        r.error(urlPath,
                QCoreApplication::translate("gatehouse::Validation", "an HTTP proxy integration needs a url"),
                QCoreApplication::translate("gatehouse::Validation", "e.g. 'https://example.com/{proxy}'"));
        return;
    }
    // Placeholders are filled per request, so check the URL with stand-in values.
    static const QRegularExpression stageVariable(
        QStringLiteral("\\$\\{stageVariables\\.([A-Za-z0-9_]+)\\}"));
    static const QRegularExpression parameter(QStringLiteral("\\{([^{}]*)\\}"));
    QStringList stageVariables;
    for (const auto &m : stageVariable.globalMatch(url))
        stageVariables.append(m.captured(1));
    // A stage variable may stand for a host name or for a port ("http://127.0.0.1:${stageVariables.port}/"),
    // so the URL is accepted when either stand-in makes it valid.
    const auto concreteWith = [&](const QString &standIn) {
        QString concrete = url;
        concrete.replace(stageVariable, standIn);
        return concrete;
    };
    QStringList parameters;
    for (const auto &m : parameter.globalMatch(concreteWith(QStringLiteral("stagevar"))))
        parameters.append(m.captured(1));
    const auto isWebUrl = [&](QString concrete) {
        concrete.replace(parameter, QStringLiteral("param"));
        const QUrl parsed(concrete, QUrl::StrictMode);
        const bool web =
            parsed.scheme() == QLatin1String("http") || parsed.scheme() == QLatin1String("https");
        return parsed.isValid() && web && !parsed.host().isEmpty();
    };
    if (!isWebUrl(concreteWith(QStringLiteral("stagevar"))) &&
        !isWebUrl(concreteWith(QStringLiteral("8080")))) {
        r.error(
            urlPath,
            QCoreApplication::translate("gatehouse::Validation", "'%1' is not an absolute http(s) URL")
                .arg(url),
            QCoreApplication::translate("gatehouse::Validation", "e.g. 'https://example.com/items/{id}'"));
        return;
    }
    const QStringList routeParameters = PathTemplate::parse(route.path).parameterNames();
    for (QString name : std::as_const(parameters)) {
        if (name.endsWith(QLatin1Char('+'))) name.chop(1);
        if (!routeParameters.contains(name))
            r.warning(
                urlPath,
                QCoreApplication::translate("gatehouse::Validation",
                                            "'{%1}' in the URL is not a parameter of the route path")
                    .arg(name),
                routeParameters.isEmpty()
                    ? QCoreApplication::translate("gatehouse::Validation", "the route path has no parameters")
                    : QCoreApplication::translate("gatehouse::Validation", "the route has: %1")
                          .arg(quotedList(routeParameters)));
    }
    for (const QString &name : std::as_const(stageVariables)) {
        const bool defined = std::any_of(api.stages.begin(), api.stages.end(), [&](const Stage &s) {
            return std::any_of(s.variables.begin(), s.variables.end(),
                               [&](const NameValue &v) { return v.name == name; });
        });
        if (!defined)
            r.warning(
                urlPath,
                QCoreApplication::translate("gatehouse::Validation",
                                            "stage variable '%1' is not defined by any stage of this API")
                    .arg(name),
                QCoreApplication::translate("gatehouse::Validation", "add it to the stages' variables"));
    }
}

} // namespace

void checkIntegration(const Project &project, const Api &api, const Route &route, const QString &routePath,
                      Reporter &r) {
    const Integration &in = route.integration;
    const QString path = at(routePath, "integration");
    switch (in.type) {
    case IntegrationType::Lambda:
        checkLambdaIntegration(project, api, in, path, r);
        break;
    case IntegrationType::HttpProxy:
        checkProxyUrl(api, route, path, r);
        if (!in.httpMethod.isEmpty() && !naming::isHttpMethod(in.httpMethod, true))
            r.error(at(path, "httpMethod"),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is not an HTTP method")
                        .arg(in.httpMethod),
                    QCoreApplication::translate("gatehouse::Validation", "use one of: %1")
                        .arg(naming::httpMethods(true).join(QLatin1String(", "))));
        break;
    case IntegrationType::Mock:
        checkRange(
            r, path, "statusCode", in.mockStatusCode, 100, 599,
            QCoreApplication::translate("gatehouse::Validation", "use an HTTP status code from 100 to 599"));
        if (api.type == ApiType::Http)
            r.warning(
                at(path, "type"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "HTTP APIs on AWS have no mock integrations; this route works "
                                            "only locally"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "use a Lambda function that returns the fixed response"));
        break;
    }
    if (in.timeoutMs)
        checkRange(
            r, path, "timeoutMs", *in.timeoutMs, 50, maxIntegrationTimeoutMs(api.type),
            api.type == ApiType::Http
                ? QCoreApplication::translate("gatehouse::Validation", "HTTP APIs allow 50 ms to 30 seconds")
                : QCoreApplication::translate("gatehouse::Validation",
                                              "REST and WebSocket APIs allow 50 ms to 29 seconds"));
}

} // namespace gatehouse::validation
