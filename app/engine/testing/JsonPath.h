// The JSONPath subset of saved-request assertions — $, .name, [N], ['name'], ["name"] — walked
// exactly like the Postman export's gatehouse.jsonPath helper (models/export/postman/PostmanTests.cpp),
// so an assertion means the same in Gatehouse's runner and in Postman/newman.
#pragma once

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>

namespace gatehouse::testing {

// The property names a path steps through: "$.items[0]['full name']" -> items, 0, full name. Like
// the JavaScript helper, text that is not a step is skipped rather than rejected.
QStringList jsonPathSteps(const QString &path);

// The value at `path`, or nullopt where JavaScript would give undefined. Arrays take an index or
// "length", strings a character index or "length"; anything else has no properties.
std::optional<nlohmann::ordered_json> evaluateJsonPath(const nlohmann::ordered_json &root,
                                                       const QString &path);

// JavaScript's `typeof v === 'string' ? v : JSON.stringify(v)` (the helper's gatehouse.text), which
// the equals/contains assertions compare: 3 and "3" both read "3", objects keep their key order.
QString jsonText(const nlohmann::ordered_json &value);

// JavaScript's Number(v) for the below assertion: strings are parsed (blank is 0), true is 1,
// null is 0; objects and non-numeric strings are NaN.
double jsonNumber(const nlohmann::ordered_json &value);

} // namespace gatehouse::testing
