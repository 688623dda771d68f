// A one-invocation Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html)
// for running an exported function under AWS's own Node.js runtime client (aws-lambda-ric): it hands
// out one event, writes what the runtime posts back to RESULT_FILE, and leaves later long polls open.
// Usage: node runtime-api-stub.js RESULT_FILE EVENT_JSON   (prints the chosen port)
'use strict';
const http = require('http');
const fs = require('fs');
const [resultFile, eventJson] = process.argv.slice(2);
let served = false;

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    if (req.method === 'GET' && req.url === '/2018-06-01/runtime/invocation/next') {
      if (served) return; // the runtime polls again; hold it until the test stops it
      served = true;
      res.writeHead(200, {
        'Content-Type': 'application/json',
        'Lambda-Runtime-Aws-Request-Id': 'request-1',
        'Lambda-Runtime-Deadline-Ms': String(Date.now() + 30000),
        'Lambda-Runtime-Invoked-Function-Arn': 'arn:aws:lambda:us-east-1:123456789012:function:wrapped',
        'Lambda-Runtime-Trace-Id': 'Root=1-00000000-000000000000000000000000',
      });
      return res.end(eventJson || '{}');
    }
    const posted = req.url.match(/\/invocation\/request-1\/(response|error)$/) || req.url.match(/\/(init)\/error$/);
    if (req.method === 'POST' && posted) {
      fs.writeFileSync(resultFile, JSON.stringify({ kind: posted[1], body }));
      res.writeHead(202, { 'Content-Type': 'application/json' });
      return res.end('{"status":"OK"}');
    }
    res.writeHead(404);
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\n'));
setTimeout(() => process.exit(0), 120000).unref();
