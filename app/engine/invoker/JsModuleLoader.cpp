#include "JsModuleLoader.h"

#include "JsSyntaxCheck.h"
#include "LambdaErrors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace gatehouse {

namespace {

QString readText(const QString &path, bool *ok) {
    QFile file(path);
    *ok = file.open(QIODevice::ReadOnly);
    QString text = *ok ? QString::fromUtf8(file.readAll()) : QString();
    if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);
    if (text.startsWith(QLatin1String("#!"))) text.prepend(QLatin1String("//")); // keeps line numbers
    return text;
}

bool isNodeBuiltin(QString spec) {
    static const QStringList builtins = QStringLiteral("assert buffer child_process cluster crypto dgram dns "
                                                       "events fs http http2 https net os path perf_hooks "
                                                       "process querystring readline stream string_decoder "
                                                       "timers tls tty url util v8 vm worker_threads zlib")
                                            .split(QLatin1Char(' '));
    if (spec.startsWith(QLatin1String("node:"))) return true;
    spec = spec.section(QLatin1Char('/'), 0, 0);
    return builtins.contains(spec);
}

QString localPath(QString url) {
    if (url.startsWith(QLatin1String("file:"))) return QUrl(url).toLocalFile();
    return url;
}

} // namespace

JsModuleLoader::JsModuleLoader(QJSEngine *engine, const QString &codeRoot, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_root(QDir::cleanPath(codeRoot)) {}

bool JsModuleLoader::insideRoot(const QString &path) const {
    return path == m_root || path.startsWith(m_root + QLatin1Char('/'));
}

QString JsModuleLoader::resolveFile(const QString &candidate) const {
    const QString base = QDir::cleanPath(candidate);
    if (!insideRoot(base)) return {};
    for (const char *suffix : {"", ".js", ".json", ".cjs"}) {
        const QString path = base + QLatin1String(suffix);
        if (QFileInfo(path).isFile()) return path;
    }
    if (!QFileInfo(base).isDir()) return {};
    QFile package(base + QStringLiteral("/package.json"));
    if (package.open(QIODevice::ReadOnly)) {
        const QString main =
            QJsonDocument::fromJson(package.readAll()).object().value(QStringLiteral("main")).toString();
        if (!main.isEmpty() && QDir::cleanPath(base + QLatin1Char('/') + main) != base) {
            const QString resolved = resolveFile(base + QLatin1Char('/') + main);
            if (!resolved.isEmpty()) return resolved;
        }
    }
    for (const char *index : {"/index.js", "/index.json", "/index.cjs"})
        if (QFileInfo(base + QLatin1String(index)).isFile()) return base + QLatin1String(index);
    return {};
}

QString JsModuleLoader::resolve(const QString &fromDir, const QString &spec) const {
    if (spec.isEmpty() || isNodeBuiltin(spec)) return {};
    if (spec.startsWith(QLatin1String("/var/task/"))) return resolveFile(m_root + spec.mid(9));
    if (spec.startsWith(QLatin1Char('/'))) return resolveFile(spec);
    if (spec.startsWith(QLatin1String("./")) || spec.startsWith(QLatin1String("../")) ||
        spec == QLatin1String(".") || spec == QLatin1String(".."))
        return resolveFile(fromDir + QLatin1Char('/') + spec);
    // A package: node_modules folders from the requiring module's folder up to the code root.
    for (QString dir = QDir::cleanPath(fromDir); insideRoot(dir); dir = QFileInfo(dir).path()) {
        const QString found = resolveFile(dir + QStringLiteral("/node_modules/") + spec);
        if (!found.isEmpty()) return found;
        if (dir == m_root) break;
    }
    return {};
}

QString JsModuleLoader::read(const QString &path) {
    bool ok = false;
    const QString text = insideRoot(path) ? readText(path, &ok) : QString();
    if (!ok) m_engine->throwError(QStringLiteral("Cannot read module file %1").arg(path));
    return text;
}

QJSValue JsModuleLoader::compile(const QString &path) {
    bool ok = false;
    const QString source = insideRoot(path) ? readText(path, &ok) : QString();
    if (!ok) {
        m_engine->throwError(QStringLiteral("Cannot read module file %1").arg(path));
        return {};
    }
    // Same line as the source's first line, so reported line numbers need no correction.
    const QString wrapped = QStringLiteral("(function (exports, require, module, __filename, __dirname) { ") +
                            source + QStringLiteral("\n})");
    const QJSValue function = m_engine->evaluate(wrapped, path, 1);
    if (function.isError()) {
        m_engine->throwError(function);
        return {};
    }
    return function;
}

QString JsModuleLoader::hint(const QString &spec) const {
    if (isNodeBuiltin(spec))
        return tr(
            " (Node.js built-in modules are not available in the embedded javascript runtime; switch the "
            "function to the nodejs20.x runtime)");
    return {};
}

bool JsModuleLoader::looksLikeEsModule(const QString &source) {
    static const QRegularExpression esm(QStringLiteral(
        R"((^|[\n;])[ \t]*(export[ \t]+(default\b|const\b|let\b|var\b|function\b|class\b|async\b|\{|\*)|import[ \t]*[\w{*'"]))"));
    return esm.match(source).hasMatch();
}

