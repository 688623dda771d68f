#include "JsonText.h"
#include "ObjectReader.h"
#include "ProjectJson.h"

namespace gatehouse {

namespace {

using Need = ObjectReader::Need;

void readThrottle(ObjectReader &r, ThrottleSettings &t) {
    r.number("rateLimit", t.rateLimit);
    r.integer("burstLimit", t.burstLimit);
    r.finish(t.unknown);
}

void readThrottleField(ObjectReader &r, const char *key, ThrottleSettings &t) {
    r.object(key, [&](ObjectReader &o) { readThrottle(o, t); });
}

// {"x": 120, "y": 40}: where the user put the node on the designer canvas.
void readPosition(ObjectReader &r, std::optional<CanvasPoint> &position) {
    r.object("position", [&](ObjectReader &o) {
        CanvasPoint point;
        o.integer("x", point.x, Need::Required);
        o.integer("y", point.y, Need::Required);
        o.finishIgnoringUnknown();
        position = point;
    });
}

// {"queue": "failed-orders"} or {"function": "alert"}
void readAsyncDestination(ObjectReader &r, const char *key, AsyncDestination &d) {
    r.object(key, [&](ObjectReader &o) {
        o.string("queue", d.queue);
        o.string("function", d.function);
        o.finish(d.unknown);
    });
}

void readAsyncInvoke(ObjectReader &r, AsyncInvokeConfig &c) {
    r.object("asyncInvoke", [&](ObjectReader &o) {
        o.integer("maximumRetryAttempts", c.maximumRetryAttempts);
        o.integer("maximumEventAgeSeconds", c.maximumEventAgeSeconds);
        readAsyncDestination(o, "onSuccess", c.onSuccess);
        readAsyncDestination(o, "onFailure", c.onFailure);
        o.finish(c.unknown);
    });
}

void readFunction(ObjectReader &r, Function &f) {
    r.string("name", f.name, Need::Required);
    r.string("description", f.description);
    r.string("runtime", f.runtime, Need::Required);
    r.string("handler", f.handler, Need::Required);
    r.string("codeUri", f.codeUri);
    r.integer("memoryMB", f.memoryMB);
    r.integer("timeoutSeconds", f.timeoutSeconds);
    r.string("architecture", f.architecture);
    r.integer("reservedConcurrency", f.reservedConcurrency);
    r.nameValueMap("environment", f.environment);
    r.string("deadLetterQueue", f.deadLetterQueue);
    readAsyncInvoke(r, f.asyncInvoke);
    readPosition(r, f.position);
    r.finish(f.unknown);
}

template <typename Enum>
void readEnum(ObjectReader &r, ReadContext &ctx, const char *key, Enum &out,
              std::optional<Enum> (*parse)(const QString &), const char *allowed) {
    QString text;
    r.string(key, text);
    if (text.isEmpty()) return;
    if (auto value = parse(text)) {
        out = *value;
    } else {
        ctx.error(jsonPathChild(r.path(), key), QStringLiteral("unknown value \"%1\"").arg(text),
                  QStringLiteral("use one of: %1").arg(QString::fromUtf8(allowed)));
    }
}

void readIntegration(ObjectReader &r, ReadContext &ctx, Integration &i) {
    readEnum(r, ctx, "type", i.type, &integrationTypeFromString, "lambda, http-proxy, mock");
    r.string("function", i.function);
    r.string("payloadFormatVersion", i.payloadFormatVersion);
    r.string("url", i.url);
    r.string("httpMethod", i.httpMethod);
    r.integer("statusCode", i.mockStatusCode);
    r.string("body", i.mockBody);
    r.nameValueMap("headers", i.mockHeaders);
    r.integer("timeoutMs", i.timeoutMs);
    r.nameValueMap("requestParameters", i.requestParameters);
    r.finish(i.unknown);
}

void readRoute(ObjectReader &r, ReadContext &ctx, Route &route) {
    r.string("method", route.method);
    r.string("path", route.path);
    r.string("routeKey", route.routeKey);
    r.object("integration", [&](ObjectReader &o) { readIntegration(o, ctx, route.integration); });
    r.string("authorizer", route.authorizer);
    r.strings("authorizationScopes", route.authorizationScopes);
    r.boolean("routeResponse", route.routeResponse);
    readThrottleField(r, "throttling", route.throttling);
    readPosition(r, route.position);
    r.finish(route.unknown);
}

void readStage(ObjectReader &r, Stage &s) {
    r.string("name", s.name, Need::Required);
    r.nameValueMap("variables", s.variables);
    readThrottleField(r, "throttling", s.throttling);
    r.string("accessLogFormat", s.accessLogFormat);
    r.finish(s.unknown);
}

void readCors(ObjectReader &r, Cors &c) {
    r.strings("allowOrigins", c.allowOrigins);
    r.strings("allowMethods", c.allowMethods);
    r.strings("allowHeaders", c.allowHeaders);
    r.strings("exposeHeaders", c.exposeHeaders);
    r.integer("maxAgeSeconds", c.maxAgeSeconds);
    r.boolean("allowCredentials", c.allowCredentials);
    r.finish(c.unknown);
}

void readCustomDomain(ObjectReader &r, CustomDomain &d) {
    r.string("domainName", d.domainName, Need::Required);
    r.list<BasePathMapping>("basePathMappings", d.mappings, [](ObjectReader &o, BasePathMapping &m) {
        o.string("basePath", m.basePath);
        o.string("stage", m.stage, Need::Required);
        o.finish(m.unknown);
    });
    r.finish(d.unknown);
}

void readApi(ObjectReader &r, ReadContext &ctx, Api &api) {
    r.string("name", api.name, Need::Required);
    r.string("description", api.description);
    if (!r.has("type"))
        ctx.error(jsonPathChild(r.path(), "type"), QStringLiteral("required field is missing"),
                  QStringLiteral("add \"type\": \"http\", \"rest\" or \"websocket\""));
    readEnum(r, ctx, "type", api.type, &apiTypeFromString, "http, rest, websocket");
    r.integer("port", api.port);
    r.string("routeSelectionExpression", api.routeSelectionExpression);
    r.strings("binaryMediaTypes", api.binaryMediaTypes);
    r.list<Route>("routes", api.routes, [&](ObjectReader &o, Route &route) { readRoute(o, ctx, route); });
    r.list<Stage>("stages", api.stages, readStage);
    r.object("cors", [&](ObjectReader &o) {
        Cors cors;
        readCors(o, cors);
        api.cors = cors;
    });
    readThrottleField(r, "throttling", api.throttling);
    r.list<CustomDomain>("customDomains", api.customDomains, readCustomDomain);
    readPosition(r, api.position);
    r.finish(api.unknown);
}

void readAuthorizer(ObjectReader &r, ReadContext &ctx, Authorizer &a) {
    r.string("name", a.name, Need::Required);
    if (!r.has("type"))
        ctx.error(jsonPathChild(r.path(), "type"), QStringLiteral("required field is missing"),
                  QStringLiteral("add \"type\": \"jwt\", \"lambda\" or \"apiKey\""));
    readEnum(r, ctx, "type", a.type, &authorizerTypeFromString, "jwt, lambda, apiKey");
    r.string("issuer", a.issuer);
    r.strings("audience", a.audience);
    r.string("jwksUri", a.jwksUri);
    r.string("identitySource", a.identitySource);
    r.string("function", a.function);
    r.string("lambdaType", a.lambdaType);
    r.string("payloadFormatVersion", a.payloadFormatVersion);
    r.strings("identitySources", a.identitySources);
    r.boolean("enableSimpleResponses", a.enableSimpleResponses);
    r.integer("resultTtlSeconds", a.resultTtlSeconds);
    r.string("tokenValidationRegex", a.tokenValidationRegex);
    r.list<ApiKey>("apiKeys", a.apiKeys, [](ObjectReader &o, ApiKey &k) {
        o.string("name", k.name, Need::Required);
        o.string("value", k.value, Need::Required);
        o.finish(k.unknown);
    });
    r.object("usagePlan", [&](ObjectReader &o) {
        o.object("quota", [&](ObjectReader &q) {
            Quota quota;
            q.integer("limit", quota.limit, Need::Required);
            q.string("period", quota.period);
            q.finish(quota.unknown);
            a.usagePlanQuota = quota;
        });
        readThrottle(o, a.usagePlanThrottling);
    });
    readPosition(r, a.position);
    r.finish(a.unknown);
}

void readBucket(ObjectReader &r, Bucket &b) {
    r.string("name", b.name, Need::Required);
    r.boolean("versioning", b.versioning);
    r.list<BucketNotification>("notifications", b.notifications, [](ObjectReader &o, BucketNotification &n) {
        if (o.has("events")) n.events.clear();
        o.strings("events", n.events);
        o.string("prefix", n.prefix);
        o.string("suffix", n.suffix);
        o.string("function", n.function, Need::Required);
        o.finish(n.unknown);
    });
    readPosition(r, b.position);
    r.finish(b.unknown);
}

void readSchedule(ObjectReader &r, Schedule &s) {
    r.string("name", s.name, Need::Required);
    r.string("expression", s.expression, Need::Required);
    r.string("function", s.function, Need::Required);
    r.boolean("enabled", s.enabled);
    r.string("timezone", s.timezone);
    r.anyJson("input", s.input);
    readPosition(r, s.position);
    r.finish(s.unknown);
}

void readQueue(ObjectReader &r, Queue &q) {
    r.string("name", q.name, Need::Required);
    r.boolean("fifo", q.fifo);
    r.integer("visibilityTimeoutSeconds", q.visibilityTimeoutSeconds);
    r.integer("messageRetentionSeconds", q.messageRetentionSeconds);
    r.string("deadLetterQueue", q.deadLetterQueue);
    r.integer("maxReceiveCount", q.maxReceiveCount);
    r.object("trigger", [&](ObjectReader &o) {
        QueueTrigger t;
        o.string("function", t.function, Need::Required);
        o.integer("batchSize", t.batchSize);
        o.integer("maximumBatchingWindowSeconds", t.maximumBatchingWindowSeconds);
        o.boolean("reportBatchItemFailures", t.reportBatchItemFailures);
        o.boolean("enabled", t.enabled);
        o.finish(t.unknown);
        q.trigger = t;
    });
    readPosition(r, q.position);
    r.finish(q.unknown);
}

void readRequest(ObjectReader &r, SavedRequest &s) {
    r.string("name", s.name, Need::Required);
    r.string("method", s.method);
    r.string("url", s.url, Need::Required);
    r.nameValueArray("headers", s.headers);
    r.string("body", s.body);
    r.list<RequestAssertion>("assertions", s.assertions, [](ObjectReader &o, RequestAssertion &a) {
        o.string("kind", a.kind, Need::Required);
        o.string("target", a.target);
        o.string("op", a.op);
        o.string("expected", a.expected);
        o.finish(a.unknown);
    });
    r.finish(s.unknown);
}

void readSettings(ObjectReader &r, ProjectSettings &s) {
    r.string("region", s.region);
    r.string("accountId", s.accountId);
    r.string("billingGranularity", s.billingGranularity);
    r.integer("concurrencyLimit", s.concurrencyLimit);
    r.integer("idleEnvironmentSeconds", s.idleEnvironmentSeconds);
    r.integer("asyncRetryDelaySeconds", s.asyncRetryDelaySeconds);
    r.object("credentials", [&](ObjectReader &o) {
        LocalCredentials credentials;
        o.string("accessKeyId", credentials.accessKeyId, Need::Required);
        o.string("secretAccessKey", credentials.secretAccessKey, Need::Required);
        o.finish(credentials.unknown);
        s.credentials = credentials;
    });
    r.finish(s.unknown);
}

} // namespace

ProjectReadResult projectFromJson(const OrderedJson &document, const QString &fileName) {
    ProjectReadResult result;
    ReadContext ctx{fileName, {}};
    if (!document.is_object()) {
        ctx.error(
            {},
            QStringLiteral("the top level must be a JSON object, found %1").arg(describeJsonType(document)),
            QStringLiteral("start the file with {\"formatVersion\": 1, ...}"));
        result.diagnostics = ctx.diagnostics;
        return result;
    }
    ObjectReader r(document, {}, ctx);
    Project &p = result.project;
    if (!r.has("formatVersion")) {
        ctx.error(QStringLiteral("formatVersion"), QStringLiteral("required field is missing"),
                  QStringLiteral("add \"formatVersion\": %1").arg(kProjectFormatVersion));
    }
    std::optional<int> version;
    r.integer("formatVersion", version);
    if (version) {
        p.formatVersion = *version;
        if (*version > kProjectFormatVersion || *version < 1) {
            ctx.error(QStringLiteral("formatVersion"),
                      QStringLiteral("format version %1 is not supported (this Gatehouse reads version %2)")
                          .arg(*version)
                          .arg(kProjectFormatVersion),
                      *version > kProjectFormatVersion
                          ? QStringLiteral("the file was written by a newer Gatehouse; upgrade to open it")
                          : QStringLiteral("set \"formatVersion\": %1").arg(kProjectFormatVersion));
            result.diagnostics = ctx.diagnostics;
            return result; // a newer format may mean anything: do not guess
        }
    }
    r.string("name", p.name);
    r.string("description", p.description);
    r.object("settings", [&](ObjectReader &o) { readSettings(o, p.settings); });
    r.list<Function>("functions", p.functions, readFunction);
    r.list<Api>("apis", p.apis, [&](ObjectReader &o, Api &a) { readApi(o, ctx, a); });
    r.list<Authorizer>("authorizers", p.authorizers,
                       [&](ObjectReader &o, Authorizer &a) { readAuthorizer(o, ctx, a); });
    r.list<Bucket>("buckets", p.buckets, readBucket);
    r.list<Schedule>("schedules", p.schedules, readSchedule);
    r.list<Queue>("queues", p.queues, readQueue);
    r.list<SavedRequest>("requests", p.requests, readRequest);
    r.list<VariableSet>("environments", p.environments, [](ObjectReader &o, VariableSet &v) {
        o.string("name", v.name, ObjectReader::Required);
        o.nameValueMap("variables", v.variables);
        o.finish(v.unknown);
    });
    r.finish(p.unknown);
    result.diagnostics = ctx.diagnostics;
    result.readable = true;
    return result;
}

ProjectReadResult projectFromJsonText(const QByteArray &text, const QString &fileName) {
    Diagnostics diagnostics;
    const auto document = parseJsonText(text, fileName, diagnostics);
    if (!document) {
        ProjectReadResult result;
        result.diagnostics = diagnostics;
        return result;
    }
    return projectFromJson(*document, fileName);
}

} // namespace gatehouse
