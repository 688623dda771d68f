// Naming and format rules from the AWS documentation (see NamingRules.h); each cites its page.
#include "NamingRules.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace gatehouse::naming {

namespace {
bool matches(const QString &text, const QRegularExpression &pattern) {
    return pattern.match(text).hasMatch();
}
} // namespace

bool isValidFunctionName(const QString &name) {
    // Lambda API reference, CreateFunction: FunctionName is 1-64 characters of [a-zA-Z0-9-_] (name form).
    // https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return matches(name, pattern);
}

bool isValidEnvironmentVariableName(const QString &name) {
    // Lambda API reference, Environment: keys match [a-zA-Z]([a-zA-Z0-9_])+ (so at least two characters).
    // https://docs.aws.amazon.com/lambda/latest/api/API_Environment.html
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z][a-zA-Z0-9_]+$"));
    return matches(name, pattern);
}

bool isReservedEnvironmentVariable(const QString &name) {
    // "Defined runtime environment variables": these keys are reserved and cannot be set.
    // https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime
    static const QStringList reserved = {
        QStringLiteral("_HANDLER"),
        QStringLiteral("_X_AMZN_TRACE_ID"),
        QStringLiteral("AWS_DEFAULT_REGION"),
        QStringLiteral("AWS_REGION"),
        QStringLiteral("AWS_EXECUTION_ENV"),
        QStringLiteral("AWS_LAMBDA_FUNCTION_NAME"),
        QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"),
        QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION"),
        QStringLiteral("AWS_LAMBDA_INITIALIZATION_TYPE"),
        QStringLiteral("AWS_LAMBDA_LOG_GROUP_NAME"),
        QStringLiteral("AWS_LAMBDA_LOG_STREAM_NAME"),
        QStringLiteral("AWS_ACCESS_KEY"),
        QStringLiteral("AWS_ACCESS_KEY_ID"),
        QStringLiteral("AWS_SECRET_ACCESS_KEY"),
        QStringLiteral("AWS_SESSION_TOKEN"),
        QStringLiteral("AWS_LAMBDA_RUNTIME_API"),
        QStringLiteral("LAMBDA_TASK_ROOT"),
        QStringLiteral("LAMBDA_RUNTIME_DIR"),
        QStringLiteral("TZ"),
    };
    return reserved.contains(name);
}

bool isTracingEnvironmentVariable(const QString &name) {
    return name.startsWith(QLatin1String("AWS_XRAY_"));
}

QString bucketNameProblem(const QString &name) {
    // General purpose bucket naming rules:
    // https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    if (name.size() < 3 || name.size() > 63)
        return QCoreApplication::translate("gatehouse::Validation",
                                           "bucket name '%1' must be 3 to 63 characters long (it has %2)")
            .arg(name)
            .arg(name.size());
    static const QRegularExpression allowed(QStringLiteral("^[a-z0-9.-]+$"));
    if (!matches(name, allowed))
        return QCoreApplication::translate(
                   "gatehouse::Validation",
                   "bucket name '%1' may contain only lowercase letters, digits, dots and hyphens")
            .arg(name);
    const auto isAlnum = [](QChar c) {
        return c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('z'));
    };
    if (!isAlnum(name.front()) || !isAlnum(name.back()))
        return QCoreApplication::translate("gatehouse::Validation",
                                           "bucket name '%1' must start and end with a letter or digit")
            .arg(name);
    if (name.contains(QLatin1String("..")))
        return QCoreApplication::translate("gatehouse::Validation", "bucket name '%1' contains '..'")
            .arg(name);
    static const QRegularExpression ipAddress(QStringLiteral("^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$"));
    if (matches(name, ipAddress))
        return QCoreApplication::translate("gatehouse::Validation",
                                           "bucket name '%1' is formatted as an IP address")
            .arg(name);
    for (const char *prefix : {"xn--", "sthree-", "amzn-s3-demo-"}) {
        if (name.startsWith(QLatin1String(prefix)))
            return QCoreApplication::translate("gatehouse::Validation",
                                               "bucket name '%1' starts with the reserved prefix '%2'")
                .arg(name, QLatin1String(prefix));
    }
    // "--table-s3" joined the list with S3 Tables; the others are access point and directory bucket suffixes.
    for (const char *suffix : {"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"}) {
        if (name.endsWith(QLatin1String(suffix)))
            return QCoreApplication::translate("gatehouse::Validation",
                                               "bucket name '%1' ends with the reserved suffix '%2'")
                .arg(name, QLatin1String(suffix));
    }
    return {};
}

