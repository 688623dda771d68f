#include "GatewayServices.h"

#include "telemetry/LogStore.h"

#include <QDateTime>

namespace gatehouse {

GatewayServices::GatewayServices(Invoker *invokerIn, LogStore *logsIn)
    : invoker(invokerIn)
    , logs(logsIn)
    , throttler([this] { return steadyMs(); })
    , usagePlans([this] { return steadyMs(); }, [] { return QDateTime::currentDateTimeUtc(); })
    , authorizerCache([this] { return steadyMs(); }) {
    steady.start();
}

void GatewayServices::report(GatewayEvent event) const {
    if (logs) {
        // One "api:<name>" string per thread and API, shared by its lines, instead of one per line.
        thread_local QString sourceApi, source;
        if (sourceApi != event.apiName) {
            sourceApi = event.apiName;
            source = QStringLiteral("api:") + event.apiName;
        }
        const bool error = event.kind == GatewayEvent::Kind::Error;
        logs->append(LogRecord{.timeMs = QDateTime::currentMSecsSinceEpoch(),
                               .source = source,
                               .requestId = event.requestId,
                               .stream = {},
                               .level = error ? LogRecord::Level::Error : LogRecord::Level::Info,
                               .platform = true,
                               .message = event.text,
                               .relatedRequestId = event.integrationRequestId});
    }
    if (observer) observer(event);
}

} // namespace gatehouse
