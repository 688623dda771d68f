#include "FunctionListing.h"

#include "invoker/LambdaLogFormat.h"

#include <QJsonArray>

namespace gatehouse::invokeapi {

QJsonObject functionConfiguration(const Function &function, const QString &region, const QString &accountId) {
    QJsonObject configuration{
        {QStringLiteral("FunctionName"), function.name},
        {QStringLiteral("FunctionArn"), lambdalog::functionArn(region, accountId, function.name)},
        {QStringLiteral("Runtime"), function.runtime},
        {QStringLiteral("Role"), QStringLiteral("arn:aws:iam::%1:role/gatehouse-local").arg(accountId)},
        {QStringLiteral("Handler"), function.handler},
        {QStringLiteral("Description"), function.description},
        {QStringLiteral("Timeout"), function.timeoutSeconds},
        {QStringLiteral("MemorySize"), function.memoryMB},
        {QStringLiteral("Version"), QStringLiteral("$LATEST")},
        {QStringLiteral("TracingConfig"),
         QJsonObject{{QStringLiteral("Mode"), QStringLiteral("PassThrough")}}},
        {QStringLiteral("State"), QStringLiteral("Active")},
        {QStringLiteral("LastUpdateStatus"), QStringLiteral("Successful")},
        {QStringLiteral("PackageType"), QStringLiteral("Zip")},
        {QStringLiteral("Architectures"), QJsonArray{function.architecture}},
        {QStringLiteral("EphemeralStorage"), QJsonObject{{QStringLiteral("Size"), 512}}},
        {QStringLiteral("LoggingConfig"),
         QJsonObject{{QStringLiteral("LogFormat"), QStringLiteral("Text")},
                     {QStringLiteral("LogGroup"), lambdalog::logGroupName(function.name)}}},
    };
    if (!function.environment.isEmpty()) {
        QJsonObject variables;
        for (const NameValue &variable : function.environment)
            variables.insert(variable.name, variable.value);
        configuration.insert(QStringLiteral("Environment"),
                             QJsonObject{{QStringLiteral("Variables"), variables}});
    }
    return configuration;
}

QJsonObject getFunctionBody(const Function &function, const QString &region, const QString &accountId) {
    QJsonObject body{
        {QStringLiteral("Configuration"), functionConfiguration(function, region, accountId)},
        {QStringLiteral("Code"), QJsonObject{{QStringLiteral("RepositoryType"), QStringLiteral("S3")}}},
    };
    if (function.reservedConcurrency)
        body.insert(
            QStringLiteral("Concurrency"),
            QJsonObject{{QStringLiteral("ReservedConcurrentExecutions"), *function.reservedConcurrency}});
    return body;
}

} // namespace gatehouse::invokeapi
