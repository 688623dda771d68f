// AWS list prices (us-east-1) for what Gatehouse emulates, read from resources/pricing.json, which names
// each section's source page and the date it was read: Lambda, API Gateway, S3 and SQS requests.
#pragma once

#include <QList>
#include <QString>
#include <limits>
#include <optional>

namespace gatehouse {

// Volume pricing: each tier's price applies to the units between the previous tier's end and its own.
struct PriceTier {
    double upTo = std::numeric_limits<double>::infinity(); // cumulative monthly units where the tier ends
    double pricePerUnit = 0;
};

struct TieredPrice {
    QList<PriceTier> tiers;
    // The cost of `units` when `alreadyUsed` units of the month came before them.
    double cost(double units, double alreadyUsed = 0) const;
    double firstPrice() const { return tiers.isEmpty() ? 0 : tiers.first().pricePerUnit; }
};

struct PricingSource {
    QString url;
    QString retrieved; // YYYY-MM-DD
};

enum class LambdaArchitecture { X86_64, Arm64 };
LambdaArchitecture lambdaArchitectureOf(const QString &architecture); // "arm64", else x86_64
QString lambdaArchitectureName(LambdaArchitecture architecture);

struct Pricing {
    QString region;
    QString currency;

    struct Lambda {
        PricingSource source;
        double perRequest = 0;
        TieredPrice x86PerGbSecond;
        TieredPrice armPerGbSecond;
        double freeRequests = 0;
        double freeGbSeconds = 0;
        const TieredPrice &perGbSecond(LambdaArchitecture architecture) const {
            return architecture == LambdaArchitecture::Arm64 ? armPerGbSecond : x86PerGbSecond;
        }
    } lambda;

    struct ApiGateway {
        PricingSource source;
        TieredPrice httpPerRequest;
        qint64 httpMeteredBytes = 0;
        TieredPrice restPerRequest;
        TieredPrice webSocketPerMessage;
        qint64 webSocketMeteredBytes = 0;
        double perConnectionMinute = 0;
        double freeHttpRequests = 0;
        double freeRestRequests = 0;
        double freeWebSocketMessages = 0;
        double freeConnectionMinutes = 0;
    } apiGateway;

    struct S3 {
        PricingSource source;
        double perPutCopyPostList = 0;
        double perGetSelectOther = 0;
    } s3;

    struct Sqs {
        PricingSource source;
        TieredPrice standardPerRequest;
        TieredPrice fifoPerRequest;
        qint64 meteredBytes = 0;
        double freeRequests = 0;
    } sqs;

    // The bundled resources/pricing.json (compiled in); parsed once.
    static const Pricing &bundled();
    // Parses the pricing.json format; on failure returns nothing and says what is wrong (JSON path).
    static std::optional<Pricing> fromJson(const QByteArray &json, QString *error);
};

// How many metered units a payload of `bytes` makes (at least one): API Gateway's 512 KB and 32 KB
// increments, SQS's 64 KB chunks.
qint64 meteredUnits(qint64 bytes, qint64 unitBytes);

} // namespace gatehouse
