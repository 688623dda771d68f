// Internal to the SAM importer: reading the authorizers and usage plan of an HttpApi/Api's Auth.
#pragma once

#include "SamReader.h"

namespace gatehouse::sam {

std::optional<Authorizer> readHttpApiAuthorizer(SamReader &r, const QString &key, const OrderedJson &def,
                                                const QString &path);
std::optional<Authorizer> readRestApiAuthorizer(SamReader &r, const QString &key, const OrderedJson &def,
                                                const QString &path);
// SAM's Auth.UsagePlan creates a usage plan (and a key) for the API; returns the name of the API-key
// authorizer that stands for it, or empty for CreateUsagePlan: NONE.
QString readUsagePlan(SamReader &r, const OrderedJson &plan, const QString &apiName);

} // namespace gatehouse::sam
