// Evaluates CloudFormation intrinsic functions in a template as far as a local copy can: parameter
// defaults, pseudo parameters, conditions, Fn::Sub/Join/Select/If/FindInMap, and references to the
// template's own resources (their local names, or ARNs made from them).
#pragma once

#include "project/UnknownFields.h"

#include <QHash>
#include <QString>
#include <functional>
#include <optional>

namespace gatehouse::sam {

class TemplateValues {
public:
    // `localName(id)` gives the local name of a resource a !Ref points to (bucket name, queue name,
    // function name) and `arnOf(id)` the ARN !GetAtt X.Arn stands for; both return empty if unknown.
    void setTemplate(const OrderedJson &root);
    void setPseudo(const QString &region, const QString &accountId, const QString &stackName);
    std::function<QString(const QString &)> localName;
    std::function<QString(const QString &)> arnOf;

    // The value as text; nullopt when it cannot be evaluated locally (then `unresolved` names why).
    std::optional<QString> text(const OrderedJson &value, QString *unresolved = nullptr, int depth = 0) const;
    // Resolves Fn::If and parameter Refs to plain JSON, leaving resource references in place.
    OrderedJson evaluate(const OrderedJson &value, int depth = 0) const;
    // True/false for a condition name or expression; nullopt when it depends on something unknown.
    std::optional<bool> condition(const OrderedJson &expression, int depth = 0) const;
    std::optional<bool> namedCondition(const QString &name, int depth = 0) const;

    // The logical ID a value refers to: {"Ref": X}, {"Fn::GetAtt": [X, ...]}, "!Sub ${X.Arn}" or
    // "arn:...:${X}". Empty when it refers to none.
    static QString referencedId(const OrderedJson &value);
    bool isParameter(const QString &name) const { return m_parameters.contains(name); }

private:
    std::optional<QString> substitute(const QString &pattern, const OrderedJson *variables,
                                      QString *unresolved, int depth) const;
    std::optional<QString> refText(const QString &name, QString *unresolved) const;

    QHash<QString, OrderedJson> m_parameters; // default values
    OrderedJson m_conditions = OrderedJson::object();
    OrderedJson m_mappings = OrderedJson::object();
    QHash<QString, QString> m_pseudo;
};

} // namespace gatehouse::sam
