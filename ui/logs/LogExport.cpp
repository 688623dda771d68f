#include "LogExport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSaveFile>

namespace gatehouse {

QJsonObject logRecordJson(const LogRecord &record) {
    QJsonObject object{
        {QStringLiteral("time"),
         QDateTime::fromMSecsSinceEpoch(record.timeMs, Qt::UTC).toString(Qt::ISODateWithMs)},
        {QStringLiteral("timeMs"), record.timeMs},
        {QStringLiteral("source"), record.source},
        {QStringLiteral("requestId"), record.requestId},
        {QStringLiteral("level"), logLevelName(record.level)},
        {QStringLiteral("platform"), record.platform},
        {QStringLiteral("stream"), record.stream},
        {QStringLiteral("message"), record.message},
    };
    if (!record.relatedRequestId.isEmpty())
        object.insert(QStringLiteral("relatedRequestId"), record.relatedRequestId);
    return object;
}

QString exportLogLines(const QString &path, LogExportFormat format, qsizetype count,
                       const std::function<const LogRecord &(qsizetype)> &at) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QCoreApplication::translate("gatehouse::LogConsole", "Cannot write %1: %2")
            .arg(path, file.errorString());
    // Written in chunks: a million lines as one QByteArray would double the memory for a moment.
    QByteArray chunk;
    constexpr qsizetype kChunkBytes = 1 << 20;
    for (qsizetype i = 0; i < count; ++i) {
        const LogRecord &record = at(i);
        if (format == LogExportFormat::Text)
            chunk += record.message.toUtf8();
        else
            chunk += QJsonDocument(logRecordJson(record)).toJson(QJsonDocument::Compact);
        chunk += '\n';
        if (chunk.size() >= kChunkBytes) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
    if (!file.commit())
        return QCoreApplication::translate("gatehouse::LogConsole", "Cannot write %1: %2")
            .arg(path, file.errorString());
    return {};
}

} // namespace gatehouse
