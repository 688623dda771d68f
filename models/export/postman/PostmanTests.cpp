// Postman test scripts: https://learning.postman.com/docs/tests-and-scripts/write-scripts/test-scripts/
// (pm.response.to.have.status, pm.response.to.have.header, pm.expect(...).to.eql/include/be.below).
#include "PostmanTests.h"

#include <nlohmann/json.hpp>

namespace gatehouse {

namespace {

QString js(const QString &text) {
    return QString::fromStdString(nlohmann::json(text.toStdString()).dump());
}

bool isNumber(const QString &text) {
    bool ok = false;
    text.toDouble(&ok);
    return ok;
}

QString test(const QString &title, const QString &body) {
    return QStringLiteral("pm.test(%1, function () { %2; });").arg(js(title), body);
}

} // namespace

QStringList postmanHelperLines() {
    return {
        QString::fromLatin1(kPostmanHelpersBegin),
        QStringLiteral("const gatehouse = {"),
        QStringLiteral("  jsonPath(root, path) {"),
        QStringLiteral("    const steps = String(path).replace(/^\\$/, "
                       "'').match(/\\.[^.[\\]]+|\\[\\d+\\]|\\['[^']*'\\]|\\[\"[^\"]*\"\\]/g) || [];"),
        QStringLiteral("    let value = root;"),
        QStringLiteral("    for (const step of steps) {"),
        QStringLiteral("      if (value === undefined || value === null) return undefined;"),
        QStringLiteral("      value = value[step[0] === '.' ? step.slice(1) : step.slice(1, "
                       "-1).replace(/^['\"]|['\"]$/g, '')];"),
        QStringLiteral("    }"),
        QStringLiteral("    return value;"),
        QStringLiteral("  },"),
        QStringLiteral(
            "  text(value) { return typeof value === 'string' ? value : JSON.stringify(value); },"),
        QStringLiteral("  json() { try { return pm.response.json(); } catch (e) { return undefined; } },"),
        QStringLiteral("};"),
        QString::fromLatin1(kPostmanHelpersEnd),
    };
}

std::optional<QString> postmanTestLine(const RequestAssertion &a) {
    const QString op = a.op.isEmpty() ? QStringLiteral("equals") : a.op;
    const QString title = (a.target.isEmpty() ? a.kind : a.target) + QLatin1Char(' ') + op +
                          (a.expected.isEmpty() ? QString() : QLatin1Char(' ') + a.expected);
    if (a.kind == QLatin1String("status")) {
        if (op == QLatin1String("equals") && isNumber(a.expected))
            return test(title, QStringLiteral("pm.response.to.have.status(%1)").arg(a.expected));
        if (op == QLatin1String("below") && isNumber(a.expected))
            return test(title, QStringLiteral("pm.expect(pm.response.code).to.be.below(%1)").arg(a.expected));
        return std::nullopt;
    }
    if (a.kind == QLatin1String("time")) {
        if (op == QLatin1String("below") && isNumber(a.expected))
            return test(
                title, QStringLiteral("pm.expect(pm.response.responseTime).to.be.below(%1)").arg(a.expected));
        return std::nullopt;
    }
    if (a.kind == QLatin1String("header")) {
        const QString header = QStringLiteral("pm.response.headers.get(%1)").arg(js(a.target));
        if (op == QLatin1String("exists"))
            return test(title, QStringLiteral("pm.response.to.have.header(%1)").arg(js(a.target)));
        if (op == QLatin1String("equals"))
            return test(title, QStringLiteral("pm.expect(%1).to.eql(%2)").arg(header, js(a.expected)));
        if (op == QLatin1String("contains"))
            return test(title,
                        QStringLiteral("pm.expect(%1 || '').to.include(%2)").arg(header, js(a.expected)));
        return std::nullopt;
    }
    if (a.kind == QLatin1String("jsonPath")) {
        const QString value = QStringLiteral("gatehouse.jsonPath(gatehouse.json(), %1)").arg(js(a.target));
        if (op == QLatin1String("exists"))
            return test(title, QStringLiteral("pm.expect(%1).to.not.equal(undefined)").arg(value));
        if (op == QLatin1String("equals"))
            return test(
                title, QStringLiteral("pm.expect(gatehouse.text(%1)).to.eql(%2)").arg(value, js(a.expected)));
        if (op == QLatin1String("contains"))
            return test(title, QStringLiteral("pm.expect(gatehouse.text(%1) || '').to.include(%2)")
                                   .arg(value, js(a.expected)));
        if (op == QLatin1String("below") && isNumber(a.expected))
            return test(title,
                        QStringLiteral("pm.expect(Number(%1)).to.be.below(%2)").arg(value, a.expected));
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace gatehouse
