#include "GatewayExchange.h"

#include "GatewayHttp.h"

#include "gateway/GatewayQuotas.h"
#include "gateway/GatewayTime.h"
#include "gateway/HttpApiEventV2.h"
#include "gateway/HttpProxyRequest.h"
#include "gateway/LambdaAuthorizerEvent.h"
#include "gateway/LambdaAuthorizerResult.h"
#include "gateway/LambdaResponseMapping.h"
#include "gateway/ProxyEventV1.h"
#include "invoker/Invoker.h"
#include "telemetry/CostMeter.h"
#include "telemetry/MetricsStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace gatehouse {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::GatewayExchange", text);
}

// API Gateway's gateway-response type names, which $context.error.responseType reports
// ("Gateway response types for API Gateway", supported-gateway-response-types.md).
QString responseTypeOf(GatewayError error) {
    switch (error) {
    case GatewayError::RouteNotFound:
        return QStringLiteral("MISSING_AUTHENTICATION_TOKEN");
    case GatewayError::StageNotFound:
        return QStringLiteral("RESOURCE_NOT_FOUND");
    case GatewayError::IntegrationFailure:
        return QStringLiteral("INTEGRATION_FAILURE");
    case GatewayError::LambdaInvokeFailed:
        return QStringLiteral("INTEGRATION_FAILURE");
    case GatewayError::IntegrationTimeout:
        return QStringLiteral("INTEGRATION_TIMEOUT");
    case GatewayError::Throttled:
        return QStringLiteral("THROTTLED");
    case GatewayError::QuotaExceeded:
        return QStringLiteral("QUOTA_EXCEEDED");
    case GatewayError::InvalidApiKey:
        return QStringLiteral("INVALID_API_KEY");
    case GatewayError::RequestTooLarge:
        return QStringLiteral("REQUEST_TOO_LARGE");
    case GatewayError::Unauthorized:
        return QStringLiteral("UNAUTHORIZED");
    case GatewayError::Forbidden:
        return QStringLiteral("ACCESS_DENIED");
    case GatewayError::AccessDeniedExplicit:
        return QStringLiteral("ACCESS_DENIED");
    case GatewayError::AccessDeniedImplicit:
        return QStringLiteral("ACCESS_DENIED");
    case GatewayError::AuthorizerFailure:
        return QStringLiteral("AUTHORIZER_FAILURE");
    }
    return {};
}

// Framing is the server's business: a function's or backend's Content-Length or Transfer-Encoding
// would contradict the body the server actually sends.
bool isHopByHop(const QString &name) {
    static const QStringList names{QStringLiteral("connection"),        QStringLiteral("keep-alive"),
                                   QStringLiteral("transfer-encoding"), QStringLiteral("content-length"),
                                   QStringLiteral("upgrade"),           QStringLiteral("proxy-connection")};
    return names.contains(name.toLower());
}

// HTTP API authorizers must answer within 10 s ("Amazon API Gateway quotas", HTTP API quotas:
// "Authorizer response timeout"); REST authorizers share it here as the closest documented bound.
constexpr int kAuthorizerTimeoutMs = 10000;

} // namespace

void GatewayExchange::start(std::shared_ptr<GatewayServices> services, std::shared_ptr<const ApiSnapshot> api,
                            http::HttpRequest request, http::HttpResponder responder) {
    std::make_shared<GatewayExchange>(std::move(services), std::move(api), std::move(request),
                                      std::move(responder))
        ->run();
}

GatewayExchange::GatewayExchange(std::shared_ptr<GatewayServices> services,
                                 std::shared_ptr<const ApiSnapshot> api, http::HttpRequest request,
                                 http::HttpResponder responder)
    : m_services(std::move(services))
    , m_api(std::move(api))
    , m_responder(std::move(responder))
    , m_thread(GatewayThreadContext::current())
    , m_request(gatewayRequestOf(request)) {
    m_clock.start();
    m_context.accountId = m_api->settings.accountId;
    m_context.region = m_api->settings.region;
    m_context.apiId = m_api->apiId;
    if (isHttpApi()) {
        m_context.requestId = newHttpApiRequestId();
    } else {
        m_context.requestId = newRestRequestId();
        m_context.extendedRequestId = newExtendedRequestId();
    }
}

