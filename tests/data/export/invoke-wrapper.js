// Calls a generated Gatehouse wrapper the way Lambda's Node.js runtime does (async handler with event
// and context) and prints {"result": ...} or {"error": "..."} as one JSON line.
// Usage: node invoke-wrapper.js WRAPPER_FILE EVENT_JSON
'use strict';
const [wrapperFile, eventJson] = process.argv.slice(2);
const context = { awsRequestId: 'test-request', functionName: 'wrapped', getRemainingTimeInMillis: () => 3000 };
(async () => {
  try {
    const { handler } = require(wrapperFile);
    const result = await handler(JSON.parse(eventJson || '{}'), context);
    process.stdout.write(JSON.stringify({ result: result === undefined ? null : result }) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String(error && error.message ? error.message : error) }) + '\n');
  }
})();
