#include "SendMessageCommand.h"

#include "Console.h"
#include "ServeSession.h"
#include "gateway/JsonText.h"
#include "io/ProjectFile.h"
#include "sources/sqs/SqsMessage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

constexpr int kRequestTimeoutMs = 10000;

// "Name=Type:Value": Type is String, Number or Binary (with an optional ".label", e.g. Number.int); a
// Binary value is base64, as `aws sqs send-message --message-attributes` takes it.
std::optional<QString> parseAttribute(const QString &text, sqs::MessageAttributes *attributes) {
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    const qsizetype colon = equals < 0 ? -1 : text.indexOf(QLatin1Char(':'), equals + 1);
    if (equals <= 0 || colon < 0)
        return tr("--attribute %1: expected Name=Type:Value, e.g. priority=Number:3").arg(text);
    const QString name = text.left(equals);
    sqs::AttributeValue value;
    value.dataType = text.mid(equals + 1, colon - equals - 1);
    const QString raw = text.mid(colon + 1);
    if (value.dataType.startsWith(QLatin1String("Binary"))) {
        const auto decoded =
            QByteArray::fromBase64Encoding(raw.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) return tr("--attribute %1: a Binary value is given as base64").arg(text);
        value.binaryValue = *decoded;
    } else {
        value.stringValue = raw.toUtf8();
    }
    if (attributes->count(name)) return tr("--attribute %1: the attribute is given twice").arg(name);
    (*attributes)[name] = value;
    return std::nullopt;
}

// The SQS endpoint of the running serve, from --endpoint or the endpoints file serve wrote.
std::optional<QString> sqsEndpoint(const QString &endpoint, const QString &endpointsFile, QString *error) {
    if (!endpoint.isEmpty()) return endpoint;
    QFile file(endpointsFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("no gatehouse serve is running with the endpoints file %1 (%2); serve writes it when "
                    "it starts and removes it when it stops")
                     .arg(endpointsFile, file.errorString());
        return std::nullopt;
    }
    const QJsonObject endpoints = QJsonDocument::fromJson(file.readAll()).object();
    const QString url =
        endpoints.value(QStringLiteral("sqs")).toObject().value(QStringLiteral("url")).toString();
    if (url.isEmpty()) {
        *error = tr("the endpoints file %1 names no SQS endpoint").arg(endpointsFile);
        return std::nullopt;
    }
    return url;
}

struct SqsAnswer {
    bool reached = false;
    int status = 0;
    OrderedJson body;
    QString transportError;
};

