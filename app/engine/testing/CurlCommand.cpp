// parseCurlCommand(): the options as curl's own manual describes them (https://curl.se/docs/manpage.html).
#include "CurlCommand.h"

#include "CommandLineWords.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>
#include <algorithm>

namespace gatehouse::testing {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::testing", text);
}

enum class Kind {
    Method,
    Header,
    Data,          // -d, --data, --data-ascii: "@file" reads a file
    DataRaw,       // --data-raw: "@" is literal
    DataBinary,    // --data-binary: "@file" reads a file
    DataUrlencode, // --data-urlencode
    Json,          // --json: like --data-binary plus two headers, pieces concatenated without "&"
    User,
    Bearer,
    UserAgent,
    Referer,
    Cookie,
    Url,
    Head,
    Get,
    ReadsFiles, // -F, -T, -K: what they send is in files an import cannot read
    IgnoredFlag,
    IgnoredValue,
};

struct OptionSpec {
    const char *longName;
    char shortName; // 0: long form only
    Kind kind;
};

// The options that shape a request, then the ones that only change how curl runs (with and without
// a value, so the value is not mistaken for the URL).
constexpr OptionSpec kOptions[] = {
    {"request", 'X', Kind::Method},
    {"header", 'H', Kind::Header},
    {"data", 'd', Kind::Data},
    {"data-ascii", 0, Kind::Data},
    {"data-raw", 0, Kind::DataRaw},
    {"data-binary", 0, Kind::DataBinary},
    {"data-urlencode", 0, Kind::DataUrlencode},
    {"json", 0, Kind::Json},
    {"user", 'u', Kind::User},
    {"oauth2-bearer", 0, Kind::Bearer},
    {"user-agent", 'A', Kind::UserAgent},
    {"referer", 'e', Kind::Referer},
    {"cookie", 'b', Kind::Cookie},
    {"url", 0, Kind::Url},
    {"head", 'I', Kind::Head},
    {"get", 'G', Kind::Get},
    {"form", 'F', Kind::ReadsFiles},
    {"form-string", 0, Kind::ReadsFiles},
    {"upload-file", 'T', Kind::ReadsFiles},
    {"config", 'K', Kind::ReadsFiles},
    // run-time options with a value
    {"output", 'o', Kind::IgnoredValue},
    {"max-time", 'm', Kind::IgnoredValue},
    {"connect-timeout", 0, Kind::IgnoredValue},
    {"write-out", 'w', Kind::IgnoredValue},
    {"retry", 0, Kind::IgnoredValue},
    {"retry-delay", 0, Kind::IgnoredValue},
    {"retry-max-time", 0, Kind::IgnoredValue},
    {"proxy", 'x', Kind::IgnoredValue},
    {"proxy-user", 'U', Kind::IgnoredValue},
    {"proxy-header", 0, Kind::IgnoredValue},
    {"noproxy", 0, Kind::IgnoredValue},
    {"cacert", 0, Kind::IgnoredValue},
    {"capath", 0, Kind::IgnoredValue},
    {"cert", 'E', Kind::IgnoredValue},
    {"cert-type", 0, Kind::IgnoredValue},
    {"key", 0, Kind::IgnoredValue},
    {"key-type", 0, Kind::IgnoredValue},
    {"pass", 0, Kind::IgnoredValue},
    {"ciphers", 0, Kind::IgnoredValue},
    {"tls-max", 0, Kind::IgnoredValue},
    {"resolve", 0, Kind::IgnoredValue},
    {"connect-to", 0, Kind::IgnoredValue},
    {"limit-rate", 0, Kind::IgnoredValue},
    {"cookie-jar", 'c', Kind::IgnoredValue},
    {"range", 'r', Kind::IgnoredValue},
    {"max-redirs", 0, Kind::IgnoredValue},
    {"max-filesize", 0, Kind::IgnoredValue},
    {"interface", 0, Kind::IgnoredValue},
    {"local-port", 0, Kind::IgnoredValue},
    {"dump-header", 'D', Kind::IgnoredValue},
    {"trace", 0, Kind::IgnoredValue},
    {"trace-ascii", 0, Kind::IgnoredValue},
    {"stderr", 0, Kind::IgnoredValue},
    {"speed-limit", 'Y', Kind::IgnoredValue},
    {"speed-time", 'y', Kind::IgnoredValue},
    {"time-cond", 'z', Kind::IgnoredValue},
    {"continue-at", 'C', Kind::IgnoredValue},
    {"expect100-timeout", 0, Kind::IgnoredValue},
    {"keepalive-time", 0, Kind::IgnoredValue},
    {"dns-servers", 0, Kind::IgnoredValue},
    {"unix-socket", 0, Kind::IgnoredValue},
    {"abstract-unix-socket", 0, Kind::IgnoredValue},
    {"proto", 0, Kind::IgnoredValue},
    {"proto-redir", 0, Kind::IgnoredValue},
    {"request-target", 0, Kind::IgnoredValue},
    {"aws-sigv4", 0, Kind::IgnoredValue},
    {"output-dir", 0, Kind::IgnoredValue},
    {"netrc-file", 0, Kind::IgnoredValue},
    {"happy-eyeballs-timeout-ms", 0, Kind::IgnoredValue},
    // run-time switches
    {"compressed", 0, Kind::IgnoredFlag},
    {"silent", 's', Kind::IgnoredFlag},
    {"show-error", 'S', Kind::IgnoredFlag},
    {"insecure", 'k', Kind::IgnoredFlag},
    {"location", 'L', Kind::IgnoredFlag},
    {"location-trusted", 0, Kind::IgnoredFlag},
    {"verbose", 'v', Kind::IgnoredFlag},
    {"include", 'i', Kind::IgnoredFlag},
    {"fail", 'f', Kind::IgnoredFlag},
    {"fail-with-body", 0, Kind::IgnoredFlag},
    {"globoff", 'g', Kind::IgnoredFlag},
    {"no-buffer", 'N', Kind::IgnoredFlag},
    {"http1.0", '0', Kind::IgnoredFlag},
    {"http1.1", 0, Kind::IgnoredFlag},
    {"http2", 0, Kind::IgnoredFlag},
    {"http2-prior-knowledge", 0, Kind::IgnoredFlag},
    {"http3", 0, Kind::IgnoredFlag},
    {"tlsv1", '1', Kind::IgnoredFlag},
    {"tlsv1.0", 0, Kind::IgnoredFlag},
    {"tlsv1.1", 0, Kind::IgnoredFlag},
    {"tlsv1.2", 0, Kind::IgnoredFlag},
    {"tlsv1.3", 0, Kind::IgnoredFlag},
    {"ipv4", '4', Kind::IgnoredFlag},
    {"ipv6", '6', Kind::IgnoredFlag},
    {"progress-bar", '#', Kind::IgnoredFlag},
    {"no-progress-meter", 0, Kind::IgnoredFlag},
    {"remote-name", 'O', Kind::IgnoredFlag},
    {"remote-header-name", 'J', Kind::IgnoredFlag},
    {"remote-time", 'R', Kind::IgnoredFlag},
    {"create-dirs", 0, Kind::IgnoredFlag},
    {"path-as-is", 0, Kind::IgnoredFlag},
    {"raw", 0, Kind::IgnoredFlag},
    {"no-keepalive", 0, Kind::IgnoredFlag},
    {"tcp-nodelay", 0, Kind::IgnoredFlag},
    {"retry-connrefused", 0, Kind::IgnoredFlag},
    {"retry-all-errors", 0, Kind::IgnoredFlag},
    {"basic", 0, Kind::IgnoredFlag},
    {"digest", 0, Kind::IgnoredFlag},
    {"ntlm", 0, Kind::IgnoredFlag},
    {"negotiate", 0, Kind::IgnoredFlag},
    {"anyauth", 0, Kind::IgnoredFlag},
    {"netrc", 'n', Kind::IgnoredFlag},
    {"proxytunnel", 'p', Kind::IgnoredFlag},
    {"disable", 'q', Kind::IgnoredFlag},
    {"junk-session-cookies", 'j', Kind::IgnoredFlag},
    {"parallel", 'Z', Kind::IgnoredFlag},
    {"ssl", 0, Kind::IgnoredFlag},
    {"ssl-reqd", 0, Kind::IgnoredFlag},
    {"styled-output", 0, Kind::IgnoredFlag},
    {"trace-time", 0, Kind::IgnoredFlag},
    {"suppress-connect-headers", 0, Kind::IgnoredFlag},
};