void GatewayExchange::run() {
    if (!selectRoute()) return;
    if (!admitThrottled()) return;
    authorize();
}

bool GatewayExchange::selectStageByDomain(StageSelection &selection) {
    const QString host = hostWithoutPort(m_request.host).toLower();
    for (const CustomDomain &domain : m_api->api.customDomains) {
        if (domain.domainName.toLower() != host) continue;
        // "API mappings for custom domain names": the first path segment selects a mapping; a mapping
        // without a base path serves everything else.
        const QString path = m_request.rawPath;
        const QString first = path.section(QLatin1Char('/'), 1, 1);
        const BasePathMapping *chosen = nullptr;
        for (const BasePathMapping &mapping : domain.mappings)
            if (!mapping.basePath.isEmpty() && mapping.basePath == percentDecoded(first)) chosen = &mapping;
        QString rest = path;
        if (chosen) {
            rest = path.mid(first.size() + 1);
            if (rest.isEmpty()) rest = QStringLiteral("/");
        } else {
            for (const BasePathMapping &mapping : domain.mappings)
                if (mapping.basePath.isEmpty()) chosen = &mapping;
        }
        if (!chosen) {
            fail(GatewayError::Forbidden,
                 tr("no base path mapping of %1 matches %2").arg(domain.domainName, path));
            return false;
        }
        selection.stageName = chosen->stage;
        selection.stageIndex = -1;
        for (int i = 0; i < m_api->api.stages.size(); ++i)
            if (m_api->api.stages[i].name == chosen->stage) selection.stageIndex = i;
        selection.pathInStage = rest;
        return true;
    }
    return false; // not a custom domain: the endpoint's own URL shape applies
}

bool GatewayExchange::selectRoute() {
    RouteLookup lookup;
    StageSelection byDomain;
    if (selectStageByDomain(byDomain))
        lookup = m_api->matcher.matchInStage(m_request.method, byDomain);
    else if (m_done)
        return false;
    else
        lookup = m_api->matcher.match(m_request.method, m_request.rawPath);

    if (const std::optional<StageSelection> stage =
            byDomain.stageName.isEmpty() ? m_api->matcher.selectStage(m_request.rawPath) : byDomain)
        m_context.stage = stage->stageName;
    // "Configuring CORS for an HTTP API": with CORS configured, API Gateway answers preflight requests
    // itself, whether or not a route matches OPTIONS.
    if (m_api->cors && m_api->cors->isPreflight(m_request)) {
        m_preflight = true;
        finish(m_api->cors->preflightResponse(m_request));
        return false;
    }
    if (lookup.outcome == RouteLookup::Outcome::StageNotFound) {
        fail(GatewayError::StageNotFound,
             tr("no stage of API '%1' matches the path %2").arg(m_api->api.name, m_request.rawPath));
        return false;
    }
    if (!lookup.matched()) {
        fail(GatewayError::RouteNotFound,
             tr("no route matches %1 %2").arg(m_request.method, m_request.rawPath));
        return false;
    }
    fillContext(lookup.match);
    return true;
}

void GatewayExchange::fillContext(const RouteMatch &match) {
    m_route = m_api->route(match.routeIndex);
    m_context.stage = match.stage.stageName;
    m_context.routeKey = match.routeKey;
    m_context.resourcePath = match.resourcePath;
    if (!isHttpApi()) m_context.resourceId = localResourceId(match.resourcePath);
    m_context.pathParameters = match.pathParameters;
    if (const Stage *stage = m_api->stage(match.stage.stageName)) m_context.stageVariables = stage->variables;
}

