#include "Pricing.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtDebug>
#include <algorithm>

namespace gatehouse {

namespace {

// Reads numbers and objects at JSON paths, remembering the first problem (developer-facing: the file is
// compiled in, so a problem is a build mistake that tst_telemetry_pricing catches).
class Reader {
public:
    explicit Reader(QJsonObject root)
        : m_root(std::move(root)) {}

    QJsonValue at(const QString &path) const {
        QJsonValue value = m_root;
        for (const QString &part : path.split(QLatin1Char('.')))
            value = value.toObject().value(part);
        return value;
    }

    double number(const QString &path, double scale = 1) {
        const QJsonValue value = at(path);
        if (!value.isDouble() || value.toDouble() < 0) fail(path, QStringLiteral("a number ≥ 0"));
        return value.toDouble() * scale;
    }

    PricingSource source(const QString &section) {
        PricingSource s{at(section + QStringLiteral(".source")).toString(),
                        at(section + QStringLiteral(".retrieved")).toString()};
        if (!s.url.startsWith(QLatin1String("https://")))
            fail(section + QStringLiteral(".source"), QStringLiteral("a URL"));
        if (s.retrieved.size() != 10)
            fail(section + QStringLiteral(".retrieved"), QStringLiteral("a YYYY-MM-DD date"));
        return s;
    }

    // [{"upTo": units, "price": p}, ..., {"price": p}] with prices per `perUnits` units.
    TieredPrice tiers(const QString &path, double perUnits) {
        TieredPrice price;
        const QJsonArray array = at(path).toArray();
        if (array.isEmpty()) fail(path, QStringLiteral("a list of tiers"));
        double previous = 0;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonObject tier = array[i].toObject();
            const QString where = QStringLiteral("%1[%2]").arg(path).arg(i);
            PriceTier t;
            if (!tier.value(QStringLiteral("price")).isDouble())
                fail(where + QStringLiteral(".price"), QStringLiteral("a number"));
            t.pricePerUnit = tier.value(QStringLiteral("price")).toDouble() / perUnits;
            if (tier.contains(QStringLiteral("upTo"))) {
                t.upTo = tier.value(QStringLiteral("upTo")).toDouble();
                if (t.upTo <= previous)
                    fail(where + QStringLiteral(".upTo"),
                         QStringLiteral("a volume above the previous tier's"));
                previous = t.upTo;
            } else if (i + 1 != array.size()) {
                fail(where + QStringLiteral(".upTo"), QStringLiteral("an end (only the last tier has none)"));
            }
            price.tiers.append(t);
        }
        return price;
    }

    void fail(const QString &path, const QString &expected) {
        if (m_error.isEmpty()) m_error = QStringLiteral("%1: expected %2").arg(path, expected);
    }
    QString error() const { return m_error; }

private:
    QJsonObject m_root;
    QString m_error;
};

} // namespace

double TieredPrice::cost(double units, double alreadyUsed) const {
    double total = 0;
    double from = std::max(alreadyUsed, 0.0);
    double left = std::max(units, 0.0);
    for (const PriceTier &tier : tiers) {
        if (left <= 0) break;
        if (from >= tier.upTo) continue;
        const double inTier = std::min(left, tier.upTo - from);
        total += inTier * tier.pricePerUnit;
        from += inTier;
        left -= inTier;
    }
    return total;
}

LambdaArchitecture lambdaArchitectureOf(const QString &architecture) {
    return architecture == QLatin1String("arm64") ? LambdaArchitecture::Arm64 : LambdaArchitecture::X86_64;
}

QString lambdaArchitectureName(LambdaArchitecture architecture) {
    return architecture == LambdaArchitecture::Arm64 ? QStringLiteral("arm64") : QStringLiteral("x86_64");
}

qint64 meteredUnits(qint64 bytes, qint64 unitBytes) {
    if (unitBytes <= 0 || bytes <= unitBytes) return 1;
    return (bytes + unitBytes - 1) / unitBytes;
}

