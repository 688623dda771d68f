// GET /hello. Embedded JavaScript: CommonJS, returns a value (no statusCode), so API Gateway
// answers 200 with Content-Type application/json and the value as the body.
exports.handler = function (event, context) {
    console.log('hello from', event.requestContext ? event.requestContext.http.sourceIp : 'a test event');
    return { message: process_env('GREETING', 'hello') };
};

// Environment variables arrive as in Lambda; this guard keeps the handler usable in a plain test.
function process_env(name, fallback) {
    return typeof process !== 'undefined' && process.env && process.env[name] ? process.env[name] : fallback;
}
