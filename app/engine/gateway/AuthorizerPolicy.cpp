#include "AuthorizerPolicy.h"

#include <algorithm>

namespace gatehouse {

namespace {

bool sameChar(QChar a, QChar b, Qt::CaseSensitivity cs) {
    return cs == Qt::CaseSensitive ? a == b : a.toCaseFolded() == b.toCaseFolded();
}

// Iterative glob matching with backtracking to the last '*': linear in practice, no recursion.
bool globMatches(QStringView pattern, QStringView text, Qt::CaseSensitivity cs) {
    qsizetype p = 0, t = 0, star = -1, resume = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            star = p++;
            resume = t;
        } else if (p < pattern.size() &&
                   (pattern[p] == QLatin1Char('?') || sameChar(pattern[p], text[t], cs))) {
            ++p;
            ++t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

QStringList stringOrList(const OrderedJson &value) {
    QStringList strings;
    if (value.is_string()) strings.append(fromUtf8(value.get<std::string>()));
    if (value.is_array())
        for (const OrderedJson &item : value)
            if (item.is_string()) strings.append(fromUtf8(item.get<std::string>()));
    return strings;
}

const OrderedJson *member(const OrderedJson &object, const char *name, const char *alternative) {
    if (object.contains(name)) return &object[name];
    if (object.contains(alternative)) return &object[alternative];
    return nullptr;
}

} // namespace

bool arnPatternMatches(const QString &pattern, const QString &arn) {
    return globMatches(pattern, arn, Qt::CaseSensitive);
}

std::optional<AuthorizerPolicy> AuthorizerPolicy::fromJson(const OrderedJson &document, QString &problem) {
    if (!document.is_object()) {
        problem = QStringLiteral("policyDocument is not an object");
        return std::nullopt;
    }
    const OrderedJson *statements = member(document, "Statement", "statement");
    if (!statements || !(statements->is_array() || statements->is_object())) {
        problem = QStringLiteral("policyDocument has no Statement");
        return std::nullopt;
    }
    AuthorizerPolicy policy;
    const OrderedJson list = statements->is_array() ? *statements : OrderedJson::array({*statements});
    for (const OrderedJson &entry : list) {
        if (!entry.is_object()) continue;
        const OrderedJson *effect = member(entry, "Effect", "effect");
        const OrderedJson *action = member(entry, "Action", "action");
        const OrderedJson *resource = member(entry, "Resource", "resource");
        if (!effect || !effect->is_string() || !action || !resource) {
            problem = QStringLiteral("a statement needs Effect, Action and Resource");
            return std::nullopt;
        }
        const QString effectText = fromUtf8(effect->get<std::string>());
        if (effectText.compare(QLatin1String("Allow"), Qt::CaseInsensitive) != 0 &&
            effectText.compare(QLatin1String("Deny"), Qt::CaseInsensitive) != 0) {
            problem = QStringLiteral("unknown Effect '%1'").arg(effectText);
            return std::nullopt;
        }
        policy.m_statements.append({effectText.compare(QLatin1String("Allow"), Qt::CaseInsensitive) == 0,
                                    stringOrList(*action), stringOrList(*resource)});
    }
    if (policy.m_statements.isEmpty()) {
        problem = QStringLiteral("policyDocument has no statements");
        return std::nullopt;
    }
    return policy;
}

AuthorizerPolicy::Effect AuthorizerPolicy::evaluate(const QString &methodArn) const {
    bool allowed = false;
    for (const Statement &statement : m_statements) {
        const bool invokes =
            std::any_of(statement.actions.cbegin(), statement.actions.cend(), [](const QString &action) {
                return globMatches(action, u"execute-api:Invoke", Qt::CaseInsensitive);
            });
        const bool covers =
            std::any_of(statement.resources.cbegin(), statement.resources.cend(),
                        [&](const QString &resource) { return arnPatternMatches(resource, methodArn); });
        if (!invokes || !covers) continue;
        if (!statement.allow) return Effect::ExplicitDeny;
        allowed = true;
    }
    return allowed ? Effect::Allow : Effect::ImplicitDeny;
}

} // namespace gatehouse
