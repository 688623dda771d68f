// Loads JsPrelude.mjs, the script that turns a bare QJSEngine into a Lambda-like Node.js sandbox.
#pragma once

#include <QJSValue>
#include <QString>

class QJSEngine;

namespace gatehouse {

// Imports the prelude into `engine` and returns its default export, the factory
//   (global, host, timers, modules, config) → { invoke, loadMain, errorInfo, errorLog, fireTimer }
// where host/timers/modules are JsHost, JsTimers and JsModuleLoader and config holds the function's
// constants (see JsRuntime::initialize). Returns an error value when the prelude cannot be loaded.
//
// Why precompiled: QJSEngine compiles about 3-4 KB of JavaScript per millisecond, so compiling the
// ~14 KB prelude in every new engine cost ~3 ms of each cold start. The build runs qmlcachegen on it
// and this function registers the resulting bytecode with QtQml's compilation-unit cache (the hook
// qmlcachegen's own loaders use), so an import costs ~0.05 ms. The source is embedded as a resource
// too: with QML_DISABLE_DISK_CACHE=1, or bytecode from a different Qt version, QtQml compiles that.
QJSValue loadJsPrelude(QJSEngine &engine);

// Stack frames from this file are dropped from the traces shown to users.
QString jsPreludeFileName();

} // namespace gatehouse
