#include "GenerateEventCommand.h"

#include "Console.h"
#include "events/EventTemplates.h"
#include "io/ProjectFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>

namespace gatehouse::cli {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("gatehouse::cli", text);
}

// One line per template for the command's help, and the options each reads (for TYPE --help).
struct TemplateHelp {
    EventTemplateKind kind;
    QString summary;
    QStringList options;
};

QList<TemplateHelp> templateHelp() {
    const QStringList account{QStringLiteral("region"), QStringLiteral("account"), QStringLiteral("project"),
                              QStringLiteral("time")};
    const QStringList request =
        QStringList{QStringLiteral("method"), QStringLiteral("path"), QStringLiteral("body")} + account;
    return {
        {EventTemplateKind::HttpApi, tr("HTTP API request, payload format 2.0"), request},
        {EventTemplateKind::RestApi, tr("REST API proxy request, payload format 1.0"), request},
        {EventTemplateKind::S3Put, tr("S3 notification for an uploaded object (ObjectCreated:Put)"),
         QStringList{QStringLiteral("bucket"), QStringLiteral("key"), QStringLiteral("size"),
                     QStringLiteral("etag"), QStringLiteral("body")} +
             account},
        {EventTemplateKind::S3Delete, tr("S3 notification for a deleted object (ObjectRemoved:Delete)"),
         QStringList{QStringLiteral("bucket"), QStringLiteral("key")} + account},
        {EventTemplateKind::Schedule, tr("EventBridge \"Scheduled Event\" of a schedule rule"),
         QStringList{QStringLiteral("rule")} + account},
        {EventTemplateKind::Sqs, tr("SQS batch with one received message"),
         QStringList{QStringLiteral("queue"), QStringLiteral("body")} + account},
        {EventTemplateKind::WebSocketMessage, tr("WebSocket API text message on the $default route"),
         QStringList{QStringLiteral("body")} + account},
    };
}

QString templateTitle(const EventTemplateName &name) {
    return name.subtype.isEmpty() ? name.type : name.type + QLatin1Char(' ') + name.subtype;
}

QString templateList() {
    QString text = tr("Types:\n");
    const QList<TemplateHelp> help = templateHelp();
    for (const EventTemplateName &name : eventTemplateNames())
        for (const TemplateHelp &h : help)
            if (h.kind == name.kind)
                text += QStringLiteral("  %1\n      %2\n").arg(templateTitle(name), h.summary);
    return text;
}

QList<QCommandLineOption> allOptions() {
    auto option = [](const char *name, const QString &description, const char *value) {
        return QCommandLineOption(QString::fromLatin1(name), description, QString::fromLatin1(value));
    };
    return {
        option("method", tr("HTTP method of the request (default GET)."), "METHOD"),
        option("path", tr("Request path, with an optional ?query (default /)."), "PATH"),
        option("body", tr("Request or message body; for s3 put, the object's content."), "TEXT"),
        option("bucket", tr("S3 bucket name (default example-bucket)."), "NAME"),
        option("key", tr("S3 object key as stored; the event carries it URL-encoded (default test/key)."),
               "KEY"),
        option("size", tr("S3 object size in bytes (default: the body's size)."), "BYTES"),
        option("etag", tr("S3 object ETag (default: the MD5 of the body)."), "ETAG"),
        option("queue", tr("SQS queue name (default my-queue)."), "NAME"),
        option("rule", tr("EventBridge rule name (default my-schedule)."), "NAME"),
        option("region", tr("AWS Region (default: the project's, else us-east-1)."), "REGION"),
        option("account", tr("AWS account id (default: the project's, else 123456789012)."), "ID"),
        option("project", tr("Project folder or gatehouse.json whose settings give the Region and account."),
               "PROJECT"),
        option("time", tr("Event time, ISO 8601 (default: now)."), "TIME"),
    };
}

// QCommandLineParser's usage line names only the program; put the command (and type) after it.
QString withCommandName(QString help, const QString &command) {
    const qsizetype options = help.indexOf(QLatin1String("[options]"));
    if (options >= 0) help.insert(options, command + QLatin1Char(' '));
    return help;
}

// Help for one type: its templates and only the options they read.
QString typeHelp(const QString &type, const QList<QCommandLineOption> &options) {
    QCommandLineParser parser;
    QString description;
    QStringList used;
    const QList<TemplateHelp> help = templateHelp();
    for (const EventTemplateName &name : eventTemplateNames()) {
        if (name.type != type) continue;
        for (const TemplateHelp &h : help) {
            if (h.kind != name.kind) continue;
            description += QStringLiteral("%1: %2\n").arg(templateTitle(name), h.summary);
            for (const QString &o : h.options)
                if (!used.contains(o)) used.append(o);
        }
    }
    parser.setApplicationDescription(description.trimmed());
    const QStringList subtypes = eventTemplateSubtypes(type);
    if (!subtypes.isEmpty())
        parser.addPositionalArgument(QStringLiteral("SUBTYPE"), subtypes.join(QLatin1Char('|')));
    for (const QCommandLineOption &o : options)
        if (used.contains(o.names().first())) parser.addOption(o);
    parser.addHelpOption();
    return withCommandName(parser.helpText(), QStringLiteral("generate-event ") + type);
}

