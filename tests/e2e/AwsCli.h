// Real client programs for the end-to-end tests: a program (curl, node, awscli) run to its end with
// nothing of the developer's environment, and Debian's awscli v2 against a local endpoint of
// `gatehouse serve` with throwaway credentials and no configuration files.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace gatehouse::test {

struct ClientRun {
    int exitCode = -1; // -1: it did not start, crashed or was killed at the timeout
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

// Runs `program` with only PATH, HOME=`home` and `extra` in its environment. The event loop spins
// while it runs, so a ServeProcess's output keeps draining and it never blocks on a full pipe.
ClientRun runClient(const QString &program, const QStringList &arguments, const QString &home,
                    const QProcessEnvironment &extra = {}, int timeoutMs = 60000);

// A package in the validators' node_modules folder ($VALIDATE_HOME, /tmp/validate-tools by default).
QString validatorPackage(const QString &name);

// `aws SERVICE ARGUMENTS --endpoint-url ENDPOINT --output json`, e.g. AwsCli("s3api", s3Url, scratch).
class AwsCli {
public:
    // `scratch` is the CLI's HOME; the configuration files it is pointed at there do not exist.
    AwsCli(const QString &service, const QString &endpoint, const QString &scratch);

    // Debian's awscli v2 by its full path: a pyenv shim may put v1 first on PATH. Tests skip without it.
    static QString program() { return QStringLiteral("/usr/bin/aws"); }
    static bool installed();
    // The throwaway access key id requests are signed with (SQS reports it as a message's SenderId).
    static QString accessKeyId() { return QStringLiteral("AKIDLOCALTEST"); }

    ClientRun run(const QStringList &arguments, int timeoutMs = 60000) const;

private:
    QString m_service;
    QString m_endpoint;
    QString m_scratch;
};

} // namespace gatehouse::test
