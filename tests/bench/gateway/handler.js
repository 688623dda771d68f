// The benchmark's functions, one file for every server measured by tests/bench/gateway_wrk.sh: Gatehouse's
// embedded JavaScript runtime, its Node.js runtime and serverless-offline all load it unchanged.
// ES2016 (the embedded runtime's QJSEngine has no async/await) and Promises (Node.js only waits for a
// Promise or a callback; the embedded runtime would also take a plain return value).
'use strict';

// GET /hello: a value without statusCode, which API Gateway (payload 2.0) answers as 200 JSON.
exports.hello = function () {
    return Promise.resolve({ message: 'hello' });
};

// POST /echo: the request body back, byte for byte (a binary body arrives and leaves base64-encoded).
exports.echo = function (event) {
    return Promise.resolve({
        statusCode: 200,
        headers: { 'content-type': (event.headers && event.headers['content-type']) || 'application/octet-stream' },
        body: event.body || '',
        isBase64Encoded: Boolean(event.isBase64Encoded),
    });
};

// GET /slow: answers after one second without holding a thread, so other requests must keep flowing.
exports.slow = function () {
    return new Promise(function (resolve) {
        setTimeout(function () { resolve({ message: 'slow' }); }, 1000);
    });
};
