// The CommonJS file that lets an embedded-JavaScript function run on AWS Lambda's Node.js runtime:
// Lambda calls the wrapper, which loads the user's module (CommonJS or ES module) and adapts its
// handler whether it returns a value, returns a Promise or calls a callback.
#pragma once

#include "ExportFormat.h"

#include <QByteArray>
#include <QString>

namespace gatehouse {

// The wrapper's file name (placed at the root of the function's code folder) and the Lambda
// handler string that runs it. Lambda's Node.js runtime finds ".cjs" files, and the extension keeps
// the wrapper CommonJS even when the folder's package.json says "type": "module".
inline constexpr auto kJavaScriptWrapperFile = "gatehouse-handler.cjs";
inline constexpr auto kJavaScriptWrapperHandler = "gatehouse-handler.handler";
// The Node.js runtime embedded-JavaScript functions are exported as.
inline constexpr auto kJavaScriptExportRuntime = "nodejs20.x";

// Source of the wrapper for the embedded handler `handler` ("index.handler", "src/app.main").
QByteArray javaScriptWrapperSource(const QString &handler);

struct JavaScriptWrapper {
    QString path;          // "functions/hello/gatehouse-handler.cjs", relative to the export folder
    QString lambdaHandler; // "gatehouse-handler.handler", relative to the code folder
};
// Adds the wrapper for `handler` in the code folder `codeUri` to `files`, or reuses the one already
// there for the same handler. Functions that share a folder but not a handler get numbered wrappers
// (gatehouse-handler-2.cjs, ...).
JavaScriptWrapper addJavaScriptWrapper(QList<ExportedFile> &files, const QString &codeUri,
                                       const QString &handler);
// True for the Lambda handler of a generated wrapper ("gatehouse-handler.handler",
// "gatehouse-handler-2.handler").
bool isJavaScriptWrapperHandler(const QString &lambdaHandler);

} // namespace gatehouse