const OptionSpec *findLong(const QString &name) {
    // curl accepts "--no-X" for its switches ("--no-progress-meter" is a switch of its own).
    for (const OptionSpec &spec : kOptions)
        if (name == QLatin1String(spec.longName)) return &spec;
    if (name.startsWith(QLatin1String("no-")))
        for (const OptionSpec &spec : kOptions)
            if (spec.kind == Kind::IgnoredFlag && name.mid(3) == QLatin1String(spec.longName)) return &spec;
    return nullptr;
}

const OptionSpec *findShort(QChar letter) {
    for (const OptionSpec &spec : kOptions)
        if (spec.shortName != 0 && letter == QLatin1Char(spec.shortName)) return &spec;
    return nullptr;
}

bool takesValue(Kind kind) {
    return kind != Kind::Head && kind != Kind::Get && kind != Kind::IgnoredFlag;
}

bool isCurlProgram(const QString &word) {
    const QString name = word.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1).toLower();
    return name == QLatin1String("curl") || name == QLatin1String("curl.exe");
}

bool sameName(const QString &a, const QString &b) {
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

// What the options say, before it becomes a SavedRequest.
struct CurlOptions {
    QString method;
    bool head = false;
    bool get = false;
    QStringList urls;
    NameValueList headers;
    QStringList removedHeaders; // -H "Name:" removes a header curl would add
    QString data;
    bool hasData = false;
    bool json = false;
    QString user;
    bool hasUser = false;
    QString bearer;
    QString userAgent;
    QString referer;
    QStringList cookies;
};

class CurlParser {
public:
    CurlImport import;

    bool apply(const OptionSpec &spec, const QString &written, const QString &value) {
        switch (spec.kind) {
        case Kind::Method:
            options.method = value;
            return true;
        case Kind::Header:
            return addHeader(value);
        case Kind::Data:
        case Kind::DataBinary:
        case Kind::Json:
            if (value.startsWith(QLatin1Char('@')))
                return fail(tr("%1 %2 reads the request body from a file, which an import cannot do: "
                               "paste the file's content with --data-raw instead")
                                .arg(written, value));
            appendData(value, spec.kind == Kind::Json);
            options.json = options.json || spec.kind == Kind::Json;
            return true;
        case Kind::DataRaw:
            appendData(value, false);
            return true;
        case Kind::DataUrlencode:
            return appendUrlencoded(written, value);
        case Kind::User:
            options.user = value;
            options.hasUser = true;
            return true;
        case Kind::Bearer:
            options.bearer = value;
            return true;
        case Kind::UserAgent:
            options.userAgent = value;
            return true;
        case Kind::Referer:
            // ";auto" asks curl to set the Referer itself when following redirects.
            options.referer = value.endsWith(QLatin1String(";auto")) ? value.chopped(5) : value;
            return true;
        case Kind::Cookie:
            if (!value.contains(QLatin1Char('='))) {
                import.ignoredOptions.append(tr("%1 %2 (a cookie file)").arg(written, value));
                return true;
            }
            options.cookies.append(value);
            return true;
        case Kind::Url:
            options.urls.append(value);
            return true;
        case Kind::Head:
            options.head = true;
            return true;
        case Kind::Get:
            options.get = true;
            return true;
        case Kind::ReadsFiles:
            return fail(tr("%1 is not supported: it sends files, which an import cannot read").arg(written));
        case Kind::IgnoredFlag:
            import.ignoredOptions.append(written);
            return true;
        case Kind::IgnoredValue:
            import.ignoredOptions.append(written + QLatin1Char(' ') + value);
            return true;
        }
        return true;
    }

    bool fail(const QString &error) {
        import.error = error;
        return false;
    }

    void finish() {
        if (options.urls.isEmpty()) {
            fail(tr("the curl command has no URL"));
            return;
        }
        for (qsizetype i = 1; i < options.urls.size(); ++i)
            import.ignoredOptions.append(tr("%1 (only the first URL is imported)").arg(options.urls[i]));

        SavedRequest request;
        request.url = withScheme(options.urls.first());
        QString body = options.data;
        if (options.hasData && options.get) { // -G: the data becomes the query string
            request.url +=
                (request.url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) + body;
            body.clear();
        }
        const bool sendsBody = options.hasData && !options.get;
        if (!options.method.isEmpty())
            request.method = options.method;
        else if (options.head)
            request.method = QStringLiteral("HEAD");
        else
            request.method = sendsBody ? QStringLiteral("POST") : QStringLiteral("GET");
        request.body = body;
        request.headers = options.headers;

        // The headers curl adds from other options; a -H of the same name replaces them (curl's
        // "--header": "If you add a custom header that has the same name as one of the internal ones
        // curl would use, your externally set header will be used instead").
        auto addDefault = [&](const QString &name, const QString &value) {
            const bool overridden = std::any_of(request.headers.cbegin(), request.headers.cend(),
                                                [&](const NameValue &h) { return sameName(h.name, name); });
            const bool removed = std::any_of(options.removedHeaders.cbegin(), options.removedHeaders.cend(),
                                             [&](const QString &r) { return sameName(r, name); });
            if (!overridden && !removed) request.headers.append({name, value});
        };
        if (options.hasUser) {
            QString credentials = options.user;
            if (!credentials.contains(QLatin1Char(':'))) {
                import.ignoredOptions.append(
                    tr("-u %1 without a password: curl would ask for one, an empty password is used")
                        .arg(credentials));
                credentials += QLatin1Char(':');
            }
            addDefault(QStringLiteral("Authorization"),
                       QStringLiteral("Basic ") + QString::fromLatin1(credentials.toUtf8().toBase64()));
        }
        if (!options.bearer.isEmpty())
            addDefault(QStringLiteral("Authorization"), QStringLiteral("Bearer ") + options.bearer);
        if (!options.userAgent.isEmpty()) addDefault(QStringLiteral("User-Agent"), options.userAgent);
        if (!options.referer.isEmpty()) addDefault(QStringLiteral("Referer"), options.referer);
        if (!options.cookies.isEmpty())
            addDefault(QStringLiteral("Cookie"), options.cookies.join(QLatin1String("; ")));
        if (options.json) {
            addDefault(QStringLiteral("Content-Type"), QStringLiteral("application/json"));
            addDefault(QStringLiteral("Accept"), QStringLiteral("application/json"));
        } else if (sendsBody) {
            addDefault(QStringLiteral("Content-Type"), QStringLiteral("application/x-www-form-urlencoded"));
        }

        const QUrl url(request.url);
        const QString path = url.isValid() && !url.path().isEmpty() ? url.path() : request.url;
        request.name = request.method + QLatin1Char(' ') + path;
        import.request = request;
    }

private:
    CurlOptions options;

    bool addHeader(const QString &value) {
        if (value.startsWith(QLatin1Char('@')))
            return fail(tr("-H %1 reads headers from a file, which an import cannot do").arg(value));
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        const qsizetype semicolon = value.indexOf(QLatin1Char(';'));
        // "Name;" sends an empty header; "Name:" with nothing after it removes one curl would add.
        if (semicolon > 0 && (colon < 0 || semicolon < colon) &&
            value.mid(semicolon + 1).trimmed().isEmpty()) {
            options.headers.append({value.left(semicolon).trimmed(), QString()});
            return true;
        }
        if (colon <= 0) {
            import.ignoredOptions.append(tr("-H %1 (not a \"Name: value\" header)").arg(value));
            return true;
        }
        const QString name = value.left(colon).trimmed();
        const QString headerValue = value.mid(colon + 1).trimmed();
        if (headerValue.isEmpty())
            options.removedHeaders.append(name);
        else
            options.headers.append({name, headerValue});
        return true;
    }

    void appendData(const QString &piece, bool concatenate) {
        if (options.hasData && !concatenate) options.data += QLatin1Char('&');
        options.data += piece;
        options.hasData = true;
    }

    // --data-urlencode: "content", "=content", "name=content"; "@file" and "name@file" read files.
    bool appendUrlencoded(const QString &written, const QString &value) {
        const qsizetype separator = value.indexOf(QRegularExpression(QStringLiteral("[=@]")));
        QString piece;
        if (separator < 0) {
            piece = QString::fromLatin1(QUrl::toPercentEncoding(value));
        } else if (value[separator] == QLatin1Char('@')) {
            return fail(tr("%1 %2 reads the request body from a file, which an import cannot do: "
                           "paste the file's content with --data-raw instead")
                            .arg(written, value));
        } else {
            const QString name = value.left(separator);
            piece = QString::fromLatin1(QUrl::toPercentEncoding(value.mid(separator + 1)));
            if (!name.isEmpty()) piece = name + QLatin1Char('=') + piece;
        }
        appendData(piece, false);
        return true;
    }

    // curl guesses http:// for a URL without a scheme; a {{variable}} is left for the run to fill.
    static QString withScheme(const QString &url) {
        if (url.contains(QLatin1String("://")) || url.startsWith(QLatin1String("{{"))) return url;
        return QStringLiteral("http://") + url;
    }
};

} // namespace

