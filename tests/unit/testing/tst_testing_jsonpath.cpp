// The JSONPath subset: the steps and values of the Postman export's gatehouse.jsonPath helper.
#include "testing/JsonPath.h"

#include <QtTest>
#include <cmath>

using namespace gatehouse::testing;
using Json = nlohmann::ordered_json;

namespace {
const Json kDoc = Json::parse(R"({"count": 3, "ratio": 2.0, "items": [{"name": "apple", "tags": ["red"]},
    {"name": "pear"}], "full name": "Ann", "nothing": null, "flag": true, "nested": {"b": 1, "a": [1, "x"]}})");

QString at(const QString &path) {
    const std::optional<Json> value = evaluateJsonPath(kDoc, path);
    return value ? jsonText(*value) : QStringLiteral("<undefined>");
}
} // namespace

class TestTestingJsonPath : public QObject {
    Q_OBJECT
private slots:
    void splitsDotIndexAndQuotedSteps() {
        QCOMPARE(jsonPathSteps(QStringLiteral("$.items[0]['full name'][\"x.y\"]")),
                 (QStringList{QStringLiteral("items"), QStringLiteral("0"), QStringLiteral("full name"),
                              QStringLiteral("x.y")}));
        QCOMPARE(jsonPathSteps(QStringLiteral("$")), QStringList());
        QCOMPARE(jsonPathSteps(QStringLiteral("$[2].a")),
                 (QStringList{QStringLiteral("2"), QStringLiteral("a")}));
    }
    void walksObjectsAndArrays() {
        QCOMPARE(at(QStringLiteral("$.items[0].name")), QStringLiteral("apple"));
        QCOMPARE(at(QStringLiteral("$.items[1]['name']")), QStringLiteral("pear"));
        QCOMPARE(at(QStringLiteral("$['full name']")), QStringLiteral("Ann"));
        QCOMPARE(at(QStringLiteral("$.items[0].tags[0]")), QStringLiteral("red"));
        QCOMPARE(at(QStringLiteral("$.items.1.name")), QStringLiteral("pear")); // JavaScript: items["1"]
    }
    void missingStepsAreUndefined() {
        QCOMPARE(at(QStringLiteral("$.missing")), QStringLiteral("<undefined>"));
        QCOMPARE(at(QStringLiteral("$.items[5].name")), QStringLiteral("<undefined>"));
        QCOMPARE(at(QStringLiteral("$.nothing.below")), QStringLiteral("<undefined>"));
        QCOMPARE(at(QStringLiteral("$.count.x")), QStringLiteral("<undefined>"));
        QCOMPARE(at(QStringLiteral("$.items.01")), QStringLiteral("<undefined>"));
    }
    void lengthsAndCharactersAsInJavaScript() {
        QCOMPARE(at(QStringLiteral("$.items.length")), QStringLiteral("2"));
        QCOMPARE(at(QStringLiteral("$['full name'].length")), QStringLiteral("3"));
        QCOMPARE(at(QStringLiteral("$['full name'][0]")), QStringLiteral("A"));
    }
    void textIsJsonStringifyExceptForStrings() {
        QCOMPARE(at(QStringLiteral("$.count")), QStringLiteral("3"));
        QCOMPARE(at(QStringLiteral("$.ratio")), QStringLiteral("2")); // one number type in JavaScript
        QCOMPARE(at(QStringLiteral("$.nothing")), QStringLiteral("null"));
        QCOMPARE(at(QStringLiteral("$.flag")), QStringLiteral("true"));
        QCOMPARE(at(QStringLiteral("$.nested")),
                 QStringLiteral("{\"b\":1,\"a\":[1,\"x\"]}")); // key order kept
        QCOMPARE(jsonText(Json(1.5)), QStringLiteral("1.5"));
    }
    void numbersAsJavaScriptNumber() {
        QCOMPARE(jsonNumber(Json(12)), 12.0);
        QCOMPARE(jsonNumber(Json(" 12.5 ")), 12.5);
        QCOMPARE(jsonNumber(Json("")), 0.0);
        QCOMPARE(jsonNumber(Json(nullptr)), 0.0);
        QCOMPARE(jsonNumber(Json(true)), 1.0);
        QVERIFY(std::isnan(jsonNumber(Json("twelve"))));
        QVERIFY(std::isnan(jsonNumber(Json::object())));
    }
};

QTEST_GUILESS_MAIN(TestTestingJsonPath)
#include "tst_testing_jsonpath.moc"
