// Internal to the SAM exporter: the template being built and the logical IDs handed out so far,
// shared by the files that write functions, APIs, WebSocket APIs and storage resources.
#pragma once

#include "export/ExportFormat.h"
#include "export/ExportReport.h"
#include "export/LogicalIds.h"
#include "project/Project.h"

#include <QHash>

namespace gatehouse::sam {

// Keys of the template-level "Metadata: Gatehouse:" section. An import reads them back so that
// project -> SAM -> project keeps names and the embedded runtime.
inline constexpr auto kMetadataKey = "Gatehouse";
inline constexpr auto kMetadataProject = "Project";
inline constexpr auto kMetadataNames = "Names";                           // logical ID -> project name
inline constexpr auto kMetadataEmbeddedJavaScript = "EmbeddedJavaScript"; // function ID -> handler

struct SamTemplate {
    SamTemplate(const Project &p, const ExportOptions &o, ExportReport &r)
        : project(p)
        , options(o)
        , report(r) {}

    const Project &project;
    const ExportOptions &options;
    ExportReport &report;

    LogicalIdAllocator ids;
    QHash<QString, QString> functionIds; // project name -> logical ID
    QHash<QString, QString> apiIds;
    QHash<QString, QString> bucketIds;
    QHash<QString, QString> queueIds;
    QHash<QString, QString> authorizerIds; // JWT and Lambda authorizers: keys under Auth.Authorizers
    QHash<QString, QString> apiKeyIds;     // "authorizer\nkey" -> AWS::ApiGateway::ApiKey logical ID

    OrderedJson resources = OrderedJson::object();
    OrderedJson outputs = OrderedJson::object();
    OrderedJson names = OrderedJson::object();
    OrderedJson embeddedJavaScript = OrderedJson::object();
    QHash<QString, OrderedJson> events;           // function ID -> its Events mapping
    QHash<QString, LogicalIdAllocator> eventKeys; // function ID -> event keys used in it
    QList<ExportedFile> files;                    // generated files besides template.yaml

    QString title() const { return QStringLiteral("AWS SAM"); }
    // Records `name` for `id` unless an import would derive it from the ID anyway.
    void recordName(NamedKind kind, const QString &id, const QString &name);
    // Adds an event to a function's Events under a key made from `keyHint`.
    void addEvent(const QString &functionId, const QString &keyHint, OrderedJson event);
    // The function's logical ID, or empty (with a warning at `path`) when it does not exist.
    QString functionId(const QString &name, const QString &path);
};

void addFunctions(SamTemplate &t);
void addSchedules(SamTemplate &t);
void addBuckets(SamTemplate &t);
void addQueues(SamTemplate &t);
void addHttpAndRestApis(SamTemplate &t);
void addWebSocketApis(SamTemplate &t);

// Shared by several parts.
OrderedJson throttleSettings(const ThrottleSettings &throttle); // {ThrottlingBurstLimit, ThrottlingRateLimit}
QString endpointPattern(const QString &scheme, const QString &apiId, const QString &stage);

} // namespace gatehouse::sam
