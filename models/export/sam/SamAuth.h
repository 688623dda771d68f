// Internal to the SAM exporter: authorizer definitions for HttpApi and Api resources, and the
// translation of identity sources between Gatehouse's "$request.header.X" form and SAM's lists.
#pragma once

#include "SamTemplate.h"

namespace gatehouse::sam {

struct IdentityLists {
    QStringList headers, queryStrings, stageVariables, context;
    QStringList unknown; // sources that fit none of the above
};
IdentityLists splitIdentitySources(const QStringList &sources);

// The entry under an HttpApi's Auth.Authorizers for a JWT or Lambda authorizer
// (SAM spec "HttpApiAuth"/"OAuth2Authorizer"/"LambdaAuthorizer").
OrderedJson httpApiAuthorizer(SamTemplate &t, const Authorizer &a, const QString &path);
// The entry under an Api's Auth.Authorizers for a Lambda TOKEN or REQUEST authorizer.
OrderedJson restApiAuthorizer(SamTemplate &t, const Authorizer &a, const QString &path);

} // namespace gatehouse::sam
