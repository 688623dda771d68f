// Maps between the project model and the gatehouse.json document (format version 1).
// Reading never throws: type errors and missing fields become diagnostics with JSON paths, and
// unknown keys are kept in the model so that saving writes them back unchanged.
#pragma once

#include "project/Project.h"
#include "validation/Diagnostic.h"

#include <QByteArray>

namespace gatehouse {

struct ProjectReadResult {
    Project project;
    Diagnostics diagnostics;
    // False when the document could not be read at all (syntax error, not an object, newer format).
    bool readable = false;
};

ProjectReadResult projectFromJson(const OrderedJson &document, const QString &fileName);
ProjectReadResult projectFromJsonText(const QByteArray &text, const QString &fileName);

OrderedJson projectToJson(const Project &project);
// Pretty-printed with two-space indentation and a final newline: stable, diff-friendly output.
QByteArray projectToJsonText(const Project &project);

} // namespace gatehouse
