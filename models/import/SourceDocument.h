// A foreign file (YAML or JSON) read into a JSON-shaped tree with the position of each node, behind
// the guards hostile input needs: a size cap, a nesting cap and a cap on alias expansion (YAML bombs).
// CloudFormation short tags (!Ref X, !GetAtt A.B, !Sub S, ...) become their long forms.
#pragma once

#include "project/UnknownFields.h"
#include "validation/Diagnostic.h"

#include <QByteArray>
#include <QHash>
#include <optional>

namespace gatehouse {

struct SourceLimits {
    qint64 maxBytes = 8 * 1024 * 1024;
    int maxDepth = 64;        // SAM templates nest about 12 levels, OpenAPI schemas rarely 30
    qint64 maxNodes = 200000; // counted after alias expansion
};

struct SourceDocument {
    QString fileName;
    OrderedJson root;
    // Dotted path ("Resources.Fn.Properties.Events", "paths./items.get", "item[2].request") to the
    // 1-based line and column where that node starts (YAML only; JSON gives paths alone).
    QHash<QString, std::pair<int, int>> positions;

    // A diagnostic at `path`, with the line and column of the nearest node that has a position.
    Diagnostic diagnostic(Diagnostic::Severity severity, const QString &path, const QString &message,
                          const QString &hint = {}) const;
};

// Parses `text` as JSON when it starts with '{' or '[', otherwise as YAML (first document only).
// On failure returns nullopt and appends an Error diagnostic with line and column.
std::optional<SourceDocument> parseSourceDocument(const QByteArray &text, const QString &fileName,
                                                  Diagnostics &diagnostics, const SourceLimits &limits = {});

// Dotted child path, as used for SourceDocument::positions.
QString sourcePath(const QString &parent, const std::string &key);
QString sourcePath(const QString &parent, qsizetype index);

} // namespace gatehouse
