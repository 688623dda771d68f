// Checks of an API's stages (names, stage variables, throttling) and of its CORS configuration.
#include "NamingRules.h"
#include "ValidationChecks.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gatehouse::validation {

namespace {

void checkStageVariables(const Stage &stage, const QString &stagePath, Reporter &r) {
    const QString variablesPath = at(stagePath, "variables");
    for (const NameValue &variable : stage.variables) {
        const QString path = at(variablesPath, variable.name);
        if (!naming::isValidStageVariableName(variable.name))
            r.error(path,
                    QCoreApplication::translate("gatehouse::Validation",
                                                "'%1' is not a valid stage variable name")
                        .arg(variable.name),
                    QCoreApplication::translate("gatehouse::Validation", "use letters, digits and '_'"));
        if (naming::isValidStageVariableValue(variable.value)) continue;
        if (variable.value.size() > 2048)
            r.error(
                path,
                QCoreApplication::translate("gatehouse::Validation",
                                            "the value of '%1' has %2 characters; API Gateway allows 2048")
                    .arg(variable.name)
                    .arg(variable.value.size()),
                QCoreApplication::translate("gatehouse::Validation", "shorten it"));
        else if (variable.value.isEmpty())
            r.error(
                path,
                QCoreApplication::translate("gatehouse::Validation", "stage variable '%1' has an empty value")
                    .arg(variable.name),
                QCoreApplication::translate("gatehouse::Validation",
                                            "API Gateway requires a value; remove the variable instead"));
        else
            r.error(path,
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "the value of '%1' contains characters API Gateway does not allow")
                        .arg(variable.name),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "use letters, digits and - . _ ~ : / ? # & = , (no spaces)"));
    }
}

} // namespace

void checkStages(const Api &api, const QString &apiPath, Reporter &r) {
    const QString stagesPath = at(apiPath, "stages");
    QStringList names;
    for (qsizetype k = 0; k < api.stages.size(); ++k) {
        const Stage &stage = api.stages[k];
        const QString path = at(stagesPath, k);
        names.append(stage.name);
        if (stage.name.isEmpty())
            r.error(at(path, "name"),
                    QCoreApplication::translate("gatehouse::Validation", "a stage needs a name"),
                    QCoreApplication::translate("gatehouse::Validation", "e.g. 'dev', or '$default'"));
        else if (stage.name == QLatin1String("$default")) {
            // "$default" is the HTTP/WebSocket (API Gateway v2) automatic stage; REST stages are named.
            if (api.type == ApiType::Rest)
                r.error(at(path, "name"),
                        QCoreApplication::translate("gatehouse::Validation",
                                                    "REST APIs have no '$default' stage"),
                        QCoreApplication::translate("gatehouse::Validation", "use a name such as 'dev'"));
        } else if (!naming::isValidStageName(stage.name))
            r.error(at(path, "name"),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is not a valid stage name")
                        .arg(stage.name),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "use 1 to 128 letters, digits, '-' or '_'"));
        checkStageVariables(stage, path, r);
        checkThrottle(r, stage.throttling, at(path, "throttling"));
    }
    checkUniqueNames(r, names, [&](qsizetype k) { return at(stagesPath, k); });
}

void checkCors(const Api &api, const QString &apiPath, Reporter &r) {
    if (!api.cors) return;
    const Cors &cors = *api.cors;
    const QString path = at(apiPath, "cors");
    if (api.type == ApiType::WebSocket)
        r.warning(path,
                  QCoreApplication::translate("gatehouse::Validation", "WebSocket APIs do not use CORS"),
                  QCoreApplication::translate("gatehouse::Validation", "remove cors"));
    // Cors.MaxAge: 0 to 86400 seconds (API Gateway v2 reference, "Cors",
    // https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid.html#apis-apiid-model-cors).
    if (cors.maxAgeSeconds)
        checkRange(r, path, "maxAgeSeconds", *cors.maxAgeSeconds, 0, 86400,
                   QCoreApplication::translate("gatehouse::Validation", "use 0 to 86400 seconds (one day)"));
    static const QRegularExpression origin(
        QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?$"));
    for (qsizetype n = 0; n < cors.allowOrigins.size(); ++n) {
        const QString &o = cors.allowOrigins[n];
        if (o == QLatin1String("*") || origin.match(o).hasMatch()) continue;
        r.error(at(at(path, "allowOrigins"), n),
                QCoreApplication::translate("gatehouse::Validation", "'%1' is not an origin").arg(o),
                o.endsWith(QLatin1Char('/'))
                    ? QCoreApplication::translate("gatehouse::Validation",
                                                  "an origin has no path; remove the trailing '/': '%1'")
                          .arg(o.chopped(1))
                    : QCoreApplication::translate(
                          "gatehouse::Validation",
                          "write scheme://host[:port], e.g. 'https://example.com', or '*'"));
    }
    // Browsers refuse credentials with "Access-Control-Allow-Origin: *", and API Gateway rejects the
    // configuration (http-api-cors.html: allowCredentials cannot be combined with a wildcard origin).
    if (cors.allowCredentials && cors.allowOrigins.contains(QStringLiteral("*")))
        r.error(at(path, "allowCredentials"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "allowCredentials cannot be used with the '*' origin"),
                QCoreApplication::translate("gatehouse::Validation", "list the allowed origins explicitly"));
    for (qsizetype n = 0; n < cors.allowMethods.size(); ++n) {
        const QString &m = cors.allowMethods[n];
        if (m == QLatin1String("*") || naming::isHttpMethod(m, false)) continue;
        r.error(at(at(path, "allowMethods"), n),
                QCoreApplication::translate("gatehouse::Validation", "'%1' is not an HTTP method").arg(m),
                QCoreApplication::translate("gatehouse::Validation", "use %1 or '*'")
                    .arg(naming::httpMethods(false).join(QLatin1String(", "))));
    }
}

} // namespace gatehouse::validation