bool GatewayExchange::admitThrottled() {
    const Stage *stage = m_api->stage(m_context.stage);
    const QString stageKey = m_api->api.name + QLatin1Char('/') + m_context.stage;
    QList<Throttler::Limit> limits;
    if (stage && stage->throttling.isSet()) limits.append({stageKey, stage->throttling});
    // The API's throttling is the default route setting of every stage; a route's own setting wins.
    const ThrottleSettings &routeLimit =
        m_route->throttling.isSet() ? m_route->throttling : m_api->api.throttling;
    if (routeLimit.isSet()) limits.append({stageKey + QLatin1Char('/') + m_context.routeKey, routeLimit});
    if (limits.isEmpty() || m_services->throttler.tryAcquire(limits)) return true;
    fail(GatewayError::Throttled,
         tr("throttled: the rate or burst limit of stage '%1' or route '%2' is used up")
             .arg(m_context.stage, m_context.routeKey));
    return false;
}

void GatewayExchange::authorize() {
    if (m_route->authorizer.isEmpty()) return integrate();
    const auto it = m_api->authorizers.constFind(m_route->authorizer);
    if (it == m_api->authorizers.cend())
        return fail(GatewayError::AuthorizerFailure,
                    tr("the route's authorizer '%1' does not exist").arg(m_route->authorizer));
    switch (it->type) {
    case AuthorizerType::ApiKey:
        return authorizeWithApiKey(*it);
    case AuthorizerType::Jwt:
        return authorizeWithJwt(*it);
    case AuthorizerType::Lambda:
        return authorizeWithLambda(*it);
    }
}

void GatewayExchange::authorizeWithApiKey(const Authorizer &plan) {
    const UsagePlans::Admission admission = m_services->usagePlans.admit(plan, m_request);
    switch (admission.verdict) {
    case UsagePlans::Admission::Verdict::Allowed:
        m_context.apiKey = admission.keyValue;
        m_context.apiKeyId = admission.keyName;
        return integrate();
    case UsagePlans::Admission::Verdict::InvalidKey:
        return fail(GatewayError::InvalidApiKey,
                    tr("x-api-key is missing or not a key of usage plan '%1'").arg(plan.name));
    case UsagePlans::Admission::Verdict::Throttled:
        return fail(GatewayError::Throttled,
                    tr("usage plan '%1' throttled key '%2'").arg(plan.name, admission.keyName));
    case UsagePlans::Admission::Verdict::QuotaExceeded:
        return fail(GatewayError::QuotaExceeded, tr("usage plan '%1': key '%2' used its quota (%3 requests)")
                                                     .arg(plan.name, admission.keyName)
                                                     .arg(admission.usedInPeriod));
    }
}

void GatewayExchange::authorizeWithJwt(const Authorizer &authorizer) {
    const auto jwt = m_api->jwt.value(authorizer.name);
    if (!jwt)
        return fail(GatewayError::AuthorizerFailure,
                    tr("JWT authorizer '%1' has no keys").arg(authorizer.name));
    const JwtVerdict verdict = jwt->authorize(m_request, m_context, m_route->authorizationScopes,
                                              QDateTime::currentSecsSinceEpoch());
    if (verdict.outcome == JwtVerdict::Outcome::Allow) {
        m_context.authorizer = jwtAuthorizerContext(verdict, payloadV2(m_route->integration));
        return integrate();
    }
    m_authorizerError = verdict.reason;
    const GatewayError error = verdict.outcome == JwtVerdict::Outcome::Forbidden ? GatewayError::Forbidden
                                                                                 : GatewayError::Unauthorized;
    const QString reason = tr("JWT authorizer '%1': %2").arg(authorizer.name, verdict.reason);
    // The 401 carries the challenge, as API Gateway's JWT authorizer sends it.
    HeaderFields challenge;
    if (!verdict.wwwAuthenticate.isEmpty())
        challenge.append({QStringLiteral("www-authenticate"), verdict.wwwAuthenticate});
    fail(error, reason, std::move(challenge));
}

