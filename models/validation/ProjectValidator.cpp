#include "ProjectValidator.h"

namespace gatehouse {

Diagnostics validateProject(const Project &, const ValidationOptions &) { return {}; }

} // namespace gatehouse
