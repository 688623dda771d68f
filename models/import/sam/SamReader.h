// Internal to the SAM importer: the template being read and the project being built, shared by the
// files that read functions, APIs, WebSocket APIs and storage resources.
#pragma once

#include "TemplateValues.h"
#include "export/LogicalIds.h"
#include "import/ImportContext.h"

#include <QHash>

namespace gatehouse::sam {

struct TemplateResource {
    QString id;
    QString type;
    OrderedJson properties = OrderedJson::object();    // Globals already merged in
    OrderedJson ownProperties = OrderedJson::object(); // as written in the resource
    QString path;                                      // "Resources.<id>"
    QSet<QString> fromGlobals;                         // property names that came from Globals
    QString globalsSection;                            // "Function", "Api", "HttpApi" or empty
};

// What the importer knows about one API it created.
struct ApiState {
    qsizetype index = -1;                // in project.apis
    QHash<QString, QString> authorizers; // key under Auth.Authorizers -> project authorizer name
    QString defaultAuthorizer;           // project authorizer name
    bool apiKeyRequired = false;         // Api Auth.ApiKeyRequired (every method)
    QString apiKeyAuthorizer;            // the API-key authorizer for this API's usage plan
    QString path;                        // "Resources.<id>" (empty for implicit APIs)
    OrderedJson methodSettings;          // REST MethodSettings, applied once routes exist
    OrderedJson routeSettings;           // HttpApi RouteSettings, applied once routes exist
};

struct SamReader {
    SamReader(ImportContext &c, const ImportOptions &o)
        : ctx(c)
        , options(o) {}

    ImportContext &ctx;
    const ImportOptions &options;
    Project project;
    QList<ImportedFile> files;
    TemplateValues values;

    OrderedJson names = OrderedJson::object();              // Metadata.Gatehouse.Names
    OrderedJson embeddedJavaScript = OrderedJson::object(); // Metadata.Gatehouse.EmbeddedJavaScript
    OrderedJson globals = OrderedJson::object();            // Globals
    QList<TemplateResource> resources;                      // in template order
    QHash<QString, qsizetype> resourceIndex;                // id -> index in resources
    QSet<QString> consumed;                                 // ids an importer has read
    QSet<QString> copiedCodeFolders;                        // CodeUri folders already copied
    QSet<QString> reportedGlobals;                          // "Function.Tracing": warned once at Globals
    QSet<QString> reportedOnce;                             // path + message of warnings given once

    QHash<QString, QString> functionNames; // logical ID -> project name
    QHash<QString, QString> bucketNames;
    QHash<QString, QString> queueNames;
    QHash<QString, ApiState> apis;      // logical ID (or implicit API ID) -> state
    QHash<QString, QString> usagePlans; // AWS::ApiGateway::UsagePlan ID -> API-key authorizer name

    QString title() const { return QStringLiteral("AWS SAM"); }
    const TemplateResource *resource(const QString &id) const;
    // The project name of an element: recorded in Metadata, else derived from the logical ID.
    QString nameFor(NamedKind kind, const QString &id) const;
    // Text of a property, evaluating intrinsics; warns (naming `path`) when it cannot.
    std::optional<QString> text(const OrderedJson *value, const QString &path);
    std::optional<int> integer(const OrderedJson *value, const QString &path);
    // A list (or one value) of texts, each evaluated; items that cannot be evaluated are left out with a
    // warning.
    QStringList strings(const OrderedJson *value, const QString &path);
    // Warns once per (path, message): Globals values are merged into every resource, and their
    // problems should be reported once, at Globals.
    void warnOnce(const QString &path, const QString &message, const QString &hint = {});
    // Warns once for each property not in `handled` (Globals-provided ones were reported at Globals).
    void warnUnhandled(const TemplateResource &r, const OrderedJson &properties, const QStringList &handled,
                       const QString &what);
    Authorizer *findAuthorizer(const QString &name);
    // The API created for an event without ApiId/RestApiId: SAM's implicit
    // ServerlessHttpApi/ServerlessRestApi.
    ApiState &implicitApi(ApiType type);
    // Adds `a` under its name, or returns the name of an equal authorizer already there; a different
    // authorizer with the same name is added as "<prefix>-<name>".
    QString addAuthorizer(Authorizer a, const QString &prefix);
};

// The queue a value points to: a local queue by !GetAtt/!Ref (`*local` set), or an ARN's last segment.
QString queueName(SamReader &r, const OrderedJson *value, const QString &path, bool *local);
void readStorage(SamReader &r);        // AWS::S3::Bucket, AWS::SQS::Queue
void readFunctions(SamReader &r);      // AWS::Serverless::Function (and AWS::Lambda::Function) without events
void readApis(SamReader &r);           // AWS::Serverless::HttpApi, AWS::Serverless::Api
void readWebSocketApis(SamReader &r);  // AWS::ApiGatewayV2::*
void readFunctionEvents(SamReader &r); // HttpApi, Api, S3, SQS, Schedule, ScheduleV2 events
void readUsagePlans(
    SamReader &r);              // AWS::ApiGateway::UsagePlan (before events: routes need the key authorizer)
void readApiKeys(SamReader &r); // AWS::ApiGateway::ApiKey, UsagePlanKey
void applyMethodSettings(SamReader &r); // REST MethodSettings throttling, once routes exist

// Reads an HttpApi/Api's DefinitionBody (OpenAPI with API Gateway extensions) into project.apis[index].
void readDefinitionBody(SamReader &r, qsizetype apiIndex, const OrderedJson &definition, const QString &path);

} // namespace gatehouse::sam