void GatewayExchange::authorizeWithLambda(const Authorizer &authorizer) {
    const AuthorizerIdentity identity = collectAuthorizerIdentity(authorizer, m_request, m_context);
    if (!identity.complete) {
        m_authorizerError = identity.problem;
        return fail(GatewayError::Unauthorized,
                    tr("Lambda authorizer '%1' was not invoked: %2").arg(authorizer.name, identity.problem));
    }
    const QString key = identity.cacheKey();
    if (const std::optional<AuthorizerAnswer> cached = m_services->authorizerCache.find(authorizer, key))
        return continueWithLambdaAnswer(authorizer, *cached, 0);

    const QByteArray event =
        lambdaAuthorizerEvent(authorizer, m_api->api.type, m_request, m_context, identity);
    m_integrationStartNs = m_clock.nsecsElapsed();
    startDeadline(kAuthorizerTimeoutMs, GatewayError::AuthorizerFailure, [name = authorizer.name] {
        return tr("Lambda authorizer '%1' did not answer within %2 s")
            .arg(name)
            .arg(kAuthorizerTimeoutMs / 1000);
    });
    auto self = shared_from_this();
    m_services->invoker->invoke(authorizer.function, event, {}, m_thread,
                                [self, authorizer, key](const InvocationResult &result) {
                                    self->onAuthorizerResult(authorizer, key, result);
                                });
}

void GatewayExchange::onAuthorizerResult(const Authorizer &authorizer, const QString &identityKey,
                                         const InvocationResult &result) {
    if (m_done) return;
    clearDeadline();
    m_authorizerLatencyMs = (m_clock.nsecsElapsed() - m_integrationStartNs) / 1000000;
    m_authorizerStatus = QString::number(result.isPlatformError() ? result.statusCode : 200);
    AuthorizerInvocation invocation;
    invocation.functionError = !result.succeeded();
    invocation.errorMessage = result.errorMessage;
    invocation.output = result.payload;
    invocation.latencyMs = m_authorizerLatencyMs;
    const AuthorizerVerdict verdict = evaluateAuthorizerInvocation(authorizer, m_api->api.type, invocation,
                                                                   methodArnOf(m_request, m_context));
    if (verdict.answer) m_services->authorizerCache.store(authorizer, identityKey, *verdict.answer);
    if (!verdict.allowed()) {
        m_authorizerError = verdict.reason;
        return fail(gatewayErrorFor(verdict),
                    tr("Lambda authorizer '%1': %2").arg(authorizer.name, verdict.reason));
    }
    continueWithLambdaAnswer(authorizer, *verdict.answer, m_authorizerLatencyMs);
}

void GatewayExchange::continueWithLambdaAnswer(const Authorizer &authorizer, const AuthorizerAnswer &answer,
                                               qint64 latencyMs) {
    const AuthorizerVerdict verdict = decideAuthorizer(answer, methodArnOf(m_request, m_context));
    if (!verdict.allowed()) {
        m_authorizerError = verdict.reason;
        return fail(gatewayErrorFor(verdict),
                    tr("Lambda authorizer '%1': %2").arg(authorizer.name, verdict.reason));
    }
    m_context.authorizer =
        lambdaAuthorizerContext(answer, m_api->api.type, payloadV2(m_route->integration), latencyMs);
    integrate();
}

bool GatewayExchange::payloadV2(const Integration &integration) const {
    return isHttpApi() && integration.payloadFormatVersion != QLatin1String("1.0");
}

void GatewayExchange::integrate() {
    const Integration &integration = m_route->integration;
    switch (integration.type) {
    case IntegrationType::Lambda:
        return invokeLambda(integration);
    case IntegrationType::HttpProxy:
        return proxyHttp(integration);
    case IntegrationType::Mock:
        return answerMock(integration);
    }
}

void GatewayExchange::startDeadline(int timeoutMs, GatewayError error, std::function<QString()> describe) {
    std::weak_ptr<GatewayExchange> weak = weak_from_this();
    m_deadline = m_thread->addDeadline(timeoutMs, [weak, error, describe = std::move(describe)] {
        if (auto self = weak.lock()) {
            const QString what = describe();
            self->m_deadline.reset();
            self->m_integrationError = what;
            self->fail(error, what);
        }
    });
}

