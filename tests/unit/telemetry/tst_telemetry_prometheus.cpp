// The /metrics page in Prometheus' text exposition format 0.0.4: every line is a HELP, TYPE or sample line,
// samples follow their family's TYPE, label values are escaped and read back the same, counters end in
// _total, summaries carry quantile labels with _sum and _count.
#include "telemetry/CostMeter.h"
#include "telemetry/MetricsExposition.h"
#include "telemetry/MetricsStore.h"
#include "telemetry/PrometheusText.h"

#include <QRegularExpression>
#include <QtTest>

using namespace gatehouse;

namespace {

struct Sample {
    QString name;
    QMap<QString, QString> labels;
    double value = 0;
};

struct Parsed {
    QStringList problems;
    QMap<QString, QString> types; // family → type
    QList<Sample> samples;
    double value(const QString &name, const QMap<QString, QString> &labels) const {
        for (const Sample &s : samples)
            if (s.name == name && s.labels == labels) return s.value;
        return -1;
    }
};

// Reads label pairs as the format defines them: name="value" with \\, \" and \n escapes, comma-separated.
bool parseLabels(const QString &text, QMap<QString, QString> *labels) {
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype eq = text.indexOf(QLatin1Char('='), i);
        if (eq < 0 || eq + 1 >= text.size() || text[eq + 1] != QLatin1Char('"')) return false;
        const QString name = text.mid(i, eq - i);
        if (!QRegularExpression(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$")).match(name).hasMatch())
            return false;
        QString value;
        qsizetype j = eq + 2;
        for (; j < text.size() && text[j] != QLatin1Char('"'); ++j) {
            if (text[j] != QLatin1Char('\\')) {
                value += text[j];
                continue;
            }
            if (++j >= text.size()) return false;
            if (text[j] == QLatin1Char('n'))
                value += QLatin1Char('\n');
            else if (text[j] == QLatin1Char('\\') || text[j] == QLatin1Char('"'))
                value += text[j];
            else
                return false;
        }
        if (j >= text.size()) return false;
        labels->insert(name, value);
        i = j + 1;
        if (i < text.size()) {
            if (text[i] != QLatin1Char(',')) return false;
            ++i;
        }
    }
    return true;
}

Parsed parse(const QByteArray &text) {
    Parsed out;
    static const QRegularExpression help(QStringLiteral("^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$"));
    static const QRegularExpression type(
        QStringLiteral("^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)$"));
    static const QRegularExpression sample(
        QStringLiteral("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$"));
    if (!text.endsWith('\n')) out.problems.append(QStringLiteral("the text must end with a line feed"));
    QString family, helped;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype n = 0; n + 1 < lines.size(); ++n) {
        const QString line = QString::fromUtf8(lines[n]);
        if (const QRegularExpressionMatch m = help.match(line); m.hasMatch()) {
            helped = m.captured(1);
            continue;
        }
        if (const QRegularExpressionMatch m = type.match(line); m.hasMatch()) {
            if (out.types.contains(m.captured(1)))
                out.problems.append(QStringLiteral("family twice: ") + line);
            if (helped != m.captured(1)) out.problems.append(QStringLiteral("TYPE without HELP: ") + line);
            family = m.captured(1);
            out.types.insert(family, m.captured(2));
            continue;
        }
        const QRegularExpressionMatch m = sample.match(line);
        Sample s;
        bool number = false;
        if (m.hasMatch()) {
            s.name = m.captured(1);
            const QString v = m.captured(3);
            s.value = v == QLatin1String("NaN")    ? qQNaN()
                      : v == QLatin1String("+Inf") ? qInf()
                                                   : v.toDouble(&number);
            number = number || v == QLatin1String("NaN") || v == QLatin1String("+Inf");
        }
        if (!m.hasMatch() || !number || !parseLabels(m.captured(2), &s.labels)) {
            out.problems.append(QStringLiteral("not a sample line: ") + line);
            continue;
        }
        const bool summaryPart =
            out.types.value(family) == QLatin1String("summary") &&
            (s.name == family + QStringLiteral("_sum") || s.name == family + QStringLiteral("_count"));
        if (s.name != family && !summaryPart)
            out.problems.append(QStringLiteral("sample outside its family %1: %2").arg(family, line));
        out.samples.append(s);
    }
    return out;
}

using Labels = QMap<QString, QString>;

} // namespace

