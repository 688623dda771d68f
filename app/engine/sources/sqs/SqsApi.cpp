#include "SqsApi.h"

#include "SqsBroker.h"
#include "SqsOperations.h"
#include "SqsQueryProtocol.h"

#include <QMutexLocker>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>

namespace gatehouse::sqs {

namespace {

constexpr QByteArrayView kJsonContentType = "application/x-amz-json-1.0";
const QLatin1String kTargetPrefix("AmazonSQS.");

http::HttpResponse withRequestId(http::HttpResponse response, const QString &requestId) {
    response.headers.add("x-amzn-RequestId", requestId.toUtf8());
    return response;
}

http::HttpResponse jsonAnswer(const Outcome &outcome, const QString &requestId) {
    http::HttpResponse response;
    response.headers.add("Content-Type", kJsonContentType.toByteArray());
    if (const auto *error = std::get_if<ApiError>(&outcome)) {
        response.status = error->status;
        OrderedJson body{{"__type", "com.amazonaws.sqs#" + utf8(error->type)},
                         {"message", utf8(error->message)}};
        response.body = jsonBytes(body);
        // "x-amzn-query-error: <query code>;<Sender|Receiver>" for clients that look for the query codes.
        response.headers.add(
            "x-amzn-query-error",
            (error->queryCode + (error->senderFault ? QLatin1String(";Sender") : QLatin1String(";Receiver")))
                .toUtf8());
    } else {
        response.body = jsonBytes(std::get<OrderedJson>(outcome));
    }
    return withRequestId(std::move(response), requestId);
}

http::HttpResponse xmlAnswer(const QString &action, const Outcome &outcome, const QString &requestId) {
    http::HttpResponse response;
    response.headers.add("Content-Type", "text/xml");
    if (const auto *error = std::get_if<ApiError>(&outcome)) {
        response.status = error->status;
        response.body = query::errorXml(*error, requestId);
    } else {
        response.body = query::responseXml(action, std::get<OrderedJson>(outcome), requestId);
    }
    return withRequestId(std::move(response), requestId);
}

// SigV4's "Credential=AKID/date/region/sqs/aws4_request": the caller's access key id stands in for the
// IAM identity SQS reports as SenderId.
QString accessKeyOf(const http::HttpRequest &request) {
    static const QRegularExpression credential(QStringLiteral("Credential=([A-Za-z0-9]+)/"));
    const QRegularExpressionMatch match =
        credential.match(QString::fromUtf8(request.header("Authorization")));
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

SqsApi::SqsApi(SqsBroker *broker)
    : m_broker(broker) {}

void SqsApi::setBaseUrl(const QString &baseUrl, const QString &accountId) {
    const QMutexLocker lock(&m_mutex);
    m_baseUrl = baseUrl;
    m_accountId = accountId;
}

void SqsApi::handle(http::HttpRequest request, http::HttpResponder responder) const {
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    OperationContext context;
    {
        const QMutexLocker lock(&m_mutex);
        context.baseUrl = m_baseUrl;
        context.accountId = m_accountId;
    }
    context.senderId = accessKeyOf(request);
    if (context.senderId.isEmpty()) context.senderId = context.accountId;

    const QByteArray target = request.header("X-Amz-Target");
    if (!target.isEmpty() || request.header("Content-Type").startsWith(kJsonContentType.toByteArray())) {
        const QString action = QString::fromUtf8(target).startsWith(kTargetPrefix)
                                   ? QString::fromUtf8(target).mid(kTargetPrefix.size())
                                   : QString::fromUtf8(target);
        if (request.method != "POST" || !isKnownAction(action))
            return void(responder.send(jsonAnswer(ApiError::invalidAction(action), requestId)));
        const auto body = parseJson(request.body.isEmpty() ? QByteArray("{}") : request.body);
        if (!body || !body->is_object())
            return void(responder.send(jsonAnswer(
                ApiError::malformed(QStringLiteral("The request body is not a JSON object.")), requestId)));
        runOperation(*m_broker, context, action, *body, [responder, requestId](Outcome outcome) mutable {
            responder.send(jsonAnswer(outcome, requestId));
        });
        return;
    }

    // The query protocol: parameters in a form-encoded body (POST) or the query string (GET).
    QUrlQuery form(QString::fromUtf8(request.query));
    if (request.method == "POST" && !request.body.isEmpty()) {
        // Form encoding writes spaces as '+', which QUrlQuery leaves alone.
        QByteArray body = request.body;
        body.replace('+', ' ');
        form = QUrlQuery(QString::fromUtf8(body));
    }
    const QString action = form.queryItemValue(QStringLiteral("Action"), QUrl::FullyDecoded);
    if (action.isEmpty() || !isKnownAction(action)) {
        const ApiError error = action.isEmpty() ? ApiError::missingParameter(QStringLiteral("Action"))
                                                : ApiError::invalidAction(action);
        return void(responder.send(xmlAnswer(action, error, requestId)));
    }
    OrderedJson parameters = query::requestFromForm(form);
    // A query request may also be sent to the queue's own URL instead of naming it.
    if (!parameters.contains("QueueUrl") && request.path.count('/') >= 2)
        parameters["QueueUrl"] = utf8(context.baseUrl + request.decodedPath());
    runOperation(*m_broker, context, action, parameters,
                 [responder, action, requestId](Outcome outcome) mutable {
                     responder.send(xmlAnswer(action, outcome, requestId));
                 });
}

} // namespace gatehouse::sqs
