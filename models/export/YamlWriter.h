// Writes a JSON-shaped document as block-style YAML with yaml-cpp, deterministically (same input,
// same bytes) so that exports diff cleanly and round trips can be compared byte for byte.
#pragma once

#include "project/UnknownFields.h"

#include <QByteArray>

namespace gatehouse {

struct YamlWriteOptions {
    // Write CloudFormation intrinsics ({"Ref": X}, {"Fn::Sub": S}, ...) in their short tag form
    // (!Ref X, !Sub S, !GetAtt A.B) as people write SAM templates. Off for OpenAPI documents, which
    // generic YAML tools must read: there Fn::Sub stays a plain mapping.
    bool shortIntrinsics = true;
    // Put an empty line before each top-level key after the first (easier to read).
    bool spaceTopLevel = true;
};

QByteArray toYaml(const OrderedJson &document, const YamlWriteOptions &options = {});

// True when `text` written as a plain YAML scalar would be read back as something other than this
// string (a number, boolean, null, date...) by YAML 1.1 or 1.2 readers, so it must be quoted.
bool yamlPlainScalarIsAmbiguous(const QString &text);

} // namespace gatehouse