bool JsModuleLoader::packageTypeIsModule(const QString &folder) const {
    for (QString dir = folder; insideRoot(dir); dir = QFileInfo(dir).path()) {
        QFile package(dir + QStringLiteral("/package.json"));
        if (package.open(QIODevice::ReadOnly))
            return QJsonDocument::fromJson(package.readAll())
                       .object()
                       .value(QStringLiteral("type"))
                       .toString() == QLatin1String("module");
        if (dir == m_root) break;
    }
    return false;
}

JsModuleLoader::Loaded JsModuleLoader::failure(const QString &type, const QString &message,
                                               QStringList frames) const {
    Loaded out;
    out.errorType = type;
    out.errorMessage = message;
    out.trace = QStringList{type + QStringLiteral(": ") + message} + frames;
    out.logMessage = QStringLiteral("Uncaught Exception \t") +
                     QString::fromUtf8(lambdaerrors::orderedJsonObject(
                         {{QStringLiteral("errorType"), type},
                          {QStringLiteral("errorMessage"), message},
                          {QStringLiteral("stack"), QJsonArray::fromStringList(out.trace)}}));
    return out;
}

JsModuleLoader::Loaded JsModuleLoader::classify(const QJSValue &error, const QJSValue &prelude) const {
    const QJSValue info = prelude.property(QStringLiteral("errorInfo")).call({error});
    const QString type = info.property(QStringLiteral("errorType")).toString();
    const QString message = info.property(QStringLiteral("errorMessage")).toString();
    QStringList frames = info.property(QStringLiteral("trace")).toVariant().toStringList();
    if (!frames.isEmpty()) frames.removeFirst();

    static const QRegularExpression missingModule(QStringLiteral("^Could not open module (.*) for reading$"));
    if (const auto m = missingModule.match(message); m.hasMatch())
        return failure(QStringLiteral("Runtime.ImportModuleError"),
                       QStringLiteral("Error: Cannot find module '%1'").arg(localPath(m.captured(1))),
                       frames);
    if (error.property(QStringLiteral("code")).toString() == QLatin1String("MODULE_NOT_FOUND"))
        return failure(QStringLiteral("Runtime.ImportModuleError"), QStringLiteral("Error: ") + message,
                       frames);
    if (type == QLatin1String("SyntaxError")) {
        const QString file = localPath(error.property(QStringLiteral("fileName")).toString());
        const int line = error.property(QStringLiteral("lineNumber")).toInt();
        QString text = QStringLiteral("SyntaxError: ") + message;
        if (!file.isEmpty())
            text += QStringLiteral(" (%1:%2)").arg(QDir(m_root).relativeFilePath(file)).arg(line);
        bool ok = false;
        const QString advice = unsupportedSyntaxAdvice(findUnsupportedSyntax(readText(file, &ok)));
        if (!advice.isEmpty()) text += QLatin1Char(' ') + advice;
        return failure(QStringLiteral("Runtime.UserCodeSyntaxError"), text, frames);
    }
    // Anything else thrown while loading keeps its own type, as in the Node.js runtime.
    Loaded out = failure(type, message, frames);
    out.trace = info.property(QStringLiteral("trace")).toVariant().toStringList();
    out.logMessage = QStringLiteral("Uncaught Exception ") +
                     prelude.property(QStringLiteral("errorLog")).call({error}).toString();
    return out;
}

