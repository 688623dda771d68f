// Internal to the serverless.yml exporter: the service being built, shared by the file writing the
// provider section and the one writing each function's events.
#pragma once

#include "ServerlessExport.h"
#include "export/ExportReport.h"
#include "export/LogicalIds.h"

#include <QHash>

namespace gatehouse::serverless {

struct Service {
    Service(const Project &p, const ExportOptions &o, const ServerlessOptions &s, ExportReport &r)
        : project(p)
        , options(o)
        , serverlessOptions(s)
        , report(r) {}

    const Project &project;
    const ExportOptions &options;
    const ServerlessOptions &serverlessOptions;
    ExportReport &report;

    QHash<QString, QString> functionKeys; // project name -> key under functions:
    QHash<QString, OrderedJson> events;   // function key -> its events list
    QHash<QString, QString> queueIds;     // queue name -> CloudFormation logical ID in resources
    LogicalIdAllocator ids;
    OrderedJson provider = OrderedJson::object();
    OrderedJson resources = OrderedJson::object();
    QList<ExportedFile> files;
    // The one HTTP, REST and WebSocket API a service has; others are merged into them with a warning.
    const Api *httpApi = nullptr;
    const Api *restApi = nullptr;
    const Api *webSocketApi = nullptr;

    QString title() const { return QStringLiteral("serverless.yml"); }
    QString functionKey(const QString &name, const QString &path); // warns when missing
    void addEvent(const QString &functionKey, OrderedJson event);
};

void addProvider(Service &s);     // provider: httpApi (cors, authorizers), apiGateway (keys, usage plans)
void addApiEvents(Service &s);    // httpApi, http and websocket events
void addSourceEvents(Service &s); // s3, schedule and sqs events, queue resources

} // namespace gatehouse::serverless
