// Specification of route path templates: how "/items/{id}" and "/files/{proxy+}" split into segments,
// and the message and hint for each way a template can be wrong.
#include "validation/PathTemplate.h"

#include <QtTest>

using namespace gatehouse;
using Kind = PathTemplate::Segment::Kind;

class TestPathTemplate : public QObject {
    Q_OBJECT

private slots:
    void literalAndParameterSegments();
    void greedyProxyAsLastSegmentIsValid();
    void rootPathHasNoSegments();
    void parameterNamesDoNotChangeTheShape();
    void trailingSlashIsOnlyAWarning();
    void doubleSlashIsReportedOnce();
    void invalidTemplateIsExplained_data();
    void invalidTemplateIsExplained();
};

void TestPathTemplate::literalAndParameterSegments() {
    const PathTemplate t = PathTemplate::parse(QStringLiteral("/items/{id}/parts"));
    QVERIFY(t.problems().isEmpty());
    QCOMPARE(t.segments(), (QList<PathTemplate::Segment>{{Kind::Literal, QStringLiteral("items")},
                                                         {Kind::Parameter, QStringLiteral("id")},
                                                         {Kind::Literal, QStringLiteral("parts")}}));
    QCOMPARE(t.parameterNames(), QStringList{QStringLiteral("id")});
    QCOMPARE(t.shape(), QStringLiteral("/items/{}/parts"));
}

void TestPathTemplate::greedyProxyAsLastSegmentIsValid() {
    const PathTemplate t = PathTemplate::parse(QStringLiteral("/files/{proxy+}"));
    QVERIFY(!t.hasErrors());
    QCOMPARE(t.segments().back(), (PathTemplate::Segment{Kind::Greedy, QStringLiteral("proxy")}));
    QCOMPARE(t.shape(), QStringLiteral("/files/{+}"));
}

void TestPathTemplate::rootPathHasNoSegments() {
    const PathTemplate t = PathTemplate::parse(QStringLiteral("/"));
    QVERIFY(t.problems().isEmpty());
    QVERIFY(t.segments().isEmpty());
    QCOMPARE(t.shape(), QStringLiteral("/"));
}

void TestPathTemplate::parameterNamesDoNotChangeTheShape() {
    const auto shape = [](const char *path) { return PathTemplate::parse(QString::fromUtf8(path)).shape(); };
    QCOMPARE(shape("/items/{id}"), shape("/items/{key}"));
    QVERIFY(shape("/items/{id}") != shape("/items/{id+}"));
    QVERIFY(shape("/items/{id}") != shape("/items/id"));
}

void TestPathTemplate::trailingSlashIsOnlyAWarning() {
    const PathTemplate t = PathTemplate::parse(QStringLiteral("/items/"));
    QCOMPARE(t.problems().size(), 1);
    QVERIFY(t.problems().front().warning);
    QVERIFY(!t.hasErrors());
    QCOMPARE(t.problems().front().hint, QStringLiteral("remove the trailing '/': '/items'"));
    QCOMPARE(t.segments().size(), 1);
}

void TestPathTemplate::doubleSlashIsReportedOnce() {
    const PathTemplate t = PathTemplate::parse(QStringLiteral("/a//b//c"));
    QCOMPARE(t.problems().size(), 1);
    QVERIFY(t.hasErrors());
}

void TestPathTemplate::invalidTemplateIsExplained_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");
    const auto row = [](const char *name, const char *path, const char *message, const char *hint) {
        QTest::newRow(name) << QString::fromUtf8(path) << QString::fromUtf8(message)
                            << QString::fromUtf8(hint);
    };
    row("unclosed brace", "/items/{id", "'{id' has an unclosed '{'", "close it: '{id}'");
    row("closing brace without opening", "/items/id}", "'id}' has a '}' without a matching '{'",
        "write a parameter as '{name}'");
    row("nested brace", "/{a{b}}", "'{a{b}}' has a '{' inside a parameter", "write a parameter as '{name}'");
    row("empty parameter", "/items/{}", "'{}' is an empty parameter", "name it, e.g. '{id}'");
    row("empty greedy parameter", "/items/{+}", "'{+}' is an empty parameter", "name it, e.g. '{proxy+}'");
    row("invalid parameter name", "/items/{a.b}", "'a.b' is not a valid parameter name",
        "use letters, digits, '_' or '-'");
    row("duplicate parameter", "/a/{id}/b/{id}", "parameter 'id' appears more than once in '/a/{id}/b/{id}'",
        "rename one of them");
    row("greedy proxy not last", "/files/{proxy+}/x",
        "greedy parameter '{proxy+}' must be the last segment of '/files/{proxy+}/x'",
        "move it to the end, e.g. '/files/{proxy+}'");
    row("literal before a parameter", "/a{b}", "'a{b}' mixes literal text and a parameter",
        "make the parameter a whole segment: 'a/{b}'");
    row("literal after a parameter", "/{b}.json", "'{b}.json' mixes literal text and a parameter",
        "make the parameter a whole segment: '{b}/.json'");
    row("two parameters in a segment", "/{a}{b}", "'{a}{b}' has more than one parameter",
        "give each parameter its own segment");
    row("double slash", "/a//b", "'/a//b' has an empty segment ('//')", "remove the extra '/'");
    row("no leading slash", "items", "'items' does not start with '/'", "write '/items'");
    row("empty path", "", "path is empty", "start it with '/', e.g. '/items'");
    row("space in a segment", "/a b", "'a b' contains ' '",
        "a route path has no spaces, query string ('?') or fragment ('#')");
    row("fragment in a segment", "/items#top", "'items#top' contains '#'",
        "a route path has no spaces, query string ('?') or fragment ('#')");
}

void TestPathTemplate::invalidTemplateIsExplained() {
    QFETCH(QString, path);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    const PathTemplate t = PathTemplate::parse(path);
    QVERIFY(t.hasErrors());
    QCOMPARE(t.problems().front().message, message);
    QCOMPARE(t.problems().front().hint, hint);
}

QTEST_GUILESS_MAIN(TestPathTemplate)
#include "tst_pathtemplate.moc"
