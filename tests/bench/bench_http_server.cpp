// Benchmark server for tests/bench/http_wrk.sh: answers every request with the same 17-byte JSON
// body through gatehouse::http::HttpServer, so a load generator measures the HTTP layer alone.
// Prints "listening <url> workers <n>" once it accepts connections.
#include "http/HttpServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using namespace gatehouse::http;

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Serves {\"hello\":\"world\"} for HTTP benchmarks."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (0: any free one)."),
                                  QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption workers(QStringLiteral("workers"),
                                     QStringLiteral("Worker threads (-1: one per core)."),
                                     QStringLiteral("n"), QStringLiteral("-1"));
    // A benchmark must stop by itself even if the script driving it dies.
    const QCommandLineOption lifetime(QStringLiteral("quit-after-s"),
                                      QStringLiteral("Exit after this many seconds."), QStringLiteral("s"),
                                      QStringLiteral("600"));
    parser.addOptions({port, workers, lifetime});
    parser.process(app);

    HttpServerConfig config;
    config.port = quint16(parser.value(port).toUInt());
    config.workerThreads = parser.value(workers).toInt();
    const HttpResponse fixed = HttpResponse::json(200, R"({"hello":"world"})");
    HttpServer server([fixed](HttpRequest, HttpResponder responder) { responder.send(fixed); }, config);
    if (const HttpListenResult result = server.listen(); !result.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error));
        return 1;
    }
    std::printf("listening %s workers %d\n", qPrintable(server.url().toString()), server.workerCount());
    std::fflush(stdout);
    QTimer::singleShot(parser.value(lifetime).toInt() * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}
