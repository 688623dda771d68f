#include "RouteForm.h"

#include "EntityText.h"
#include "validation/NamingRules.h"

#include <QCompleter>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>

namespace gatehouse {

namespace {
const QString kIntegration = QStringLiteral("integration");
QString integrationKey(const char *key) {
    return kIntegration + QLatin1Char('.') + QLatin1String(key);
}
} // namespace

RouteForm::RouteForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : EntityForm(document, undoStack, parent) {
    QFormLayout *request = addSection({});
    addCombo(request, tr("Method"), QStringLiteral("method"), lens(&Route::method),
             fixedChoices(naming::httpMethods(true)));
    addText(request, tr("Path"), QStringLiteral("path"), lens(&Route::path),
            tr("/items/{id}, /files/{proxy+} or $default"));
    QLineEdit *routeKey = addText(request, tr("Route key"), QStringLiteral("routeKey"),
                                  lens(&Route::routeKey), tr("$connect, $disconnect, $default or an action"));
    routeKey->setCompleter(new QCompleter(
        {QStringLiteral("$connect"), QStringLiteral("$disconnect"), QStringLiteral("$default")}, routeKey));
    addCheck(request, {}, QStringLiteral("routeResponse"), lens(&Route::routeResponse),
             tr("Send the integration's result back to the client"));

    m_integration = addSection(tr("Integration"));
    const auto typeLens =
        lens<QString>([](const Route &r) { return integrationTypeToString(r.integration.type); },
                      [](Route &r, const QString &text) {
                          r.integration.type =
                              integrationTypeFromString(text).value_or(IntegrationType::Lambda);
                      });
    addCombo(m_integration, tr("Type"), integrationKey("type"), typeLens, [](const Project &) {
        return QList<Choice>{{tr("Lambda function"), integrationTypeToString(IntegrationType::Lambda)},
                             {tr("HTTP proxy"), integrationTypeToString(IntegrationType::HttpProxy)},
                             {tr("Mock response"), integrationTypeToString(IntegrationType::Mock)}};
    });
    // Lambda
    addCombo(m_integration, tr("Function"), integrationKey("function"),
             lens([](auto &r) -> auto & { return r.integration.function; }), functionChoices());
    addCombo(m_integration, tr("Payload format"), integrationKey("payloadFormatVersion"),
             lens([](auto &r) -> auto & { return r.integration.payloadFormatVersion; }), [](const Project &) {
                 return QList<Choice>{{tr("API default"), QString()},
                                      {QStringLiteral("1.0"), QStringLiteral("1.0")},
                                      {QStringLiteral("2.0"), QStringLiteral("2.0")}};
             });
    // HTTP proxy
    addText(m_integration, tr("URL"), integrationKey("url"),
            lens([](auto &r) -> auto & { return r.integration.url; }), tr("https://example.com/{proxy}"));
    QList<Choice> methods{{tr("Same as the request"), QString()}};
    for (const QString &method : naming::httpMethods(false))
        methods.append({method, method});
    addCombo(m_integration, tr("HTTP method"), integrationKey("httpMethod"),
             lens([](auto &r) -> auto & { return r.integration.httpMethod; }),
             [methods](const Project &) { return methods; });
    // Mock
    addSpin(m_integration, tr("Status code"), integrationKey("statusCode"),
            lens([](auto &r) -> auto & { return r.integration.mockStatusCode; }), {100, 599, 1, {}, {}});
    addTextArea(m_integration, tr("Body"), integrationKey("body"),
                lens([](auto &r) -> auto & { return r.integration.mockBody; }));
    addTable(m_integration, tr("Response headers"), integrationKey("headers"),
             {{tr("Header"), QStringLiteral("name"), {}}, {tr("Value"), QStringLiteral("value"), {}}},
             nameValueTable(listOf([](auto &r) -> auto & { return r.integration.mockHeaders; }),
                            QStringLiteral("X-Header")));
    // Every type
    addOptionalNumber(m_integration, tr("Timeout"), integrationKey("timeoutMs"),
                      asOptionalDouble(lens([](auto &r) -> auto & { return r.integration.timeoutMs; })),
                      tr("Custom"), {50, 30000, 500, 0, tr(" ms"), 29000})
        ->setToolTip(tr("Without a custom timeout: 30 s on HTTP APIs, 29 s on REST and WebSocket APIs."));

    QFormLayout *access = addSection(tr("Access"));
    addCombo(access, tr("Authorizer"), QStringLiteral("authorizer"), lens(&Route::authorizer),
             [](const Project &project) {
                 QList<Choice> choices{{tr("(none)"), QString()}};
                 for (const Authorizer &a : project.authorizers)
                     choices.append({tr("%1 (%2)").arg(a.name, EntityText::authorizerType(a.type)), a.name});
                 return choices;
             });
    addList(access, tr("Scopes"), QStringLiteral("authorizationScopes"), lens(&Route::authorizationScopes),
            tr("JWT scopes, comma-separated"));
    addThrottling(access, QStringLiteral("throttling"),
                  lens([](auto &r) -> auto & { return r.throttling.rateLimit; }),
                  lens([](auto &r) -> auto & { return r.throttling.burstLimit; }));
}

void RouteForm::updateVisibility(const Project &project) {
    const Api &api = project.apis[entityRef().index];
    const Route &route = entity(project);
    const bool webSocket = api.type == ApiType::WebSocket;
    setFieldVisible(QStringLiteral("method"), !webSocket);
    setFieldVisible(QStringLiteral("path"), !webSocket);
    setFieldVisible(QStringLiteral("routeKey"), webSocket);
    setFieldVisible(QStringLiteral("routeResponse"), webSocket);

    const IntegrationType type = route.integration.type;
    for (const char *key : {"function", "payloadFormatVersion"})
        setFieldVisible(integrationKey(key), type == IntegrationType::Lambda);
    for (const char *key : {"url", "httpMethod"})
        setFieldVisible(integrationKey(key), type == IntegrationType::HttpProxy);
    for (const char *key : {"statusCode", "body", "headers"})
        setFieldVisible(integrationKey(key), type == IntegrationType::Mock);

    // Scopes mean something only behind an authorizer; shown anyway when the file has some.
    setFieldVisible(QStringLiteral("authorizationScopes"),
                    !route.authorizer.isEmpty() || !route.authorizationScopes.isEmpty());
}

} // namespace gatehouse
