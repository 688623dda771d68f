#include "HandlerFile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace gatehouse {

RuntimeFamily runtimeFamily(const QString &runtime) {
    static const QRegularExpression node(QStringLiteral("^nodejs\\d+\\.x$"));
    static const QRegularExpression python(QStringLiteral("^python3\\.\\d+$"));
    if (runtime == QLatin1String("javascript")) return RuntimeFamily::EmbeddedJavaScript;
    if (node.match(runtime).hasMatch()) return RuntimeFamily::Node;
    if (python.match(runtime).hasMatch()) return RuntimeFamily::Python;
    if (runtime == QLatin1String("provided") || runtime == QLatin1String("provided.al2") ||
        runtime == QLatin1String("provided.al2023"))
        return RuntimeFamily::Provided;
    return RuntimeFamily::Unknown;
}

HandlerName splitHandler(const QString &handler, RuntimeFamily family) {
    if (family == RuntimeFamily::Provided || family == RuntimeFamily::Unknown) return {};
    const bool python = family == RuntimeFamily::Python;
    const qsizetype slash = handler.lastIndexOf(QLatin1Char('/'));
    // Node.js: path.basename, then /^([^.]*)\.(.*)$/ (UserFunction.js). Python: handler.rsplit(".", 1)
    // and importlib.import_module(modname.replace("/", ".")) (awslambdaric's bootstrap.py).
    const qsizetype dot =
        python ? handler.lastIndexOf(QLatin1Char('.')) : handler.indexOf(QLatin1Char('.'), slash + 1);
    if (dot <= slash + 1 || dot == handler.size() - 1) return {};
    QString module = handler.left(dot);
    if (python) module.replace(QLatin1Char('.'), QLatin1Char('/'));
    return {module, handler.mid(dot + 1)};
}

QString codeFolder(const Function &function, const QString &projectFolder) {
    return QDir::cleanPath(QDir(projectFolder).absoluteFilePath(function.codeUri));
}

namespace {

// The suffixes the runtime tries after the module path, in its order, and the one a new file gets.
struct ModuleFiles {
    QStringList suffixes;
    QString newFileSuffix;
};

ModuleFiles moduleFiles(RuntimeFamily family) {
    switch (family) {
    case RuntimeFamily::EmbeddedJavaScript: // JsModuleLoader::loadHandler
        return {{QString(), QStringLiteral(".js"), QStringLiteral(".mjs"), QStringLiteral(".cjs")},
                QStringLiteral(".js")};
    case RuntimeFamily::Node: // resources/runtimes/node/bootstrap.js, loadModule(); the template is an ES
                              // module
        return {{QString(), QStringLiteral(".js"), QStringLiteral(".mjs"), QStringLiteral(".cjs")},
                QStringLiteral(".mjs")};
    case RuntimeFamily::Python: // a module file, else a package
        return {{QStringLiteral(".py"), QStringLiteral("/__init__.py")}, QStringLiteral(".py")};
    case RuntimeFamily::Provided:
    case RuntimeFamily::Unknown:
        break;
    }
    return {};
}

QString bootstrapName() {
    return QStringLiteral("bootstrap");
}

} // namespace

QStringList handlerFileCandidates(const Function &function) {
    const RuntimeFamily family = runtimeFamily(function.runtime);
    if (family == RuntimeFamily::Provided) return {bootstrapName()};
    // Both runtimes refuse such handlers (Runtime.MalformedHandlerName / a failed import).
    if (function.handler.contains(QLatin1String(".."))) return {};
    const HandlerName name = splitHandler(function.handler, family);
    if (!name.isValid()) return {};
    QStringList candidates;
    for (const QString &suffix : moduleFiles(family).suffixes)
        candidates.append(name.module + suffix);
    return candidates;
}

QString newHandlerFileName(const Function &function) {
    const QStringList candidates = handlerFileCandidates(function);
    if (candidates.isEmpty()) return {};
    const RuntimeFamily family = runtimeFamily(function.runtime);
    if (family == RuntimeFamily::Provided) return bootstrapName();
    return QDir::cleanPath(splitHandler(function.handler, family).module + moduleFiles(family).newFileSuffix);
}

HandlerFile handlerFile(const Function &function, const QString &projectFolder) {
    const QStringList candidates = handlerFileCandidates(function);
    if (candidates.isEmpty()) return {};
    const QString folder = codeFolder(function, projectFolder);
    const auto absolute = [&folder](const QString &relative) {
        return QDir::cleanPath(folder + QLatin1Char('/') + relative);
    };
    HandlerFile file;
    file.executable = runtimeFamily(function.runtime) == RuntimeFamily::Provided;
    for (const QString &candidate : candidates)
        if (QFileInfo(absolute(candidate)).isFile()) {
            file.path = absolute(candidate);
            file.exists = true;
            return file;
        }
    file.path = absolute(newHandlerFileName(function));
    return file;
}

} // namespace gatehouse
