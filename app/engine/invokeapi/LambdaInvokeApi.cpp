#include "LambdaInvokeApi.h"

#include "FunctionListing.h"
#include "FunctionReference.h"
#include "InvokeApiErrors.h"
#include "InvokeParameters.h"
#include "InvokeResponse.h"
#include "invoker/Invoker.h"
#include "invoker/LambdaErrors.h"
#include "invoker/LambdaLogFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QUrlQuery>

namespace gatehouse {

using namespace invokeapi;

struct LambdaInvokeApi::Catalog {
    QString region;
    QString accountId;
    QList<Function> functions;
};

namespace {

// API version 2015-03-31 is the one every current SDK and the AWS CLI speak.
constexpr QByteArrayView kFunctionsPath = "/2015-03-31/functions";

enum class Operation { Invoke, GetFunction, GetFunctionConfiguration, ListFunctions, Unknown };

struct ApiRoute {
    Operation operation = Operation::Unknown;
    QString functionName; // percent-decoded {FunctionName}
};

// Lambda's operations are told apart by method and path together, so a known path with another method is
// an unknown operation too (404 UnknownOperationException, not 405).
ApiRoute routeOf(const http::HttpRequest &request) {
    if (!request.path.startsWith(kFunctionsPath)) return {};
    const QByteArray rest = request.path.mid(kFunctionsPath.size());
    if (rest.isEmpty() || rest == "/")
        return {request.method == "GET" ? Operation::ListFunctions : Operation::Unknown, {}};
    if (!rest.startsWith('/')) return {};
    const QList<QByteArray> segments = rest.mid(1).split('/');
    const QString name = QString::fromUtf8(QByteArray::fromPercentEncoding(segments.first()));
    if (segments.size() == 1 && request.method == "GET") return {Operation::GetFunction, name};
    if (segments.size() == 2 && segments.at(1) == "configuration" && request.method == "GET")
        return {Operation::GetFunctionConfiguration, name};
    if (segments.size() == 2 && segments.at(1) == "invocations" && request.method == "POST")
        return {Operation::Invoke, name};
    return {};
}

// {FunctionName} with the Qualifier query parameter (Invoke, GetFunction and GetFunctionConfiguration all
// take both).
std::variant<FunctionReference, ApiError> referenceOf(const http::HttpRequest &request,
                                                      const QString &functionName) {
    const QUrlQuery query(QString::fromUtf8(request.query));
    const QString qualifierKey = QStringLiteral("Qualifier");
    return parseFunctionReference(functionName, query.queryItemValue(qualifierKey, QUrl::FullyDecoded),
                                  query.hasQueryItem(qualifierKey));
}

void answer(http::HttpResponder &responder, const ApiError &error) {
    responder.send(errorResponse(error, lambdalog::newRequestId()));
}

// The function a reference names must be one of this project's: its region and account (when the
// reference has them) must be the project's, and its qualifier $LATEST, the only version a local function
// has. nullopt when it may be invoked.
std::optional<ApiError> refuseReference(const FunctionReference &reference, const QString &region,
                                        const QString &accountId) {
    // LocalStack's wording for a function ARN of another Region (it copies Lambda's messages; this one is
    // not confirmed against AWS). Lambda itself only documents that a function belongs to one Region.
    if (!reference.region.isEmpty() && reference.region != region)
        return resourceNotFound(QStringLiteral("Functions from '%1' are not reachable in this region ('%2')")
                                    .arg(reference.region, region));
    // Another account's function cannot exist here; Lambda's answer for a function it cannot find.
    if ((!reference.accountId.isEmpty() && reference.accountId != accountId) ||
        (!reference.qualifier.isEmpty() && reference.qualifier != QLatin1String(kExecutedVersion)))
        return resourceNotFound(QStringLiteral("Function not found: ") + reference.arn(region, accountId));
    return std::nullopt;
}

http::HttpResponse jsonResponse(const QJsonObject &body) {
    http::HttpResponse response =
        http::HttpResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
    response.headers.add("x-amzn-RequestId", lambdalog::newRequestId().toUtf8());
    return response;
}

} // namespace

LambdaInvokeApi::LambdaInvokeApi(Invoker *invoker, const Project &project)
    : m_invoker(invoker) {
    updateProject(project);
}

LambdaInvokeApi::~LambdaInvokeApi() = default;

void LambdaInvokeApi::updateProject(const Project &project) {
    auto next = std::make_shared<const Catalog>(
        Catalog{project.settings.region, project.settings.accountId, project.functions});
    const QMutexLocker lock(&m_mutex);
    m_catalog = std::move(next);
}

std::shared_ptr<const LambdaInvokeApi::Catalog> LambdaInvokeApi::catalog() const {
    const QMutexLocker lock(&m_mutex);
    return m_catalog;
}

bool LambdaInvokeApi::handles(const http::HttpRequest &request) {
    return request.path == kFunctionsPath || request.path.startsWith(kFunctionsPath.toByteArray() + '/');
}

void LambdaInvokeApi::handle(http::HttpRequest request, http::HttpResponder responder) const {
    const ApiRoute route = routeOf(request);
    switch (route.operation) {
    case Operation::Invoke:
        return invoke(request, route.functionName, std::move(responder));
    case Operation::GetFunction:
        return getFunction(request, route.functionName, false, std::move(responder));
    case Operation::GetFunctionConfiguration:
        return getFunction(request, route.functionName, true, std::move(responder));
    case Operation::ListFunctions:
        return listFunctions(request, std::move(responder));
    case Operation::Unknown:
        break;
    }
    answer(responder, unknownOperation());
}

http::HttpResponse LambdaInvokeApi::protocolErrorResponse(int status, const QByteArray &detail) {
    if (status == 413) {
        InvocationResult tooLarge = lambdaerrors::requestTooLarge(lambdaerrors::kMaxSyncRequestBytes + 1,
                                                                  InvokeOptions::Type::RequestResponse);
        tooLarge.requestId = lambdalog::newRequestId();
        return invokeResponse(tooLarge);
    }
    ApiError error{status,
                   {},
                   lambdaerrors::orderedJsonObject({{QStringLiteral("message"), QString::fromUtf8(detail)}})};
    http::HttpResponse response = errorResponse(error, lambdalog::newRequestId());
    response.headers.remove("x-amzn-ErrorType"); // no Lambda exception names these
    return response;
}

void LambdaInvokeApi::invoke(const http::HttpRequest &request, const QString &functionName,
                             http::HttpResponder responder) const {
    auto parsed = referenceOf(request, functionName);
    if (auto *error = std::get_if<ApiError>(&parsed)) return answer(responder, *error);
    const FunctionReference reference = std::get<FunctionReference>(parsed);
    auto options = readInvokeOptions(request.headers);
    if (auto *error = std::get_if<ApiError>(&options)) return answer(responder, *error);
    const InvokeOptions invokeOptions = std::get<InvokeOptions>(options);

    const std::shared_ptr<const Catalog> known = catalog();
    if (auto refused = refuseReference(reference, known->region, known->accountId))
        return answer(responder, *refused);

    if (!m_invoker)
        return answer(responder,
                      fromPlatformError(lambdaerrors::serviceError(QStringLiteral("no invoker is running"))));

    // The invoker checks existence, runtime and size itself (in Lambda's order); the payload's JSON is
    // checked here so that every runtime, including process runtimes that hand the event over unread,
    // refuses it as Lambda does. A payload over its quota is left to the invoker's 413.
    const qsizetype limit = invokeOptions.type == InvokeOptions::Type::Event
                                ? lambdaerrors::kMaxAsyncRequestBytes
                                : lambdaerrors::kMaxSyncRequestBytes;
    if (invokeOptions.type != InvokeOptions::Type::DryRun && request.body.size() <= limit) {
        if (auto invalid = checkJsonPayload(request.body)) {
            // A missing function is still a 404, as in Lambda: ask the invoker with a DryRun (runs nothing).
            InvokeOptions probe;
            probe.type = InvokeOptions::Type::DryRun;
            m_invoker->invoke(reference.name, {}, probe, nullptr,
                              [responder, error = *invalid](const InvocationResult &result) mutable {
                                  responder.send(result.isPlatformError()
                                                     ? invokeResponse(result)
                                                     : errorResponse(error, result.requestId));
                              });
            return;
        }
    }
    m_invoker->invoke(
        reference.name, request.body, invokeOptions, nullptr,
        [responder](const InvocationResult &result) mutable { responder.send(invokeResponse(result)); });
}

void LambdaInvokeApi::getFunction(const http::HttpRequest &request, const QString &functionName,
                                  bool configurationOnly, http::HttpResponder responder) const {
    auto parsed = referenceOf(request, functionName);
    if (auto *error = std::get_if<ApiError>(&parsed)) return answer(responder, *error);
    const FunctionReference reference = std::get<FunctionReference>(parsed);
    const std::shared_ptr<const Catalog> known = catalog();
    if (auto refused = refuseReference(reference, known->region, known->accountId))
        return answer(responder, *refused);
    for (const Function &function : known->functions)
        if (function.name == reference.name)
            return void(responder.send(jsonResponse(
                configurationOnly ? functionConfiguration(function, known->region, known->accountId)
                                  : getFunctionBody(function, known->region, known->accountId))));
    answer(responder, resourceNotFound(QStringLiteral("Function not found: ") +
                                       reference.arn(known->region, known->accountId)));
}

void LambdaInvokeApi::listFunctions(const http::HttpRequest &request, http::HttpResponder responder) const {
    // ListFunctions pages with MaxItems (1..10000) and the opaque NextMarker; ours is the next index.
    const QUrlQuery query(QString::fromUtf8(request.query));
    qsizetype maxItems = 50; // Lambda's default page size
    if (query.hasQueryItem(QStringLiteral("MaxItems"))) {
        const QString text = query.queryItemValue(QStringLiteral("MaxItems"));
        bool ok = false;
        maxItems = text.toLongLong(&ok);
        if (!ok || maxItems < 1 || maxItems > 10000)
            return answer(
                responder,
                validationError(QStringLiteral("maxItems"), text,
                                ok && maxItems > 10000
                                    ? QStringLiteral("Member must have value less than or equal to 10000")
                                    : QStringLiteral("Member must have value greater than or equal to 1")));
    }
    const std::shared_ptr<const Catalog> known = catalog();
    const qsizetype start = std::clamp<qsizetype>(query.queryItemValue(QStringLiteral("Marker")).toLongLong(),
                                                  0, known->functions.size());
    QJsonArray functions;
    const qsizetype end = std::min(known->functions.size(), start + maxItems);
    for (qsizetype i = start; i < end; ++i)
        functions.append(functionConfiguration(known->functions.at(i), known->region, known->accountId));
    QJsonObject body{{QStringLiteral("Functions"), functions}};
    if (end < known->functions.size()) body.insert(QStringLiteral("NextMarker"), QString::number(end));
    responder.send(jsonResponse(body));
}

} // namespace gatehouse
