// Rows for tst_validation's data-driven test: each row is a small project that breaks one rule, with
// the JSON path and a distinctive part of the message the diagnostic must carry. Split by area.
#pragma once

#include <QByteArray>

namespace gatehouse::test {

enum class Expect { Error, Warning };

// Adds one row to the current _data() table (columns: json, path, message, isError).
void addRow(const char *name, const QByteArray &json, const char *path, const char *message,
            Expect expect = Expect::Error);

// A project with one valid function "hello" (javascript, 3 s timeout), then `more` top-level members
// (each starting with a comma).
QByteArray withHello(const QByteArray &more = {});
// withHello() plus one API named "a" of `type` with `routes` (a JSON array) and `extra` members.
QByteArray withApi(const char *type, const QByteArray &routes, const QByteArray &extra = {});
// {"method": method, "path": path, "integration": {lambda hello}} plus `extra` members.
QByteArray route(const char *method, const char *path, const QByteArray &extra = {});
// A WebSocket route {"routeKey": key, "integration": {lambda hello}} plus `extra` members.
QByteArray wsRoute(const char *key, const QByteArray &extra = {});

void addLoadRows();        // ValidationRowsFunctions.cpp
void addSettingsRows();    // ValidationRowsFunctions.cpp
void addFunctionRows();    // ValidationRowsFunctions.cpp
void addRouteRows();       // ValidationRowsApis.cpp
void addApiRows();         // ValidationRowsApis.cpp
void addAuthorizerRows();  // ValidationRowsAuthorizers.cpp
void addEventSourceRows(); // ValidationRowsEventSources.cpp

} // namespace gatehouse::test