struct ParsedOptions {
    EventTemplateOptions options;
    QString error; // a usage error
};

ParsedOptions readOptions(const QCommandLineParser &parser) {
    ParsedOptions parsed;
    EventTemplateOptions &o = parsed.options;
    auto isSet = [&](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    auto value = [&](const char *name) { return parser.value(QString::fromLatin1(name)); };
    if (isSet("project")) {
        const QString filePath = ProjectFile::resolveProjectFile(value("project"));
        const ProjectFile::LoadResult loaded =
            QFileInfo(filePath).isFile() ? ProjectFile::load(filePath) : ProjectFile::LoadResult{};
        if (!loaded.readable) {
            parsed.error = tr("cannot read %1: no such project").arg(value("project"));
            return parsed;
        }
        o.region = loaded.project.settings.region;
        o.accountId = loaded.project.settings.accountId;
    }
    if (isSet("region")) o.region = value("region");
    if (isSet("account")) o.accountId = value("account");
    if (isSet("method")) o.method = value("method");
    if (isSet("path")) o.path = value("path");
    if (isSet("body")) o.body = value("body").toUtf8();
    if (isSet("bucket")) o.bucket = value("bucket");
    if (isSet("key")) o.key = value("key");
    if (isSet("etag")) o.eTag = value("etag");
    if (isSet("queue")) o.queue = value("queue");
    if (isSet("rule")) o.rule = value("rule");
    if (isSet("size")) {
        bool ok = false;
        const qint64 size = value("size").toLongLong(&ok);
        if (!ok || size < 0) {
            parsed.error = tr("--size needs a number of bytes, not '%1'").arg(value("size"));
            return parsed;
        }
        o.size = size;
    }
    if (isSet("time")) {
        o.time = QDateTime::fromString(value("time"), Qt::ISODateWithMs);
        if (!o.time.isValid()) {
            parsed.error =
                tr("--time needs an ISO 8601 time such as 2024-05-01T12:00:00Z, not '%1'").arg(value("time"));
            return parsed;
        }
    }
    return parsed;
}

int runGenerateEvent(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print the event AWS would send a function, as pretty JSON on stdout (like "
           "'sam local generate-event'). TYPE --help lists a type's options.\n\n") +
        templateList().trimmed());
    parser.addPositionalArgument(QStringLiteral("TYPE"), tr("apigateway, s3, schedule, sqs or websocket."));
    parser.addPositionalArgument(QStringLiteral("SUBTYPE"), tr("http|rest, put|delete, message."),
                                 QStringLiteral("[SUBTYPE]"));
    const QList<QCommandLineOption> options = allOptions();
    parser.addOptions(options);
    parser.addHelpOption();
    if (!parser.parse(QStringList{QStringLiteral("gatehouse generate-event")} + arguments))
        return usageError(parser.errorText());
    const QStringList positional = parser.positionalArguments();
    const QString type = positional.value(0);
    const QStringList subtypes = eventTemplateSubtypes(type);
    const bool knownType = !subtypes.isEmpty() || findEventTemplate(type, {});
    if (parser.isSet(QStringLiteral("help"))) {
        printOut(knownType ? typeHelp(type, options)
                           : withCommandName(parser.helpText(), QStringLiteral("generate-event")));
        return Success;
    }
    if (type.isEmpty()) {
        printErr(withCommandName(parser.helpText(), QStringLiteral("generate-event")));
        return usageError(tr("generate-event needs a TYPE"));
    }
    if (!knownType) {
        printErr(templateList());
        return usageError(tr("unknown event type '%1'").arg(type));
    }
    const QString subtype = positional.value(1);
    const std::optional<EventTemplateKind> kind = findEventTemplate(type, subtype);
    if (!kind || positional.size() > (subtypes.isEmpty() ? 1 : 2)) {
        printErr(typeHelp(type, options));
        if (subtypes.isEmpty()) return usageError(tr("'%1' takes no subtype").arg(type));
        return usageError(subtype.isEmpty()
                              ? tr("'%1' needs a subtype: %2").arg(type, subtypes.join(QStringLiteral(", ")))
                              : tr("unknown subtype '%1' of '%2' (use %3)")
                                    .arg(subtype, type, subtypes.join(QStringLiteral(", "))));
    }
    const ParsedOptions parsed = readOptions(parser);
    if (!parsed.error.isEmpty()) return usageError(parsed.error);
    printOut(QString::fromStdString(
        generateEvent(*kind, parsed.options).dump(2, ' ', false, OrderedJson::error_handler_t::replace)));
    return Success;
}

} // namespace

Command generateEventCommand() {
    return {QStringLiteral("generate-event"),
            QStringLiteral(
                "generate-event TYPE [SUBTYPE] [--bucket ..] [--key ..] [--body ..] [--project P] ..."),
            tr("print an AWS event (apigateway http|rest, s3 put|delete, schedule, sqs, websocket message)"),
            &runGenerateEvent};
}

} // namespace gatehouse::cli
