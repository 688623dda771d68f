#include "ProjectJson.h"

namespace gatehouse {

namespace {

std::string s(const QString &text) {
    return text.toStdString();
}

// Builds one JSON object in a fixed key order; optional values are written only when set, then the
// unknown keys read from the file are appended so nothing a newer tool wrote is lost.
class ObjectWriter {
public:
    ObjectWriter &text(const char *key, const QString &value) {
        m_json[key] = s(value);
        return *this;
    }
    ObjectWriter &textIfSet(const char *key, const QString &value) {
        if (!value.isEmpty()) m_json[key] = s(value);
        return *this;
    }
    ObjectWriter &integer(const char *key, int value) {
        m_json[key] = value;
        return *this;
    }
    ObjectWriter &integerIf(bool condition, const char *key, int value) {
        if (condition) m_json[key] = value;
        return *this;
    }
    ObjectWriter &integer(const char *key, const std::optional<int> &value) {
        if (value) m_json[key] = *value;
        return *this;
    }
    ObjectWriter &number(const char *key, const std::optional<double> &value) {
        if (value) m_json[key] = *value;
        return *this;
    }
    ObjectWriter &boolean(const char *key, bool value) {
        m_json[key] = value;
        return *this;
    }
    ObjectWriter &booleanIf(bool condition, const char *key, bool value) {
        if (condition) m_json[key] = value;
        return *this;
    }
    ObjectWriter &strings(const char *key, const QStringList &values) {
        if (values.isEmpty()) return *this;
        OrderedJson array = OrderedJson::array();
        for (const QString &v : values)
            array.push_back(s(v));
        m_json[key] = std::move(array);
        return *this;
    }
    ObjectWriter &stringsAlways(const char *key, const QStringList &values) {
        m_json[key] = OrderedJson::array();
        return strings(key, values);
    }
    ObjectWriter &nameValueMap(const char *key, const NameValueList &values) {
        if (values.isEmpty()) return *this;
        OrderedJson object = OrderedJson::object();
        for (const NameValue &nv : values)
            object[s(nv.name)] = s(nv.value);
        m_json[key] = std::move(object);
        return *this;
    }
    ObjectWriter &nameValueArray(const char *key, const NameValueList &values) {
        if (values.isEmpty()) return *this;
        OrderedJson array = OrderedJson::array();
        for (const NameValue &nv : values)
            array.push_back(OrderedJson{{"name", s(nv.name)}, {"value", s(nv.value)}});
        m_json[key] = std::move(array);
        return *this;
    }
    ObjectWriter &json(const char *key, const OrderedJson &value) {
        m_json[key] = value;
        return *this;
    }
    ObjectWriter &objectIfNotEmpty(const char *key, const OrderedJson &value) {
        if (!value.empty()) m_json[key] = value;
        return *this;
    }
    template <typename T, typename F> ObjectWriter &list(const char *key, const QList<T> &items, F write) {
        if (items.isEmpty()) return *this;
        OrderedJson array = OrderedJson::array();
        for (const T &item : items)
            array.push_back(write(item));
        m_json[key] = std::move(array);
        return *this;
    }
    ObjectWriter &position(const std::optional<CanvasPoint> &point) {
        if (point) m_json["position"] = OrderedJson{{"x", point->x}, {"y", point->y}};
        return *this;
    }
    OrderedJson finish(const UnknownFields &unknown) {
        for (const auto &[key, value] : unknown.values.items())
            if (!m_json.contains(key)) m_json[key] = value;
        return std::move(m_json);
    }

private:
    OrderedJson m_json = OrderedJson::object();
};

OrderedJson writeThrottle(const ThrottleSettings &t) {
    return ObjectWriter()
        .number("rateLimit", t.rateLimit)
        .integer("burstLimit", t.burstLimit)
        .finish(t.unknown);
}

OrderedJson writeAsyncDestination(const AsyncDestination &d) {
    return ObjectWriter().textIfSet("queue", d.queue).textIfSet("function", d.function).finish(d.unknown);
}

OrderedJson writeAsyncInvoke(const AsyncInvokeConfig &c) {
    if (!c.isSet()) return OrderedJson::object();
    return ObjectWriter()
        .integer("maximumRetryAttempts", c.maximumRetryAttempts)
        .integer("maximumEventAgeSeconds", c.maximumEventAgeSeconds)
        .objectIfNotEmpty("onSuccess", writeAsyncDestination(c.onSuccess))
        .objectIfNotEmpty("onFailure", writeAsyncDestination(c.onFailure))
        .finish(c.unknown);
}

OrderedJson writeFunction(const Function &f) {
    return ObjectWriter()
        .text("name", f.name)
        .textIfSet("description", f.description)
        .text("runtime", f.runtime)
        .text("handler", f.handler)
        .textIfSet("codeUri", f.codeUri)
        .integer("memoryMB", f.memoryMB)
        .integer("timeoutSeconds", f.timeoutSeconds)
        .text("architecture", f.architecture)
        .integer("reservedConcurrency", f.reservedConcurrency)
        .nameValueMap("environment", f.environment)
        .textIfSet("deadLetterQueue", f.deadLetterQueue)
        .objectIfNotEmpty("asyncInvoke", writeAsyncInvoke(f.asyncInvoke))
        .position(f.position)
        .finish(f.unknown);
}

OrderedJson writeIntegration(const Integration &i) {
    // Every field that is set is written, whatever the type, so that switching an integration's type
    // back and forth in the designer and saving in between never loses what the user typed.
    const bool mock = i.type == IntegrationType::Mock;
    return ObjectWriter()
        .text("type", integrationTypeToString(i.type))
        .textIfSet("function", i.function)
        .textIfSet("payloadFormatVersion", i.payloadFormatVersion)
        .textIfSet("url", i.url)
        .textIfSet("httpMethod", i.httpMethod)
        .integerIf(mock || i.mockStatusCode != 200, "statusCode", i.mockStatusCode)
        .nameValueMap("headers", i.mockHeaders)
        .textIfSet("body", i.mockBody)
        .integer("timeoutMs", i.timeoutMs)
        .nameValueMap("requestParameters", i.requestParameters)
        .finish(i.unknown);
}

OrderedJson writeRoute(const Route &r, ApiType apiType) {
    const bool methodMeaningful = apiType != ApiType::WebSocket && r.path != QLatin1String("$default");
    ObjectWriter w;
    w.textIfSet("routeKey", r.routeKey);
    if (methodMeaningful || r.method != QLatin1String("GET")) w.text("method", r.method);
    w.textIfSet("path", r.path)
        .json("integration", writeIntegration(r.integration))
        .textIfSet("authorizer", r.authorizer)
        .strings("authorizationScopes", r.authorizationScopes)
        .booleanIf(r.routeResponse, "routeResponse", r.routeResponse);
    if (r.throttling.isSet() || !r.throttling.unknown.empty())
        w.json("throttling", writeThrottle(r.throttling));
    return w.position(r.position).finish(r.unknown);
}

OrderedJson writeStage(const Stage &st) {
    ObjectWriter w;
    w.text("name", st.name).nameValueMap("variables", st.variables);
    if (st.throttling.isSet() || !st.throttling.unknown.empty())
        w.json("throttling", writeThrottle(st.throttling));
    return w.textIfSet("accessLogFormat", st.accessLogFormat).finish(st.unknown);
}

OrderedJson writeCors(const Cors &c) {
    return ObjectWriter()
        .strings("allowOrigins", c.allowOrigins)
        .strings("allowMethods", c.allowMethods)
        .strings("allowHeaders", c.allowHeaders)
        .strings("exposeHeaders", c.exposeHeaders)
        .integer("maxAgeSeconds", c.maxAgeSeconds)
        .booleanIf(c.allowCredentials, "allowCredentials", c.allowCredentials)
        .finish(c.unknown);
}

OrderedJson writeApi(const Api &a) {
    ObjectWriter w;
    w.text("name", a.name)
        .textIfSet("description", a.description)
        .text("type", apiTypeToString(a.type))
        .integerIf(a.port != 0, "port", a.port)
        .textIfSet("routeSelectionExpression", a.routeSelectionExpression)
        .strings("binaryMediaTypes", a.binaryMediaTypes)
        .list("routes", a.routes, [&](const Route &r) { return writeRoute(r, a.type); })
        .list("stages", a.stages, writeStage);
    if (a.cors) w.json("cors", writeCors(*a.cors));
    if (a.throttling.isSet() || !a.throttling.unknown.empty())
        w.json("throttling", writeThrottle(a.throttling));
    w.list("customDomains", a.customDomains, [](const CustomDomain &d) {
        return ObjectWriter()
            .text("domainName", d.domainName)
            .list("basePathMappings", d.mappings,
                  [](const BasePathMapping &m) {
                      return ObjectWriter()
                          .text("basePath", m.basePath)
                          .text("stage", m.stage)
                          .finish(m.unknown);
                  })
            .finish(d.unknown);
    });
    return w.position(a.position).finish(a.unknown);
}

OrderedJson writeAuthorizer(const Authorizer &a) {
    const Authorizer defaults;
    ObjectWriter w;
    w.text("name", a.name)
        .text("type", authorizerTypeToString(a.type))
        .textIfSet("issuer", a.issuer)
        .strings("audience", a.audience)
        .textIfSet("jwksUri", a.jwksUri);
    if (a.type == AuthorizerType::Jwt || a.identitySource != defaults.identitySource)
        w.text("identitySource", a.identitySource);
    w.textIfSet("function", a.function);
    if (a.type == AuthorizerType::Lambda || a.lambdaType != defaults.lambdaType)
        w.text("lambdaType", a.lambdaType);
    w.textIfSet("payloadFormatVersion", a.payloadFormatVersion)
        .strings("identitySources", a.identitySources)
        .booleanIf(a.enableSimpleResponses, "enableSimpleResponses", a.enableSimpleResponses)
        .integer("resultTtlSeconds", a.resultTtlSeconds)
        .textIfSet("tokenValidationRegex", a.tokenValidationRegex)
        .list("apiKeys", a.apiKeys, [](const ApiKey &k) {
            return ObjectWriter().text("name", k.name).text("value", k.value).finish(k.unknown);
        });
    OrderedJson plan = writeThrottle(a.usagePlanThrottling);
    if (a.usagePlanQuota)
        plan["quota"] = ObjectWriter()
                            .integer("limit", a.usagePlanQuota->limit)
                            .text("period", a.usagePlanQuota->period)
                            .finish(a.usagePlanQuota->unknown);
    return w.objectIfNotEmpty("usagePlan", plan).position(a.position).finish(a.unknown);
}

OrderedJson writeBucket(const Bucket &b) {
    return ObjectWriter()
        .text("name", b.name)
        .booleanIf(b.versioning, "versioning", b.versioning)
        .list("notifications", b.notifications,
              [](const BucketNotification &n) {
                  return ObjectWriter()
                      .stringsAlways("events", n.events)
                      .textIfSet("prefix", n.prefix)
                      .textIfSet("suffix", n.suffix)
                      .text("function", n.function)
                      .finish(n.unknown);
              })
        .position(b.position)
        .finish(b.unknown);
}

OrderedJson writeSchedule(const Schedule &s) {
    ObjectWriter w;
    w.text("name", s.name).text("expression", s.expression).text("function", s.function);
    w.booleanIf(!s.enabled, "enabled", s.enabled).textIfSet("timezone", s.timezone);
    if (!s.input.is_null()) w.json("input", s.input);
    return w.position(s.position).finish(s.unknown);
}

OrderedJson writeQueue(const Queue &q) {
    ObjectWriter w;
    w.text("name", q.name)
        .booleanIf(q.fifo, "fifo", q.fifo)
        .integer("visibilityTimeoutSeconds", q.visibilityTimeoutSeconds)
        .integer("messageRetentionSeconds", q.messageRetentionSeconds)
        .textIfSet("deadLetterQueue", q.deadLetterQueue)
        .integerIf(!q.deadLetterQueue.isEmpty() || q.maxReceiveCount != 5, "maxReceiveCount",
                   q.maxReceiveCount);
    if (q.trigger) {
        const QueueTrigger &t = *q.trigger;
        w.json("trigger", ObjectWriter()
                              .text("function", t.function)
                              .integer("batchSize", t.batchSize)
                              .integerIf(t.maximumBatchingWindowSeconds != 0, "maximumBatchingWindowSeconds",
                                         t.maximumBatchingWindowSeconds)
                              .booleanIf(t.reportBatchItemFailures, "reportBatchItemFailures", true)
                              .booleanIf(!t.enabled, "enabled", false)
                              .finish(t.unknown));
    }
    return w.position(q.position).finish(q.unknown);
}

OrderedJson writeRequest(const SavedRequest &r) {
    return ObjectWriter()
        .text("name", r.name)
        .text("method", r.method)
        .text("url", r.url)
        .nameValueArray("headers", r.headers)
        .textIfSet("body", r.body)
        .list("assertions", r.assertions,
              [](const RequestAssertion &a) {
                  return ObjectWriter()
                      .text("kind", a.kind)
                      .textIfSet("target", a.target)
                      .text("op", a.op)
                      .textIfSet("expected", a.expected)
                      .finish(a.unknown);
              })
        .finish(r.unknown);
}

OrderedJson writeSettings(const ProjectSettings &s) {
    return ObjectWriter()
        .text("region", s.region)
        .text("accountId", s.accountId)
        .text("billingGranularity", s.billingGranularity)
        .integer("concurrencyLimit", s.concurrencyLimit)
        .integer("idleEnvironmentSeconds", s.idleEnvironmentSeconds)
        .integerIf(s.asyncRetryDelaySeconds != 60, "asyncRetryDelaySeconds", s.asyncRetryDelaySeconds)
        .objectIfNotEmpty("credentials", s.credentials
                                             ? ObjectWriter()
                                                   .text("accessKeyId", s.credentials->accessKeyId)
                                                   .text("secretAccessKey", s.credentials->secretAccessKey)
                                                   .finish(s.credentials->unknown)
                                             : OrderedJson::object())
        .finish(s.unknown);
}

} // namespace

OrderedJson projectToJson(const Project &p) {
    return ObjectWriter()
        .integer("formatVersion", p.formatVersion)
        .text("name", p.name)
        .textIfSet("description", p.description)
        .json("settings", writeSettings(p.settings))
        .list("functions", p.functions, writeFunction)
        .list("apis", p.apis, writeApi)
        .list("authorizers", p.authorizers, writeAuthorizer)
        .list("buckets", p.buckets, writeBucket)
        .list("schedules", p.schedules, writeSchedule)
        .list("queues", p.queues, writeQueue)
        .list("requests", p.requests, writeRequest)
        .list("environments", p.environments,
              [](const VariableSet &v) {
                  return ObjectWriter()
                      .text("name", v.name)
                      .nameValueMap("variables", v.variables)
                      .finish(v.unknown);
              })
        .finish(p.unknown);
}

QByteArray projectToJsonText(const Project &project) {
    const std::string text = projectToJson(project).dump(2) + '\n';
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace gatehouse
