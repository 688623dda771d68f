// The application's own SVG icons (resources/icons), one per kind of project part and severity.
#pragma once

#include "document/EntityRef.h"
#include "validation/Diagnostic.h"

#include <QIcon>

namespace gatehouse::Icons {

// Icons are created on demand (QIcon is a cheap handle; the SVG is rendered lazily and cached by
// Qt), never held in statics, which would outlive the QApplication.
QIcon forKind(EntityKind kind);
QIcon forSeverity(Diagnostic::Severity severity);
QIcon application();
QIcon healthy(); // "no problems found"
// The API icon varies with the API type so HTTP, REST and WebSocket APIs are told apart at a glance.
QIcon forApiType(int apiType);

} // namespace gatehouse::Icons
