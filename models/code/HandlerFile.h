// Where a function's handler code lives on disk, found by the rules the engine loads it with, so that
// the editor opens (and the importer and validator name) the very file that runs.
#pragma once

#include "project/Function.h"

#include <QString>
#include <QStringList>

namespace gatehouse {

// How a runtime loads code. The patterns are the engine's (RuntimeLaunch): "javascript" runs in the
// embedded engine, nodejs<N>.x and python3.<N> as interpreters, provided / provided.al2 /
// provided.al2023 as the function's own `bootstrap` executable.
enum class RuntimeFamily { Unknown, EmbeddedJavaScript, Node, Python, Provided };
RuntimeFamily runtimeFamily(const QString &runtime);

// A handler setting split into the module (a path relative to the code folder, without extension)
// and the member the runtime calls.
struct HandlerName {
    QString module; // "src/app", "pkg/app"
    QString member; // "handler", "handlers.main"
    bool isValid() const { return !module.isEmpty() && !member.isEmpty(); }
};
// Node.js (and the embedded engine, which follows it) splits at the first dot of the file name:
// "src/index.handlers.main" is handlers.main exported by src/index. Python splits at the last dot and
// imports the rest as a dotted module: "pkg.app.handler" is handler() of pkg/app.py. Invalid (empty)
// when either part would be empty; provided runtimes have no module.
HandlerName splitHandler(const QString &handler, RuntimeFamily family);

// The function's code folder: codeUri resolved against the project folder (empty codeUri = the
// project folder itself), as an absolute clean path.
QString codeFolder(const Function &function, const QString &projectFolder);

// The file a new handler goes to, relative to the code folder: the module with the runtime's usual
// extension (index.js for the embedded engine, index.mjs for Node.js, whose template is an ES module,
// pkg/app.py), or bootstrap. Empty when the function names no file (see handlerFileCandidates).
QString newHandlerFileName(const Function &function);

// The files the runtime tries, in its order, relative to the code folder. Empty when the handler is
// malformed, reaches outside the code folder ("..", which the runtimes refuse) or the runtime is unknown.
QStringList handlerFileCandidates(const Function &function);

struct HandlerFile {
    // Absolute path; empty when the function names no file (see handlerFileCandidates).
    QString path;
    // When false, `path` is where a new handler goes (newHandlerFileName).
    bool exists = false;
    // Custom runtimes run `bootstrap` as a program, so a file written there must be executable.
    bool executable = false;
};
HandlerFile handlerFile(const Function &function, const QString &projectFolder);

} // namespace gatehouse
