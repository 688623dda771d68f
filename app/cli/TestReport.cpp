#include "TestReport.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace gatehouse::cli {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}
} // namespace

QString testResultLine(const testing::RequestOutcome &outcome) {
    if (outcome.passed())
        return tr("PASS  %1  (%2, %3 ms)")
            .arg(outcome.name)
            .arg(outcome.exchange.status)
            .arg(outcome.exchange.elapsedMs);
    QStringList reasons;
    if (!outcome.error.isEmpty()) reasons.append(outcome.error);
    for (const testing::AssertionOutcome &failure : outcome.failures())
        reasons.append(failure.message);
    return tr("FAIL  %1: %2").arg(outcome.name, reasons.join(QStringLiteral("; ")));
}

QString testSummaryLine(int passed, int failed) {
    return tr("%1 passed, %2 failed").arg(passed).arg(failed);
}

QJsonObject testReportJson(const QString &project, const QString &environment,
                           const QList<testing::RequestOutcome> &outcomes) {
    QJsonArray requests;
    int passed = 0;
    for (const testing::RequestOutcome &outcome : outcomes) {
        QJsonArray assertions;
        for (const testing::AssertionOutcome &a : outcome.assertions)
            assertions.append(QJsonObject{{QStringLiteral("kind"), a.assertion.kind},
                                          {QStringLiteral("target"), a.assertion.target},
                                          {QStringLiteral("op"), a.assertion.op},
                                          {QStringLiteral("expected"), a.assertion.expected},
                                          {QStringLiteral("passed"), a.passed},
                                          {QStringLiteral("actual"), a.actual},
                                          {QStringLiteral("message"), a.message}});
        QJsonObject request{{QStringLiteral("name"), outcome.name},
                            {QStringLiteral("method"), outcome.method},
                            {QStringLiteral("url"), outcome.url},
                            {QStringLiteral("passed"), outcome.passed()},
                            {QStringLiteral("status"), outcome.exchange.status},
                            {QStringLiteral("timeMs"), outcome.exchange.elapsedMs},
                            {QStringLiteral("assertions"), assertions}};
        if (!outcome.error.isEmpty()) request.insert(QStringLiteral("error"), outcome.error);
        requests.append(request);
        passed += outcome.passed() ? 1 : 0;
    }
    return {{QStringLiteral("project"), project},
            {QStringLiteral("environment"), environment},
            {QStringLiteral("passed"), passed},
            {QStringLiteral("failed"), int(outcomes.size()) - passed},
            {QStringLiteral("requests"), requests}};
}

} // namespace gatehouse::cli
