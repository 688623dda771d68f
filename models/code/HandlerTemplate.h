// Starter code for a function's handler file: a handler that runs at once on the function's runtime and
// answers API Gateway with a JSON response, so a new (or imported, code-less) function works before the
// user writes any code.
#pragma once

#include "project/Function.h"

#include <QByteArray>
#include <QString>

namespace gatehouse {

// What the starter handler answers: `statusCode` with {"message": ..., "path": <the request's path>}.
struct TemplateResponse {
    int statusCode = 200;
    QString message;
    QString comment; // the file's first line, saying what the file is
};

// The code for newHandlerFileName(function), by runtime:
//  - javascript: CommonJS in the language the embedded engine (QJSEngine 6.4) parses — no async/await,
//    object spread or class fields, so the handler is a plain function;
//  - nodejs*: an ES module (.mjs) exporting an async handler;
//  - python3.*: `def <member>(event, context)`;
//  - provided*: a POSIX shell `bootstrap` speaking the Lambda Runtime API with curl (it must be made
//    executable: HandlerFile::executable).
// Quotes, backslashes and line breaks in the texts become spaces, so they cannot break the code. Empty when
// the runtime is unknown or the handler names no file or a member no code can define.
QByteArray handlerTemplate(const Function &function, const TemplateResponse &response);
// The starter for a new function: 200 with "Hello from <function>!".
QByteArray handlerTemplate(const Function &function);

} // namespace gatehouse
