// curl command lines in and out of the request composer: browsers' and Postman's "Copy as cURL" read
// as curl would send them (https://curl.se/docs/manpage.html), clear errors for what an import
// cannot do, and generated commands that read back and make the real curl send what RequestSender sends.
#include "testing/CommandLineWords.h"
#include "testing/CurlCommand.h"
#include "testing/RequestSender.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::testing;

namespace {

NameValue header(const char *name, const QString &value) {
    return {QString::fromLatin1(name), value};
}

// One HTTP/1.1 request as it arrived on the wire.
struct CapturedRequest {
    QByteArray method;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const {
        for (const auto &[key, value] : headers)
            if (key.compare(name, Qt::CaseInsensitive) == 0) return value;
        return {};
    }
};

// A loopback server that keeps each request it receives and answers 200 "ok".
class CaptureServer : public QObject {
public:
    QTcpServer server;
    QList<CapturedRequest> requests;

    bool listen() {
        connect(&server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
        return server.listen(QHostAddress::LocalHost);
    }
    QString url(const QString &pathAndQuery) const {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(server.serverPort()).arg(pathAndQuery);
    }

private:
    QHash<QTcpSocket *, QByteArray> m_buffers;

    void read(QTcpSocket *socket) {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) return;
        CapturedRequest request;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0) request.headers.append({lines[i].left(colon), lines[i].mid(colon + 1).trimmed()});
        }
        const qsizetype length = request.header("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length) return;
        request.body = buffer.mid(headerEnd + 4, length);
        requests.append(request);
        m_buffers.remove(socket);
        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
        socket->disconnectFromHost();
    }
};

OutgoingRequest outgoing(const QByteArray &method, const QString &url, const HeaderList &headers = {},
                         const QByteArray &body = {}) {
    OutgoingRequest request;
    request.method = method;
    request.url = QUrl(url);
    request.headers = headers;
    request.body = body;
    return request;
}

} // namespace

class TestCurlCommand : public QObject {
    Q_OBJECT
private slots:
    // --- import: real copies -----------------------------------------------------------------------
    void importsChromeBashCopy() {
        const CurlImport import = parseCurlCommand(
            QStringLiteral("curl 'https://api.example.com/v1/pets?limit=10' \\\n"
                           "  -H 'accept: application/json, text/plain, */*' \\\n"
                           "  -H 'accept-language: en-US,en;q=0.9' \\\n"
                           "  -H 'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' \\\n"
                           "  -H 'content-type: application/json' \\\n"
                           "  -H 'sec-ch-ua: \"Chromium\";v=\"122\", \"Not(A:Brand\";v=\"24\"' \\\n"
                           "  --data-raw '{\"name\":\"Rex\",\"tags\":[\"a\",\"b\"]}' \\\n"
                           "  --compressed"));
        QVERIFY2(import.request, qPrintable(import.error));
        const SavedRequest &r = *import.request;
        QCOMPARE(r.method, QStringLiteral("POST"));
        QCOMPARE(r.url, QStringLiteral("https://api.example.com/v1/pets?limit=10"));
        QCOMPARE(r.body, QStringLiteral("{\"name\":\"Rex\",\"tags\":[\"a\",\"b\"]}"));
        QCOMPARE(r.headers,
                 (NameValueList{header("accept", QStringLiteral("application/json, text/plain, */*")),
                                header("accept-language", QStringLiteral("en-US,en;q=0.9")),
                                header("authorization", QStringLiteral("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x")),
                                header("content-type", QStringLiteral("application/json")),
                                header("sec-ch-ua",
                                       QStringLiteral("\"Chromium\";v=\"122\", \"Not(A:Brand\";v=\"24\""))}));
        QCOMPARE(import.ignoredOptions, QStringList{QStringLiteral("--compressed")});
        QCOMPARE(r.name, QStringLiteral("POST /v1/pets"));
    }

