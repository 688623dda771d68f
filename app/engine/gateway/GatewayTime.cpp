#include "GatewayTime.h"

#include <QByteArray>
#include <array>

namespace gatehouse {

namespace {

QByteArray randomBytes(QRandomGenerator &random, int count) {
    QByteArray bytes(count, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(random.bounded(256));
    return bytes;
}

} // namespace

QString clfTime(const QDateTime &time) {
    static constexpr std::array<const char *, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    return QStringLiteral("%1/%2/%3:%4 +0000")
        .arg(date.day(), 2, 10, QLatin1Char('0'))
        .arg(QLatin1String(months[static_cast<size_t>(date.month() - 1)]))
        .arg(date.year(), 4, 10, QLatin1Char('0'))
        .arg(utc.time().toString(QStringLiteral("HH:mm:ss")));
}

qint64 epochMilliseconds(const QDateTime &time) {
    return time.toMSecsSinceEpoch();
}

QString newHttpApiRequestId(QRandomGenerator &random) {
    return QString::fromLatin1(randomBytes(random, 11).toBase64());
}

QString newRestRequestId(QRandomGenerator &random) {
    QByteArray bytes = randomBytes(random, 16);
    bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80); // RFC 4122 variant
    const QString hex = QString::fromLatin1(bytes.toHex());
    return hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4) +
           QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20);
}

QString newExtendedRequestId(QRandomGenerator &random) {
    // Observed x-amz-apigw-id values ("eIygpHbovHcFc6g=") have the same shape as HTTP API ids.
    return newHttpApiRequestId(random);
}

} // namespace gatehouse
