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
        const bool error = event.kind == GatewayEvent::Kind::Error;
        logs->append(LogRecord{.timeMs = QDateTime::currentMSecsSinceEpoch(),
                               .source = QStringLiteral("api:") + event.apiName,
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
