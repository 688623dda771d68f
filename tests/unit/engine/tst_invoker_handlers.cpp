// The embedded `javascript` runtime as a Lambda Node.js handler sees it: module styles, results, context,
// process.env, console and timers.
#include "InvokerFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse;

namespace {
QJsonObject object(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object();
}
} // namespace

class TestInvokerHandlers : public QObject {
    Q_OBJECT
private slots:
    void commonJsExportsHandlerReturnsAValue() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "exports.handler = function (event) { return { got: event.x }; };"}});
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), R"({"x": 42})");
        QVERIFY2(r.succeeded(), r.payload.constData());
        QCOMPARE(r.payload, QByteArray(R"({"got":42})"));
        QCOMPARE(r.statusCode, 200);
    }

    void moduleExportsObjectAndNestedHandlerPath() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"src/app.js", "module.exports = { api: { handler: (e) => 'nested' } };"}},
                      QStringLiteral("src/app.api.handler"));
        QCOMPARE(f.start().invokeAndWait(QStringLiteral("f"), "{}").payload, QByteArray(R"("nested")"));
    }

    void esModulesByExtensionOrSyntax_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("source");
        QTest::newRow("export function in .mjs")
            << "index.mjs" << QByteArray("export function handler(e) { return 'fn'; }");
        QTest::newRow("export const in .mjs")
            << "index.mjs" << QByteArray("export const handler = (e) => 'const';");
        QTest::newRow(".js containing export")
            << "index.js" << QByteArray("// ESM\nexport const handler = () => 'js';");
        QTest::newRow("import of a relative module") << "index.mjs"
                                                     << QByteArray("import { word } from './util.mjs';\n"
                                                                   "export const handler = () => word;");
    }
    void esModulesByExtensionOrSyntax() {
        QFETCH(QString, file);
        QFETCH(QByteArray, source);
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{file, source}, {QStringLiteral("util.mjs"), "export const word = 'util';"}});
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), "{}");
        QVERIFY2(r.succeeded(), r.payload.constData());
        QVERIFY(!r.payload.isEmpty() && r.payload != "null");
    }

    void packageTypeModuleMakesJsAnEsModule() {
        test::InvokerFixture f;
        f.addFunction(
            QStringLiteral("f"),
            {{"package.json", R"({"type": "module"})"},
             {"index.js",
              "const v = 'pkg';\nexport { v as handler0 };\nexport function handler() { return v; }"}});
        QCOMPARE(f.start().invokeAndWait(QStringLiteral("f"), "{}").payload, QByteArray(R"("pkg")"));
    }

    void requireOfRelativeModulesIsCachedPerEngine() {
        test::InvokerFixture f;
        f.addFunction(
            QStringLiteral("f"),
            {{"index.js",
              "const a = require('./lib/util');\nconst b = require('./lib/util.js');\n"
              "const data = require('./data.json');\n"
              "exports.handler = () => ({ same: a === b, loads: a.loads(), name: data.name, dir: a.dir });"},
             {"lib/util.js", "var loads = 0; loads++;\nexports.loads = () => loads;\nexports.dir = "
                             "__dirname.split('/').pop();"},
             {"data.json", R"({"name": "json"})"}});
        const QJsonObject o = object(f.start().invokeAndWait(QStringLiteral("f"), "{}").payload);
        QCOMPARE(o.value(QStringLiteral("same")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("loads")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("json"));
        QCOMPARE(o.value(QStringLiteral("dir")).toString(), QStringLiteral("lib"));
    }

    void requireFindsNodeModulesPackages() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "const p = require('tiny');\nexports.handler = () => p.hi();"},
                       {"node_modules/tiny/package.json", R"({"main": "lib/main.js"})"},
                       {"node_modules/tiny/lib/main.js", "exports.hi = () => 'pkg';"}});
        QCOMPARE(f.start().invokeAndWait(QStringLiteral("f"), "{}").payload, QByteArray(R"("pkg")"));
    }

    void promiseResultIsAwaitedOnTheEnvironmentsEventLoop() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = (e) => new Promise((resolve) => "
                                                         "setTimeout(() => resolve({ late: true }), 20));"}});
        QCOMPARE(f.start().invokeAndWait(QStringLiteral("f"), "{}").payload, QByteArray(R"({"late":true})"));
    }

    // QJSEngine 6.4's own WeakMap/WeakSet crash the process once a long-lived one has seen some tens of
    // thousands of keys and the garbage collector runs (this test crashed before the prelude replaced
    // them); the replacements behave as the standard says.
    void weakMapAndWeakSetHoldManyKeysAndBehaveAsSpecified() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", R"JS(
var cache = new WeakMap(), seen = new WeakSet();
exports.handler = (event) => {
  for (var i = 0; i < event.n; i++) {
    var key = { i: i };
    cache.set(key, i);
    seen.add(key);
    if (cache.get(key) !== i || !seen.has(key)) throw new Error('lost ' + i);
  }
  var frozen = Object.freeze({}), sealedLater = {}, m = new WeakMap([[frozen, 'f']]);
  m.set(sealedLater, 1);
  Object.freeze(sealedLater);
  var deletedSealed = m.delete(sealedLater);
  var invalid = '';
  try { m.set('text', 1); } catch (e) { invalid = e.name; }
  return {
    frozen: m.get(frozen), deletedSealed: deletedSealed, hasSealedAfter: m.has(sealedLater),
    hasPrimitive: m.has(1), invalid: invalid, tag: Object.prototype.toString.call(m),
    isWeakMap: m instanceof WeakMap, isWeakSet: new WeakSet() instanceof WeakSet,
    keys: Object.keys(frozen).length + Object.keys(sealedLater).length + JSON.stringify(sealedLater).length,
    chained: m.set({}, 2) === m, deletedMissing: m.delete({}),
    subclass: (function () { class Tagged extends WeakMap {} var t = new Tagged(); var k = {}; t.set(k, 3); return t.get(k); })()
  };
};)JS"}});
        Invoker &invoker = f.start();
        for (int round = 0; round < 3; ++round) { // 60,000 keys through the same two collections
            const InvocationResult r = invoker.invokeAndWait(QStringLiteral("f"), R"({"n": 20000})");
            QVERIFY2(r.succeeded(), r.payload.constData());
            QCOMPARE(
                object(r.payload),
                object(R"({"frozen":"f","deletedSealed":true,"hasSealedAfter":false,"hasPrimitive":false,)"
                       R"("invalid":"TypeError","tag":"[object WeakMap]","isWeakMap":true,"isWeakSet":true,)"
                       R"("keys":2,"chained":true,"deletedMissing":false,"subclass":3})"));
        }
    }

    void rejectedPromiseIsAFunctionError() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "exports.handler = () => Promise.reject(new TypeError('nope'));"}});
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(r.functionError, QStringLiteral("Unhandled"));
        QCOMPARE(r.errorType, QStringLiteral("TypeError"));
        QCOMPARE(r.errorMessage, QStringLiteral("nope"));
    }

    void callbackStyleHandler() {
        test::InvokerFixture f;
        f.addFunction(
            QStringLiteral("f"),
            {{"index.js", "exports.handler = function (event, context, callback) {\n"
                          "  setTimeout(function () { callback(null, { via: 'callback' }); }, 10);\n};"}});
        QCOMPARE(f.start().invokeAndWait(QStringLiteral("f"), "{}").payload,
                 QByteArray(R"({"via":"callback"})"));
    }

    void callbackErrorIsAFunctionError() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "exports.handler = (e, c, cb) => cb(new Error('cb failed'));"}});
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(r.errorMessage, QStringLiteral("cb failed"));
    }

    void callbackWaitsForTheEventLoopToEmptyUnlessToldNotTo() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("wait"),
                      {{"index.js", "exports.handler = (e, c, cb) => { setTimeout(() => "
                                    "console.log('after'), 30); cb(null, 1); };"}});
        f.addFunction(
            QStringLiteral("nowait"),
            {{"index.js", "exports.handler = (e, c, cb) => { c.callbackWaitsForEmptyEventLoop = false;\n"
                          "  setTimeout(() => console.log('after'), 30); cb(null, 2); };"}});
        Invoker &invoker = f.start();
        const InvocationResult waited = invoker.invokeAndWait(QStringLiteral("wait"), "{}");
        QCOMPARE(waited.payload, QByteArray("1"));
        QVERIFY(waited.durationMs >= 25);
        QVERIFY(waited.logLines.join(u'\n').contains(QLatin1String("INFO\tafter")));
        const InvocationResult quick = invoker.invokeAndWait(QStringLiteral("nowait"), "{}");
        QCOMPARE(quick.payload, QByteArray("2"));
        QVERIFY(!quick.logLines.join(u'\n').contains(QLatin1String("after")));
    }

    void undefinedResultIsNull() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"), {{"index.js", "exports.handler = function () {};"}});
        QCOMPARE(f.start().invokeAndWait(QStringLiteral("f"), "{}").payload, QByteArray("null"));
    }

    void contextLooksLikeLambdasNodeContext() {
        test::InvokerFixture f;
        f.project.settings.region = QStringLiteral("eu-west-1");
        f.addFunction(
             QStringLiteral("ctx"),
             {{"index.js",
               "exports.handler = (e, c) => ({ id: c.awsRequestId, name: c.functionName,\n"
               "  version: c.functionVersion, arn: c.invokedFunctionArn, mem: c.memoryLimitInMB,\n"
               "  group: c.logGroupName, stream: c.logStreamName, left: c.getRemainingTimeInMillis(),\n"
               "  waits: c.callbackWaitsForEmptyEventLoop, client: c.clientContext });"}})
            .memoryMB = 256;
        InvokeOptions options;
        options.clientContext = R"({"custom": {"k": "v"}})";
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("ctx"), "{}", options);
        const QJsonObject o = object(r.payload);
        QCOMPARE(o.value(QStringLiteral("id")).toString(), r.requestId);
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("ctx"));
        QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("$LATEST"));
        QCOMPARE(o.value(QStringLiteral("arn")).toString(),
                 QStringLiteral("arn:aws:lambda:eu-west-1:123456789012:function:ctx"));
        QCOMPARE(o.value(QStringLiteral("mem")).toString(), QStringLiteral("256"));
        QCOMPARE(o.value(QStringLiteral("group")).toString(), QStringLiteral("/aws/lambda/ctx"));
        QCOMPARE(o.value(QStringLiteral("stream")).toString(), r.logStreamName);
        QVERIFY(QRegularExpression(QStringLiteral(R"(^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$)"))
                    .match(r.logStreamName)
                    .hasMatch());
        const double left = o.value(QStringLiteral("left")).toDouble();
        QVERIFY2(left > 2000 && left <= 3000, qPrintable(QString::number(left)));
        QCOMPARE(o.value(QStringLiteral("waits")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("client"))
                     .toObject()
                     .value(QStringLiteral("custom"))
                     .toObject()
                     .value(QStringLiteral("k"))
                     .toString(),
                 QStringLiteral("v"));
    }

    void processEnvHoldsLambdaVariablesAndNothingFromTheApp() {
        qputenv("GATEHOUSE_TEST_SECRET", "must-not-leak");
        test::InvokerFixture f;
        Function &fn =
            f.addFunction(QStringLiteral("env"), {{"index.js", "exports.handler = () => process.env;"}});
        fn.environment = {{QStringLiteral("GREETING"), QStringLiteral("hi")},
                          {QStringLiteral("AWS_REGION"), QStringLiteral("mars-1")}};
        const QJsonObject env = object(f.start().invokeAndWait(QStringLiteral("env"), "{}").payload);
        QCOMPARE(env.value(QStringLiteral("AWS_LAMBDA_FUNCTION_NAME")).toString(), QStringLiteral("env"));
        QCOMPARE(env.value(QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")).toString(),
                 QStringLiteral("128"));
        QCOMPARE(env.value(QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION")).toString(),
                 QStringLiteral("$LATEST"));
        QCOMPARE(env.value(QStringLiteral("AWS_REGION")).toString(),
                 QStringLiteral("us-east-1")); // reserved wins
        QCOMPARE(env.value(QStringLiteral("AWS_DEFAULT_REGION")).toString(), QStringLiteral("us-east-1"));
        QCOMPARE(env.value(QStringLiteral("AWS_LAMBDA_LOG_GROUP_NAME")).toString(),
                 QStringLiteral("/aws/lambda/env"));
        QVERIFY(env.value(QStringLiteral("AWS_LAMBDA_LOG_STREAM_NAME"))
                    .toString()
                    .contains(QLatin1String("[$LATEST]")));
        QCOMPARE(env.value(QStringLiteral("_HANDLER")).toString(), QStringLiteral("index.handler"));
        QVERIFY(env.value(QStringLiteral("LAMBDA_TASK_ROOT"))
                    .toString()
                    .endsWith(QLatin1String("functions/env")));
        QCOMPARE(env.value(QStringLiteral("TZ")).toString(), QStringLiteral(":UTC"));
        QCOMPARE(env.value(QStringLiteral("AWS_EXECUTION_ENV")).toString(),
                 QStringLiteral("AWS_Lambda_javascript"));
        QCOMPARE(env.value(QStringLiteral("GREETING")).toString(), QStringLiteral("hi"));
        QVERIFY(!env.contains(QStringLiteral("GATEHOUSE_TEST_SECRET")));
        QVERIFY(!env.contains(QStringLiteral("HOME")));
    }

    void consoleWritesNodeRuntimeLinesWithLevels() {
        test::InvokerFixture f;
        f.addFunction(
            QStringLiteral("f"),
            {{"index.js",
              "exports.handler = () => {\n"
              "  console.log('plain', 1, { a: 'x', n: [1, 2] });\n"
              "  console.info('%s is %d', 'answer', 42);\n  console.warn('careful');\n"
              "  console.error(new Error('shown'));\n  console.debug('dbg');\n  console.trace('here');\n"
              "  return 1; };"}});
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), "{}");
        const QStringList lines = r.logLines;
        const QString id = r.requestId;
        QVERIFY(lines.first().startsWith(QLatin1String("START RequestId: ") + id));
        const QRegularExpression line(
            QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\t%1\t(\w+)\t(.*)$)").arg(id),
            QRegularExpression::DotMatchesEverythingOption);
        QStringList levels, messages;
        for (const QString &l : lines)
            if (const auto m = line.match(l); m.hasMatch()) {
                levels.append(m.captured(1));
                messages.append(m.captured(2));
            }
        QCOMPARE(levels, (QStringList{"INFO", "INFO", "WARN", "ERROR", "DEBUG", "TRACE"}));
        QCOMPARE(messages.at(0), QStringLiteral("plain 1 { a: 'x', n: [ 1, 2 ] }"));
        QCOMPARE(messages.at(1), QStringLiteral("answer is 42"));
        QVERIFY2(messages.at(3).startsWith(QLatin1String("Error: shown\n    at ")),
                 qPrintable(messages.at(3)));
        QVERIFY(messages.at(5).startsWith(QLatin1String("Trace: here")));
        QVERIFY(lines.at(lines.size() - 2).startsWith(QLatin1String("END RequestId: ") + id));
        QVERIFY(lines.last().startsWith(QLatin1String("REPORT RequestId: ") + id));
        // The same lines went to the shared store, tagged for filtering.
        const QList<LogRecord> stored = f.logs.forRequest(id);
        QCOMPARE(stored.size(), lines.size());
        QCOMPARE(stored.first().source, QStringLiteral("f"));
        QCOMPARE(stored.first().stream, r.logStreamName);
        QVERIFY(stored.first().platform);
        QCOMPARE(stored.at(4).level, LogRecord::Level::Error);
        QCOMPARE(stored.at(4).message, lines.at(4));
    }

    void consoleLinesGoToTheirOwnRequestWithTwoEnvironmentsRunning() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "exports.handler = (e) => { console.log('begin ' + e.n);\n"
                                    "  return new Promise((ok) => setTimeout(() => { console.log('end ' + "
                                    "e.n); ok(e.n); }, 60)); };"}});
        Invoker &invoker = f.start();
        QList<InvocationResult> results;
        for (int n : {1, 2})
            invoker.invoke(QStringLiteral("f"), QByteArray("{\"n\":") + QByteArray::number(n) + '}', {}, this,
                           [&](const InvocationResult &r) { results.append(r); });
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 10000);
        QCOMPARE(invoker.stats(QStringLiteral("f")).environments, 2);
        for (const InvocationResult &r : results) {
            const QString n = QString::fromUtf8(r.payload);
            int own = 0;
            for (const QString &l : r.logLines) {
                if (!l.contains(QLatin1String("\tINFO\t"))) continue;
                QVERIFY2(l.contains(r.requestId), qPrintable(l));
                QVERIFY2(l.endsWith(QLatin1Char(' ') + n), qPrintable(l));
                ++own;
            }
            QCOMPARE(own, 2);
            for (const LogRecord &rec : f.logs.forRequest(r.requestId))
                QVERIFY(rec.message.contains(r.requestId) || rec.platform);
        }
    }

    void warmEnvironmentKeepsModuleStateAndReportsInitOnlyOnce() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "let calls = 0;\nexports.handler = () => ++calls;"}});
        Invoker &invoker = f.start();
        const InvocationResult first = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        const InvocationResult second = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        QCOMPARE(first.payload, QByteArray("1"));
        QCOMPARE(second.payload, QByteArray("2"));
        QVERIFY(first.coldStart);
        QVERIFY(!second.coldStart);
        QVERIFY(first.initDurationMs > 0);
        QCOMPARE(second.initDurationMs, 0.0);
        QVERIFY(first.logLines.last().contains(QLatin1String("\tInit Duration: ")));
        QVERIFY(!second.logLines.last().contains(QLatin1String("Init Duration")));
        QCOMPARE(first.logStreamName, second.logStreamName);
        const QRegularExpression report(
            QStringLiteral(
                R"(^REPORT RequestId: %1\tDuration: \d+\.\d\d ms\tBilled Duration: (\d+) ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB$)")
                .arg(second.requestId));
        const auto m = report.match(second.logLines.last());
        QVERIFY2(m.hasMatch(), qPrintable(second.logLines.last()));
        QCOMPARE(m.captured(1).toLongLong(), second.billedDurationMs);
        QVERIFY(second.maxMemoryUsedMB >= 1);
    }

    // "Max Memory Used" follows what a warm handler holds, also once fast calls have made the
    // environment run inline and the memory probe answers from its recent sample.
    void maxMemoryUsedCountsWhatAWarmHandlerAllocates() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "const kept = [];\n"
                                    "exports.handler = (event) => {\n"
                                    "  if (event.megabytes) {\n"
                                    "    const buffer = new Uint8Array(event.megabytes * 1024 * 1024);\n"
                                    "    buffer.fill(1);\n"
                                    "    kept.push(buffer);\n"
                                    "  }\n"
                                    "  return kept.length;\n"
                                    "};"}})
            .memoryMB = 512;
        Invoker &invoker = f.start();
        InvocationResult r;
        for (int i = 0; i < 20; ++i)
            r = invoker.invokeAndWait(QStringLiteral("f"), "{}");
        const int before = r.maxMemoryUsedMB;
        r = invoker.invokeAndWait(QStringLiteral("f"), R"({"megabytes":64})");
        QCOMPARE(r.payload, QByteArray("1"));
        QVERIFY2(r.maxMemoryUsedMB >= before + 60,
                 qPrintable(QStringLiteral("%1 MB after %2 MB").arg(r.maxMemoryUsedMB).arg(before)));
        QVERIFY2(r.logLines.last().endsWith(QStringLiteral("Max Memory Used: %1 MB").arg(r.maxMemoryUsedMB)),
                 qPrintable(r.logLines.last()));
    }

    void topLevelLogLinesBelongToTheColdStart() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "console.log('loading');\nexports.handler = () => 1;"}});
        const InvocationResult r = f.start().invokeAndWait(QStringLiteral("f"), "{}");
        QVERIFY2(r.logLines.first().endsWith(QLatin1String("\tundefined\tINFO\tloading")),
                 qPrintable(r.logLines.first()));
        QVERIFY(r.logLines.at(1).startsWith(QLatin1String("START ")));
    }

    void timersAndGlobalsExist() {
        test::InvokerFixture f;
        f.addFunction(QStringLiteral("f"),
                      {{"index.js", "exports.handler = () => new Promise((ok) => {\n"
                                    "  const order = [];\n  const i = setInterval(() => { order.push('i'); "
                                    "if (order.length > 2) { clearInterval(i); ok(order); } }, 5);\n"
                                    "  const t = setTimeout(() => order.push('never'), 1); clearTimeout(t);\n"
                                    "  setImmediate(() => order.push('immediate'));\n  process.nextTick(() "
                                    "=> order.push('tick'));\n"
                                    "  order.push(typeof globalThis, typeof global.setTimeout);\n});"}});
        const QJsonArray order =
            QJsonDocument::fromJson(f.start().invokeAndWait(QStringLiteral("f"), "{}").payload).array();
        QCOMPARE(order.at(0).toString(), QStringLiteral("object"));
        QCOMPARE(order.at(1).toString(), QStringLiteral("function"));
        QCOMPARE(order.at(2).toString(), QStringLiteral("tick"));
        QVERIFY(!order.contains(QStringLiteral("never")));
        QVERIFY(order.contains(QStringLiteral("immediate")));
    }
};

QTEST_GUILESS_MAIN(TestInvokerHandlers)
#include "tst_invoker_handlers.moc"
