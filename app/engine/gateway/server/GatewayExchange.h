// One client request on its way through a local API: stage and route selection, CORS preflight,
// throttling, API keys, JWT and Lambda authorizers, the integration (Lambda proxy, HTTP proxy or
// mock), response mapping, AWS's error responses, and the access log line. Each step is one of the
// pure components in gateway/; this class only sequences them. Asynchronous steps (a Lambda
// authorizer, the integration) continue on the worker thread that received the request.
#pragma once

#include "ApiSnapshot.h"
#include "GatewayServices.h"
#include "GatewayThreadContext.h"
#include "gateway/GatewayErrors.h"
#include "gateway/GatewayRequest.h"
#include "gateway/InvocationContext.h"
#include "http/HttpResponder.h"

#include <QElapsedTimer>
#include <memory>

class QNetworkReply;

namespace gatehouse {

struct InvocationResult;

class GatewayExchange : public std::enable_shared_from_this<GatewayExchange> {
public:
    static void start(std::shared_ptr<GatewayServices> services, std::shared_ptr<const ApiSnapshot> api,
                      http::HttpRequest request, http::HttpResponder responder);

    GatewayExchange(std::shared_ptr<GatewayServices> services, std::shared_ptr<const ApiSnapshot> api,
                    http::HttpRequest request, http::HttpResponder responder);

private:
    void run();
    bool selectRoute();
    bool selectStageByDomain(StageSelection &selection);
    void fillContext(const RouteMatch &match);
    bool admitThrottled();
    void authorize();
    void authorizeWithApiKey(const Authorizer &plan);
    void authorizeWithJwt(const Authorizer &authorizer);
    void authorizeWithLambda(const Authorizer &authorizer);
    void onAuthorizerResult(const Authorizer &authorizer, const QString &identityKey,
                            const InvocationResult &result);
    void continueWithLambdaAnswer(const Authorizer &authorizer, const AuthorizerAnswer &answer,
                                  qint64 latencyMs);
    void integrate();
    void invokeLambda(const Integration &integration);
    void onLambdaResult(const Integration &integration, const InvocationResult &result);
    void proxyHttp(const Integration &integration);
    void onProxyReply(QNetworkReply *reply);
    void answerMock(const Integration &integration);
    // `describe` writes the error message, only if the deadline passes.
    void startDeadline(int timeoutMs, GatewayError error, std::function<QString()> describe);
    void clearDeadline();

    bool isHttpApi() const { return m_api->api.type == ApiType::Http; }
    bool payloadV2(const Integration &integration) const;
    void fail(GatewayError error, const QString &reason, HeaderFields extraHeaders = {});
    void finish(GatewayResponse response);
    void writeAccessLog(const GatewayResponse &response);
    void recordMetrics(const GatewayResponse &response);
    QString requestIdForHeaders() const;

    std::shared_ptr<GatewayServices> m_services;
    std::shared_ptr<const ApiSnapshot> m_api;
    http::HttpResponder m_responder;
    GatewayThreadContext *m_thread;
    GatewayRequest m_request;
    InvocationContext m_context;
    const Route *m_route = nullptr;
    QElapsedTimer m_clock;
    std::optional<GatewayThreadContext::DeadlineId> m_deadline;
    bool m_done = false;
    bool m_preflight = false; // answered by the CORS policy itself: its headers are final

    // For the access log ($context variables set as the request progresses) and the metrics. Kept in
    // nanoseconds, which the metrics' histograms resolve; the access log writes whole milliseconds, as
    // AWS does. The start serves the authorizer, then the integration.
    qint64 m_integrationStartNs = -1;
    qint64 m_integrationLatencyNs = -1;
    QString m_integrationStatus;   // $context.integrationStatus (Lambda's own status, 200)
    QString m_integrationStatusFn; // $context.integration.status (the function's statusCode)
    QString m_integrationError;
    // $context.integration.requestId / awsEndpointRequestId: Lambda's request id for the invocation,
    // which also links the access-log record to the invocation's log lines.
    QString m_integrationRequestId;
    QString m_errorMessage;
    QString m_errorResponseType;
    QString m_authorizerError;
    QString m_authorizerStatus;
    qint64 m_authorizerLatencyMs = -1;
};

} // namespace gatehouse
