#include "ExecutionEnvironment.h"

#include "LambdaLogFormat.h"

#include <QDateTime>
#include <QHash>

namespace gatehouse {

EnvironmentSpec EnvironmentSpec::create(const Function &function, const QString &codeDir,
                                        const ProjectSettings &settings, LogStore *logs, Watchdog *watchdog) {
    EnvironmentSpec spec;
    spec.function = function;
    spec.codeDir = codeDir;
    spec.region = settings.region;
    spec.accountId = settings.accountId;
    spec.billing = billingGranularityFromSetting(settings.billingGranularity);
    spec.logStreamName = lambdalog::newLogStreamName(QDateTime::currentDateTimeUtc());
    spec.logs = logs;
    spec.watchdog = watchdog;
    return spec;
}

QString EnvironmentSpec::functionArn() const {
    return lambdalog::functionArn(region, accountId, function.name);
}

NameValueList EnvironmentSpec::variables(const QString &executionEnv) const {
    // "Defined runtime environment variables" (Lambda guide, configuration-envvars.md).
    NameValueList reserved{
        {QStringLiteral("AWS_LAMBDA_FUNCTION_NAME"), function.name},
        {QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), QString::number(function.memoryMB)},
        {QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION"), QStringLiteral("$LATEST")},
        {QStringLiteral("AWS_LAMBDA_INITIALIZATION_TYPE"), QStringLiteral("on-demand")},
        {QStringLiteral("AWS_LAMBDA_LOG_GROUP_NAME"), lambdalog::logGroupName(function.name)},
        {QStringLiteral("AWS_LAMBDA_LOG_STREAM_NAME"), logStreamName},
        {QStringLiteral("AWS_REGION"), region},
        {QStringLiteral("AWS_DEFAULT_REGION"), region},
        {QStringLiteral("AWS_EXECUTION_ENV"), executionEnv},
        {QStringLiteral("_HANDLER"), function.handler},
        {QStringLiteral("LAMBDA_TASK_ROOT"), codeDir},
        {QStringLiteral("LAMBDA_RUNTIME_DIR"), QStringLiteral("/var/runtime")},
        {QStringLiteral("LANG"), QStringLiteral("en_US.UTF-8")},
        {QStringLiteral("TZ"), QStringLiteral(":UTC")},
    };
    // Lambda always sets the execution role's temporary credentials, and the AWS SDKs refuse to sign
    // without them (even for local endpoints such as @connections). As SAM CLI does, the user's own
    // credentials are passed on when Gatehouse has them; otherwise harmless placeholders that work
    // against local endpoints and fail clearly against real AWS.
    const bool hostHasCredentials =
        qEnvironmentVariableIsSet("AWS_ACCESS_KEY_ID") && qEnvironmentVariableIsSet("AWS_SECRET_ACCESS_KEY");
    const NameValueList credentials{
        {QStringLiteral("AWS_ACCESS_KEY_ID"), hostHasCredentials ? qEnvironmentVariable("AWS_ACCESS_KEY_ID")
                                                                 : QStringLiteral("ASIAGATEHOUSELOCAL00")},
        {QStringLiteral("AWS_SECRET_ACCESS_KEY"),
         hostHasCredentials ? qEnvironmentVariable("AWS_SECRET_ACCESS_KEY")
                            : QStringLiteral("gatehouse/local/placeholder/secret/key0000")},
        {QStringLiteral("AWS_SESSION_TOKEN"), hostHasCredentials
                                                  ? qEnvironmentVariable("AWS_SESSION_TOKEN")
                                                  : QStringLiteral("gatehouse-local-session-token")},
    };
    reserved.append(credentials);
    QHash<QString, bool> isReserved;
    for (const NameValue &v : reserved)
        isReserved.insert(v.name, true);
    NameValueList out;
    for (const NameValue &v : function.environment)
        if (!isReserved.contains(v.name)) out.append(v);
    return reserved + out;
}

ExecutionEnvironment::ExecutionEnvironment(EnvironmentSpec spec, QObject *parent)
    : QObject(parent)
    , m_spec(std::move(spec)) {}

ExecutionEnvironment::~ExecutionEnvironment() = default;

bool ExecutionEnvironment::runInline(const InvocationRequest &, InvocationResult &) {
    Q_ASSERT_X(false, "ExecutionEnvironment::runInline", "called without a successful claimInline()");
    return false;
}

} // namespace gatehouse
