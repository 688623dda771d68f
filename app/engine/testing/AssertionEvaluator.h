// Checks one saved-request assertion against an HTTP exchange, with the same rules as the Postman
// test lines the export writes (models/export/postman/PostmanTests.cpp), and says why it failed.
#pragma once

#include "HttpExchange.h"
#include "project/SavedRequest.h"

namespace gatehouse::testing {

struct AssertionOutcome {
    RequestAssertion assertion;
    bool passed = false;
    QString actual;  // what was found, as shown in the message ("404", "\"pear\"", "nothing")
    QString message; // "status: expected 200, got 404"; on success "status: 200"
};

// Supported (kind: ops): status: equals, below · time: below (ms) · header: exists, equals, contains,
// matches · jsonPath: exists, equals, contains, below, matches · body: equals, contains, matches.
// An empty op means equals. Anything else fails with a message that names it, as does a number
// assertion whose expected value is not a number.
AssertionOutcome evaluateAssertion(const RequestAssertion &assertion, const HttpExchange &exchange);

// "status", "time", "header content-type", "jsonPath $.items[0].name", "body": the start of messages.
QString assertionLabel(const RequestAssertion &assertion);

} // namespace gatehouse::testing
