// Internal to the SAM exporter: the stage, throttling and CORS settings of HttpApi/Api resources, in
// the shapes SAM wants them (one stage per API, quoted REST CORS values, "~1"-encoded method paths).
#pragma once

#include "SamTemplate.h"

namespace gatehouse::sam {

// The stage a SAM API resource gets (SAM creates exactly one per HttpApi/Api); warns about the others,
// about access logs and about custom domains.
const Stage *exportedStage(SamTemplate &t, const Api &api, const QString &path);
// The stage's throttling, else the API's (warning when the stage's replaces the API's).
ThrottleSettings effectiveThrottle(SamTemplate &t, const Api &api, const Stage *stage, const QString &path);
OrderedJson httpCors(const Cors &c);
OrderedJson restCors(SamTemplate &t, const Cors &c, const QString &path);
// One entry of an Api's MethodSettings (CloudFormation "AWS::ApiGateway::Stage MethodSetting").
OrderedJson methodSetting(const QString &resourcePath, const QString &method,
                          const ThrottleSettings &throttle);
// "/reports/{id}" -> "/reports~1{id}": MethodSettings encode '/' after the first as "~1".
QString encodedResourcePath(const QString &path);

} // namespace gatehouse::sam
