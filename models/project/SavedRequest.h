// A saved test request (Postman-like), its assertions, and the named variable sets it is sent with.
#pragma once

#include "Common.h"

namespace gatehouse {

struct RequestAssertion {
    QString kind;                          // "status", "header", "jsonPath", "time"
    QString target;                        // header name or JSON path
    QString op = QStringLiteral("equals"); // equals, contains, exists, below
    QString expected;
    UnknownFields unknown;
    bool operator==(const RequestAssertion &) const = default;
};

struct SavedRequest {
    QString name;
    QString method = QStringLiteral("GET");
    QString url; // may use {{variables}}
    NameValueList headers;
    QString body;
    QList<RequestAssertion> assertions;
    UnknownFields unknown;
    bool operator==(const SavedRequest &) const = default;
};

struct VariableSet {
    QString name;
    NameValueList variables;
    UnknownFields unknown;
    bool operator==(const VariableSet &) const = default;
};

} // namespace gatehouse
