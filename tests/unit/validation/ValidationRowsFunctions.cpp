// Rows: problems found while loading the file, project settings, and functions.
#include "ValidationRows.h"

namespace gatehouse::test {

namespace {
// A project whose only function is `function` (a JSON object).
QByteArray withFunction(const QByteArray &function) {
    return QByteArray(R"({"formatVersion": 1, "name": "t", "functions": [)") + function + "]}";
}

QByteArray function(const QByteArray &extra) {
    return QByteArray(R"({"name": "f", "runtime": "javascript", "handler": "index.handler")") + extra + "}";
}
} // namespace

void addLoadRows() {
    addRow("load: malformed JSON", "{\"formatVersion\": 1,\n \"name\": }", "", "invalid JSON");
    addRow("load: empty file", "  ", "", "file is empty");
    addRow("load: top level must be an object", "[1, 2]", "",
           "the top level must be a JSON object, found an array");
    addRow("load: newer formatVersion is refused", R"({"formatVersion": 2, "name": "t"})", "formatVersion",
           "format version 2 is not supported");
    addRow("load: formatVersion is required", R"({"name": "t"})", "formatVersion",
           "required field is missing");
    addRow("load: wrong type for memoryMB", withFunction(function(R"(, "memoryMB": "big")")),
           "functions[0].memoryMB", "expected an integer, found a string");
    addRow("load: missing handler", withFunction(R"({"name": "f", "runtime": "javascript"})"),
           "functions[0].handler", "required field is missing");
    addRow("load: unknown API type", withHello(R"(, "apis": [{"name": "a", "type": "graphql"}])"),
           "apis[0].type", "unknown value \"graphql\"");
    addRow("load: API type is required", withHello(R"(, "apis": [{"name": "a"}])"), "apis[0].type",
           "required field is missing");
    addRow("load: unknown key warns", withHello(R"(, "fnctions": [])"), "fnctions",
           "unknown key \"fnctions\"", Expect::Warning);
}

void addSettingsRows() {
    const auto settings = [](const char *members) {
        return QByteArray(R"({"formatVersion": 1, "name": "t", "settings": {)") + members + "}}";
    };
    addRow("settings: billing granularity", settings(R"("billingGranularity": "10ms")"),
           "settings.billingGranularity", "billing granularity '10ms' is not supported");
    addRow("settings: concurrency limit at least 1", settings(R"("concurrencyLimit": 0)"),
           "settings.concurrencyLimit", "concurrencyLimit must be between 1 and 1000, found 0");
    addRow("settings: idle environment seconds", settings(R"("idleEnvironmentSeconds": 0)"),
           "settings.idleEnvironmentSeconds", "must be at least 1");
    addRow("settings: async retry delay above an hour", settings(R"("asyncRetryDelaySeconds": 3601)"),
           "settings.asyncRetryDelaySeconds", "between 0 and 3600");
    addRow("settings: credentials' access key id shape",
           settings(R"("credentials": {"accessKeyId": "short", "secretAccessKey": "s"})"),
           "settings.credentials.accessKeyId", "access key id 'short' is not 16 to 128");
    addRow("settings: credentials need a secret",
           settings(R"("credentials": {"accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": ""})"),
           "settings.credentials.secretAccessKey", "the secret access key is empty");
    addRow("settings: region shape", settings(R"("region": "Virginia")"), "settings.region",
           "'Virginia' does not look like an AWS region");
    addRow("settings: account id is 12 digits", settings(R"("accountId": "1234")"), "settings.accountId",
           "account id '1234' is not 12 digits");
}

void addFunctionRows() {
    addRow("function: name with spaces",
           withFunction(R"({"name": "my func", "runtime": "javascript", "handler": "index.handler"})"),
           "functions[0].name", "'my func' is not a valid function name");
    addRow("function: name longer than 64",
           withFunction("{\"name\": \"" + QByteArray(65, 'f') +
                        R"(", "runtime": "javascript", "handler": "index.handler"})"),
           "functions[0].name", "is not a valid function name");
    addRow("function: empty name",
           withFunction(R"({"name": "", "runtime": "javascript", "handler": "index.handler"})"),
           "functions[0].name", "a function needs a name");
    addRow("function: duplicate name", withFunction(function("") + ", " + function("")), "functions[1].name",
           "name 'f' is already used by functions[0]");
    addRow("function: unsupported runtime",
           withFunction(R"({"name": "f", "runtime": "nodejs16.x", "handler": "index.handler"})"),
           "functions[0].runtime", "runtime 'nodejs16.x' is not supported");
    addRow("function: handler without function part",
           withFunction(function("").replace("index.handler", "index")), "functions[0].handler",
           "handler 'index' is not of the form 'file.function'");
    addRow("function: python handler without function part",
           withFunction(R"({"name": "f", "runtime": "python3.12", "handler": "app"})"),
           "functions[0].handler", "is not of the form 'module.function'");
    addRow("function: handler outside the code folder",
           withFunction(function("").replace("index.handler", "../x.handler")), "functions[0].handler",
           "points outside the code folder");
    addRow("function: provided runtime needs a handler",
           withFunction(R"({"name": "f", "runtime": "provided.al2023", "handler": ""})"),
           "functions[0].handler", "handler is empty");
    addRow("function: memory below 128 MB", withFunction(function(R"(, "memoryMB": 64)")),
           "functions[0].memoryMB", "memoryMB must be between 128 and 10240, found 64");
    addRow("function: memory above 10240 MB", withFunction(function(R"(, "memoryMB": 20000)")),
           "functions[0].memoryMB", "found 20000");
    addRow("function: timeout above 15 minutes", withFunction(function(R"(, "timeoutSeconds": 901)")),
           "functions[0].timeoutSeconds", "timeoutSeconds must be between 1 and 900, found 901");
    addRow("function: timeout of zero", withFunction(function(R"(, "timeoutSeconds": 0)")),
           "functions[0].timeoutSeconds", "found 0");
    addRow("function: unknown architecture", withFunction(function(R"(, "architecture": "arm32")")),
           "functions[0].architecture", "architecture 'arm32' is not supported");
    addRow("function: reserved concurrency above 1000",
           withFunction(function(R"(, "reservedConcurrency": 1001)")), "functions[0].reservedConcurrency",
           "between 0 and 1000");
    addRow("function: negative reserved concurrency",
           withFunction(function(R"(, "reservedConcurrency": -1)")), "functions[0].reservedConcurrency",
           "found -1");
    addRow("function: unknown dead-letter queue", withFunction(function(R"(, "deadLetterQueue": "nope")")),
           "functions[0].deadLetterQueue", "references unknown queue 'nope'");
    addRow("function: FIFO dead-letter queue (Lambda refuses it)",
           QByteArray(R"({"formatVersion": 1, "name": "t", "functions": [)") +
               function(R"(, "deadLetterQueue": "d.fifo")") +
               R"(], "queues": [{"name": "d.fifo", "fifo": true}]})",
           "functions[0].deadLetterQueue", "cannot be a FIFO queue");
    // PutFunctionEventInvokeConfig's ranges (Lambda API reference).
    addRow("function: three async retries",
           withFunction(function(R"(, "asyncInvoke": {"maximumRetryAttempts": 3})")),
           "functions[0].asyncInvoke.maximumRetryAttempts", "between 0 and 2");
    addRow("function: async event age below a minute",
           withFunction(function(R"(, "asyncInvoke": {"maximumEventAgeSeconds": 59})")),
           "functions[0].asyncInvoke.maximumEventAgeSeconds", "between 60 and 21600");
    addRow("function: async event age above six hours",
           withFunction(function(R"(, "asyncInvoke": {"maximumEventAgeSeconds": 21601})")),
           "functions[0].asyncInvoke.maximumEventAgeSeconds", "found 21601");
    addRow("function: unknown on-failure queue",
           withFunction(function(R"(, "asyncInvoke": {"onFailure": {"queue": "nope"}})")),
           "functions[0].asyncInvoke.onFailure.queue", "references unknown queue 'nope'");
    addRow("function: unknown on-success function",
           withFunction(function(R"(, "asyncInvoke": {"onSuccess": {"function": "nope"}})")),
           "functions[0].asyncInvoke.onSuccess.function", "references unknown function 'nope'");
    addRow("function: its own destination",
           withFunction(function(R"(, "asyncInvoke": {"onSuccess": {"function": "f"}})")),
           "functions[0].asyncInvoke.onSuccess.function", "cannot be its own destination");
    addRow("function: destination names a queue and a function",
           withFunction(function(R"(, "asyncInvoke": {"onFailure": {"queue": "q", "function": "f"}})")),
           "functions[0].asyncInvoke.onFailure", "either a queue or a function");
    addRow("function: FIFO destination queue (Lambda refuses it)",
           QByteArray(R"({"formatVersion": 1, "name": "t", "functions": [)") +
               function(R"(, "asyncInvoke": {"onFailure": {"queue": "d.fifo"}})") +
               R"(], "queues": [{"name": "d.fifo", "fifo": true}]})",
           "functions[0].asyncInvoke.onFailure.queue", "cannot be a FIFO queue");
    addRow("function: reserved concurrency 0 warns", withFunction(function(R"(, "reservedConcurrency": 0)")),
           "functions[0].reservedConcurrency", "throttles every invocation", Expect::Warning);
    addRow("function: reserved concurrency above project limit warns",
           withFunction(function(R"(, "reservedConcurrency": 50)")), "functions[0].reservedConcurrency",
           "above the project's concurrencyLimit of 10", Expect::Warning);
    addRow("function: reserved environment variable",
           withFunction(function(R"(, "environment": {"AWS_REGION": "x"})")),
           "functions[0].environment.AWS_REGION", "'AWS_REGION' is reserved by Lambda");
    addRow("function: _HANDLER is reserved", withFunction(function(R"(, "environment": {"_HANDLER": "x"})")),
           "functions[0].environment._HANDLER", "is reserved by Lambda");
    addRow("function: variable name starting with a digit",
           withFunction(function(R"(, "environment": {"1ABC": "x"})")), "functions[0].environment.1ABC",
           "'1ABC' is not a valid environment variable name");
    addRow("function: one-letter variable name", withFunction(function(R"(, "environment": {"A": "x"})")),
           "functions[0].environment.A", "is not a valid environment variable name");
    addRow("function: X-Ray variable warns",
           withFunction(function(R"(, "environment": {"AWS_XRAY_CONTEXT_MISSING": "LOG_ERROR"})")),
           "functions[0].environment.AWS_XRAY_CONTEXT_MISSING", "X-Ray", Expect::Warning);
    addRow("function: environment above 4 KB",
           withFunction(function(", \"environment\": {\"BIG\": \"" + QByteArray(4100, 'x') + "\"}")),
           "functions[0].environment", "Lambda allows 4 KB");
}

} // namespace gatehouse::test
