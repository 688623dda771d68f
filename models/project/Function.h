// A Lambda function as the user designs it: code location, runtime and the limits Lambda enforces.
#pragma once

#include "Common.h"

namespace gatehouse {

struct Function {
    QString name;
    QString description;
    // "javascript" (embedded engine), "nodejs18.x"/"nodejs20.x"/"nodejs22.x", "python3.x",
    // "provided"/"provided.al2"/"provided.al2023" (own bootstrap executable).
    QString runtime = QStringLiteral("javascript");
    QString handler = QStringLiteral("index.handler");
    // Folder holding the code, relative to the project folder.
    QString codeUri;
    int memoryMB = 128;
    int timeoutSeconds = 3;
    QString architecture = QStringLiteral("x86_64");
    std::optional<int> reservedConcurrency;
    NameValueList environment;
    // Queue that receives the events of asynchronous invocations that failed every attempt.
    QString deadLetterQueue;
    std::optional<CanvasPoint> position; // designer canvas; unset = automatic layout
    UnknownFields unknown;

    bool operator==(const Function &) const = default;
};

} // namespace gatehouse