class TestPrometheus : public QObject {
    Q_OBJECT
private slots:
    void labelValuesAndHelpAreEscaped() {
        QCOMPARE(PrometheusText::escapeLabelValue(QStringLiteral("a\\b\"c\nd")),
                 QStringLiteral("a\\\\b\\\"c\\nd"));
        QCOMPARE(PrometheusText::escapeHelp(QStringLiteral("back\\slash \"quotes\"\nline")),
                 QStringLiteral("back\\\\slash \"quotes\"\\nline"));
    }

    void numbersUseGoSyntax() {
        QCOMPARE(PrometheusText::number(3), QByteArray("3"));
        QCOMPARE(PrometheusText::number(0.5), QByteArray("0.5"));
        QCOMPARE(PrometheusText::number(1e-7), QByteArray("1e-07"));
        QCOMPARE(PrometheusText::number(qQNaN()), QByteArray("NaN"));
        QCOMPARE(PrometheusText::number(qInf()), QByteArray("+Inf"));
        QCOMPARE(PrometheusText::number(-qInf()), QByteArray("-Inf"));
        QCOMPARE(PrometheusText::number(0.1 + 0.2).toDouble(), 0.1 + 0.2); // reads back the same double
    }

    void exposition_parsesBackWithTheRecordedCounts() {
        const qint64 start = 1767225600000;
        MetricsStore store([start] { return start; });
        CostMeter cost;
        for (int i = 0; i < 3; ++i) {
            store.recordInvocationStarted(u"hello");
            store.recordInvocationFinished({.function = u"hello",
                                            .error = i == 2,
                                            .coldStart = i == 0,
                                            .durationMicros = 2000 + i * 1000,
                                            .initDurationMicros = i == 0 ? 120000 : -1});
            cost.recordInvocation(u"hello", 128, 3);
        }
        store.recordInvocationStarted(u"hello"); // still running
        store.recordThrottle(u"hello");
        // A route key with every character that needs escaping.
        const QString odd = QStringLiteral("GET /a\\b/\"quoted\"/line\nbreak");
        store.recordRequest({.api = u"shop",
                             .stage = u"$default",
                             .route = odd,
                             .status = 200,
                             .latencyMicros = 4000,
                             .integrationLatencyMicros = 3000});
        store.recordRequest({.api = u"shop",
                             .stage = u"$default",
                             .route = MetricsStore::kNoRoute,
                             .status = 404,
                             .latencyMicros = 100});
        store.recordRequest({.api = u"shop",
                             .stage = u"$default",
                             .route = MetricsStore::kNoRoute,
                             .status = 503,
                             .latencyMicros = 100});
        cost.recordApiRequest(ApiType::Http, 100);

        const QByteArray text = prometheusMetrics(store, &cost);
        const Parsed p = parse(text);
        QVERIFY2(p.problems.isEmpty(),
                 qPrintable(p.problems.join(QLatin1Char('\n')) + QStringLiteral("\n") + text));

        for (auto it = p.types.cbegin(); it != p.types.cend(); ++it)
            if (it.value() == QLatin1String("counter"))
                QVERIFY2(it.key().endsWith(QLatin1String("_total")), qPrintable(it.key()));

        const Labels hello{{QStringLiteral("function"), QStringLiteral("hello")}};
        QCOMPARE(p.value(QStringLiteral("gatehouse_lambda_invocations_total"), hello), 3.0);
        QCOMPARE(p.value(QStringLiteral("gatehouse_lambda_errors_total"), hello), 1.0);
        QCOMPARE(p.value(QStringLiteral("gatehouse_lambda_throttles_total"), hello), 1.0);
        QCOMPARE(p.value(QStringLiteral("gatehouse_lambda_cold_starts_total"), hello), 1.0);
        QCOMPARE(p.value(QStringLiteral("gatehouse_lambda_concurrent_executions"), hello), 1.0);
        QCOMPARE(p.types.value(QStringLiteral("gatehouse_lambda_duration_seconds")),
                 QStringLiteral("summary"));
        QCOMPARE(p.value(QStringLiteral("gatehouse_lambda_duration_seconds_count"), hello), 3.0);
        QCOMPARE(p.value(QStringLiteral("gatehouse_lambda_duration_seconds_sum"), hello), 0.009);
        // p50 of 2, 3 and 4 ms: 3 ms within the histogram's 1%.
        const double p50 = p.value(QStringLiteral("gatehouse_lambda_duration_seconds"),
                                   {{QStringLiteral("function"), QStringLiteral("hello")},
                                    {QStringLiteral("quantile"), QStringLiteral("0.5")}});
        QVERIFY2(qAbs(p50 - 0.003) <= 0.003 * 0.01, qPrintable(QString::number(p50)));
        QCOMPARE(p.value(QStringLiteral("gatehouse_lambda_duration_seconds_max"), hello), 0.004);
        QCOMPARE(p.value(QStringLiteral("gatehouse_lambda_init_duration_seconds_count"), hello), 1.0);

        const Labels route{{QStringLiteral("api"), QStringLiteral("shop")},
                           {QStringLiteral("stage"), QStringLiteral("$default")},
                           {QStringLiteral("route"), odd}}; // unescaped back to the original
        QCOMPARE(p.value(QStringLiteral("gatehouse_apigateway_requests_total"), route), 1.0);
        QCOMPARE(p.value(QStringLiteral("gatehouse_apigateway_integration_latency_seconds_count"), route),
                 1.0);
        const Labels none{{QStringLiteral("api"), QStringLiteral("shop")},
                          {QStringLiteral("stage"), QStringLiteral("$default")},
                          {QStringLiteral("route"), MetricsStore::kNoRoute}};
        QCOMPARE(p.value(QStringLiteral("gatehouse_apigateway_requests_total"), none), 2.0);
        QCOMPARE(p.value(QStringLiteral("gatehouse_apigateway_4xx_errors_total"), none), 1.0);
        QCOMPARE(p.value(QStringLiteral("gatehouse_apigateway_5xx_errors_total"), none), 1.0);
        // No integration ran for those: quantiles of nothing are NaN, as Prometheus clients write them.
        Labels noneP99 = none;
        noneP99.insert(QStringLiteral("quantile"), QStringLiteral("0.99"));
        QVERIFY(qIsNaN(p.value(QStringLiteral("gatehouse_apigateway_integration_latency_seconds"), noneP99)));

        // 3 requests at $0.20 per million, 9 billed ms at 128 MB; one HTTP API request at $1.00 per million.
        const Labels lambdaRequests{{QStringLiteral("service"), QStringLiteral("Lambda")},
                                    {QStringLiteral("item"), QStringLiteral("requests")}};
        QCOMPARE(p.value(QStringLiteral("gatehouse_cost_usd_total"), lambdaRequests), 3 * 0.2e-6);
        const Labels httpApi{{QStringLiteral("service"), QStringLiteral("API Gateway")},
                             {QStringLiteral("item"), QStringLiteral("HTTP API requests")}};
        QCOMPARE(p.value(QStringLiteral("gatehouse_cost_usd_total"), httpApi), 1e-6);
        QVERIFY(p.value(QStringLiteral("gatehouse_lambda_cost_usd_total"), hello) > 3 * 0.2e-6);
    }

    void anEmptyStoreIsAnEmptyPage() {
        MetricsStore store;
        QCOMPARE(prometheusMetrics(store, nullptr), QByteArray());
        // With a cost meter that saw nothing: the cost family alone, declared and empty.
        CostMeter cost;
        const Parsed p = parse(prometheusMetrics(store, &cost));
        QVERIFY2(p.problems.isEmpty(), qPrintable(p.problems.join(QLatin1Char('\n'))));
        QCOMPARE(p.types.keys(), QStringList{QStringLiteral("gatehouse_cost_usd_total")});
        QVERIFY(p.samples.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_telemetry_prometheus.moc"
