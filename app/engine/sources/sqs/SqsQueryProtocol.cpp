#include "SqsQueryProtocol.h"

#include <QXmlStreamWriter>
#include <algorithm>

namespace gatehouse::sqs::query {

namespace {

constexpr auto kNamespace = "http://queue.amazonaws.com/doc/2012-11-05/";

bool allDigits(const std::string &key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The flattened query members and the JSON protocol's names for them.
std::string jsonName(const std::string &queryName) {
    static const std::map<std::string, std::string> names{
        {"MessageAttribute", "MessageAttributes"},
        {"MessageSystemAttribute", "MessageSystemAttributes"},
        {"AttributeName", "AttributeNames"},
        {"MessageAttributeName", "MessageAttributeNames"},
        {"MessageSystemAttributeName", "MessageSystemAttributeNames"},
        {"SendMessageBatchRequestEntry", "Entries"},
        {"DeleteMessageBatchRequestEntry", "Entries"},
        {"ChangeMessageVisibilityBatchRequestEntry", "Entries"},
        {"StringListValue", "StringListValues"},
        {"BinaryListValue", "BinaryListValues"},
    };
    const auto found = names.find(queryName);
    return found == names.end() ? queryName : found->second;
}

// {"1": x, "2": y} → [x, y] (by index); a list of {Name, Value} under a map member → {Name: Value}.
OrderedJson normalise(const std::string &name, OrderedJson node) {
    if (!node.is_object()) return node;
    for (auto &[key, value] : node.items())
        value = normalise(key, std::move(value));
    bool isList = !node.empty();
    for (const auto &item : node.items())
        isList = isList && allDigits(item.key());
    if (!isList) return node;
    std::vector<std::pair<long, OrderedJson>> items;
    for (auto &[key, value] : node.items())
        items.emplace_back(std::stol(key), std::move(value));
    std::sort(items.begin(), items.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    if (name == "MessageAttributes" || name == "MessageSystemAttributes" || name == "Attribute") {
        OrderedJson map = OrderedJson::object();
        for (auto &[index, item] : items)
            if (item.is_object() && item.contains("Name") && item["Name"].is_string())
                map[item["Name"].get<std::string>()] = item.contains("Value") ? item["Value"] : OrderedJson();
        return map;
    }
    OrderedJson list = OrderedJson::array();
    for (auto &[index, item] : items)
        list.push_back(std::move(item));
    return list;
}

void writeValue(QXmlStreamWriter &xml, const std::string &name, const OrderedJson &value,
                const QString &action);

void writeMembers(QXmlStreamWriter &xml, const OrderedJson &object, const QString &action) {
    for (const auto &[key, value] : object.items())
        writeValue(xml, key, value, action);
}

QString scalarText(const OrderedJson &value) {
    if (value.is_string()) return QString::fromStdString(value.get<std::string>());
    if (value.is_boolean()) return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.is_null()) return {};
    return QString::fromStdString(value.dump());
}

// JSON member → XML elements, with the query protocol's flattened lists and maps (botocore's SQS query
// model: Messages → Message, Attributes → Attribute{Name,Value}, MessageAttributes → MessageAttribute,
// QueueUrls → QueueUrl, Successful → <Action>ResultEntry, Failed → BatchResultErrorEntry).
void writeValue(QXmlStreamWriter &xml, const std::string &name, const OrderedJson &value,
                const QString &action) {
    if (name == "Attributes" || name == "MessageAttributes") {
        const QString element =
            name == "Attributes" ? QStringLiteral("Attribute") : QStringLiteral("MessageAttribute");
        for (const auto &[key, item] : value.items()) {
            xml.writeStartElement(element);
            xml.writeTextElement(QStringLiteral("Name"), QString::fromStdString(key));
            xml.writeStartElement(QStringLiteral("Value"));
            if (item.is_object())
                writeMembers(xml, item, action);
            else
                xml.writeCharacters(scalarText(item));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        return;
    }
    if (value.is_array()) {
        QString element = QString::fromStdString(name);
        if (name == "Messages") element = QStringLiteral("Message");
        if (name == "QueueUrls") element = QStringLiteral("QueueUrl");
        if (name == "Successful") element = action + QStringLiteral("ResultEntry");
        if (name == "Failed") element = QStringLiteral("BatchResultErrorEntry");
        for (const OrderedJson &item : value) {
            if (item.is_object()) {
                xml.writeStartElement(element);
                writeMembers(xml, item, action);
                xml.writeEndElement();
            } else {
                xml.writeTextElement(element, scalarText(item));
            }
        }
        return;
    }
    if (value.is_object()) {
        xml.writeStartElement(QString::fromStdString(name));
        writeMembers(xml, value, action);
        xml.writeEndElement();
        return;
    }
    xml.writeTextElement(QString::fromStdString(name), scalarText(value));
}

} // namespace

OrderedJson requestFromForm(const QUrlQuery &form) {
    OrderedJson root = OrderedJson::object();
    for (const auto &[key, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("Action") || key == QLatin1String("Version")) continue;
        OrderedJson *node = &root;
        const QStringList parts = key.split(u'.');
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const std::string part = jsonName(parts.at(i).toStdString());
            if (!node->is_object()) *node = OrderedJson::object();
            if (i + 1 == parts.size())
                (*node)[part] = utf8(value);
            else
                node = &(*node)[part];
        }
    }
    return normalise({}, std::move(root));
}

QByteArray responseXml(const QString &action, const OrderedJson &result, const QString &requestId) {
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(action + QStringLiteral("Response"));
    xml.writeDefaultNamespace(QLatin1String(kNamespace));
    if (result.is_object() && !result.empty()) {
        xml.writeStartElement(action + QStringLiteral("Result"));
        writeMembers(xml, result, action);
        xml.writeEndElement();
    } else if (action == QLatin1String("ReceiveMessage") || action == QLatin1String("ListQueues") ||
               action == QLatin1String("GetQueueAttributes")) {
        xml.writeEmptyElement(action + QStringLiteral("Result"));
    }
    xml.writeStartElement(QStringLiteral("ResponseMetadata"));
    xml.writeTextElement(QStringLiteral("RequestId"), requestId);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

QByteArray errorXml(const ApiError &error, const QString &requestId) {
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("ErrorResponse"));
    xml.writeDefaultNamespace(QLatin1String(kNamespace));
    xml.writeStartElement(QStringLiteral("Error"));
    xml.writeTextElement(QStringLiteral("Type"),
                         error.senderFault ? QStringLiteral("Sender") : QStringLiteral("Receiver"));
    xml.writeTextElement(QStringLiteral("Code"), error.queryCode);
    xml.writeTextElement(QStringLiteral("Message"), error.message);
    xml.writeEmptyElement(QStringLiteral("Detail"));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("RequestId"), requestId);
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace gatehouse::sqs::query