bool isValidQueueName(const QString &name, bool fifo) {
    // CreateQueue: up to 80 characters of alphanumerics, '-' and '_'; FIFO names end in ".fifo",
    // which counts towards the 80.
    // https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html
    static const QRegularExpression standard(QStringLiteral("^[A-Za-z0-9_-]{1,80}$"));
    static const QRegularExpression fifoName(QStringLiteral("^[A-Za-z0-9_-]{1,75}\\.fifo$"));
    return matches(name, fifo ? fifoName : standard);
}

bool isValidStageName(const QString &name) {
    // CreateStage: "Stage names can only contain alphanumeric characters, hyphens, and underscores.
    // Maximum length is 128 characters."
    // https://docs.aws.amazon.com/apigateway/latest/api/API_CreateStage.html
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
    return matches(name, pattern);
}

bool isValidStageVariableName(const QString &name) {
    // Stage.variables: "Variable names can have alphanumeric and underscore characters, and the values
    // must match [A-Za-z0-9-._~:/?#&=,]+" https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_]+$"));
    return matches(name, pattern);
}

bool isValidStageVariableValue(const QString &value) {
    // Same page as above; values are limited to 2048 characters (stage-variables.html, "Stage variable"
    // quotas).
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9\\-._~:/?#&=,]{1,2048}$"));
    return matches(value, pattern);
}

bool isValidScheduleName(const QString &name) {
    // EventBridge PutRule: Name is 1-64 characters of [\.\-_A-Za-z0-9].
    // https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    return matches(name, pattern);
}

bool isValidDomainName(const QString &name) {
    // RFC 1123 host names; API Gateway also accepts wildcard custom domains ("*.example.com").
    if (name.isEmpty() || name.size() > 253) return false;
    QStringList labels = name.split(QLatin1Char('.'));
    if (labels.size() < 2) return false;
    if (labels.front() == QLatin1String("*")) labels.removeFirst();
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$"));
    for (const QString &l : std::as_const(labels))
        if (!matches(l, label)) return false;
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    return !matches(labels.back(), digits); // an all-digit top-level label is an IP address, not a domain
}

bool isValidRegion(const QString &region) {
    // us-east-1, eu-central-2, ap-southeast-4, us-gov-west-1, cn-north-1, ...
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2}(-[a-z]+)+-[0-9]+$"));
    return matches(region, pattern);
}

bool isValidAccountId(const QString &accountId) {
    static const QRegularExpression pattern(QStringLiteral("^[0-9]{12}$"));
    return matches(accountId, pattern);
}

bool isValidIdentitySource(const QString &source) {
    // Identity sources of HTTP API authorizers ("$request.header.Authorization", ...):
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-lambda-authorizer.html
    static const QRegularExpression pattern(
        QStringLiteral("^\\$(request\\.header\\.[A-Za-z0-9!#$%&'*+.^_`|~-]+"
                       "|request\\.querystring\\.[^\\s]+"
                       "|context\\.[A-Za-z0-9_.]+"
                       "|stageVariables\\.[A-Za-z0-9_]+)$"));
    return matches(source, pattern);
}

bool isHeaderIdentitySource(const QString &source) {
    return isValidIdentitySource(source) && source.startsWith(QLatin1String("$request.header."));
}

QStringList httpMethods(bool withAny) {
    QStringList methods = {QStringLiteral("GET"),    QStringLiteral("POST"),   QStringLiteral("PUT"),
                           QStringLiteral("PATCH"),  QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                           QStringLiteral("OPTIONS")};
    if (withAny) methods.append(QStringLiteral("ANY"));
    return methods;
}

bool isHttpMethod(const QString &method, bool allowAny) {
    return httpMethods(allowAny).contains(method);
}

} // namespace gatehouse::naming
