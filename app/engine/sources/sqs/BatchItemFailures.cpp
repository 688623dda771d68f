#include "BatchItemFailures.h"

#include "gateway/JsonText.h"

namespace gatehouse::sqs {

std::optional<QSet<QString>> batchItemFailures(const QByteArray &payload,
                                               const QSet<QString> &batchMessageIds) {
    const QByteArray trimmed = payload.trimmed();
    if (trimmed.isEmpty()) return QSet<QString>();
    const auto json = parseJson(trimmed);
    if (!json) return std::nullopt;
    if (!json->is_object()) return QSet<QString>();
    const auto list = json->find("batchItemFailures");
    if (list == json->end() || list->is_null()) return QSet<QString>();
    if (!list->is_array()) return std::nullopt;
    QSet<QString> failed;
    for (const OrderedJson &item : *list) {
        if (!item.is_object()) return std::nullopt;
        const auto id = item.find("itemIdentifier");
        if (id == item.end() || !id->is_string()) return std::nullopt;
        const QString messageId = QString::fromStdString(id->get<std::string>());
        if (messageId.isEmpty() || !batchMessageIds.contains(messageId)) return std::nullopt;
        failed.insert(messageId);
    }
    return failed;
}

} // namespace gatehouse::sqs
