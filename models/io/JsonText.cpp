#include "JsonText.h"

namespace gatehouse {

std::pair<int, int> lineAndColumnAt(const QByteArray &text, qsizetype byteOffset) {
    int line = 1;
    int column = 1;
    const qsizetype end = std::min(byteOffset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text.at(i));
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return {line, column};
}

namespace {

// Finds the first place where arrays/objects nest deeper than `maxDepth`, skipping string contents.
// Checked before parsing so that a hostile file cannot make any later recursive walk overflow the stack.
qsizetype offsetOfExcessiveNesting(const QByteArray &text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return -1;
}

Diagnostic fileError(const QString &fileName, const QString &message, const QString &hint) {
    Diagnostic d;
    d.file = fileName;
    d.message = message;
    d.hint = hint;
    return d;
}

} // namespace

std::optional<OrderedJson> parseJsonText(const QByteArray &text, const QString &fileName,
                                         Diagnostics &diagnostics, const JsonTextLimits &limits) {
    if (text.size() > limits.maxBytes) {
        diagnostics.append(fileError(
            fileName,
            QStringLiteral("file is too large (%1 bytes; the limit is %2 bytes)")
                .arg(text.size())
                .arg(limits.maxBytes),
            QStringLiteral("a project file holds only the design; keep code and data in separate files")));
        return std::nullopt;
    }
    if (text.trimmed().isEmpty()) {
        diagnostics.append(
            fileError(fileName, QStringLiteral("file is empty"),
                      QStringLiteral("a project file is a JSON object such as {\"formatVersion\": 1}")));
        return std::nullopt;
    }
    if (const qsizetype at = offsetOfExcessiveNesting(text, limits.maxDepth); at >= 0) {
        auto d = fileError(fileName, QStringLiteral("JSON nests deeper than %1 levels").arg(limits.maxDepth),
                           QStringLiteral("this does not look like a Gatehouse project file"));
        std::tie(d.line, d.column) = lineAndColumnAt(text, at);
        diagnostics.append(d);
        return std::nullopt;
    }
    try {
        return OrderedJson::parse(text.constBegin(), text.constEnd());
    } catch (const nlohmann::json::parse_error &e) {
        // e.byte is the 1-based offset just past the offending character.
        const qsizetype offset = e.byte > 0 ? qsizetype(e.byte) - 1 : 0;
        QString what = QString::fromUtf8(e.what());
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 2: <detail>";
        // keep only the detail since we compute line and column ourselves.
        if (const auto colon = what.indexOf(QLatin1String(": ")); colon >= 0) what = what.mid(colon + 2);
        auto d = fileError(fileName, QStringLiteral("invalid JSON: ") + what,
                           QStringLiteral("fix the syntax at the given line and column"));
        std::tie(d.line, d.column) = lineAndColumnAt(text, offset);
        diagnostics.append(d);
    } catch (const std::exception &e) {
        diagnostics.append(
            fileError(fileName, QStringLiteral("cannot read JSON: ") + QString::fromUtf8(e.what()), {}));
    }
    return std::nullopt;
}

} // namespace gatehouse
