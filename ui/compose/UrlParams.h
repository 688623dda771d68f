// The query string of a URL as the composer's params table shows it, and back: text is kept exactly as
// typed (no percent-decoding, {{variables}} untouched), so editing either side never rewrites the other.
#pragma once

#include "ComposerRequest.h"

namespace gatehouse::urlparams {

// "http://h/p?a=1&b&c=" -> a=1, b (no '='), c=""; the #fragment is not part of the query.
ComposerRows paramsOf(const QString &url);
// The URL with its query replaced by the enabled rows (a row without a value is written as its name
// alone), fragment kept.
QString withParams(const QString &url, const ComposerRows &params);

} // namespace gatehouse::urlparams