    void importsChromeAnsiCQuotedBody() {
        // Chrome switches to $'...' when the text holds a quote, a control character or "!".
        const CurlImport import = parseCurlCommand(
            QStringLiteral("curl 'http://localhost:3000/notes' \\\r\n"
                           "  -H 'content-type: text/plain;charset=UTF-8' \\\r\n"
                           "  --data-raw $'line one\\nit\\'s caf\\u00e9 \\u0021 \\x41\\\\'"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->body, QStringLiteral("line one\nit's caf\u00e9 ! A\\"));
        QCOMPARE(import.request->method, QStringLiteral("POST"));
    }

    void importsChromeWindowsCmdCopy() {
        const CurlImport import = parseCurlCommand(
            QStringLiteral("curl ^\"https://api.example.com/v1/pets?limit=10^&offset=5^\" ^\r\n"
                           "  -H ^\"accept: application/json^\" ^\r\n"
                           "  -H ^\"content-type: application/json^\" ^\r\n"
                           "  --data-raw ^\"^{^\\^\"name^\\^\":^\\^\"Rex 100^%^\\^\"^}^\" ^\r\n"
                           "  --compressed"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->url, QStringLiteral("https://api.example.com/v1/pets?limit=10&offset=5"));
        QCOMPARE(import.request->body, QStringLiteral("{\"name\":\"Rex 100%\"}"));
        QCOMPARE(import.request->headers.size(), 2);
        QCOMPARE(import.ignoredOptions, QStringList{QStringLiteral("--compressed")});
    }

    void windowsCmdNewlineInsideStringIsCaretAndTwoLineBreaks() {
        const CommandLineWords words =
            splitWindowsWords(QStringLiteral("curl ^\"http://h/^\" --data-raw ^\"a^\n\nb^\""));
        QVERIFY(words.error.isEmpty());
        QCOMPARE(words.words, (QStringList{QStringLiteral("curl"), QStringLiteral("http://h/"),
                                           QStringLiteral("--data-raw"), QStringLiteral("a\nb")}));
    }

    void importsPostmanCopy() {
        const CurlImport import =
            parseCurlCommand(QStringLiteral("curl --location --request PUT "
                                            "'http://localhost:3000/pets/7' \\\n"
                                            "--header 'Content-Type: application/json' \\\n"
                                            "--header 'x-api-key: abc' \\\n"
                                            "--data '{\n    \"name\": \"Rex\"\n}'"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->method, QStringLiteral("PUT"));
        QCOMPARE(import.request->body, QStringLiteral("{\n    \"name\": \"Rex\"\n}"));
        QCOMPARE(import.request->headers.size(), 2);
        QCOMPARE(import.ignoredOptions, QStringList{QStringLiteral("--location")});
    }

    void importsFirefoxCopyWithMethodAfterUrl() {
        const CurlImport import = parseCurlCommand(
            QStringLiteral("curl 'http://127.0.0.1:3000/items/3' -X DELETE -H 'User-Agent: Mozilla/5.0' "
                           "-H 'Accept: */*' -H 'Connection: keep-alive'"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->method, QStringLiteral("DELETE"));
        QCOMPARE(import.request->headers.size(), 3);
        QVERIFY(import.request->body.isEmpty());
    }

    // --- import: curl's rules ----------------------------------------------------------------------
    void dataImpliesPostJoinsPiecesWithAmpersandAndAddsTheFormContentType() {
        const CurlImport import =
            parseCurlCommand(QStringLiteral("curl -d a=1 --data b=2 --data-urlencode 'c=x y&z' h.example/f"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->method, QStringLiteral("POST"));
        QCOMPARE(import.request->url, QStringLiteral("http://h.example/f")); // curl guesses http://
        QCOMPARE(import.request->body, QStringLiteral("a=1&b=2&c=x%20y%26z"));
        QCOMPARE(import.request->headers,
                 NameValueList{header("Content-Type", QStringLiteral("application/x-www-form-urlencoded"))});
    }

    void explicitContentTypeAndMethodWin() {
        const CurlImport import = parseCurlCommand(
            QStringLiteral("curl -X PATCH -H 'Content-Type: application/json' -d '{}' http://h/x"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->method, QStringLiteral("PATCH"));
        QCOMPARE(import.request->headers,
                 NameValueList{header("Content-Type", QStringLiteral("application/json"))});
    }

    void getMovesDataIntoTheQuery() {
        const CurlImport import = parseCurlCommand(
            QStringLiteral("curl -G -d q=1 --data-urlencode 'name=a b' 'http://h/search?z=0'"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->method, QStringLiteral("GET"));
        QCOMPARE(import.request->url, QStringLiteral("http://h/search?z=0&q=1&name=a%20b"));
        QVERIFY(import.request->body.isEmpty());
        QVERIFY(import.request->headers.isEmpty());
    }

    void headAndJsonAndEmptyHeaders() {
        CurlImport import = parseCurlCommand(QStringLiteral("curl -I http://h/"));
        QCOMPARE(import.request->method, QStringLiteral("HEAD"));

        import =
            parseCurlCommand(QStringLiteral("curl --json '{\"a\":' --json '1}' -H 'X-Empty;' http://h/"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->body, QStringLiteral("{\"a\":1}")); // --json pieces are concatenated
        QCOMPARE(import.request->headers,
                 (NameValueList{header("X-Empty", QString()),
                                header("Content-Type", QStringLiteral("application/json")),
                                header("Accept", QStringLiteral("application/json"))}));

        // "Name:" with no value removes a header curl would add.
        import = parseCurlCommand(QStringLiteral("curl -H 'Content-Type:' -d x http://h/"));
        QVERIFY(import.request->headers.isEmpty());
    }

    void credentialsAgentRefererAndCookiesBecomeHeaders() {
        const CurlImport import =
            parseCurlCommand(QStringLiteral("curl -u 'ada:s3cret' -A 'probe/1.0' -e 'http://from/;auto' -b "
                                            "'a=1' -b 'b=2' -b jar.txt http://h/"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->headers,
                 (NameValueList{header("Authorization", QStringLiteral("Basic YWRhOnMzY3JldA==")),
                                header("User-Agent", QStringLiteral("probe/1.0")),
                                header("Referer", QStringLiteral("http://from/")),
                                header("Cookie", QStringLiteral("a=1; b=2"))}));
        QCOMPARE(import.ignoredOptions, QStringList{QStringLiteral("-b jar.txt (a cookie file)")});
    }

    void userWithoutPasswordAndHeaderOverride() {
        const CurlImport import = parseCurlCommand(
            QStringLiteral("curl -u ada -H 'Authorization: Bearer t' --oauth2-bearer other http://h/"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->headers, NameValueList{header("Authorization", QStringLiteral("Bearer t"))});
        QCOMPARE(import.ignoredOptions.size(), 1);
        QVERIFY(import.ignoredOptions.first().contains(QLatin1String("password")));
    }

    void bundledShortOptionsAndAttachedValues() {
        const CurlImport import =
            parseCurlCommand(QStringLiteral("curl -sSLkXPOST -HX-A:1 -dk=v -m5 --url http://h/p"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->method, QStringLiteral("POST"));
        QCOMPARE(import.request->url, QStringLiteral("http://h/p"));
        QCOMPARE(import.request->body, QStringLiteral("k=v"));
        QCOMPARE(import.request->headers.first(), header("X-A", QStringLiteral("1")));
        QCOMPARE(import.ignoredOptions,
                 (QStringList{QStringLiteral("-s"), QStringLiteral("-S"), QStringLiteral("-L"),
                              QStringLiteral("-k"), QStringLiteral("-m 5")}));
    }

    void runTimeOptionsAreListedWithTheirValues() {
        const CurlImport import = parseCurlCommand(
            QStringLiteral("$ curl -v -o out.json --max-time 10 --http1.1 --no-progress-meter --frobnicate "
                           "http://h/ http://other/ | jq ."));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->url, QStringLiteral("http://h/"));
        QCOMPARE(import.ignoredOptions,
                 (QStringList{QStringLiteral("| jq . (a separate shell command)"), QStringLiteral("-v"),
                              QStringLiteral("-o out.json"), QStringLiteral("--max-time 10"),
                              QStringLiteral("--http1.1"), QStringLiteral("--no-progress-meter"),
                              QStringLiteral("--frobnicate (unknown option)"),
                              QStringLiteral("http://other/ (only the first URL is imported)")}));
    }

    void variablesInTheUrlStayAsWritten() {
        const CurlImport import = parseCurlCommand(QStringLiteral("curl '{{baseUrl}}/pets/{{id}}'"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->url, QStringLiteral("{{baseUrl}}/pets/{{id}}"));
    }

    void badInputGetsAClearError_data() {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("error");
        QTest::newRow("empty") << ""
                               << "nothing to import";
        QTest::newRow("blank") << " \n\t "
                               << "nothing to import";
        QTest::newRow("no URL") << "curl -H 'a: b'"
                                << "no URL";
        QTest::newRow("not curl") << "wget http://h/"
                                  << "not a curl command: it starts with 'wget'";
        QTest::newRow("unbalanced single quote") << "curl 'http://h/"
                                                 << "unbalanced single quote";
        QTest::newRow("unbalanced double quote") << "curl \"http://h/"
                                                 << "unbalanced double quote";
        QTest::newRow("unbalanced ANSI-C quote") << "curl $'http://h/\\'"
                                                 << "unbalanced single quote";
        QTest::newRow("unbalanced cmd quote") << "curl ^\"http://h/ ^\n -d x"
                                              << "unbalanced double quote";
        QTest::newRow("data from a file") << "curl -d @body.json http://h/"
                                          << "-d @body.json reads the request body from a file";
        QTest::newRow("data from stdin") << "curl --data-binary @- http://h/"
                                         << "from a file";
        QTest::newRow("urlencoded file") << "curl --data-urlencode name@f.txt http://h/"
                                         << "from a file";
        QTest::newRow("multipart form") << "curl -F a=@x.png http://h/"
                                        << "-F is not supported";
        QTest::newRow("upload") << "curl -T x.bin http://h/"
                                << "-T is not supported";
        QTest::newRow("missing value") << "curl http://h/ -X"
                                       << "option -X needs a value";
        QTest::newRow("missing long value") << "curl http://h/ --header"
                                            << "option --header needs a value";
    }
    void badInputGetsAClearError() {
        QFETCH(QString, command);
        QFETCH(QString, error);
        const CurlImport import = parseCurlCommand(command);
        QVERIFY(!import.request);
        QVERIFY2(import.error.contains(error), qPrintable(import.error));
    }

    void dataRawKeepsALeadingAt() {
        const CurlImport import = parseCurlCommand(QStringLiteral("curl --data-raw @handle http://h/"));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->body, QStringLiteral("@handle"));
    }

    // --- export --------------------------------------------------------------------------------------
    void quotesOnlyWhatNeedsIt() {
        QCOMPARE(quoteForBash("http://h:1/a_b-c.d?x=1"), QStringLiteral("'http://h:1/a_b-c.d?x=1'"));
        QCOMPARE(quoteForBash("POST"), QStringLiteral("POST"));
        QCOMPARE(quoteForBash("it's"), QStringLiteral("'it'\\''s'"));
        QCOMPARE(quoteForBash(""), QStringLiteral("''"));
        QCOMPARE(quoteForBash("a\nb!"), QStringLiteral("$'a\\nb\\x21'"));
        QCOMPARE(quoteForBash("\xff\x41"), QStringLiteral("$'\\xffA'"));
    }

    void writesOneLineThatCurlUnderstands() {
        const QString command =
            toCurlCommand(outgoing("POST", QStringLiteral("http://127.0.0.1:3000/pets"),
                                   {{"Content-Type", "application/json"}}, "{\"name\":\"Rex's\"}\n"));
        QVERIFY(!command.contains(QLatin1Char('\n')));
        QCOMPARE(command,
                 QStringLiteral("curl 'http://127.0.0.1:3000/pets' -H 'Content-Type: application/json' "
                                "--data-raw $'{\"name\":\"Rex\\'s\"}\\n'"));
        QCOMPARE(toCurlCommand(outgoing("GET", QStringLiteral("http://h/x"))),
                 QStringLiteral("curl 'http://h/x'"));
        QCOMPARE(toCurlCommand(outgoing("HEAD", QStringLiteral("http://h/x"))),
                 QStringLiteral("curl --head 'http://h/x'"));
        QCOMPARE(toCurlCommand(outgoing("DELETE", QStringLiteral("http://h/x"))),
                 QStringLiteral("curl -X DELETE 'http://h/x'"));
    }

    void roundTripsThroughTheParser_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("headerName");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("GET") << QByteArray("GET") << "http://127.0.0.1:3000/a?b=1&c=%20"
                             << QByteArray("Accept") << QByteArray("*/*") << QByteArray();
        QTest::newRow("POST JSON with quotes")
            << QByteArray("POST") << "http://h/pets" << QByteArray("Content-Type")
            << QByteArray("application/json")
            << QByteArray("{\"a\":\"it's \\\"x\\\"\",\"b\":\"$HOME `id` \\\\\"}");
        QTest::newRow("PUT multi-line unicode")
            << QByteArray("PUT") << "http://h/p/1" << QByteArray("Content-Type")
            << QByteArray("text/plain; charset=utf-8") << QByteArray("caf\xc3\xa9\r\n\tline 2!\x01");
        QTest::newRow("GET with body") << QByteArray("GET") << "http://h/q" << QByteArray("Content-Type")
                                       << QByteArray("application/json") << QByteArray("{}");
        QTest::newRow("empty header value")
            << QByteArray("DELETE") << "http://h/x" << QByteArray("X-Empty") << QByteArray() << QByteArray();
        QTest::newRow("brackets in the query") << QByteArray("GET") << "http://h/x?ids[]=1&f={a}"
                                               << QByteArray("A") << QByteArray("b") << QByteArray();
        QTest::newRow("body starting with @")
            << QByteArray("POST") << "http://h/x" << QByteArray("Content-Type") << QByteArray("text/plain")
            << QByteArray("@me");
    }
    void roundTripsThroughTheParser() {
        QFETCH(QByteArray, method);
        QFETCH(QString, url);
        QFETCH(QByteArray, headerName);
        QFETCH(QByteArray, headerValue);
        QFETCH(QByteArray, body);
        const OutgoingRequest request = outgoing(method, url, {{headerName, headerValue}}, body);
        const QString command = toCurlCommand(request);
        QVERIFY2(!command.contains(QLatin1Char('\n')), qPrintable(command));
        const CurlImport import = parseCurlCommand(command);
        QVERIFY2(import.request, qPrintable(import.error + QLatin1String(": ") + command));
        QCOMPARE(import.request->method, QString::fromLatin1(method));
        QCOMPARE(import.request->url, QString::fromUtf8(request.url.toEncoded()));
        const NameValueList expectedHeaders{
            {QString::fromLatin1(headerName), QString::fromUtf8(headerValue)}};
        QCOMPARE(import.request->headers, expectedHeaders);
        QCOMPARE(import.request->body.toUtf8(), body);
    }

    void bodyWithoutContentTypeSaysTextPlainAsRequestSenderSends() {
        const CurlImport import =
            parseCurlCommand(toCurlCommand(outgoing("POST", QStringLiteral("http://h/"), {}, "hi")));
        QVERIFY2(import.request, qPrintable(import.error));
        QCOMPARE(import.request->headers,
                 NameValueList{header("Content-Type", QStringLiteral("text/plain"))});
    }

    void savedRequestsAreSubstitutedAndUnknownVariablesStayVisible() {
        SavedRequest saved;
        saved.method = QStringLiteral("POST");
        saved.url = QStringLiteral("{{baseUrl}}/pets/{{id}}");
        saved.headers = {header("Authorization", QStringLiteral("Bearer {{token}}")),
                         header("Content-Type", QStringLiteral("application/json"))};
        saved.body = QStringLiteral("{\"id\": {{id}}}");
        const QString complete =
            toCurlCommand(saved, {{QStringLiteral("baseUrl"), QStringLiteral("http://h:1")},
                                  {QStringLiteral("id"), QStringLiteral("7")},
                                  {QStringLiteral("token"), QStringLiteral("t0k")}});
        QCOMPARE(complete, QStringLiteral("curl 'http://h:1/pets/7' -H 'Authorization: Bearer t0k' "
                                          "-H 'Content-Type: application/json' --data-raw '{\"id\": 7}'"));
        const QString partial = toCurlCommand(saved, {{QStringLiteral("id"), QStringLiteral("7")}});
        QCOMPARE(partial, QStringLiteral("curl -g '{{baseUrl}}/pets/7' -H 'Authorization: Bearer {{token}}' "
                                         "-H 'Content-Type: application/json' --data-raw '{\"id\": 7}'"));
        const CurlImport back = parseCurlCommand(partial);
        QVERIFY2(back.request, qPrintable(back.error));
        QCOMPARE(back.request->url, QStringLiteral("{{baseUrl}}/pets/7"));
        QCOMPARE(back.ignoredOptions, QStringList{QStringLiteral("-g")});
    }

    // --- the real curl --------------------------------------------------------------------------------
    void realCurlSendsWhatRequestSenderSends_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("pathAndQuery");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("withContentType");
        QTest::newRow("GET query") << QByteArray("GET") << "/items?a=1&b=x%20y" << QByteArray() << false;
        QTest::newRow("POST JSON") << QByteArray("POST") << "/pets"
                                   << QByteArray("{\"n\":\"it's\",\"s\":\"$HOME!\"}") << true;
        QTest::newRow("PUT text without a content type")
            << QByteArray("PUT") << "/notes/1" << QByteArray("line 1\nline 2\t\xc3\xa9") << false;
        QTest::newRow("DELETE") << QByteArray("DELETE") << "/pets/1" << QByteArray() << false;
        QTest::newRow("PATCH with NUL bytes")
            << QByteArray("PATCH") << "/bin" << QByteArray("a\0b%c\\d", 7) << true;
    }
    void realCurlSendsWhatRequestSenderSends() {
        const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        if (curl.isEmpty() || bash.isEmpty()) QSKIP("curl or bash is not installed");
        QFETCH(QByteArray, method);
        QFETCH(QString, pathAndQuery);
        QFETCH(QByteArray, body);
        QFETCH(bool, withContentType);

        CaptureServer server;
        QVERIFY(server.listen());
        HeaderList headers{{"X-Trace", "t-1 'quoted' \"double\""}, {"Authorization", "Bearer a.b.c"}};
        if (withContentType)
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/octet-stream")));
        const OutgoingRequest request = outgoing(method, server.url(pathAndQuery), headers, body);

        RequestSender sender;
        bool sent = false;
        sender.send(request, [&](const HttpExchange &exchange) { sent = exchange.status == 200; });
        QTRY_VERIFY_WITH_TIMEOUT(sent, 10000);

        QProcess process;
        process.start(bash,
                      {QStringLiteral("-c"), toCurlCommand(request) + QStringLiteral(" -s -o /dev/null")});
        QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 2, 10000);
        if (process.state() != QProcess::NotRunning) QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);

        const CapturedRequest &fromSender = server.requests[0];
        const CapturedRequest &fromCurl = server.requests[1];
        QCOMPARE(fromCurl.method, method);
        QCOMPARE(fromCurl.method, fromSender.method);
        QCOMPARE(fromCurl.target, fromSender.target);
        QCOMPARE(fromCurl.body, body);
        QCOMPARE(fromCurl.body, fromSender.body);
        for (const auto &[name, value] : headers)
            QCOMPARE(fromCurl.header(name), fromSender.header(name));
        QCOMPARE(fromCurl.header("content-type"), fromSender.header("content-type"));
    }
};

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
