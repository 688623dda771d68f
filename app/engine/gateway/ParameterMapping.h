// HTTP API parameter mapping on the way to an integration ("Transforming API requests and
// responses"): keys "append|overwrite|remove:header.<name>", "append|overwrite|remove:querystring.
// <name>" and "overwrite:path"; values are static text with $request.header.<name>,
// $request.querystring.<name>, $request.body.<json path>, $request.path, $request.path.<name>,
// $context.<variable> and $stageVariables.<name> substituted. Reserved headers cannot be mapped.
#pragma once

#include "GatewayRequest.h"
#include "InvocationContext.h"
#include "project/Common.h"

namespace gatehouse {

// The part of an outgoing request that mapping may change.
struct MappableRequest {
    QString path; // encoded, e.g. "/pets/6"
    QueryParameters query;
    HeaderFields headers;
};

QString mappingValue(const QString &expression, const GatewayRequest &request,
                     const InvocationContext &context);
bool isReservedHeader(const QString &name);

// Applies the mappings in order; returns the problems (unknown keys, reserved headers).
QStringList applyParameterMapping(const NameValueList &requestParameters, const GatewayRequest &request,
                                  const InvocationContext &context, MappableRequest &target);

} // namespace gatehouse
