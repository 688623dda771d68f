// Intrinsic function reference:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html Pseudo
// parameters: .../pseudo-parameter-reference.html
#include "TemplateValues.h"

#include "import/ImportContext.h"

#include <QRegularExpression>

namespace gatehouse::sam {

namespace {
constexpr int kMaxDepth = 32; // conditions may refer to conditions; a cycle must not recurse forever

void setUnresolved(QString *unresolved, const QString &why) {
    if (unresolved && unresolved->isEmpty()) *unresolved = why;
}
} // namespace

void TemplateValues::setTemplate(const OrderedJson &root) {
    if (const OrderedJson *params = json::member(root, "Parameters"); params && params->is_object())
        for (const auto &[name, def] : params->items())
            if (const OrderedJson *d = json::member(def, "Default"))
                m_parameters.insert(QString::fromStdString(name), *d);
    if (const OrderedJson *c = json::member(root, "Conditions"); c && c->is_object()) m_conditions = *c;
    if (const OrderedJson *m = json::member(root, "Mappings"); m && m->is_object()) m_mappings = *m;
}

void TemplateValues::setPseudo(const QString &region, const QString &accountId, const QString &stackName) {
    m_pseudo = {
        {QStringLiteral("AWS::Region"), region},
        {QStringLiteral("AWS::AccountId"), accountId},
        {QStringLiteral("AWS::StackName"), stackName},
        {QStringLiteral("AWS::Partition"), QStringLiteral("aws")},
        {QStringLiteral("AWS::URLSuffix"), QStringLiteral("amazonaws.com")},
        {QStringLiteral("AWS::StackId"),
         QStringLiteral("arn:aws:cloudformation:%1:%2:stack/%3/local").arg(region, accountId, stackName)}};
}

std::optional<QString> TemplateValues::refText(const QString &name, QString *unresolved) const {
    if (const auto it = m_pseudo.constFind(name); it != m_pseudo.constEnd()) return *it;
    if (name == QLatin1String("AWS::NoValue")) return std::nullopt;
    if (const auto it = m_parameters.constFind(name); it != m_parameters.constEnd()) {
        if (it->is_array()) return json::strings(&*it).join(QLatin1Char(','));
        if (const auto t = json::text(&*it)) return *t;
    }
    if (localName) {
        const QString local = localName(name);
        if (!local.isEmpty()) return local;
    }
    setUnresolved(unresolved, m_parameters.contains(name) || name.startsWith(QLatin1String("AWS::"))
                                  ? QStringLiteral("!Ref %1").arg(name)
                                  : QStringLiteral("!Ref %1 (no default value or local resource)").arg(name));
    return std::nullopt;
}

std::optional<QString> TemplateValues::substitute(const QString &pattern, const OrderedJson *variables,
                                                  QString *unresolved, int depth) const {
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{([^}]*)\\}"));
    QString out;
    qsizetype last = 0;
    bool ok = true;
    for (auto it = placeholder.globalMatch(pattern); it.hasNext();) {
        const auto m = it.next();
        out += pattern.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString name = m.captured(1).trimmed();
        if (name.startsWith(QLatin1Char('!'))) { // "${!Literal}" writes "${Literal}"
            out += QStringLiteral("${") + name.mid(1) + QLatin1Char('}');
            continue;
        }
        std::optional<QString> value;
        if (const OrderedJson *v = json::member(variables, name.toStdString().c_str()))
            value = text(*v, unresolved, depth + 1);
        else if (const qsizetype dot = name.indexOf(QLatin1Char('.'));
                 dot > 0 && !name.startsWith(QLatin1String("AWS::")))
            value = text(OrderedJson{{"Fn::GetAtt", OrderedJson::array({name.left(dot).toStdString(),
                                                                        name.mid(dot + 1).toStdString()})}},
                         unresolved, depth + 1);
        else
            value = refText(name, unresolved);
        if (!value) {
            ok = false;
            out += m.captured(0);
            continue;
        }
        out += *value;
    }
    out += pattern.mid(last);
    return ok ? std::optional<QString>(out) : std::nullopt;
}

std::optional<QString> TemplateValues::text(const OrderedJson &value, QString *unresolved, int depth) const {
    if (depth > kMaxDepth) {
        setUnresolved(unresolved, QStringLiteral("nested too deeply"));
        return std::nullopt;
    }
    if (!value.is_object()) {
        if (value.is_array()) {
            setUnresolved(unresolved, QStringLiteral("a list"));
            return std::nullopt;
        }
        return json::text(&value);
    }
    if (value.size() != 1) {
        setUnresolved(unresolved, QStringLiteral("a mapping"));
        return std::nullopt;
    }
    const std::string &fn = value.begin().key();
    const OrderedJson &arg = value.begin().value();
    if (fn == "Ref") return refText(json::textOr(&arg), unresolved);
    if (fn == "Fn::GetAtt") {
        const QStringList parts = arg.is_string()
                                      ? QString::fromStdString(arg.get<std::string>()).split(QLatin1Char('.'))
                                      : json::strings(&arg);
        if (parts.size() >= 2 && parts[1] == QLatin1String("Arn") && arnOf) {
            const QString arn = arnOf(parts[0]);
            if (!arn.isEmpty()) return arn;
        }
        setUnresolved(unresolved, QStringLiteral("!GetAtt %1").arg(parts.join(QLatin1Char('.'))));
        return std::nullopt;
    }
    if (fn == "Fn::Sub") {
        if (arg.is_string())
            return substitute(QString::fromStdString(arg.get<std::string>()), nullptr, unresolved, depth);
        if (arg.is_array() && arg.size() == 2 && arg[0].is_string())
            return substitute(QString::fromStdString(arg[0].get<std::string>()), &arg[1], unresolved, depth);
    }
    if (fn == "Fn::Join" && arg.is_array() && arg.size() == 2 && arg[0].is_string()) {
        const OrderedJson list = evaluate(arg[1], depth + 1);
        if (list.is_array()) {
            QStringList parts;
            for (const OrderedJson &item : list) {
                const auto t = text(item, unresolved, depth + 1);
                if (!t) return std::nullopt;
                parts.append(*t);
            }
            return parts.join(QString::fromStdString(arg[0].get<std::string>()));
        }
    }
    if (fn == "Fn::Select" && arg.is_array() && arg.size() == 2) {
        const std::optional<int> index = json::integer(&arg[0]);
        const OrderedJson list = evaluate(arg[1], depth + 1);
        if (index && list.is_array() && *index >= 0 && *index < int(list.size()))
            return text(list[size_t(*index)], unresolved, depth + 1);
    }
    if (fn == "Fn::If" || fn == "Fn::FindInMap") {
        const OrderedJson evaluated = evaluate(value, depth + 1);
        if (evaluated != value) return text(evaluated, unresolved, depth + 1);
    }
    setUnresolved(unresolved, QStringLiteral("%1").arg(QString::fromStdString(fn)));
    return std::nullopt;
}

