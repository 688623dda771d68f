// curl command lines in and out of the request composer: "Import cURL" turns a pasted command (a
// browser's or Postman's "Copy as cURL", bash or Windows cmd form) into a SavedRequest the way curl
// itself would build the request, and "Copy as cURL" writes a one-line bash command that sends what
// Gatehouse's RequestSender sends.
#pragma once

#include "HttpExchange.h"
#include "RequestVariables.h"
#include "project/SavedRequest.h"

#include <QStringList>
#include <optional>

namespace gatehouse::testing {

struct CurlImport {
    std::optional<SavedRequest> request; // empty when `error` says why
    QString error;
    // Options that change nothing in a saved request (--compressed, -s, -k, -L, -v, -o FILE, ...),
    // as written, plus notes on parts that were dropped ("-b cookies.txt (a cookie file)").
    QStringList ignoredOptions;
};

// Understands -X/--request, -H/--header, -d/--data/--data-ascii/--data-raw/--data-binary/
// --data-urlencode/--json (POST unless -X; several are joined with "&"; -G/--get moves them into
// the query), -u/--user (Authorization: Basic), --oauth2-bearer, -A/--user-agent, -e/--referer,
// -b/--cookie, --url, -I/--head, and the Content-Type curl adds to data. Reading files (@file, -F,
// -T) is refused with an error: an import has no folder to read them from.
CurlImport parseCurlCommand(const QString &commandLine);

// One bash line: `curl [-X M|--head] 'url' -H 'name: value'... [--data-raw 'body']`, single-quoted
// ('\'' for a quote; $'...' when the text holds control characters or invalid UTF-8). A body without
// a Content-Type gets the text/plain RequestSender sends. parseCurlCommand() reads it back.
QString toCurlCommand(const OutgoingRequest &request);
// The saved request with {{variables}} substituted as a run would send it; unknown variables stay as
// written ({{token}}) so the command shows what is still missing.
QString toCurlCommand(const SavedRequest &request, const VariableMap &variables = {});

// A word quoted for bash (as is when it holds only safe characters).
QString quoteForBash(const QByteArray &utf8);

} // namespace gatehouse::testing