// One call of the SQS JSON protocol ("Amazon SQS AWS JSON protocol FAQs",
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-json-faqs.html).
SqsAnswer callSqs(QNetworkAccessManager &network, const QString &endpoint, const QString &action,
                  const OrderedJson &input) {
    QNetworkRequest request{QUrl(endpoint)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-amz-json-1.0"));
    request.setRawHeader("X-Amz-Target", "AmazonSQS." + action.toLatin1());
    request.setTransferTimeout(kRequestTimeoutMs);
    QNetworkReply *reply = network.post(request, jsonBytes(input));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    SqsAnswer answer;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    answer.reached = status.isValid();
    answer.status = status.toInt();
    answer.transportError = reply->errorString();
    answer.body = parseJson(reply->readAll()).value_or(OrderedJson::object());
    reply->deleteLater();
    return answer;
}

QString errorText(const SqsAnswer &answer) {
    QString type = answer.body.is_object() ? fromUtf8(answer.body.value("__type", std::string())) : QString();
    type = type.mid(type.lastIndexOf(QLatin1Char('#')) + 1);
    const QString message =
        answer.body.is_object() ? fromUtf8(answer.body.value("message", std::string())) : QString();
    return QStringLiteral("%1 (HTTP %2): %3")
        .arg(type.isEmpty() ? tr("error") : type)
        .arg(answer.status)
        .arg(message);
}

int runSendMessage(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Send a message to a queue of a running `gatehouse serve` and print its MessageId. A function "
           "triggered by the queue receives it in its SQS event."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), tr("Project folder or its gatehouse.json."));
    parser.addPositionalArgument(QStringLiteral("QUEUE"), tr("Name of the queue."));
    parser.addPositionalArgument(QStringLiteral("BODY"), tr("The message body."));
    const QCommandLineOption delayOption(QStringLiteral("delay"),
                                         tr("Seconds before the message can be received (0-900)."),
                                         QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption attributeOption(
        QStringLiteral("attribute"),
        tr("A message attribute, Name=Type:Value with Type String, Number or Binary (base64 value); "
           "repeatable."),
        QStringLiteral("Name=Type:Value"));
    const QCommandLineOption endpointOption(
        QStringLiteral("endpoint"), tr("The SQS endpoint URL of the running serve."), QStringLiteral("URL"));
    const QCommandLineOption endpointsFileOption(QStringLiteral("endpoints-file"),
                                                 tr("The file given to `gatehouse serve --endpoints-file` "
                                                    "(default: PROJECT/.gatehouse/endpoints.json)."),
                                                 QStringLiteral("F"));
    parser.addOptions({delayOption, attributeOption, endpointOption, endpointsFileOption});
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse send-message")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(parser.helpText());
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3) return usageError(tr("send-message needs PROJECT, QUEUE and BODY arguments"));
    const QString queue = positional.at(1);

    const QString filePath = ProjectFile::resolveProjectFile(positional.at(0));
    if (!QFileInfo(filePath).isFile()) {
        printErr(tr("gatehouse: cannot read %1: no such project").arg(positional.at(0)));
        return UsageError;
    }
    bool delayOk = false;
    const int delay = parser.value(delayOption).toInt(&delayOk);
    if (!delayOk || delay < 0 || delay > 900) return usageError(tr("--delay takes 0 to 900 seconds"));
    sqs::MessageAttributes attributes;
    for (const QString &attribute : parser.values(attributeOption))
        if (const std::optional<QString> error = parseAttribute(attribute, &attributes))
            return usageError(*error);
    if (const std::optional<QString> error = sqs::validateAttributes(attributes)) return usageError(*error);

    const QString endpointsFile = parser.isSet(endpointsFileOption)
                                      ? parser.value(endpointsFileOption)
                                      : defaultEndpointsFile(QFileInfo(filePath).absolutePath());
    QString error;
    const std::optional<QString> endpoint = sqsEndpoint(parser.value(endpointOption), endpointsFile, &error);
    if (!endpoint) {
        printErr(QStringLiteral("gatehouse: ") + error);
        return Failure;
    }

    QNetworkAccessManager network;
    const SqsAnswer located =
        callSqs(network, *endpoint, QStringLiteral("GetQueueUrl"), {{"QueueName", utf8(queue)}});
    if (!located.reached) {
        printErr(
            tr("gatehouse: no gatehouse serve answers at %1: %2").arg(*endpoint, located.transportError));
        return Failure;
    }
    if (located.status != 200) {
        printErr(tr("gatehouse: the running serve has no queue '%1': %2").arg(queue, errorText(located)));
        return Failure;
    }
    OrderedJson input = {{"QueueUrl", located.body.value("QueueUrl", std::string())},
                         {"MessageBody", positional.at(2).toStdString()}};
    if (parser.isSet(delayOption)) input["DelaySeconds"] = delay;
    if (!attributes.empty()) input["MessageAttributes"] = sqs::attributesToApiJson(attributes);
    const SqsAnswer sent = callSqs(network, *endpoint, QStringLiteral("SendMessage"), input);
    if (!sent.reached || sent.status != 200) {
        printErr(tr("gatehouse: SendMessage failed: %1")
                     .arg(sent.reached ? errorText(sent) : sent.transportError));
        return Failure;
    }
    printOut(fromUtf8(sent.body.value("MessageId", std::string())));
    return Success;
}

} // namespace

Command sendMessageCommand() {
    return {QStringLiteral("send-message"),
            QStringLiteral("send-message PROJECT QUEUE BODY [--delay S] [--attribute Name=Type:Value ...] "
                           "[--endpoint URL | --endpoints-file F]"),
            tr("send a message to a queue of a running gatehouse serve; prints the MessageId"),
            &runSendMessage};
}

} // namespace gatehouse::cli
