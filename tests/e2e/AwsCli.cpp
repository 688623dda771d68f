#include "AwsCli.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>

namespace gatehouse::test {

ClientRun runClient(const QString &program, const QStringList &arguments, const QString &home,
                    const QProcessEnvironment &extra, int timeoutMs) {
    QProcess process;
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/local/bin:/usr/bin:/bin"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(extra);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    ClientRun result;
    if (!process.waitForStarted(10000)) return result;
    waitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString validatorPackage(const QString &name) {
    const QString home = qEnvironmentVariable("VALIDATE_HOME", QStringLiteral("/tmp/validate-tools"));
    return home + QStringLiteral("/node_modules/") + name;
}

AwsCli::AwsCli(const QString &service, const QString &endpoint, const QString &scratch)
    : m_service(service)
    , m_endpoint(endpoint)
    , m_scratch(scratch) {}

bool AwsCli::installed() {
    return QFile::exists(program());
}

ClientRun AwsCli::run(const QStringList &arguments, int timeoutMs) const {
    // Dummy credentials and no user configuration: nothing of the developer's AWS setup leaks in.
    const QDir scratch(m_scratch);
    QProcessEnvironment env;
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), accessKeyId());
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("secret"));
    env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
    env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    env.insert(QStringLiteral("AWS_CONFIG_FILE"), scratch.filePath(QStringLiteral("no-aws-config")));
    env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"),
               scratch.filePath(QStringLiteral("no-aws-credentials")));
    env.insert(QStringLiteral("AWS_PAGER"), QString());
    return runClient(program(),
                     QStringList{m_service} + arguments +
                         QStringList{QStringLiteral("--endpoint-url"), m_endpoint, QStringLiteral("--output"),
                                     QStringLiteral("json")},
                     m_scratch, env, timeoutMs);
}

} // namespace gatehouse::test
