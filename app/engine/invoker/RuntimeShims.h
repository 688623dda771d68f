// The bootstrap shims of the process runtimes (resources/runtimes/), as files an interpreter can run.
#pragma once

#include <QString>

namespace gatehouse::runtimeshims {

// The folder holding node/bootstrap.js and python/bootstrap.py, or an empty string with *problem set.
//
// The shims are compiled into the binary as Qt resources (so a build folder, an installed copy and CI
// all have them) and written once per content to <cache>/gatehouse-runtimes/<hash>/, where <cache> is
// QStandardPaths::CacheLocation (a temporary folder when that is not writable). Keyed by a hash of
// their content, so two Gatehouse versions never run each other's shims and an unchanged shim is not
// rewritten. GATEHOUSE_RUNTIMES_DIR overrides the folder (to edit shims without rebuilding).
QString directory(QString *problem);

} // namespace gatehouse::runtimeshims
