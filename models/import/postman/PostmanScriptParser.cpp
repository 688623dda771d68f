#include "PostmanScriptParser.h"

#include "export/postman/PostmanTests.h"

#include <QRegularExpression>
#include <nlohmann/json.hpp>

namespace gatehouse {

namespace {

// A JavaScript string or number literal as text ("'a'", "\"a\"", "42", "true").
QString literal(const QString &js) {
    QString t = js.trimmed();
    if (t.size() >= 2 && t.startsWith(QLatin1Char('\'')) && t.endsWith(QLatin1Char('\'')))
        t = QLatin1Char('"') + t.mid(1, t.size() - 2).replace(QLatin1Char('"'), QLatin1String("\\\"")) +
            QLatin1Char('"');
    try {
        const nlohmann::json v = nlohmann::json::parse(t.toStdString());
        return v.is_string() ? QString::fromStdString(v.get<std::string>())
                             : QString::fromStdString(v.dump());
    } catch (const std::exception &) {
        return js.trimmed();
    }
}

// "jsonData.items[0].name" / "pm.response.json().a" -> "$.items[0].name"
QString jsonPathFromAccessor(const QString &accessor) {
    QString path = QStringLiteral("$");
    static const QRegularExpression step(
        QStringLiteral("\\.([A-Za-z_$][\\w$]*)|\\[(\\d+)\\]|\\[(['\"])(.*?)\\3\\]"));
    for (auto it = step.globalMatch(accessor); it.hasNext();) {
        const auto m = it.next();
        if (!m.captured(1).isEmpty())
            path += QLatin1Char('.') + m.captured(1);
        else if (!m.captured(2).isEmpty())
            path += QLatin1Char('[') + m.captured(2) + QLatin1Char(']');
        else
            path += QStringLiteral("['") + m.captured(4) + QStringLiteral("']");
    }
    return path;
}

RequestAssertion make(const QString &kind, const QString &target, const QString &op,
                      const QString &expected) {
    RequestAssertion a;
    a.kind = kind;
    a.target = target;
    a.op = op;
    a.expected = expected;
    return a;
}

} // namespace

ParsedScript parsePostmanTestScript(const QStringList &lines) {
    static const QString str = QStringLiteral("(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')");
    static const QString lit =
        QStringLiteral("(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|-?[\\d.]+|true|false|null)");
    static const QRegularExpression status(QStringLiteral("pm\\.response\\.to\\.have\\.status\\((\\d+)\\)"));
    static const QRegularExpression statusExpect(
        QStringLiteral("pm\\.expect\\(pm\\.response\\.code\\)\\.to\\.(?:eql|equal|be\\.equal)\\((\\d+)\\)"));
    static const QRegularExpression statusBelow(
        QStringLiteral("pm\\.expect\\(pm\\.response\\.code\\)\\.to\\.be\\.below\\((\\d+)\\)"));
    static const QRegularExpression time(
        QStringLiteral("pm\\.expect\\(pm\\.response\\.responseTime\\)\\.to\\.be\\.below\\((\\d+)\\)"));
    static const QRegularExpression headerExists(QStringLiteral("pm\\.response\\.to\\.have\\.header\\(") +
                                                 str + QStringLiteral("\\)"));
    static const QRegularExpression headerCheck(
        QStringLiteral("pm\\.expect\\(pm\\.response\\.headers\\.get\\(") + str +
        QStringLiteral("\\)(?: \\|\\| '')?\\)\\.to\\.(eql|equal|include)\\(") + lit + QStringLiteral("\\)"));
    static const QRegularExpression gatehousePath(
        QStringLiteral("gatehouse\\.jsonPath\\(gatehouse\\.json\\(\\), ") + str + QStringLiteral("\\)"));
    static const QRegularExpression accessorCheck(
        QStringLiteral("pm\\.expect\\((?:pm\\.response\\.json\\(\\)|jsonData|responseJson)((?:\\.[A-Za-z_$]["
                       "\\w$]*|\\[\\d+\\]|\\[['\"][^'\"]*['\"]\\])+)\\)"
                       "\\.to\\.(eql|equal|include|be\\.below)\\(") +
        lit + QStringLiteral("\\)"));
    static const QRegularExpression asserting(
        QStringLiteral("pm\\.expect\\(|pm\\.response\\.to\\.|tests\\["));

    ParsedScript parsed;
    bool inHelpers = false;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line == QLatin1String(kPostmanHelpersBegin)) inHelpers = true;
        if (inHelpers) {
            if (line == QLatin1String(kPostmanHelpersEnd)) inHelpers = false;
            continue;
        }
        QRegularExpressionMatch m;
        if ((m = status.match(line)).hasMatch() || (m = statusExpect.match(line)).hasMatch()) {
            parsed.assertions.append(
                make(QStringLiteral("status"), {}, QStringLiteral("equals"), m.captured(1)));
        } else if ((m = statusBelow.match(line)).hasMatch()) {
            parsed.assertions.append(
                make(QStringLiteral("status"), {}, QStringLiteral("below"), m.captured(1)));
        } else if ((m = time.match(line)).hasMatch()) {
            parsed.assertions.append(
                make(QStringLiteral("time"), {}, QStringLiteral("below"), m.captured(1)));
        } else if ((m = headerExists.match(line)).hasMatch()) {
            parsed.assertions.append(
                make(QStringLiteral("header"), literal(m.captured(1)), QStringLiteral("exists"), {}));
        } else if ((m = headerCheck.match(line)).hasMatch()) {
            parsed.assertions.append(make(QStringLiteral("header"), literal(m.captured(1)),
                                          m.captured(2) == QLatin1String("include")
                                              ? QStringLiteral("contains")
                                              : QStringLiteral("equals"),
                                          literal(m.captured(3))));
        } else if ((m = gatehousePath.match(line)).hasMatch()) {
            const QString target = literal(m.captured(1));
            static const QRegularExpression expected(QStringLiteral("\\.to\\.(eql|include)\\(") + lit +
                                                     QStringLiteral("\\)"));
            static const QRegularExpression below(QStringLiteral("\\.to\\.be\\.below\\(([-\\d.]+)\\)"));
            if (line.contains(QLatin1String(".to.not.equal(undefined)"))) {
                parsed.assertions.append(
                    make(QStringLiteral("jsonPath"), target, QStringLiteral("exists"), {}));
            } else if (const auto e = expected.match(line); e.hasMatch()) {
                parsed.assertions.append(make(QStringLiteral("jsonPath"), target,
                                              e.captured(1) == QLatin1String("include")
                                                  ? QStringLiteral("contains")
                                                  : QStringLiteral("equals"),
                                              literal(e.captured(2))));
            } else if (const auto b = below.match(line); b.hasMatch()) {
                parsed.assertions.append(
                    make(QStringLiteral("jsonPath"), target, QStringLiteral("below"), b.captured(1)));
            } else {
                parsed.unrecognised.append(line);
            }
        } else if ((m = accessorCheck.match(line)).hasMatch()) {
            const QString op = m.captured(2) == QLatin1String("include")    ? QStringLiteral("contains")
                               : m.captured(2) == QLatin1String("be.below") ? QStringLiteral("below")
                                                                            : QStringLiteral("equals");
            parsed.assertions.append(make(QStringLiteral("jsonPath"), jsonPathFromAccessor(m.captured(1)), op,
                                          literal(m.captured(3))));
        } else if (asserting.match(line).hasMatch()) {
            parsed.unrecognised.append(line);
        }
    }
    return parsed;
}

} // namespace gatehouse
