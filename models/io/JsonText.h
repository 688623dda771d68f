// Turns bytes into JSON with the guards a project file needs: a size cap, a nesting-depth cap and
// syntax errors reported with line and column. Never throws.
#pragma once

#include "project/UnknownFields.h"
#include "validation/Diagnostic.h"

#include <QByteArray>
#include <optional>

namespace gatehouse {

struct JsonTextLimits {
    qint64 maxBytes = 16 * 1024 * 1024; // project files are kilobytes; this catches the wrong file
    int maxDepth = 64;
};

// Parses `text` as JSON. On failure returns nullopt and appends one Error diagnostic naming `fileName`.
std::optional<OrderedJson> parseJsonText(const QByteArray &text, const QString &fileName,
                                         Diagnostics &diagnostics, const JsonTextLimits &limits = {});

// 1-based line and column of a byte offset (columns count UTF-8 characters).
std::pair<int, int> lineAndColumnAt(const QByteArray &text, qsizetype byteOffset);

} // namespace gatehouse
