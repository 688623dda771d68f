#include "AuthorizerForm.h"

#include "EntityText.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>

namespace gatehouse {

AuthorizerForm::AuthorizerForm(ProjectDocument *document, QUndoStack *undoStack, QWidget *parent)
    : EntityForm(document, undoStack, parent) {
    QFormLayout *general = addSection({});
    addName(general, tr("Name"), lens(&Authorizer::name), siblingNames());
    const auto typeLens = lens<QString>(
        [](const Authorizer &a) { return authorizerTypeToString(a.type); },
        [](Authorizer &a, const QString &text) { a.type = authorizerTypeFromString(text).value_or(a.type); });
    addCombo(general, tr("Type"), QStringLiteral("type"), typeLens, [](const Project &) {
        QList<Choice> choices;
        for (AuthorizerType type : {AuthorizerType::Jwt, AuthorizerType::Lambda, AuthorizerType::ApiKey})
            choices.append({EntityText::authorizerType(type), authorizerTypeToString(type)});
        return choices;
    });

    m_jwt = addSection(tr("JWT"));
    addText(m_jwt, tr("Issuer"), QStringLiteral("issuer"), lens(&Authorizer::issuer),
            tr("https://issuer.example.com"));
    addList(m_jwt, tr("Audience"), QStringLiteral("audience"), lens(&Authorizer::audience),
            tr("client IDs, comma-separated"));
    addText(m_jwt, tr("JWKS"), QStringLiteral("jwksUri"), lens(&Authorizer::jwksUri),
            tr("https URL, or a file in the project"));
    addText(m_jwt, tr("Token source"), QStringLiteral("identitySource"), lens(&Authorizer::identitySource),
            QStringLiteral("$request.header.Authorization"));

    m_lambda = addSection(tr("Lambda authorizer"));
    addCombo(m_lambda, tr("Function"), QStringLiteral("function"), lens(&Authorizer::function),
             functionChoices());
    addCombo(m_lambda, tr("Kind"), QStringLiteral("lambdaType"), lens(&Authorizer::lambdaType),
             [](const Project &) {
                 return QList<Choice>{{tr("Request (headers, query, context)"), QStringLiteral("REQUEST")},
                                      {tr("Token (one header)"), QStringLiteral("TOKEN")}};
             });
    addCombo(m_lambda, tr("Payload format"), QStringLiteral("payloadFormatVersion"),
             lens(&Authorizer::payloadFormatVersion), [](const Project &) {
                 return QList<Choice>{{tr("API default"), QString()},
                                      {QStringLiteral("1.0"), QStringLiteral("1.0")},
                                      {QStringLiteral("2.0"), QStringLiteral("2.0")}};
             });
    addList(m_lambda, tr("Identity sources"), QStringLiteral("identitySources"),
            lens(&Authorizer::identitySources), QStringLiteral("$request.header.Authorization"));
    addText(m_lambda, tr("Token pattern"), QStringLiteral("tokenValidationRegex"),
            lens(&Authorizer::tokenValidationRegex), tr("a regular expression the token must match"));
    addCheck(m_lambda, {}, QStringLiteral("enableSimpleResponses"), lens(&Authorizer::enableSimpleResponses),
             tr("Simple responses ({\"isAuthorized\": true})"));
    addOptionalNumber(m_lambda, tr("Cache results"), QStringLiteral("resultTtlSeconds"),
                      asOptionalDouble(lens(&Authorizer::resultTtlSeconds)), tr("Custom"),
                      {0, 3600, 60, 0, tr(" s"), 300})
        ->setToolTip(tr("Without a custom value results are cached for 300 s; 0 turns caching off."));

    m_apiKey = addSection(tr("API keys"));
    addTable(
        m_apiKey, tr("Keys"), QStringLiteral("apiKeys"),
        {{tr("Name"), QStringLiteral("name"), {}}, {tr("Value"), QStringLiteral("value"), {}}},
        tableOver<ApiKey>(
            listOf(&Authorizer::apiKeys),
            {{[](const ApiKey &k) { return k.name; }, [](ApiKey &k, const QString &t) { k.name = t; }},
             {[](const ApiKey &k) { return k.value; }, [](ApiKey &k, const QString &t) { k.value = t; }}},
            [](const QList<ApiKey> &keys) {
                return ApiKey{QStringLiteral("key%1").arg(keys.size() + 1), {}, {}};
            }),
        TableTitle::Hidden);
    m_usagePlan = addSection(tr("Usage plan"));
    addThrottling(m_usagePlan, QStringLiteral("usagePlan"),
                  lens([](auto &a) -> auto & { return a.usagePlanThrottling.rateLimit; }),
                  lens([](auto &a) -> auto & { return a.usagePlanThrottling.burstLimit; }));
    const auto quotaLimit = lens<std::optional<double>>(
        [](const Authorizer &a) {
            return a.usagePlanQuota ? std::optional<double>(a.usagePlanQuota->limit) : std::nullopt;
        },
        [](Authorizer &a, const std::optional<double> &limit) {
            if (!limit) return a.usagePlanQuota.reset();
            if (!a.usagePlanQuota) a.usagePlanQuota = Quota{};
            a.usagePlanQuota->limit = int(*limit);
        });
    addOptionalNumber(m_usagePlan, tr("Quota"), QStringLiteral("usagePlan.quota.limit"), quotaLimit,
                      tr("Limit to"), {1, 1e9, 100, 0, tr(" requests"), 1000});
    const auto quotaPeriod =
        lens<QString>([](const Authorizer &a) { return a.usagePlanQuota.value_or(Quota{}).period; },
                      [](Authorizer &a, const QString &period) {
                          if (a.usagePlanQuota) a.usagePlanQuota->period = period;
                      });
    addCombo(m_usagePlan, tr("Quota period"), QStringLiteral("usagePlan.quota.period"), quotaPeriod,
             [](const Project &) {
                 return QList<Choice>{{tr("per day"), QStringLiteral("DAY")},
                                      {tr("per week"), QStringLiteral("WEEK")},
                                      {tr("per month"), QStringLiteral("MONTH")}};
             });
}

void AuthorizerForm::updateVisibility(const Project &project) {
    const Authorizer &a = entity(project);
    setSectionVisible(m_jwt, a.type == AuthorizerType::Jwt);
    setSectionVisible(m_lambda, a.type == AuthorizerType::Lambda);
    setSectionVisible(m_apiKey, a.type == AuthorizerType::ApiKey);
    setSectionVisible(m_usagePlan, a.type == AuthorizerType::ApiKey);
    setFieldVisible(QStringLiteral("tokenValidationRegex"), a.lambdaType == QLatin1String("TOKEN"));
    setFieldVisible(QStringLiteral("payloadFormatVersion"), a.lambdaType != QLatin1String("TOKEN"));
    setFieldVisible(QStringLiteral("enableSimpleResponses"), a.lambdaType != QLatin1String("TOKEN"));
    setFieldVisible(QStringLiteral("usagePlan.quota.period"), a.usagePlanQuota.has_value());
}

} // namespace gatehouse