void GatewayExchange::clearDeadline() {
    if (m_deadline) m_thread->cancelDeadline(*m_deadline);
    m_deadline.reset();
}

void GatewayExchange::invokeLambda(const Integration &integration) {
    QByteArray event;
    InvokeOptions options;
    options.payloadIsWellFormed = true; // our own event writers' JSON
    if (!isHttpApi()) {
        event = restApiEvent(m_request, m_context, m_api->api.binaryMediaTypes);
    } else if (payloadV2(integration) && m_api->prebuiltEventFunctions.contains(integration.function)) {
        // The common case also comes ready for the embedded JavaScript runtime to build (PrebuiltEvent).
        HttpApiEventV2 both = httpApiEventV2WithPrebuilt(m_request, m_context);
        event = std::move(both.json);
        options.prebuiltEvent = std::move(both.prebuilt);
    } else if (payloadV2(integration)) {
        event = httpApiEventV2(m_request, m_context);
    } else {
        event = httpApiEventV1(m_request, m_context);
    }
    const int timeoutMs = integrationTimeoutMs(integration, m_api->api.type);
    m_integrationStartNs = m_clock.nsecsElapsed();
    // The message is only written when the deadline passes (translating it for every request was about
    // 1 % of a GET's work).
    startDeadline(timeoutMs, GatewayError::IntegrationTimeout, [function = integration.function, timeoutMs] {
        return tr("function '%1' did not answer within the integration timeout of %2 ms")
            .arg(function)
            .arg(timeoutMs);
    });
    auto self = shared_from_this();
    // A warm invocation run inline here calls back before invokeOnThisThread() returns (then the
    // exchange may already be over): the request id comes with the result as well.
    const QString requestId = m_services->invoker->invokeOnThisThread(
        integration.function, event, options, m_thread,
        [self, integration](const InvocationResult &result) { self->onLambdaResult(integration, result); });
    if (m_integrationRequestId.isEmpty()) m_integrationRequestId = requestId;
}

void GatewayExchange::onLambdaResult(const Integration &integration, const InvocationResult &result) {
    if (m_integrationRequestId.isEmpty()) m_integrationRequestId = result.requestId;
    if (m_done) return; // the integration timed out; the function still ran to its own end, as on AWS
    clearDeadline();
    m_integrationLatencyNs = m_clock.nsecsElapsed() - m_integrationStartNs;
    m_integrationStatus = QString::number(result.statusCode);
    if (result.isPlatformError()) {
        m_integrationError = result.errorType + QStringLiteral(": ") + result.errorMessage;
        return fail(GatewayError::LambdaInvokeFailed,
                    tr("Lambda refused to invoke '%1': %2").arg(integration.function, m_integrationError));
    }
    if (result.isFunctionError()) {
        m_integrationError = result.errorType + QStringLiteral(": ") + result.errorMessage;
        return fail(GatewayError::IntegrationFailure,
                    tr("function '%1' failed: %2").arg(integration.function, m_integrationError));
    }
    MappedResponse mapped;
    if (payloadV2(integration)) {
        mapped = mapPayloadV2Response(result.payload);
    } else {
        PayloadV1Options options;
        options.restApi = !isHttpApi();
        options.binaryMediaTypes = m_api->api.binaryMediaTypes;
        options.acceptHeader = m_request.header(u"Accept");
        mapped = mapPayloadV1Response(result.payload, options);
    }
    if (!mapped.ok()) {
        m_integrationError = mapped.problem;
        return fail(GatewayError::IntegrationFailure,
                    tr("function '%1' returned a response API Gateway cannot use: %2")
                        .arg(integration.function, mapped.problem));
    }
    m_integrationStatusFn = QString::number(mapped.response->status);
    finish(std::move(*mapped.response));
}

