// Authorizers in SAM: HttpApi "Auth"
// (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-httpapi-httpapiauth.html)
// and Api "Auth" (.../sam-property-api-apiauth.html, .../sam-property-api-lambdatokenauthorizer.html,
// .../sam-property-api-lambdarequestauthorizer.html).
#include "SamAuth.h"

#include "export/Intrinsics.h"

#include <QCoreApplication>

namespace gatehouse::sam {

IdentityLists splitIdentitySources(const QStringList &sources) {
    IdentityLists lists;
    for (const QString &source : sources) {
        QString s = source.trimmed();
        if (s.startsWith(QLatin1String("method.request."))) s = QLatin1Char('$') + s.mid(7); // REST spelling
        if (s.startsWith(QLatin1String("$request.header.")))
            lists.headers.append(s.mid(16));
        else if (s.startsWith(QLatin1String("$request.querystring.")))
            lists.queryStrings.append(s.mid(21));
        else if (s.startsWith(QLatin1String("$stageVariables.")))
            lists.stageVariables.append(s.mid(16));
        else if (s.startsWith(QLatin1String("$context.")))
            lists.context.append(s.mid(9));
        else
            lists.unknown.append(source);
    }
    return lists;
}

namespace {

OrderedJson strings(const QStringList &list) {
    OrderedJson array = OrderedJson::array();
    for (const QString &s : list)
        array.push_back(s.toStdString());
    return array;
}

void warnUnknownSources(SamTemplate &t, const IdentityLists &lists, const QString &path) {
    if (lists.unknown.isEmpty()) return;
    t.report.warning(
        fieldPath(path, "identitySources"),
        QCoreApplication::translate("gatehouse::Export",
                                    "identity source(s) %1 have no %2 equivalent and are not exported")
            .arg(lists.unknown.join(QStringLiteral(", ")), t.title()));
}

QString authorizerFunctionId(SamTemplate &t, const Authorizer &a, const QString &path) {
    return t.functionId(a.function, fieldPath(path, "function"));
}

} // namespace

OrderedJson httpApiAuthorizer(SamTemplate &t, const Authorizer &a, const QString &path) {
    OrderedJson def = OrderedJson::object();
    if (a.type == AuthorizerType::Jwt) {
        def["IdentitySource"] = a.identitySource.toStdString();
        OrderedJson jwt = OrderedJson::object();
        jwt["issuer"] = a.issuer.toStdString();
        jwt["audience"] = strings(a.audience);
        def["JwtConfiguration"] = std::move(jwt);
        if (!a.jwksUri.isEmpty())
            t.report.warning(
                fieldPath(path, "jwksUri"),
                QCoreApplication::translate("gatehouse::Export",
                                            "jwksUri is not exported to %1: API Gateway's JWT authorizer "
                                            "finds the keys through the issuer's OpenID discovery document")
                    .arg(t.title()));
        return def;
    }
    const QString functionId = authorizerFunctionId(t, a, path);
    if (functionId.isEmpty()) return {};
    def["FunctionArn"] = cfn::getAtt(functionId, QStringLiteral("Arn"));
    // Required by SAM for HttpApi Lambda authorizers; "2.0" is what Gatehouse assumes when unset.
    def["AuthorizerPayloadFormatVersion"] =
        a.payloadFormatVersion.isEmpty() ? std::string("2.0") : a.payloadFormatVersion.toStdString();
    if (a.enableSimpleResponses) def["EnableSimpleResponses"] = true;
    const IdentityLists lists = splitIdentitySources(a.identitySources);
    warnUnknownSources(t, lists, path);
    OrderedJson identity = OrderedJson::object();
    if (!lists.headers.isEmpty()) identity["Headers"] = strings(lists.headers);
    if (!lists.queryStrings.isEmpty()) identity["QueryStrings"] = strings(lists.queryStrings);
    if (!lists.stageVariables.isEmpty()) identity["StageVariables"] = strings(lists.stageVariables);
    if (!lists.context.isEmpty()) identity["Context"] = strings(lists.context);
    if (a.resultTtlSeconds) identity["ReauthorizeEvery"] = *a.resultTtlSeconds;
    if (!identity.empty()) def["Identity"] = std::move(identity);
    if (a.lambdaType == QLatin1String("TOKEN"))
        t.report.warning(fieldPath(path, "lambdaType"),
                         QCoreApplication::translate(
                             "gatehouse::Export", "HTTP APIs have no TOKEN authorizers; exported to %1 as a "
                                                  "REQUEST authorizer reading the same identity sources")
                             .arg(t.title()));
    return def;
}

OrderedJson restApiAuthorizer(SamTemplate &t, const Authorizer &a, const QString &path) {
    if (a.type != AuthorizerType::Lambda) return {};
    const QString functionId = authorizerFunctionId(t, a, path);
    if (functionId.isEmpty()) return {};
    OrderedJson def = OrderedJson::object();
    def["FunctionArn"] = cfn::getAtt(functionId, QStringLiteral("Arn"));
    const IdentityLists lists = splitIdentitySources(a.identitySources);
    warnUnknownSources(t, lists, path);
    OrderedJson identity = OrderedJson::object();
    if (a.lambdaType == QLatin1String("TOKEN")) {
        def["FunctionPayloadType"] = "TOKEN";
        if (!lists.headers.isEmpty()) identity["Header"] = lists.headers.first().toStdString();
        if (lists.headers.size() > 1 || !lists.queryStrings.isEmpty() || !lists.stageVariables.isEmpty() ||
            !lists.context.isEmpty())
            t.report.warning(
                fieldPath(path, "identitySources"),
                QCoreApplication::translate("gatehouse::Export",
                                            "a TOKEN authorizer reads one header; only the first is "
                                            "exported to %1")
                    .arg(t.title()));
        if (!a.tokenValidationRegex.isEmpty())
            identity["ValidationExpression"] = a.tokenValidationRegex.toStdString();
    } else {
        def["FunctionPayloadType"] = "REQUEST";
        if (!lists.headers.isEmpty()) identity["Headers"] = strings(lists.headers);
        if (!lists.queryStrings.isEmpty()) identity["QueryStrings"] = strings(lists.queryStrings);
        if (!lists.stageVariables.isEmpty()) identity["StageVariables"] = strings(lists.stageVariables);
        if (!lists.context.isEmpty()) identity["Context"] = strings(lists.context);
    }
    if (a.resultTtlSeconds) identity["ReauthorizeEvery"] = *a.resultTtlSeconds;
    if (!identity.empty()) def["Identity"] = std::move(identity);
    if (a.enableSimpleResponses || !a.payloadFormatVersion.isEmpty())
        t.report.warning(
            path, QCoreApplication::translate(
                      "gatehouse::Export",
                      "payloadFormatVersion and enableSimpleResponses apply to HTTP APIs only; they are "
                      "not exported to %1 for a REST API")
                      .arg(t.title()));
    return def;
}

} // namespace gatehouse::sam
