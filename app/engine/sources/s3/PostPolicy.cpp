#include "PostPolicy.h"

#include "gateway/JsonText.h"

namespace gatehouse::s3 {

namespace {

using Condition = PostPolicyCondition;

QString quote(const QString &text) {
    return QStringLiteral("\"%1\"").arg(text);
}

std::optional<qint64> integerOf(const OrderedJson &value) {
    if (value.is_number_integer()) return value.get<qint64>();
    if (value.is_string()) {
        bool ok = false;
        const qint64 n = QString::fromStdString(value.get<std::string>()).toLongLong(&ok);
        if (ok) return n;
    }
    return std::nullopt;
}

// "$key" → "key"; field names compare case-insensitively.
QString fieldOf(const std::string &reference) {
    QString name = QString::fromStdString(reference);
    if (name.startsWith(QLatin1Char('$'))) name.remove(0, 1);
    return name.toLower();
}

std::optional<QList<Condition>> readConditions(const OrderedJson &conditions, QString *error) {
    QList<Condition> list;
    for (const OrderedJson &entry : conditions) {
        if (entry.is_object()) {
            // {"acl": "public-read"}: an exact match.
            for (auto it = entry.begin(); it != entry.end(); ++it) {
                if (!it.value().is_string()) {
                    *error =
                        QStringLiteral("Invalid Policy: Invalid Simple-Condition: value must be a string.");
                    return std::nullopt;
                }
                Condition c;
                c.field = fieldOf(it.key());
                c.value = QString::fromStdString(it.value().get<std::string>());
                c.quoted = QStringLiteral("[\"eq\", \"$%1\", %2]")
                               .arg(QString::fromStdString(it.key()), quote(c.value));
                list.append(c);
            }
            continue;
        }
        if (!entry.is_array() || entry.size() != 3 || !entry[0].is_string()) {
            *error = QStringLiteral("Invalid Policy: Invalid Condition: %1")
                         .arg(QString::fromStdString(entry.dump()));
            return std::nullopt;
        }
        const QString op = QString::fromStdString(entry[0].get<std::string>()).toLower();
        Condition c;
        if (op == QLatin1String("content-length-range")) {
            const std::optional<qint64> min = integerOf(entry[1]);
            const std::optional<qint64> max = integerOf(entry[2]);
            if (!min || !max || *min < 0 || *max < *min) {
                *error = QStringLiteral("Invalid Policy: Invalid content-length-range condition: %1")
                             .arg(QString::fromStdString(entry.dump()));
                return std::nullopt;
            }
            c.kind = Condition::Kind::ContentLengthRange;
            c.min = *min;
            c.max = *max;
            c.quoted = QStringLiteral("[\"content-length-range\", %1, %2]").arg(*min).arg(*max);
        } else if (op == QLatin1String("eq") || op == QLatin1String("starts-with")) {
            if (!entry[1].is_string() || !entry[2].is_string() ||
                !QString::fromStdString(entry[1].get<std::string>()).startsWith(QLatin1Char('$'))) {
                *error = QStringLiteral("Invalid Policy: Invalid Condition: %1")
                             .arg(QString::fromStdString(entry.dump()));
                return std::nullopt;
            }
            c.kind = op == QLatin1String("eq") ? Condition::Kind::Equals : Condition::Kind::StartsWith;
            c.field = fieldOf(entry[1].get<std::string>());
            c.value = QString::fromStdString(entry[2].get<std::string>());
            c.quoted = QStringLiteral("[%1, %2, %3]")
                           .arg(quote(op), quote(QString::fromStdString(entry[1].get<std::string>())),
                                quote(c.value));
        } else {
            *error = QStringLiteral("Invalid Policy: Invalid Condition: %1")
                         .arg(QString::fromStdString(entry.dump()));
            return std::nullopt;
        }
        list.append(c);
    }
    return list;
}

bool conditionHolds(const Condition &c, const QString &value) {
    if (c.kind == Condition::Kind::Equals) return value == c.value;
    // "If the starts-with condition is used with Content-Type, ... each value [of a comma-separated
    // list] must match" (Creating a POST policy, Condition matching).
    if (c.field == QLatin1String("content-type") && value.contains(QLatin1Char(','))) {
        const QStringList types = value.split(QLatin1Char(','));
        return std::all_of(types.cbegin(), types.cend(),
                           [&](const QString &type) { return type.trimmed().startsWith(c.value); });
    }
    return value.startsWith(c.value);
}

} // namespace

std::optional<PostPolicy> parsePostPolicy(const QByteArray &base64, QString *error) {
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(base64.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    const std::optional<OrderedJson> json = decoded ? parseJson(*decoded) : std::nullopt;
    if (!json || !json->is_object()) {
        *error = QStringLiteral("Invalid Policy: Invalid JSON.");
        return std::nullopt;
    }
    PostPolicy policy;
    const auto expiration = json->find("expiration");
    if (expiration == json->end() || !expiration->is_string()) {
        *error = QStringLiteral("Invalid Policy: Policy missing expiration.");
        return std::nullopt;
    }
    const QString when = QString::fromStdString(expiration->get<std::string>());
    policy.expiration = QDateTime::fromString(when, Qt::ISODateWithMs).toUTC();
    if (!policy.expiration.isValid()) {
        *error = QStringLiteral("Invalid Policy: Invalid 'expiration' value: '%1'").arg(when);
        return std::nullopt;
    }
    const auto conditions = json->find("conditions");
    if (conditions == json->end() || !conditions->is_array()) {
        *error = QStringLiteral("Invalid Policy: Policy missing conditions.");
        return std::nullopt;
    }
    std::optional<QList<Condition>> read = readConditions(*conditions, error);
    if (!read) return std::nullopt;
    policy.conditions = std::move(*read);
    return policy;
}

QString PostPolicyCheck::message() const {
    switch (outcome) {
    case Outcome::Expired:
        return QStringLiteral("Invalid according to Policy: Policy expired.");
    case Outcome::ConditionFailed:
        return QStringLiteral("Invalid according to Policy: Policy Condition failed: %1").arg(detail);
    case Outcome::ExtraInputField:
        return QStringLiteral("Invalid according to Policy: Extra input fields: %1").arg(detail);
    case Outcome::TooLarge:
        return QStringLiteral("Your proposed upload exceeds the maximum allowed size");
    case Outcome::TooSmall:
        return QStringLiteral("Your proposed upload is smaller than the minimum allowed size");
    case Outcome::Allowed:
        break;
    }
    return {};
}

PostPolicyCheck checkPostPolicy(const PostPolicy &policy, const PostFormFields &fields, const QString &bucket,
                                qint64 fileSize, const QDateTime &now) {
    PostPolicyCheck check;
    if (now.toUTC() >= policy.expiration) {
        check.outcome = PostPolicyCheck::Outcome::Expired;
        return check;
    }
    const auto valueOf = [&](const QString &field) {
        // The bucket is the one the request names, whether or not the form repeats it.
        if (field == QLatin1String("bucket")) return bucket;
        for (const auto &[name, value] : fields)
            if (name == field) return value;
        return QString();
    };
    QStringList covered;
    for (const Condition &c : policy.conditions) {
        if (c.kind == Condition::Kind::ContentLengthRange) {
            if (fileSize > c.max || fileSize < c.min) {
                check.outcome = fileSize > c.max ? PostPolicyCheck::Outcome::TooLarge
                                                 : PostPolicyCheck::Outcome::TooSmall;
                check.minSize = c.min;
                check.maxSize = c.max;
                check.detail = c.quoted;
                return check;
            }
            continue;
        }
        covered.append(c.field);
        if (!conditionHolds(c, valueOf(c.field))) {
            check.outcome = PostPolicyCheck::Outcome::ConditionFailed;
            check.detail = c.quoted;
            return check;
        }
    }
    for (const auto &[name, value] : fields) {
        Q_UNUSED(value)
        if (name == QLatin1String("x-amz-signature") || name == QLatin1String("policy") ||
            name == QLatin1String("file") || name.startsWith(QLatin1String("x-ignore-")) ||
            covered.contains(name))
            continue;
        check.outcome = PostPolicyCheck::Outcome::ExtraInputField;
        check.detail = name;
        return check;
    }
    return check;
}

} // namespace gatehouse::s3
