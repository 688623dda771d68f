#include "ServeCommand.h"

#include "Console.h"
#include "ServeSession.h"
#include "UnixSignals.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <tuple>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

std::optional<quint16> parsePort(const QString &text, bool *ok) {
    const uint value = text.toUInt(ok);
    *ok = *ok && value <= 65535;
    return *ok ? std::optional<quint16>(quint16(value)) : std::nullopt;
}

int runServe(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Serve a project's HTTP, REST and WebSocket APIs locally as API Gateway would, each on its own "
           "port, plus the Lambda Invoke API. Access logs go to stdout, function logs and errors to stderr. "
           "Editing the project or a function's code applies without a restart. Stop with Ctrl+C."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("Project folder or its gatehouse.json."));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        tr("Address to listen on (default 127.0.0.1; 0.0.0.0 exposes the "
                                           "APIs to your network)."),
                                        QStringLiteral("H"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        tr("First port for APIs without a port of their own; the next APIs "
           "and the Invoke API take the following ports (default: free ports)."),
        QStringLiteral("P"));
    const QCommandLineOption invokePortOption(QStringLiteral("invoke-port"),
                                              tr("Port of the Lambda Invoke API."), QStringLiteral("P"));
    const QCommandLineOption endpointsOption(
        QStringLiteral("endpoints-file"),
        tr("Write the endpoint URLs as JSON to this file once everything "
           "listens (removed again on stop; default PROJECT/.gatehouse/endpoints.json, "
           "where send-message looks)."),
        QStringLiteral("F"));
    // API Gateway's WebSocket quotas are fixed on AWS; locally they can be lowered to test how a client
    // copes with them (or raised for a long debugging session).
    const QCommandLineOption wsMessageOption(QStringLiteral("ws-max-message"),
                                             tr("WebSocket APIs: largest message in KB (default 128; larger "
                                                "closes the connection with code 1009)."),
                                             QStringLiteral("KB"));
    const QCommandLineOption wsFrameOption(QStringLiteral("ws-max-frame"),
                                           tr("WebSocket APIs: largest frame in KB (default 32)."),
                                           QStringLiteral("KB"));
    const QCommandLineOption wsIdleOption(QStringLiteral("ws-idle-timeout"),
                                          tr("WebSocket APIs: idle timeout in seconds (default 600)."),
                                          QStringLiteral("S"));
    const QCommandLineOption wsDurationOption(
        QStringLiteral("ws-max-duration"),
        tr("WebSocket APIs: longest connection in seconds (default 7200)."), QStringLiteral("S"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), tr("Print no access or function logs."));
    const QCommandLineOption noWatchOption(QStringLiteral("no-watch"),
                                           tr("Do not reload when the project file changes."));
    for (const QCommandLineOption &option :
         {hostOption, portOption, invokePortOption, endpointsOption, wsMessageOption, wsFrameOption,
          wsIdleOption, wsDurationOption, quietOption, noWatchOption})
        parser.addOption(option);
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse serve")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) return usageError(tr("serve needs exactly one PROJECT argument"));

    ServeSettings settings;
    settings.projectPath = positional.first();
    settings.endpointsFile = parser.value(endpointsOption);
    settings.quiet = parser.isSet(quietOption);
    settings.watch = !parser.isSet(noWatchOption);
    const QString host = parser.value(hostOption);
    if (host == QLatin1String("localhost")) {
        settings.cloud.host = QHostAddress(QHostAddress::LocalHost);
    } else if (!settings.cloud.host.setAddress(host)) {
        return usageError(tr("--host wants an IP address such as 127.0.0.1, not '%1'").arg(host));
    }
    bool ok = true;
    if (parser.isSet(portOption) && !(settings.cloud.basePort = parsePort(parser.value(portOption), &ok)))
        return usageError(
            tr("--port wants a number from 0 to 65535, not '%1'").arg(parser.value(portOption)));
    if (settings.cloud.basePort == quint16(0)) settings.cloud.basePort.reset();
    if (parser.isSet(invokePortOption) &&
        !(settings.cloud.invokeApiPort = parsePort(parser.value(invokePortOption), &ok)))
        return usageError(
            tr("--invoke-port wants a number from 0 to 65535, not '%1'").arg(parser.value(invokePortOption)));

    WebSocketLimits &limits = settings.cloud.webSocketLimits;
    for (const auto &[option, target, unit] :
         {std::tuple{&wsMessageOption, &limits.maxMessageBytes, qint64(1024)},
          std::tuple{&wsFrameOption, &limits.maxFrameBytes, qint64(1024)},
          std::tuple{&wsIdleOption, &limits.idleTimeoutMs, qint64(1000)},
          std::tuple{&wsDurationOption, &limits.maxConnectionMs, qint64(1000)}}) {
        if (!parser.isSet(*option)) continue;
        const qint64 value = parser.value(*option).toLongLong(&ok);
        if (!ok || value <= 0 || value > 1000000)
            return usageError(tr("--%1 wants a positive number, not '%2'")
                                  .arg(option->names().constFirst(), parser.value(*option)));
        *target = value * unit;
    }

    ServeSession session(settings);
    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::received, &session, [](int) { QCoreApplication::quit(); });
    if (const std::optional<int> failed = session.start()) return *failed;
    const int code = QCoreApplication::exec();
    session.stop();
    printErr(tr("gatehouse: stopped"));
    return code;
}

} // namespace

Command serveCommand() {
    return {QStringLiteral("serve"),
            QStringLiteral("serve PROJECT [--host H] [--port P] [--invoke-port P] [--endpoints-file F]"),
            tr("serve the project's APIs and the Lambda Invoke API locally until Ctrl+C"), &runServe};
}

} // namespace gatehouse::cli