CurlImport parseCurlCommand(const QString &commandLine) {
    CurlParser parser;
    CurlImport &import = parser.import;
    if (commandLine.trimmed().isEmpty()) {
        import.error = tr("nothing to import: paste a curl command");
        return import;
    }
    CommandLineWords split = splitCommandLine(commandLine);
    if (!split.error.isEmpty()) {
        import.error = split.error;
        return import;
    }
    if (!split.ignoredTail.isEmpty())
        import.ignoredOptions.append(tr("%1 (a separate shell command)").arg(split.ignoredTail));
    QStringList &words = split.words;
    if (!words.isEmpty() && words.first() == QLatin1String("$")) words.removeFirst(); // a copied prompt
    if (words.isEmpty() || !isCurlProgram(words.first())) {
        import.error = tr("not a curl command: it starts with '%1'").arg(words.value(0));
        return import;
    }

    auto valueFor = [&](const QString &written, qsizetype &i, QString &value) {
        if (i + 1 >= words.size()) {
            import.error = tr("option %1 needs a value").arg(written);
            return false;
        }
        value = words[++i];
        return true;
    };

    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString &word = words[i];
        if (word.startsWith(QLatin1String("--")) && word.size() > 2) {
            const OptionSpec *spec = findLong(word.mid(2));
            if (!spec) {
                import.ignoredOptions.append(tr("%1 (unknown option)").arg(word));
                continue;
            }
            QString value;
            if (takesValue(spec->kind) && !valueFor(word, i, value)) return import;
            if (!parser.apply(*spec, word, value)) return import;
        } else if (word.startsWith(QLatin1Char('-')) && word.size() > 1) {
            // Short options may be bundled ("-sSL") and take their value attached ("-XPOST").
            for (qsizetype k = 1; k < word.size(); ++k) {
                const QString written = QLatin1Char('-') + word[k];
                const OptionSpec *spec = findShort(word[k]);
                if (!spec) {
                    import.ignoredOptions.append(tr("%1 (unknown option)").arg(written));
                    continue;
                }
                if (!takesValue(spec->kind)) {
                    if (!parser.apply(*spec, written, {})) return import;
                    continue;
                }
                QString value = word.mid(k + 1);
                if (value.isEmpty() && !valueFor(written, i, value)) return import;
                if (!parser.apply(*spec, written, value)) return import;
                break;
            }
        } else {
            if (!parser.apply(OptionSpec{"url", 0, Kind::Url}, word, word)) return import;
        }
    }
    parser.finish();
    return import;
}

} // namespace gatehouse::testing