void GatewayExchange::proxyHttp(const Integration &integration) {
    OutgoingRequestResult outgoing =
        buildHttpProxyRequest(integration, m_api->api.type, m_request, m_context);
    for (const QString &problem : outgoing.problems)
        m_services->report({GatewayEvent::Kind::Error, m_api->api.name, m_context.requestId,
                            tr("HTTP integration: %1").arg(problem)});
    if (!outgoing.request.url.isValid() || outgoing.request.url.host().isEmpty()) {
        m_integrationError = tr("invalid integration URL %1").arg(outgoing.request.url.toString());
        return fail(GatewayError::IntegrationFailure, m_integrationError);
    }
    QNetworkRequest request(outgoing.request.url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // Without an explicit Accept-Encoding Qt would ask for gzip and inflate the reply itself; the
    // client must get the backend's bytes as they are.
    if (!hasHeader(outgoing.request.headers, u"Accept-Encoding"))
        request.setRawHeader("Accept-Encoding", "identity");
    for (const HeaderField &field : outgoing.request.headers)
        if (!isHopByHop(field.name) && field.name.compare(QLatin1String("host"), Qt::CaseInsensitive) != 0)
            request.setRawHeader(field.name.toLatin1(), field.value.toUtf8());
    const int timeoutMs = integrationTimeoutMs(integration, m_api->api.type);
    m_integrationStartNs = m_clock.nsecsElapsed();
    QNetworkReply *reply = m_thread->network()->sendCustomRequest(request, outgoing.request.method.toLatin1(),
                                                                  outgoing.request.body);
    QPointer<QNetworkReply> guarded(reply);
    std::weak_ptr<GatewayExchange> weak = weak_from_this();
    const QString url = outgoing.request.url.toString();
    m_deadline = m_thread->addDeadline(timeoutMs, [weak, guarded, url, timeoutMs] {
        if (guarded) guarded->abort();
        if (auto self = weak.lock()) {
            self->m_deadline.reset();
            self->m_integrationError = tr("%1 did not answer within %2 ms").arg(url).arg(timeoutMs);
            self->fail(GatewayError::IntegrationTimeout, self->m_integrationError);
        }
    });
    auto self = shared_from_this();
    QObject::connect(reply, &QNetworkReply::finished, m_thread, [self, reply] { self->onProxyReply(reply); });
}

void GatewayExchange::onProxyReply(QNetworkReply *reply) {
    reply->deleteLater();
    if (m_done) return;
    clearDeadline();
    m_integrationLatencyNs = m_clock.nsecsElapsed() - m_integrationStartNs;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        m_integrationError = reply->errorString();
        return fail(GatewayError::IntegrationFailure,
                    tr("HTTP integration %1 failed: %2").arg(reply->url().toString(), reply->errorString()));
    }
    GatewayResponse response;
    response.status = status.toInt();
    m_integrationStatus = m_integrationStatusFn = QString::number(response.status);
    for (const auto &[name, value] : reply->rawHeaderPairs())
        response.headers.append({QString::fromLatin1(name), QString::fromUtf8(value)});
    response.body = reply->readAll();
    finish(std::move(response));
}

void GatewayExchange::answerMock(const Integration &integration) {
    GatewayResponse response;
    response.status = integration.mockStatusCode;
    for (const NameValue &header : integration.mockHeaders)
        response.headers.append({header.name, header.value});
    response.body = integration.mockBody.toUtf8();
    m_integrationStatus = m_integrationStatusFn = QString::number(response.status);
    finish(std::move(response));
}

void GatewayExchange::fail(GatewayError error, const QString &reason, HeaderFields extraHeaders) {
    if (m_done) return;
    m_errorMessage = reason;
    m_errorResponseType = responseTypeOf(error);
    m_services->report({GatewayEvent::Kind::Error, m_api->api.name, m_context.requestId, reason});
    GatewayResponse response =
        gatewayErrorResponse(m_api->api.type, error, {m_context.requestId, m_context.extendedRequestId});
    response.headers.append(std::move(extraHeaders));
    finish(std::move(response));
}

