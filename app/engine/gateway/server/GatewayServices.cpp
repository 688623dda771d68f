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
        LogRecord record;
        record.timeMs = QDateTime::currentMSecsSinceEpoch();
        record.source = QStringLiteral("api:") + event.apiName;
        record.requestId = event.requestId;
        record.level =
            event.kind == GatewayEvent::Kind::Error ? LogRecord::Level::Error : LogRecord::Level::Info;
        record.platform = true;
        record.message = event.text;
        logs->append(std::move(record));
    }
    if (observer) observer(event);
}

} // namespace gatehouse
