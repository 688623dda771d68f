// API keys and usage plans declared as plain CloudFormation (AWS::ApiGateway::UsagePlan, ApiKey,
// UsagePlanKey), including keys attached to the plan SAM generates for an Api as "<ApiId>UsagePlan".
#include "SamReader.h"

#include <QCoreApplication>

namespace gatehouse::sam {

namespace {

QString refOf(const OrderedJson &object, const char *key) {
    const OrderedJson *v = json::member(object, key);
    return v ? TemplateValues::referencedId(*v) : QString();
}

} // namespace

void readUsagePlans(SamReader &r) {
    for (const TemplateResource &res : r.resources) {
        if (res.type != QLatin1String("AWS::ApiGateway::UsagePlan")) continue;
        const OrderedJson &p = res.properties;
        Authorizer a;
        a.type = AuthorizerType::ApiKey;
        a.name = json::textOr(json::member(p, "UsagePlanName"), r.nameFor(NamedKind::Authorizer, res.id));
        const OrderedJson *throttle = json::member(p, "Throttle");
        a.usagePlanThrottling.burstLimit = json::integer(json::member(throttle, "BurstLimit"));
        a.usagePlanThrottling.rateLimit = json::number(json::member(throttle, "RateLimit"));
        if (const OrderedJson *quota = json::member(p, "Quota")) {
            Quota q;
            q.limit = json::integer(json::member(quota, "Limit")).value_or(0);
            q.period = json::textOr(json::member(quota, "Period"), QStringLiteral("DAY")).toUpper();
            a.usagePlanQuota = q;
        }
        const QString name = r.addAuthorizer(a, res.id);
        r.usagePlans.insert(res.id, name);
        if (const OrderedJson *stages = json::member(p, "ApiStages"); stages && stages->is_array())
            for (const OrderedJson &stage : *stages) {
                const QString apiId = refOf(stage, "ApiId");
                if (r.apis.contains(apiId) && r.apis[apiId].apiKeyAuthorizer.isEmpty())
                    r.apis[apiId].apiKeyAuthorizer = name;
            }
        r.consumed.insert(res.id);
    }
}

void readApiKeys(SamReader &r) {
    QHash<QString, ApiKey> keys;
    QStringList keyOrder; // diagnostics in template order
    QSet<QString> attached;
    for (const TemplateResource &res : r.resources) {
        if (res.type != QLatin1String("AWS::ApiGateway::ApiKey")) continue;
        ApiKey key;
        key.name = json::textOr(json::member(res.properties, "Name"), res.id);
        key.value = json::textOr(json::member(res.properties, "Value"));
        keys.insert(res.id, key);
        keyOrder.append(res.id);
        r.consumed.insert(res.id);
    }
    for (const TemplateResource &res : r.resources) {
        if (res.type != QLatin1String("AWS::ApiGateway::UsagePlanKey")) continue;
        r.consumed.insert(res.id);
        const QString keyId = refOf(res.properties, "KeyId");
        const QString planId = refOf(res.properties, "UsagePlanId");
        QString authorizerName = r.usagePlans.value(planId);
        if (authorizerName.isEmpty() && planId.endsWith(QLatin1String("UsagePlan"))) {
            const QString apiId = planId.chopped(int(qstrlen("UsagePlan")));
            if (r.apis.contains(apiId)) authorizerName = r.apis[apiId].apiKeyAuthorizer;
        }
        Authorizer *authorizer = r.findAuthorizer(authorizerName);
        if (!authorizer || !keys.contains(keyId)) {
            r.ctx.warning(res.path, QCoreApplication::translate(
                                        "gatehouse::Import", "the usage plan key links a key or plan that is "
                                                             "not in the template; it is not imported"));
            continue;
        }
        const ApiKey &key = keys[keyId];
        const bool known = std::any_of(authorizer->apiKeys.begin(), authorizer->apiKeys.end(),
                                       [&](const ApiKey &k) { return k.name == key.name; });
        if (!known) authorizer->apiKeys.append(key);
        attached.insert(keyId);
    }
    for (const QString &id : keyOrder) {
        if (attached.contains(id)) continue;
        const ApiKey &key = keys[id];
        r.ctx.warning(
            QStringLiteral("Resources.") + id,
            key.value.isEmpty()
                ? QCoreApplication::translate(
                      "gatehouse::Import",
                      "API key '%1' has no Value (AWS generates one) and no usage plan; it is not imported")
                      .arg(key.name)
                : QCoreApplication::translate(
                      "gatehouse::Import",
                      "API key '%1' belongs to no usage plan in the template; it is not imported")
                      .arg(key.name));
    }
}

} // namespace gatehouse::sam