std::optional<Pricing> Pricing::fromJson(const QByteArray &json, QString *error) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        if (error) *error = parseError.errorString();
        return std::nullopt;
    }
    Reader r(document.object());
    if (r.at(QStringLiteral("formatVersion")).toInt() != 1)
        r.fail(QStringLiteral("formatVersion"), QStringLiteral("1"));
    Pricing p;
    p.region = r.at(QStringLiteral("region")).toString();
    p.currency = r.at(QStringLiteral("currency")).toString();

    constexpr double million = 1e6;
    p.lambda.source = r.source(QStringLiteral("lambda"));
    p.lambda.perRequest = r.number(QStringLiteral("lambda.requests.perMillion"), 1 / million);
    p.lambda.x86PerGbSecond = r.tiers(QStringLiteral("lambda.durationPerGbSecond.x86_64"), 1);
    p.lambda.armPerGbSecond = r.tiers(QStringLiteral("lambda.durationPerGbSecond.arm64"), 1);
    p.lambda.freeRequests = r.number(QStringLiteral("lambda.freeTier.requests"));
    p.lambda.freeGbSeconds = r.number(QStringLiteral("lambda.freeTier.gbSeconds"));

    Pricing::ApiGateway &api = p.apiGateway;
    api.source = r.source(QStringLiteral("apiGateway"));
    api.httpPerRequest = r.tiers(QStringLiteral("apiGateway.httpApi.perMillion"), million);
    api.httpMeteredBytes = qint64(r.number(QStringLiteral("apiGateway.httpApi.meteredBytes")));
    api.restPerRequest = r.tiers(QStringLiteral("apiGateway.restApi.perMillion"), million);
    api.webSocketPerMessage = r.tiers(QStringLiteral("apiGateway.webSocket.messagesPerMillion"), million);
    api.webSocketMeteredBytes = qint64(r.number(QStringLiteral("apiGateway.webSocket.meteredBytes")));
    api.perConnectionMinute =
        r.number(QStringLiteral("apiGateway.webSocket.connectionMinutesPerMillion"), 1 / million);
    api.freeHttpRequests = r.number(QStringLiteral("apiGateway.freeTier.httpApiRequests"));
    api.freeRestRequests = r.number(QStringLiteral("apiGateway.freeTier.restApiRequests"));
    api.freeWebSocketMessages = r.number(QStringLiteral("apiGateway.freeTier.webSocketMessages"));
    api.freeConnectionMinutes = r.number(QStringLiteral("apiGateway.freeTier.connectionMinutes"));

    p.s3.source = r.source(QStringLiteral("s3"));
    p.s3.perPutCopyPostList = r.number(QStringLiteral("s3.putCopyPostListPerThousand"), 1 / 1000.0);
    p.s3.perGetSelectOther = r.number(QStringLiteral("s3.getSelectOtherPerThousand"), 1 / 1000.0);

    p.sqs.source = r.source(QStringLiteral("sqs"));
    p.sqs.standardPerRequest = r.tiers(QStringLiteral("sqs.standardPerMillion"), million);
    p.sqs.fifoPerRequest = r.tiers(QStringLiteral("sqs.fifoPerMillion"), million);
    p.sqs.meteredBytes = qint64(r.number(QStringLiteral("sqs.meteredBytes")));
    p.sqs.freeRequests = r.number(QStringLiteral("sqs.freeTier.requests"));

    if (!r.error().isEmpty()) {
        if (error) *error = r.error();
        return std::nullopt;
    }
    return p;
}

const Pricing &Pricing::bundled() {
    static const Pricing pricing = [] {
        QFile file(QStringLiteral(":/gatehouse/pricing.json"));
        QString error;
        std::optional<Pricing> parsed;
        if (file.open(QIODevice::ReadOnly))
            parsed = fromJson(file.readAll(), &error);
        else
            error = file.errorString();
        if (!parsed) {
            qWarning("gatehouse: the bundled pricing.json is unusable (%s); costs read 0", qPrintable(error));
            return Pricing();
        }
        return *parsed;
    }();
    return pricing;
}

} // namespace gatehouse
