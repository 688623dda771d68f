#include "ExportFormat.h"

namespace gatehouse {

QString exportFormatName(ExportFormat format) {
    switch (format) {
    case ExportFormat::Sam:
        return QStringLiteral("sam");
    case ExportFormat::OpenApi:
        return QStringLiteral("openapi");
    case ExportFormat::Serverless:
        return QStringLiteral("serverless");
    case ExportFormat::Postman:
        return QStringLiteral("postman");
    }
    return {};
}

QString exportFormatTitle(ExportFormat format) {
    switch (format) {
    case ExportFormat::Sam:
        return QStringLiteral("AWS SAM");
    case ExportFormat::OpenApi:
        return QStringLiteral("OpenAPI 3.0");
    case ExportFormat::Serverless:
        return QStringLiteral("serverless.yml");
    case ExportFormat::Postman:
        return QStringLiteral("Postman");
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(const QString &name) {
    for (ExportFormat f :
         {ExportFormat::Sam, ExportFormat::OpenApi, ExportFormat::Serverless, ExportFormat::Postman})
        if (exportFormatName(f) == name.toLower()) return f;
    return std::nullopt;
}

const ExportedFile *ExportResult::file(const QString &path) const {
    for (const ExportedFile &f : files)
        if (f.path == path) return &f;
    return nullptr;
}

} // namespace gatehouse
