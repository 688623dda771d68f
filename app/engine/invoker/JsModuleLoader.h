// Finds and loads a function's code in QJSEngine: the handler module (CommonJS or ES module) and require().
#pragma once

#include <QJSValue>
#include <QObject>
#include <QStringList>

class QJSEngine;

namespace gatehouse {

// Exposed to the prelude as __modules: the prelude keeps the CommonJS module cache and calls back here
// for file access, so paths never leave the function's code folder (Lambda's /var/task), and each
// CommonJS file is compiled under its own file name, which keeps line numbers in stack traces right.
//
// ES modules go through QJSEngine::importModule, which caches them per engine: that is why a code
// change gets a new environment (a new engine) instead of a reload.
class JsModuleLoader : public QObject {
    Q_OBJECT
public:
    JsModuleLoader(QJSEngine *engine, const QString &codeRoot, QObject *parent = nullptr);

    // The outcome of loading the handler during init, shaped like the Node.js runtime's errors.
    struct Loaded {
        QJSValue handler;  // callable on success
        QString errorType; // Runtime.ImportModuleError, Runtime.UserCodeSyntaxError, ...
        QString errorMessage;
        QStringList trace;
        QString logMessage; // "Uncaught Exception \t{...}" as the Node.js runtime logs it
        bool ok() const { return errorType.isEmpty(); }
    };
    // handlerSetting: "index.handler", "src/app.lambdaHandler", ... `prelude` is the prelude's API object.
    Loaded loadHandler(const QString &handlerSetting, const QJSValue &prelude);

    // JavaScript-facing.
    Q_INVOKABLE QString resolve(const QString &fromDir, const QString &spec) const; // "" when not found
    Q_INVOKABLE QString read(const QString &path);                                  // throws when unreadable
    Q_INVOKABLE QJSValue compile(const QString &path); // CommonJS wrapper function, or throws SyntaxError
    Q_INVOKABLE QString hint(const QString &spec) const;

    static bool looksLikeEsModule(const QString &source);

private:
    QString resolveFile(const QString &candidate) const;
    bool insideRoot(const QString &path) const;
    bool packageTypeIsModule(const QString &folder) const;
    Loaded failure(const QString &type, const QString &message, QStringList frames = {}) const;
    Loaded classify(const QJSValue &error, const QJSValue &prelude) const;

    QJSEngine *m_engine;
    QString m_root;
};

} // namespace gatehouse
