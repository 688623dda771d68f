#include "HandlerTemplate.h"

#include "HandlerFile.h"

#include <QRegularExpression>
#include <QStringList>

namespace gatehouse {

namespace {

// The texts go inside string literals and comments of four languages; none of these characters is
// needed in a greeting, and each could end a literal or a comment early. (All texts are filled in by one
// multi-argument arg() call, so a '%1' in a name is not mistaken for a placeholder.)
QString safeText(QString text) {
    for (QChar &c : text) {
        const QChar::Category category = c.category();
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('\\') ||
            c == QLatin1Char('`') || category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            c = QLatin1Char(' ');
    }
    return text;
}

// Every line but the first indented by two more spaces, to nest a value one level deeper.
QString indented(const QString &text) {
    return QString(text).replace(QLatin1Char('\n'), QLatin1String("\n  "));
}

// `exports.a.b = value` needs exports.a to exist, and `export const a.b` is no syntax at all: the
// first member is exported, the rest become nested object literals.
QString nestedValue(const QStringList &members, QString value) {
    for (qsizetype i = members.size() - 1; i > 0; --i)
        value = QStringLiteral("{\n  %1: %2,\n}").arg(members[i], indented(value));
    return value;
}

QString jsFunction(const TemplateResponse &r, bool async) {
    // `||` rather than `??`: the same line reads well in both runtimes.
    return QStringLiteral("%1(event, context) => {\n"
                          "  const path = event.rawPath || event.path || '/';\n"
                          "  return {\n"
                          "    statusCode: %2,\n"
                          "    headers: { 'content-type': 'application/json' },\n"
                          "    body: JSON.stringify({ message: '%3', path: path }),\n"
                          "  };\n"
                          "}")
        .arg(async ? QStringLiteral("async ") : QString(), QString::number(r.statusCode),
             safeText(r.message));
}

QByteArray embeddedJavaScript(const QStringList &members, const TemplateResponse &r) {
    return QStringLiteral(
               "// %1\n"
               "// The embedded JavaScript runtime reads CommonJS written in ES2016 with optional chaining:\n"
               "// no async/await, object spread or class fields. Return the response, or a Promise of it.\n"
               "exports.%2 = %3;\n")
        .arg(safeText(r.comment), members.first(), nestedValue(members, jsFunction(r, false)))
        .toUtf8();
}

QByteArray nodeModule(const QStringList &members, const TemplateResponse &r) {
    const QString value = nestedValue(members, jsFunction(r, true));
    // "index.default" is the module's default export; `export const default` would not parse.
    const QString exported = members.first() == QLatin1String("default")
                                 ? QStringLiteral("export default %1;\n").arg(value)
                                 : QStringLiteral("export const %1 = %2;\n").arg(members.first(), value);
    return (QStringLiteral("// %1\n").arg(safeText(r.comment)) + exported).toUtf8();
}

QByteArray python(const QString &member, const TemplateResponse &r) {
    return QStringLiteral("\"\"\"%1\"\"\"\n"
                          "import json\n"
                          "\n"
                          "\n"
                          "def %2(event, context):\n"
                          "    path = event.get(\"rawPath\") or event.get(\"path\") or \"/\"\n"
                          "    return {\n"
                          "        \"statusCode\": %3,\n"
                          "        \"headers\": {\"content-type\": \"application/json\"},\n"
                          "        \"body\": json.dumps({\"message\": \"%4\", \"path\": path}),\n"
                          "    }\n")
        .arg(safeText(r.comment), member, QString::number(r.statusCode), safeText(r.message))
        .toUtf8();
}

// The loop of "Building a custom runtime" (runtimes-walkthrough.html in the Lambda developer guide),
// with the response written inline instead of by a handler script.
QByteArray bootstrap(const TemplateResponse &r) {
    return QStringLiteral(
               "#!/bin/sh\n"
               "# %1\n"
               "# A custom runtime: Lambda starts this program once per execution environment; it asks the\n"
               "# Runtime API for each event and posts the response back (see \"Building a custom runtime\" "
               "in\n"
               "# the Lambda developer guide). Replace the response with your program's output.\n"
               "set -eu\n"
               "api=\"http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation\"\n"
               "headers=\"$(mktemp)\"\n"
               "trap 'rm -f \"$headers\"' EXIT\n"
               "while true; do\n"
               "  event=\"$(curl -sS -D \"$headers\" \"$api/next\")\"\n"
               "  request_id=\"$(grep -i '^lambda-runtime-aws-request-id:' \"$headers\" | cut -d: -f2 | tr "
               "-d "
               "'[:space:]')\"\n"
               "  echo \"event: $event\" >&2\n"
               "  response='{\"statusCode\":%2,\"headers\":{\"content-type\":\"application/json\"},"
               "\"body\":\"{\\\"message\\\":\\\"%3\\\"}\"}'\n"
               "  curl -sS -X POST -d \"$response\" \"$api/$request_id/response\" >/dev/null\n"
               "done\n")
        .arg(safeText(r.comment), QString::number(r.statusCode), safeText(r.message))
        .toUtf8();
}

} // namespace

QByteArray handlerTemplate(const Function &function, const TemplateResponse &response) {
    const RuntimeFamily family = runtimeFamily(function.runtime);
    if (family == RuntimeFamily::Provided) return bootstrap(response);
    if (newHandlerFileName(function).isEmpty()) return {};
    const QString member = splitHandler(function.handler, family).member;
    static const QRegularExpression jsIdentifier(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$]*$"));
    static const QRegularExpression pyIdentifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    const QStringList members = member.split(QLatin1Char('.'));
    switch (family) {
    case RuntimeFamily::EmbeddedJavaScript:
    case RuntimeFamily::Node:
        for (const QString &part : members)
            if (!jsIdentifier.match(part).hasMatch()) return {};
        return family == RuntimeFamily::Node ? nodeModule(members, response)
                                             : embeddedJavaScript(members, response);
    case RuntimeFamily::Python:
        return pyIdentifier.match(member).hasMatch() ? python(member, response) : QByteArray();
    case RuntimeFamily::Provided:
    case RuntimeFamily::Unknown:
        break;
    }
    return {};
}

QByteArray handlerTemplate(const Function &function) {
    TemplateResponse response;
    response.message = QStringLiteral("Hello from %1!").arg(function.name);
    response.comment =
        QStringLiteral("The handler of function %1 (%2), written by Gatehouse as a starting point.")
            .arg(function.name, function.runtime);
    return handlerTemplate(function, response);
}

} // namespace gatehouse
