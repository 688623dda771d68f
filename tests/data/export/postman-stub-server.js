// A throwaway HTTP server for the Postman export test: newman sends the exported sample collection's
// requests here and the collection's test scripts check the answers. It plays the sample project's
// routes (GET /hello, POST /echo, GET /items/{id}, GET /dev/pets with an API key). With "--wrong" every
// answer is off, so a test can see that the generated assertions really fail. Prints the chosen port on stdout.
'use strict';
const http = require('http');
const wrong = process.argv.includes('--wrong');

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => {
    const send = (status, payload, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type });
      res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
    };
    if (req.method === 'GET' && req.url === '/hello') return send(200, { message: wrong ? 'goodbye' : 'hello' });
    if (req.method === 'POST' && req.url === '/echo') return send(wrong ? 500 : 200, body, req.headers['content-type'] || 'text/plain');
    const item = req.method === 'GET' && /^\/items\/([^/]+)$/.exec(req.url);
    if (item) {
      const items = { 1: 'apple', 2: 'banana', 3: 'cherry' };
      const name = items[item[1]];
      return name && !wrong ? send(200, { id: item[1], name }) : send(404, { message: `no item ${item[1]}` });
    }
    if (req.method === 'GET' && req.url === '/dev/pets') {
      const ok = req.headers['x-api-key'] === 'gatehouse-sample-key-0123456789' && !wrong;
      return ok ? send(200, [{ id: 1, type: 'dog' }, { id: 2, type: 'cat' }]) : send(403, { message: 'Forbidden' });
    }
    send(404, { message: 'Not Found' });
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(String(server.address().port) + '\n');
});
// The test kills the process; this is a safety net should it not.
setTimeout(() => process.exit(0), 120000).unref();
