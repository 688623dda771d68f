// Checks of the authorizers: JWT issuers and audiences, Lambda authorizer settings and identity
// sources, API keys and usage plans. Whether a route may use an authorizer is in RouteChecks.cpp.
#include "NamingRules.h"
#include "ValidationChecks.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>

namespace gatehouse::validation {

namespace {

bool isLocalHost(const QString &host) {
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") ||
           host == QLatin1String("::1");
}

QString identitySourceHint() {
    return QCoreApplication::translate("gatehouse::Validation",
                                       "e.g. '$request.header.Authorization', '$request.querystring.token', "
                                       "'$context.X' or '$stageVariables.X'");
}

// Issuers and JWKS URLs must be https on AWS; plain http to this machine is fine for local testing.
void checkWebUrl(const QString &text, const QString &path, const QString &what, Reporter &r) {
    const QUrl url(text, QUrl::StrictMode);
    const bool https = url.scheme() == QLatin1String("https");
    const bool http = url.scheme() == QLatin1String("http");
    if (url.isValid() && !url.host().isEmpty() && https) return;
    if (url.isValid() && http && isLocalHost(url.host())) {
        r.warning(
            path,
            QCoreApplication::translate("gatehouse::Validation", "%1 '%2' uses http; AWS accepts only https")
                .arg(what, text),
            QCoreApplication::translate("gatehouse::Validation", "fine for local testing; use https on AWS"));
        return;
    }
    r.error(
        path,
        QCoreApplication::translate("gatehouse::Validation", "%1 '%2' must be an https URL").arg(what, text),
        QCoreApplication::translate("gatehouse::Validation", "e.g. 'https://auth.example.com/'"));
}

void checkJwt(const Authorizer &a, const QString &path, Reporter &r) {
    if (a.issuer.isEmpty())
        r.error(at(path, "issuer"),
                QCoreApplication::translate("gatehouse::Validation", "a JWT authorizer needs an issuer"),
                QCoreApplication::translate(
                    "gatehouse::Validation",
                    "the URL in the tokens' 'iss' claim, e.g. 'https://auth.example.com/'"));
    else
        checkWebUrl(a.issuer, at(path, "issuer"), QStringLiteral("issuer"), r);
    if (a.audience.isEmpty() || a.audience.contains(QString()))
        r.error(at(path, "audience"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "a JWT authorizer needs at least one audience"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "add the client id the tokens are issued for"));
    if (!naming::isValidIdentitySource(a.identitySource))
        r.error(at(path, "identitySource"),
                QCoreApplication::translate("gatehouse::Validation", "'%1' is not an identity source")
                    .arg(a.identitySource),
                identitySourceHint());
    if (a.jwksUri.isEmpty()) return;
    if (a.jwksUri.contains(QLatin1String("://")))
        return checkWebUrl(a.jwksUri, at(path, "jwksUri"), QStringLiteral("jwksUri"), r);
    const QString folder = r.options().projectFolder;
    if (!folder.isEmpty() && !QFileInfo(QDir(folder).absoluteFilePath(a.jwksUri)).isFile())
        r.error(at(path, "jwksUri"),
                QCoreApplication::translate("gatehouse::Validation", "JWKS file '%1' does not exist")
                    .arg(a.jwksUri),
                QCoreApplication::translate("gatehouse::Validation",
                                            "give an https URL or a file relative to the project folder"));
}

void checkLambdaAuthorizer(const Project &project, const Authorizer &a, const QString &path, Reporter &r) {
    checkFunctionReference(r, project, at(path, "function"), a.function);
    const bool token = a.lambdaType == QLatin1String("TOKEN");
    if (!token && a.lambdaType != QLatin1String("REQUEST"))
        r.error(at(path, "lambdaType"),
                QCoreApplication::translate("gatehouse::Validation", "lambdaType '%1' is not supported")
                    .arg(a.lambdaType),
                QCoreApplication::translate("gatehouse::Validation", "use REQUEST or TOKEN"));
    if (!a.payloadFormatVersion.isEmpty() && a.payloadFormatVersion != QLatin1String("1.0") &&
        a.payloadFormatVersion != QLatin1String("2.0"))
        r.error(at(path, "payloadFormatVersion"),
                QCoreApplication::translate("gatehouse::Validation", "payload format '%1' is not supported")
                    .arg(a.payloadFormatVersion),
                QCoreApplication::translate("gatehouse::Validation", "use \"1.0\" or \"2.0\""));
    for (qsizetype n = 0; n < a.identitySources.size(); ++n)
        if (!naming::isValidIdentitySource(a.identitySources[n]))
            r.error(at(at(path, "identitySources"), n),
                    QCoreApplication::translate("gatehouse::Validation", "'%1' is not an identity source")
                        .arg(a.identitySources[n]),
                    identitySourceHint());
    // Caching: 0 disables it, unset means 300 s, at most 3600 s (Authorizer.authorizerResultTtlInSeconds,
    // https://docs.aws.amazon.com/apigateway/latest/api/API_Authorizer.html).
    if (a.resultTtlSeconds)
        checkRange(
            r, path, "resultTtlSeconds", *a.resultTtlSeconds, 0, 3600,
            QCoreApplication::translate("gatehouse::Validation", "0 disables caching; the maximum is 3600"));
    if (token &&
        (a.identitySources.size() != 1 || !naming::isHeaderIdentitySource(a.identitySources.front())))
        r.error(
            at(path, "identitySources"),
            QCoreApplication::translate("gatehouse::Validation",
                                        "a TOKEN authorizer reads exactly one header"),
            QCoreApplication::translate("gatehouse::Validation", "e.g. [\"$request.header.Authorization\"]"));
    // The cache key is made of the identity sources, so caching needs at least one
    // (apigateway-use-lambda-authorizer.html, http-api-lambda-authorizer.html).
    if (!token && a.identitySources.isEmpty() && a.resultTtlSeconds.value_or(300) > 0)
        r.error(at(path, "identitySources"),
                QCoreApplication::translate(
                    "gatehouse::Validation",
                    "a REQUEST authorizer with caching needs at least one identity source"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "add one, or set resultTtlSeconds to 0 to turn caching off"));
    // Simple responses ({"isAuthorized": true}) exist only in payload format 2.0
    // (http-api-lambda-authorizer.html).
    if (a.enableSimpleResponses && a.payloadFormatVersion != QLatin1String("2.0"))
        r.error(
            at(path, "enableSimpleResponses"),
            QCoreApplication::translate("gatehouse::Validation", "simple responses need payload format 2.0"),
            QCoreApplication::translate("gatehouse::Validation", "set payloadFormatVersion to \"2.0\""));
    if (a.tokenValidationRegex.isEmpty()) return;
    const QRegularExpression regex(a.tokenValidationRegex);
    if (!regex.isValid())
        r.error(at(path, "tokenValidationRegex"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "the regular expression does not compile: %1 (at %2)")
                    .arg(regex.errorString())
                    .arg(regex.patternErrorOffset()),
                QCoreApplication::translate("gatehouse::Validation",
                                            "fix the pattern, e.g. '^Bearer [-0-9a-zA-Z._]+$'"));
    else if (!token)
        r.warning(
            at(path, "tokenValidationRegex"),
            QCoreApplication::translate("gatehouse::Validation",
                                        "tokenValidationRegex is only used by TOKEN authorizers"),
            QCoreApplication::translate("gatehouse::Validation", "remove it, or set lambdaType to TOKEN"));
}

void checkApiKeys(const Authorizer &a, const QString &path, QHash<QString, QString> &keyOwners, Reporter &r) {
    if (a.apiKeys.isEmpty())
        r.error(at(path, "apiKeys"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "an API key authorizer needs at least one key"),
                QCoreApplication::translate("gatehouse::Validation",
                                            "add {\"name\": \"client\", \"value\": \"...\"}"));
    for (qsizetype k = 0; k < a.apiKeys.size(); ++k) {
        const ApiKey &key = a.apiKeys[k];
        const QString keyPath = at(at(path, "apiKeys"), k);
        if (key.name.isEmpty())
            r.error(at(keyPath, "name"),
                    QCoreApplication::translate("gatehouse::Validation", "an API key needs a name"),
                    QCoreApplication::translate("gatehouse::Validation", "name the client that uses it"));
        // API Gateway quotas: an API key value is 20 to 128 characters (limits.html). The value is a
        // secret, so messages name the key, never its value.
        if (key.value.size() < 20 || key.value.size() > 128)
            r.error(at(keyPath, "value"),
                    QCoreApplication::translate(
                        "gatehouse::Validation",
                        "the value of API key '%1' has %2 characters; API Gateway needs 20 "
                        "to 128")
                        .arg(key.name)
                        .arg(key.value.size()),
                    QCoreApplication::translate("gatehouse::Validation", "use a long random string"));
        else if (keyOwners.contains(key.value))
            r.error(at(keyPath, "value"),
                    QCoreApplication::translate("gatehouse::Validation",
                                                "the value of API key '%1' is also used by %2")
                        .arg(key.name, keyOwners.value(key.value)),
                    QCoreApplication::translate("gatehouse::Validation", "API key values must be unique"));
        else
            keyOwners.insert(key.value, keyPath);
    }
    const QString planPath = at(path, "usagePlan");
    checkThrottle(r, a.usagePlanThrottling, planPath);
    if (!a.usagePlanQuota) return;
    const QString quotaPath = at(planPath, "quota");
    if (a.usagePlanQuota->limit <= 0)
        r.error(
            at(quotaPath, "limit"),
            QCoreApplication::translate("gatehouse::Validation", "the quota limit must be above 0, found %1")
                .arg(a.usagePlanQuota->limit),
            QCoreApplication::translate("gatehouse::Validation",
                                        "the number of requests allowed per period"));
    static const QStringList periods = {QStringLiteral("DAY"), QStringLiteral("WEEK"),
                                        QStringLiteral("MONTH")};
    if (!periods.contains(a.usagePlanQuota->period))
        r.error(at(quotaPath, "period"),
                QCoreApplication::translate("gatehouse::Validation", "quota period '%1' is not supported")
                    .arg(a.usagePlanQuota->period),
                QCoreApplication::translate("gatehouse::Validation", "use DAY, WEEK or MONTH"));
}

} // namespace

void checkAuthorizers(const Project &project, Reporter &r) {
    QStringList names;
    QHash<QString, QString> keyOwners;
    for (qsizetype i = 0; i < project.authorizers.size(); ++i) {
        const Authorizer &a = project.authorizers[i];
        const QString path = at(QStringLiteral("authorizers"), i);
        names.append(a.name);
        if (a.name.isEmpty())
            r.error(at(path, "name"),
                    QCoreApplication::translate("gatehouse::Validation", "an authorizer needs a name"),
                    QCoreApplication::translate("gatehouse::Validation", "routes refer to it by this name"));
        switch (a.type) {
        case AuthorizerType::Jwt:
            checkJwt(a, path, r);
            break;
        case AuthorizerType::Lambda:
            checkLambdaAuthorizer(project, a, path, r);
            break;
        case AuthorizerType::ApiKey:
            checkApiKeys(a, path, keyOwners, r);
            break;
        }
    }
    checkUniqueNames(r, names, [](qsizetype i) { return at(QStringLiteral("authorizers"), i); });
}

} // namespace gatehouse::validation
