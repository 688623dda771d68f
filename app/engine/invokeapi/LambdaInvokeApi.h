// The Lambda API's Invoke operation over HTTP, for `aws lambda invoke --endpoint-url` and
// @aws-sdk/client-lambda, plus minimal ListFunctions, GetFunction and GetFunctionConfiguration (Lambda API
// reference, "Invoke").
//
//   LambdaInvokeApi api(&invoker, project);
//   HttpServer server([&api](HttpRequest r, HttpResponder s) { api.handle(std::move(r), std::move(s)); });
#pragma once

#include "http/HttpRequest.h"
#include "http/HttpResponder.h"
#include "project/Project.h"

#include <QMutex>
#include <memory>

namespace gatehouse {

class Invoker;

class LambdaInvokeApi {
public:
    // `invoker` must outlive this object and may live on any thread (it needs an event loop there).
    // `project` gives the region and account that ARNs are checked against and the functions that
    // ListFunctions/GetFunction[Configuration] describe; invocations themselves go to whatever the invoker
    // runs.
    explicit LambdaInvokeApi(Invoker *invoker, const Project &project = {});
    ~LambdaInvokeApi();
    LambdaInvokeApi(const LambdaInvokeApi &) = delete;
    LambdaInvokeApi &operator=(const LambdaInvokeApi &) = delete;

    // Call after Invoker::updateProject with the same project. Thread-safe.
    void updateProject(const Project &project);

    // True for every path of the Lambda API's functions resource (/2015-03-31/functions[/...]); the
    // method is not looked at, so that wrong methods get Lambda's UnknownOperationException from handle().
    static bool handles(const http::HttpRequest &request);

    // Answers one request. Thread-safe and never blocks: an invocation is answered from the invoker's
    // callback, on the invoker's thread; the responder carries the answer to the connection.
    void handle(http::HttpRequest request, http::HttpResponder responder) const;

    // For HttpServerConfig::protocolErrorResponse on a server dedicated to this API: a body over the
    // server's maxBodyBytes gets Lambda's 413 RequestEntityTooLargeException instead of the server's own
    // JSON; other refusals keep their status with the detail as the message.
    static http::HttpResponse protocolErrorResponse(int status, const QByteArray &detail);

private:
    struct Catalog;
    std::shared_ptr<const Catalog> catalog() const;
    void invoke(const http::HttpRequest &request, const QString &functionName,
                http::HttpResponder responder) const;
    void getFunction(const http::HttpRequest &request, const QString &functionName, bool configurationOnly,
                     http::HttpResponder responder) const;
    void listFunctions(const http::HttpRequest &request, http::HttpResponder responder) const;

    Invoker *m_invoker;
    mutable QMutex m_mutex; // guards m_catalog (the pointer; a Catalog never changes once published)
    std::shared_ptr<const Catalog> m_catalog;
};

} // namespace gatehouse
