// toCurlCommand(): "Copy as cURL" for the request composer, one bash line that parseCurlCommand()
// reads back and that makes curl send what RequestSender sends.
#include "CollectionRunner.h"
#include "CurlCommand.h"

#include <algorithm>
#include <cstring>

namespace gatehouse::testing {

namespace {

bool isSafeByte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (c != 0 && std::strchr("_./:=@%+,-", c) != nullptr);
}

bool isControl(char32_t c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

QString hexEscape(uint value, int digits, char prefix) {
    return QStringLiteral("\\%1%2").arg(QLatin1Char(prefix)).arg(value, digits, 16, QLatin1Char('0'));
}

// bash's $'...': control characters and bytes that are not UTF-8 as escapes, and "!" too, so an
// interactive shell's history expansion cannot touch it (Chrome's "Copy as cURL" does the same).
QString ansiCQuoted(const QByteArray &utf8) {
    QString out = QStringLiteral("$'");
    auto plain = [&out](char32_t c) {
        if (c == U'\\')
            out += QLatin1String("\\\\");
        else if (c == U'\'')
            out += QLatin1String("\\'");
        else if (c == U'\n')
            out += QLatin1String("\\n");
        else if (c == U'\r')
            out += QLatin1String("\\r");
        else if (c == U'\t')
            out += QLatin1String("\\t");
        else if (c == U'!' || c < 0x80) {
            if (c == U'!' || isControl(c))
                out += hexEscape(uint(c), 2, 'x');
            else
                out += QChar(c);
        } else if (isControl(c))
            out += hexEscape(uint(c), 4, 'u');
        else
            out += QString::fromUcs4(&c, 1);
    };
    const QString text = QString::fromUtf8(utf8);
    if (text.toUtf8() == utf8) {
        for (const char32_t c : text.toUcs4())
            plain(c);
    } else { // not UTF-8: every byte above ASCII as \xHH, which bash passes on as that byte
        for (const char byte : utf8) {
            const auto u = static_cast<unsigned char>(byte);
            if (u >= 0x80)
                out += hexEscape(u, 2, 'x');
            else
                plain(char32_t(u));
        }
    }
    return out + QLatin1Char('\'');
}

bool needsAnsiC(const QByteArray &utf8) {
    const QString text = QString::fromUtf8(utf8);
    if (text.toUtf8() != utf8) return true;
    const QList<uint> codePoints = text.toUcs4();
    return std::any_of(codePoints.cbegin(), codePoints.cend(), [](uint c) { return isControl(c); });
}

bool isContentType(const QByteArray &name) {
    return name.compare("content-type", Qt::CaseInsensitive) == 0;
}

// printf's format string for bytes that an argument cannot hold (NUL): octal escapes, "%" doubled.
QString printfFormat(const QByteArray &bytes) {
    QString format;
    for (const char byte : bytes) {
        const auto u = static_cast<unsigned char>(byte);
        if (byte == '%')
            format += QLatin1String("%%");
        else if (byte == '\\')
            format += QLatin1String("\\\\");
        else if (u < 0x20 || u >= 0x7f)
            format += QStringLiteral("\\%1").arg(u, 3, 8, QLatin1Char('0'));
        else
            format += QLatin1Char(byte);
    }
    return quoteForBash(format.toLatin1());
}

// Quoted even when it need not be, as browsers do: URLs, headers and bodies read better that way.
QString quoted(const QByteArray &utf8) {
    if (needsAnsiC(utf8)) return ansiCQuoted(utf8);
    QString text = QString::fromUtf8(utf8);
    text.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

QString curlCommand(const QByteArray &method, const QByteArray &url, const HeaderList &headers,
                    const QByteArray &body, bool followRedirects) {
    QStringList words{QStringLiteral("curl")};
    const bool hasBody = !body.isEmpty();
    if (method == "HEAD" && !hasBody)
        words << QStringLiteral("--head"); // "-X HEAD" would make curl wait for a body
    else if (!((method == "GET" && !hasBody) || (method == "POST" && hasBody)))
        words << QStringLiteral("-X") << quoteForBash(method);
    if (followRedirects) words << QStringLiteral("-L");
    // Without --globoff curl reads {a,b} and [1-9] in a URL as a list of URLs to fetch.
    if (url.contains('{') || url.contains('}') || url.contains('[') || url.contains(']'))
        words << QStringLiteral("-g");
    words << quoted(url);
    bool hasContentType = false;
    for (const auto &[name, value] : headers) {
        hasContentType = hasContentType || isContentType(name);
        // "Name:" with no value would remove a header in curl; "Name;" sends it empty.
        words << QStringLiteral("-H") << quoted(value.isEmpty() ? name + ';' : name + ": " + value);
    }
    if (hasBody && !hasContentType) // what RequestSender sends in that case
        words << QStringLiteral("-H") << quoted("Content-Type: text/plain");
    if (!body.contains('\0')) {
        if (hasBody) words << QStringLiteral("--data-raw") << quoted(body);
        return words.join(QLatin1Char(' '));
    }
    // An argument ends at a NUL byte, so such a body goes through standard input.
    words << QStringLiteral("--data-binary") << QStringLiteral("@-");
    return QStringLiteral("printf ") + printfFormat(body) + QStringLiteral(" | ") +
           words.join(QLatin1Char(' '));
}

} // namespace

QString quoteForBash(const QByteArray &utf8) {
    if (!utf8.isEmpty() && std::all_of(utf8.cbegin(), utf8.cend(), isSafeByte))
        return QString::fromLatin1(utf8);
    return quoted(utf8);
}

QString toCurlCommand(const OutgoingRequest &request) {
    return curlCommand(request.method, request.url.toEncoded(), request.headers, request.body,
                       request.followRedirects);
}

QString toCurlCommand(const SavedRequest &request, const VariableMap &variables) {
    RunOptions options;
    options.variables = variables;
    const PreparedRequest prepared = prepareRequest(request, options);
    if (prepared.unknownVariables.isEmpty()) return toCurlCommand(prepared.request);
    // A URL still holding {{name}} is not a URL yet: show it as written instead of percent-encoded.
    return curlCommand(prepared.request.method, prepared.url.toUtf8(), prepared.request.headers,
                       prepared.request.body, prepared.request.followRedirects);
}

} // namespace gatehouse::testing
