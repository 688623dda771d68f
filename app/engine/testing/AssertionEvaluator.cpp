#include "AssertionEvaluator.h"

#include "JsonPath.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace gatehouse::testing {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::testing", text);
}

constexpr qsizetype kShownChars = 120; // a whole HTML error page helps nobody on one line

QString quoted(const QString &text) {
    QString shown = text;
    shown.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    shown.replace(QLatin1Char('\n'), QLatin1String("\\n")).replace(QLatin1Char('\r'), QLatin1String("\\r"));
    if (shown.size() > kShownChars) shown = shown.left(kShownChars) + QStringLiteral("…");
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

std::optional<double> number(const QString &text) {
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

// What a text assertion (header or jsonPath) found: its text, or nullopt for "nothing there".
struct Found {
    std::optional<QString> text;
    double number = std::nan("");
    QString shown; // for messages
};

AssertionOutcome outcome(const RequestAssertion &a, bool passed, const QString &actual,
                         const QString &failure) {
    AssertionOutcome result;
    result.assertion = a;
    result.passed = passed;
    result.actual = actual;
    result.message = assertionLabel(a) + QStringLiteral(": ") + (passed ? actual : failure);
    return result;
}

AssertionOutcome unsupported(const RequestAssertion &a, const QString &op) {
    return outcome(a, false, QString(), tr("unsupported assertion (%1 %2)").arg(a.kind, op));
}

AssertionOutcome notANumber(const RequestAssertion &a) {
    return outcome(a, false, QString(), tr("the expected value %1 is not a number").arg(quoted(a.expected)));
}

// equals / contains / matches / exists / below on a value that is text or absent.
AssertionOutcome compareText(const RequestAssertion &a, const QString &op, const Found &found) {
    const QString got = tr("got %1").arg(found.shown);
    if (op == QLatin1String("exists")) return outcome(a, found.text.has_value(), found.shown, tr("missing"));
    if (op == QLatin1String("equals"))
        return outcome(a, found.text == a.expected, found.shown,
                       tr("expected %1, %2").arg(quoted(a.expected), got));
    if (op == QLatin1String("contains"))
        return outcome(a, found.text.value_or(QString()).contains(a.expected), found.shown,
                       tr("expected to contain %1, %2").arg(quoted(a.expected), got));
    if (op == QLatin1String("matches")) {
        const QRegularExpression pattern(a.expected);
        if (!pattern.isValid())
            return outcome(a, false, found.shown,
                           tr("invalid regular expression /%1/: %2").arg(a.expected, pattern.errorString()));
        return outcome(a, found.text && pattern.match(*found.text).hasMatch(), found.shown,
                       tr("expected to match /%1/, %2").arg(a.expected, got));
    }
    if (op == QLatin1String("below")) {
        const std::optional<double> limit = number(a.expected);
        if (!limit) return notANumber(a);
        // NaN (absent, not numeric) is below nothing, as in JavaScript.
        return outcome(a, found.number < *limit, found.shown,
                       tr("expected below %1, %2").arg(a.expected.trimmed(), got));
    }
    return unsupported(a, op);
}

AssertionOutcome evaluateStatus(const RequestAssertion &a, const QString &op, const HttpExchange &exchange) {
    const QString actual = QString::number(exchange.status);
    const std::optional<double> expected = number(a.expected);
    if (op != QLatin1String("equals") && op != QLatin1String("below")) return unsupported(a, op);
    if (!expected) return notANumber(a);
    if (op == QLatin1String("equals"))
        return outcome(a, exchange.status == *expected, actual,
                       tr("expected %1, got %2").arg(a.expected.trimmed(), actual));
    return outcome(a, exchange.status < *expected, actual,
                   tr("expected below %1, got %2").arg(a.expected.trimmed(), actual));
}

AssertionOutcome evaluateTime(const RequestAssertion &a, const QString &op, const HttpExchange &exchange) {
    if (op != QLatin1String("below")) return unsupported(a, op);
    const std::optional<double> expected = number(a.expected);
    if (!expected) return notANumber(a);
    const QString actual = tr("%1 ms").arg(exchange.elapsedMs);
    return outcome(a, double(exchange.elapsedMs) < *expected, actual,
                   tr("expected below %1 ms, got %2").arg(a.expected.trimmed(), actual));
}

Found headerValue(const RequestAssertion &a, const HttpExchange &exchange) {
    Found found;
    if (const std::optional<QByteArray> value = exchange.header(a.target.toUtf8())) {
        found.text = QString::fromUtf8(*value);
        found.number = number(*found.text).value_or(std::nan(""));
        found.shown = quoted(*found.text);
    } else {
        found.shown = tr("nothing");
    }
    return found;
}

Found jsonPathValue(const RequestAssertion &a, const HttpExchange &exchange) {
    Found found;
    // pm.response.json() that throws makes every path undefined in the export's helper too.
    const nlohmann::ordered_json body = nlohmann::ordered_json::parse(
        exchange.body.constData(), exchange.body.constData() + exchange.body.size(), nullptr, false);
    if (body.is_discarded()) {
        found.shown = tr("a body that is not JSON");
        return found;
    }
    const std::optional<nlohmann::ordered_json> value = evaluateJsonPath(body, a.target);
    if (!value) {
        found.shown = tr("nothing");
        return found;
    }
    found.text = jsonText(*value);
    found.number = jsonNumber(*value);
    found.shown = value->is_string() ? quoted(*found.text) : *found.text;
    if (found.shown.size() > kShownChars) found.shown = found.shown.left(kShownChars) + QStringLiteral("…");
    return found;
}

} // namespace

QString assertionLabel(const RequestAssertion &a) {
    if (a.kind == QLatin1String("header") || a.kind == QLatin1String("jsonPath"))
        return a.kind + QLatin1Char(' ') + a.target;
    return a.kind;
}

AssertionOutcome evaluateAssertion(const RequestAssertion &a, const HttpExchange &exchange) {
    const QString op = a.op.isEmpty() ? QStringLiteral("equals") : a.op;
    if (a.kind == QLatin1String("status")) return evaluateStatus(a, op, exchange);
    if (a.kind == QLatin1String("time")) return evaluateTime(a, op, exchange);
    if (a.kind == QLatin1String("header")) {
        if (op == QLatin1String("below")) return unsupported(a, op);
        return compareText(a, op, headerValue(a, exchange));
    }
    if (a.kind == QLatin1String("jsonPath")) return compareText(a, op, jsonPathValue(a, exchange));
    if (a.kind == QLatin1String("body")) {
        if (op != QLatin1String("equals") && op != QLatin1String("contains") &&
            op != QLatin1String("matches"))
            return unsupported(a, op);
        Found found;
        found.text = QString::fromUtf8(exchange.body);
        found.shown = quoted(*found.text);
        return compareText(a, op, found);
    }
    return unsupported(a, op);
}

} // namespace gatehouse::testing
