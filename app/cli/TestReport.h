// What `gatehouse test` prints: a line per request, the summary line, or the whole run as JSON.
#pragma once

#include "testing/CollectionRunner.h"

#include <QJsonObject>

namespace gatehouse::cli {

// "PASS  Items / Get one  (200, 12 ms)" or
// "FAIL  Items / Get one: jsonPath $.items[0].name: expected "apple", got "pear"" (all failures, "; ").
QString testResultLine(const testing::RequestOutcome &outcome);
QString testSummaryLine(int passed, int failed); // "3 passed, 0 failed"

// {"project", "environment", "passed", "failed", "requests": [{"name", "method", "url", "passed",
//  "status", "timeMs", "error", "assertions": [{"kind", "target", "op", "expected", "passed", "actual",
//  "message"}]}]}
QJsonObject testReportJson(const QString &project, const QString &environment,
                           const QList<testing::RequestOutcome> &outcomes);

} // namespace gatehouse::cli
