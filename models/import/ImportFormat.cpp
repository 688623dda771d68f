#include "ImportFormat.h"

namespace gatehouse {

QString importFormatName(ImportFormat format) {
    switch (format) {
    case ImportFormat::Sam:
        return QStringLiteral("sam");
    case ImportFormat::OpenApi:
        return QStringLiteral("openapi");
    case ImportFormat::Postman:
        return QStringLiteral("postman");
    }
    return {};
}

QString importFormatTitle(ImportFormat format) {
    switch (format) {
    case ImportFormat::Sam:
        return QStringLiteral("AWS SAM");
    case ImportFormat::OpenApi:
        return QStringLiteral("OpenAPI");
    case ImportFormat::Postman:
        return QStringLiteral("Postman");
    }
    return {};
}

std::optional<ImportFormat> importFormatFromName(const QString &name) {
    for (ImportFormat f : {ImportFormat::Sam, ImportFormat::OpenApi, ImportFormat::Postman})
        if (importFormatName(f) == name.toLower()) return f;
    return std::nullopt;
}

} // namespace gatehouse
