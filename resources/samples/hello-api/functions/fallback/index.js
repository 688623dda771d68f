// The HTTP API's $default route: anything no other route matched.
exports.handler = function (event) {
    return {
        statusCode: 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'nothing at ' + event.rawPath, routeKey: event.routeKey }),
    };
};