OrderedJson TemplateValues::evaluate(const OrderedJson &value, int depth) const {
    if (depth > kMaxDepth || !value.is_object() || value.size() != 1) return value;
    const std::string &fn = value.begin().key();
    const OrderedJson &arg = value.begin().value();
    if (fn == "Fn::If" && arg.is_array() && arg.size() == 3) {
        const std::optional<bool> c = namedCondition(json::textOr(&arg[0]), depth + 1);
        // Unknown conditions take the first branch: the template's author wrote it as the main case.
        return evaluate(c.value_or(true) ? arg[1] : arg[2], depth + 1);
    }
    if (fn == "Ref" && arg.is_string()) {
        const QString name = QString::fromStdString(arg.get<std::string>());
        if (const auto it = m_parameters.constFind(name); it != m_parameters.constEnd()) return *it;
    }
    if (fn == "Fn::FindInMap" && arg.is_array() && arg.size() == 3) {
        const auto top = text(arg[0]);
        const auto second = text(arg[1]);
        const auto third = text(arg[2]);
        if (top && second && third)
            if (const OrderedJson *v =
                    json::member(json::member(json::member(m_mappings, top->toStdString().c_str()),
                                              second->toStdString().c_str()),
                                 third->toStdString().c_str()))
                return *v;
    }
    return value;
}

std::optional<bool> TemplateValues::namedCondition(const QString &name, int depth) const {
    const OrderedJson *c = json::member(m_conditions, name.toStdString().c_str());
    if (!c) return std::nullopt;
    return condition(*c, depth + 1);
}

std::optional<bool> TemplateValues::condition(const OrderedJson &e, int depth) const {
    if (depth > kMaxDepth || !e.is_object() || e.size() != 1) return std::nullopt;
    const std::string &fn = e.begin().key();
    const OrderedJson &arg = e.begin().value();
    if (fn == "Condition") return namedCondition(json::textOr(&arg), depth + 1);
    if (fn == "Fn::Equals" && arg.is_array() && arg.size() == 2) {
        const auto a = text(arg[0], nullptr, depth + 1);
        const auto b = text(arg[1], nullptr, depth + 1);
        if (a && b) return *a == *b;
        return std::nullopt;
    }
    if (fn == "Fn::Not" && arg.is_array() && arg.size() == 1) {
        const auto v = condition(arg[0], depth + 1);
        return v ? std::optional<bool>(!*v) : std::nullopt;
    }
    if ((fn == "Fn::And" || fn == "Fn::Or") && arg.is_array()) {
        const bool isAnd = fn == "Fn::And";
        bool unknown = false;
        for (const OrderedJson &item : arg) {
            const auto v = condition(item, depth + 1);
            if (!v)
                unknown = true;
            else if (*v != isAnd)
                return !isAnd;
        }
        return unknown ? std::nullopt : std::optional<bool>(isAnd);
    }
    return std::nullopt;
}

QString TemplateValues::referencedId(const OrderedJson &value) {
    if (value.is_object() && value.size() == 1) {
        const std::string &fn = value.begin().key();
        const OrderedJson &arg = value.begin().value();
        if (fn == "Ref" && arg.is_string()) return QString::fromStdString(arg.get<std::string>());
        if (fn == "Fn::GetAtt") {
            if (arg.is_array() && !arg.empty() && arg[0].is_string())
                return QString::fromStdString(arg[0].get<std::string>());
            if (arg.is_string())
                return QString::fromStdString(arg.get<std::string>()).section(QLatin1Char('.'), 0, 0);
        }
        if (fn == "Fn::Sub") {
            const QString pattern =
                arg.is_string() ? QString::fromStdString(arg.get<std::string>())
                                : (arg.is_array() && !arg.empty() ? json::textOr(&arg[0]) : QString());
            // "${MyFunction.Arn}" in an invocation URI, "${MyFunction}" elsewhere.
            static const QRegularExpression reference(
                QStringLiteral("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z.]+)?\\}"));
            for (auto it = reference.globalMatch(pattern); it.hasNext();) {
                const auto m = it.next();
                return m.captured(1);
            }
        }
        if (fn == "Fn::Join" && arg.is_array() && arg.size() == 2 && arg[1].is_array())
            for (const OrderedJson &part : arg[1]) {
                const QString id = referencedId(part);
                if (!id.isEmpty()) return id;
            }
    }
    return {};
}

} // namespace gatehouse::sam