void GatewayExchange::finish(GatewayResponse response) {
    if (m_done) return;
    m_done = true;
    clearDeadline();
    if (m_api->cors && !m_preflight) m_api->cors->applyTo(m_request, response);
    HeaderFields kept;
    kept.reserve(response.headers.size() + 2);
    for (HeaderField &field : response.headers) {
        if (isHopByHop(field.name)) continue;
        // A header value with a line break would let a function split the response.
        if (field.name.contains(QLatin1Char('\n')) || field.name.contains(QLatin1Char('\r')) ||
            field.value.contains(QLatin1Char('\n')) || field.value.contains(QLatin1Char('\r')))
            continue;
        kept.append(std::move(field));
    }
    response.headers = std::move(kept);
    // Error responses already carry the id headers.
    if (!hasHeader(response.headers, isHttpApi() ? u"apigw-requestid" : u"x-amzn-RequestId"))
        addGatewayHeaders(response, m_api->api.type, {m_context.requestId, m_context.extendedRequestId});

    m_responder.send(httpResponseOf(response));
    recordMetrics(response);
    writeAccessLog(response);
}

void GatewayExchange::recordMetrics(const GatewayResponse &response) {
    // Latency as CloudWatch measures it: request received to response sent (handed to the connection).
    const qint64 latencyNs = m_clock.nsecsElapsed();
    if (MetricsStore *metrics = m_services->metrics) {
        const QStringView route =
            m_route ? QStringView(m_context.routeKey) : QStringView(MetricsStore::kNoRoute);
        metrics->recordRequest(
            {.api = m_api->api.name,
             .stage = m_context.stage,
             .route = route,
             .status = response.status,
             .latencyMicros = latencyNs / 1000,
             .integrationLatencyMicros = m_integrationLatencyNs < 0 ? -1 : m_integrationLatencyNs / 1000});
    }
    // Every answered call counts, refused ones included (a conservative reading of "API calls received").
    if (CostMeter *cost = m_services->cost) cost->recordApiRequest(m_api->api.type, m_request.body.size());
}

void GatewayExchange::writeAccessLog(const GatewayResponse &response) {
    // Only the variables the stage's format names are computed (a map of all of them was a tenth of
    // the gateway's work per request).
    const auto number = [](qint64 value) { return value < 0 ? QString() : QString::number(value); };
    const qint64 integrationLatencyMs = m_integrationLatencyNs < 0 ? -1 : m_integrationLatencyNs / 1000000;
    const auto lookup = [&](const QString &name) -> QString {
        if (name == QLatin1String("status")) return QString::number(response.status);
        if (name == QLatin1String("responseLength")) return QString::number(response.body.size());
        if (name == QLatin1String("responseLatency")) return QString::number(m_clock.elapsed());
        if (name == QLatin1String("integrationLatency") || name == QLatin1String("integration.latency"))
            return number(integrationLatencyMs);
        if (name == QLatin1String("integrationStatus") ||
            name == QLatin1String("integration.integrationStatus"))
            return m_integrationStatus;
        if (name == QLatin1String("integration.status")) return m_integrationStatusFn;
        if (name == QLatin1String("integration.error") || name == QLatin1String("integrationErrorMessage"))
            return m_integrationError;
        // "The AWS endpoint's request ID" (Lambda's, for a Lambda integration): docs.aws.amazon.com/
        // apigateway/latest/developerguide/http-api-logging-variables.html and
        // api-gateway-mapping-template-reference.html
        if (name == QLatin1String("integration.requestId") || name == QLatin1String("awsEndpointRequestId"))
            return m_integrationRequestId;
        if (name == QLatin1String("error.message")) return m_errorMessage;
        if (name == QLatin1String("error.responseType")) return m_errorResponseType;
        if (name == QLatin1String("authorizer.error")) return m_authorizerError;
        if (name == QLatin1String("authorizer.status")) return m_authorizerStatus;
        if (name == QLatin1String("authorizer.latency")) return number(m_authorizerLatencyMs);
        return contextVariable(m_request, m_context, name); // empty renders as "-", as AWS does
    };
    const QString line = m_api->accessLogFor(m_context.stage).render(lookup);
    m_services->report(
        {GatewayEvent::Kind::AccessLog, m_api->api.name, m_context.requestId, line, m_integrationRequestId});
}

} // namespace gatehouse