JsModuleLoader::Loaded JsModuleLoader::loadHandler(const QString &handlerSetting, const QJSValue &prelude) {
    // The Node.js runtime's rules (UserFunction.js): no "..", "dir/module.path.to.fn".
    if (handlerSetting.contains(QLatin1String("..")))
        return failure(
            QStringLiteral("Runtime.MalformedHandlerName"),
            QStringLiteral("'%1' is not a valid handler name. Use absolute paths when specifying root "
                           "directories in handler names.")
                .arg(handlerSetting));
    const qsizetype slash = handlerSetting.lastIndexOf(QLatin1Char('/'));
    const QString moduleRoot = handlerSetting.left(slash + 1);
    const QString moduleAndPath = handlerSetting.mid(slash + 1);
    const qsizetype dot = moduleAndPath.indexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == moduleAndPath.size() - 1)
        return failure(QStringLiteral("Runtime.MalformedHandlerName"), QStringLiteral("Bad handler"));
    const QString module = moduleAndPath.left(dot);
    const QStringList path = moduleAndPath.mid(dot + 1).split(QLatin1Char('.'));

    const QString base = QDir::cleanPath(m_root + QLatin1Char('/') + moduleRoot + module);
    QString file;
    for (const char *suffix : {"", ".js", ".mjs", ".cjs"})
        if (QFileInfo(base + QLatin1String(suffix)).isFile()) {
            file = base + QLatin1String(suffix);
            break;
        }
    if (file.isEmpty() || !insideRoot(file))
        return failure(QStringLiteral("Runtime.ImportModuleError"),
                       tr("Error: Cannot find module '%1' (looked for %1.js, %1.mjs and %1.cjs in %2)")
                           .arg(moduleRoot + module, m_root));

    bool ok = false;
    const bool esm = file.endsWith(QLatin1String(".mjs")) ||
                     (file.endsWith(QLatin1String(".js")) && (packageTypeIsModule(QFileInfo(file).path()) ||
                                                              looksLikeEsModule(readText(file, &ok))));
    QJSValue exports;
    if (esm) {
        exports = m_engine->importModule(file);
        // A module that throws while evaluating leaves the exception pending on the engine (Qt 6.4) and
        // returns a half-initialised namespace; a parse error comes back as the returned value.
        if (m_engine->hasError()) return classify(m_engine->catchError(), prelude);
        if (exports.isError()) return classify(exports, prelude);
    } else {
        const QJSValue loaded = prelude.property(QStringLiteral("loadMain")).call({file});
        if (loaded.hasOwnProperty(QStringLiteral("error")))
            return classify(loaded.property(QStringLiteral("error")), prelude);
        exports = loaded.property(QStringLiteral("exports"));
    }

    QJSValue handler = exports;
    for (const QString &key : path)
        handler = handler.isObject() ? handler.property(key) : QJSValue();
    if (handler.isUndefined() || handler.isNull() || (handler.isBool() && !handler.toBool()))
        return failure(QStringLiteral("Runtime.HandlerNotFound"),
                       QStringLiteral("%1 is undefined or not exported").arg(handlerSetting));
    if (!handler.isCallable())
        return failure(QStringLiteral("Runtime.HandlerNotFound"),
                       QStringLiteral("%1 is not a function").arg(handlerSetting));
    Loaded out;
    out.handler = handler;
    return out;
}

} // namespace gatehouse
