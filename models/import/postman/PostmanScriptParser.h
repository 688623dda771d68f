// Recognises assertions in Postman test scripts: the one-line forms Gatehouse's export writes and the
// common hand-written snippets (pm.response.to.have.status(200), pm.expect(jsonData.x).to.eql(...)).
#pragma once

#include "project/SavedRequest.h"

#include <QStringList>

namespace gatehouse {

struct ParsedScript {
    QList<RequestAssertion> assertions;
    QStringList unrecognised; // lines that assert something no Gatehouse assertion expresses
};

ParsedScript parsePostmanTestScript(const QStringList &lines);

} // namespace gatehouse
