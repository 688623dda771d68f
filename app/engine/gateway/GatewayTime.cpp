#include "GatewayTime.h"

#include <QByteArray>
#include <algorithm>
#include <array>

namespace gatehouse {

QString clfTime(const QDateTime &time) {
    static constexpr std::array<const char *, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    // An invalid time (never set) is written as the epoch, not read out of the month table at -1.
    const QDateTime utc = time.isValid() ? time.toUTC() : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    const QDate date = utc.date();
    const QTime clock = utc.time();
    // Formatted by hand: QTime::toString (QLocale, the calendar) and QString::asprintf each cost about
    // 10k instructions, a measurable share of a request (the event and the access log both carry it).
    char text[] = "dd/Mon/yyyy:HH:mm:ss +0000";
    const auto digits = [&text](int at, int value, int count) {
        for (int i = count - 1; i >= 0; --i, value /= 10)
            text[at + i] = char('0' + value % 10);
    };
    digits(0, date.day(), 2);
    std::copy_n(months[static_cast<size_t>(date.month() - 1)], 3, text + 3);
    digits(7, std::clamp(date.year(), 0, 9999), 4);
    digits(12, clock.hour(), 2);
    digits(15, clock.minute(), 2);
    digits(18, clock.second(), 2);
    return QString::fromLatin1(text, qsizetype(sizeof text - 1));
}

qint64 epochMilliseconds(const QDateTime &time) {
    return time.toMSecsSinceEpoch();
}

QString newHttpApiRequestId(QRandomGenerator &random) {
    return QString::fromLatin1(randomBytes(11, random).toBase64());
}

QString newRestRequestId(QRandomGenerator &random) {
    QByteArray bytes = randomBytes(16, random);
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
