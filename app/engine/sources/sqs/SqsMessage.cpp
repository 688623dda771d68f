#include "SqsMessage.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace gatehouse::sqs {

namespace {

void appendLengthPrefixed(QByteArray &out, const QByteArray &bytes) {
    char length[4];
    qToBigEndian(quint32(bytes.size()), length);
    out.append(length, 4);
    out.append(bytes);
}

bool isBinaryType(const QString &dataType) {
    return dataType.startsWith(QLatin1String("Binary"));
}

bool validName(const QString &name) {
    if (name.isEmpty() || name.size() > 256 || name.startsWith(u'.') || name.endsWith(u'.')) return false;
    if (name.startsWith(QLatin1String("AWS."), Qt::CaseInsensitive) ||
        name.startsWith(QLatin1String("Amazon."), Qt::CaseInsensitive))
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
                        c == u'_' || c == u'-' || c == u'.';
        if (!ok) return false;
        if (c == u'.' && i > 0 && name.at(i - 1) == u'.') return false; // no ".." either
    }
    return true;
}

} // namespace

QString md5OfBody(const QByteArray &body) {
    return QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex());
}

QString md5OfMessageAttributes(const MessageAttributes &attributes) {
    if (attributes.empty()) return {};
    QByteArray buffer;
    for (const auto &[name, value] : attributes) {
        appendLengthPrefixed(buffer, name.toUtf8());
        appendLengthPrefixed(buffer, value.dataType.toUtf8());
        const bool binary = isBinaryType(value.dataType);
        buffer.append(char(binary ? 2 : 1));
        appendLengthPrefixed(buffer, binary ? value.binaryValue : value.stringValue);
    }
    return QString::fromLatin1(QCryptographicHash::hash(buffer, QCryptographicHash::Md5).toHex());
}

std::optional<QString> validateAttributes(const MessageAttributes &attributes) {
    if (attributes.size() > 10)
        return QStringLiteral("Number of message attributes [%1] exceeds the allowed maximum [10].")
            .arg(attributes.size());
    for (const auto &[name, value] : attributes) {
        if (!validName(name)) return QStringLiteral("Message attribute name '%1' is invalid.").arg(name);
        const QString &type = value.dataType;
        const bool known = type.startsWith(QLatin1String("String")) ||
                           type.startsWith(QLatin1String("Number")) || isBinaryType(type);
        if (type.isEmpty())
            return QStringLiteral("The message attribute '%1' must contain non-empty message attribute type.")
                .arg(name);
        if (!known)
            return QStringLiteral(
                       "The type of message attribute '%1' is invalid. You must use only the following "
                       "supported type prefixes: Binary, Number, String.")
                .arg(name);
        const bool empty = isBinaryType(type) ? value.binaryValue.isEmpty() : value.stringValue.isEmpty();
        if (empty)
            return QStringLiteral(
                       "The message attribute '%1' must contain non-empty message attribute value.")
                .arg(name);
        if (type.startsWith(QLatin1String("Number"))) {
            bool ok = false;
            (void)QString::fromUtf8(value.stringValue).toDouble(&ok);
            if (!ok)
                return QStringLiteral("Can't cast the value of message (user) attribute '%1' to a number.")
                    .arg(name);
        }
    }
    return std::nullopt;
}

OrderedJson attributesToApiJson(const MessageAttributes &attributes) {
    OrderedJson out = OrderedJson::object();
    for (const auto &[name, value] : attributes) {
        OrderedJson entry;
        if (isBinaryType(value.dataType))
            entry["BinaryValue"] = value.binaryValue.toBase64().toStdString();
        else
            entry["StringValue"] = value.stringValue.toStdString();
        entry["DataType"] = value.dataType.toStdString();
        out[name.toStdString()] = std::move(entry);
    }
    return out;
}

std::optional<QString> attributesFromApiJson(const OrderedJson &json, MessageAttributes *out) {
    if (json.is_null()) return std::nullopt;
    if (!json.is_object()) return QStringLiteral("MessageAttributes must be a map.");
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        const OrderedJson &entry = it.value();
        if (!entry.is_object())
            return QStringLiteral("The message attribute '%1' must be a structure.").arg(name);
        AttributeValue value;
        const auto text = [&entry](const char *key) -> std::optional<std::string> {
            const auto found = entry.find(key);
            if (found == entry.end() || found->is_null()) return std::string();
            if (!found->is_string()) return std::nullopt;
            return found->get<std::string>();
        };
        const auto type = text("DataType"), string = text("StringValue"), binary = text("BinaryValue");
        if (!type || !string || !binary)
            return QStringLiteral("The message attribute '%1' has a value of the wrong type.").arg(name);
        value.dataType = QString::fromStdString(*type);
        value.stringValue = QByteArray::fromStdString(*string);
        const auto decoded = QByteArray::fromBase64Encoding(QByteArray::fromStdString(*binary),
                                                            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return QStringLiteral("The message attribute '%1' has an invalid binary value.").arg(name);
        value.binaryValue = *decoded;
        (*out)[name] = std::move(value);
    }
    return std::nullopt;
}

OrderedJson attributesToEventJson(const MessageAttributes &attributes) {
    OrderedJson out = OrderedJson::object();
    for (const auto &[name, value] : attributes) {
        OrderedJson entry;
        if (isBinaryType(value.dataType))
            entry["binaryValue"] = value.binaryValue.toBase64().toStdString();
        else
            entry["stringValue"] = value.stringValue.toStdString();
        entry["stringListValues"] = OrderedJson::array();
        entry["binaryListValues"] = OrderedJson::array();
        entry["dataType"] = value.dataType.toStdString();
        out[name.toStdString()] = std::move(entry);
    }
    return out;
}

} // namespace gatehouse::sqs
