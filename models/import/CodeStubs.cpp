#include "CodeStubs.h"

namespace gatehouse {

namespace {

// "src/app.handlers.main" -> module "src/app", member "handlers.main" (Node splits at the first dot of
// the file name, Python at the last dot: "pkg.app.handler" is handler() of pkg/app.py).
std::pair<QString, QString> splitHandler(const QString &handler, bool python) {
    const qsizetype slash = handler.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot =
        python ? handler.lastIndexOf(QLatin1Char('.')) : handler.indexOf(QLatin1Char('.'), slash + 1);
    if (dot <= slash + 1 || dot == handler.size() - 1) return {};
    QString module = handler.left(dot);
    if (python)
        module = module.left(slash + 1) + module.mid(slash + 1).replace(QLatin1Char('.'), QLatin1Char('/'));
    return {module, handler.mid(dot + 1)};
}

QString folderOf(const Function &f) {
    return f.codeUri.isEmpty() || f.codeUri == QLatin1String(".") ? QString() : f.codeUri + QLatin1Char('/');
}

QString responseJs(const Function &f) {
    return QStringLiteral(
               "({\n"
               "    statusCode: 501,\n"
               "    headers: { 'content-type': 'application/json' },\n"
               "    body: JSON.stringify({ message: '%1 is not implemented yet (imported by Gatehouse)' }),\n"
               "})")
        .arg(QString(f.name).replace(QLatin1Char('\''), QLatin1Char(' ')));
}

// `exports.a.b = value` needs exports.a to exist; write the nested object literal instead.
QString nestedValue(const QStringList &members, const QString &value) {
    QString text = value;
    for (qsizetype i = members.size() - 1; i > 0; --i)
        text = QStringLiteral("{ %1: %2 }").arg(members[i], text);
    return text;
}

} // namespace

std::optional<ImportedFile> codeStub(const Function &f) {
    const QString runtime = f.runtime;
    const bool python = runtime.startsWith(QLatin1String("python"));
    const bool javascript = runtime == QLatin1String("javascript");
    const bool node = runtime.startsWith(QLatin1String("nodejs"));
    if (!python && !javascript && !node) return std::nullopt;
    const auto [module, member] = splitHandler(f.handler, python);
    if (module.isEmpty()) return std::nullopt;
    ImportedFile file;
    file.stub = true;
    const QString header =
        QStringLiteral("Stub written by Gatehouse when importing '%1': replace it with the real code.")
            .arg(f.name);
    if (python) {
        file.path = folderOf(f) + module + QStringLiteral(".py");
        if (member.contains(QLatin1Char('.'))) return std::nullopt;
        file.bytes =
            QStringLiteral(
                "\"\"\"%1\"\"\"\nimport json\n\n\ndef %2(event, context):\n"
                "    return {\n        \"statusCode\": 501,\n"
                "        \"headers\": {\"content-type\": \"application/json\"},\n"
                "        \"body\": json.dumps({\"message\": \"%3 is not implemented yet\"}),\n    }\n")
                .arg(header, member, QString(f.name).replace(QLatin1Char('"'), QLatin1Char(' ')))
                .toUtf8();
        return file;
    }
    const QStringList members = member.split(QLatin1Char('.'));
    const QString function = QStringLiteral("async (event) => %1").arg(responseJs(f));
    if (javascript) {
        // CommonJS: the embedded engine and Node.js both read it.
        file.path = folderOf(f) + module + QStringLiteral(".js");
        file.bytes = QStringLiteral("// %1\nexports.%2 = %3;\n")
                         .arg(header, members.first(), nestedValue(members, function))
                         .toUtf8();
    } else {
        file.path = folderOf(f) + module + QStringLiteral(".mjs");
        file.bytes = QStringLiteral("// %1\nexport const %2 = %3;\n")
                         .arg(header, members.first(), nestedValue(members, function))
                         .toUtf8();
    }
    return file;
}

} // namespace gatehouse
