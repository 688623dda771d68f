// Gatehouse's bootstrap for the nodejs* runtimes: the Lambda Runtime API client loop. It loads and
// calls the handler the way Lambda's own Node.js runtime does (aws-lambda-nodejs-runtime-interface-client:
// UserFunction.js, Runtime.js, CallbackContext.js, LogPatch.js, Errors.js), so that code, logs and
// error payloads look the same as in Lambda. Started by Gatehouse as `node bootstrap.js` with the
// function's environment (AWS_LAMBDA_RUNTIME_API, _HANDLER, LAMBDA_TASK_ROOT, ...).
'use strict';

const fs = require('fs');
const net = require('net');
const path = require('path');
const util = require('util');
const { pathToFileURL } = require('url');

const API_PREFIX = '/2018-06-01/runtime/';

// ---- Runtime API client --------------------------------------------------------------------------
// HTTP/1.1 over one kept-alive socket, written by hand: Node's `http` module costs several times more
// per request, and this client only ever talks to Gatehouse's Runtime API (which always sends
// Content-Length). Requests may be pipelined (answered in order, RFC 9112 §9.3.2): the response of an
// invocation goes out together with the next `GET invocation/next`, so the environment is ready again
// without waiting for the `202` first — one wake-up of each process fewer per invocation. The socket is
// unref'd while the handler runs, so that an empty event loop can be noticed
// (callbackWaitsForEmptyEventLoop), and ref'd while a request is in flight.
class RuntimeApiClient {
  constructor(endpoint) {
    const colon = endpoint.lastIndexOf(':');
    this.host = endpoint.slice(0, colon);
    this.port = Number(endpoint.slice(colon + 1));
    this.socket = null;
    this.waiting = []; // one { resolve, reject } per request in flight, in the order they were sent
    this.head = null;
    this.chunks = [];
    this.length = 0;
  }

  next() {
    return this.send([this.nextRequest()])[0];
  }
  // Posts the invocation's response and asks for the next event in the same write: [posted, next].
  respondThenNext(id, text) {
    return this.send([this.responseRequest(id, text), this.nextRequest()]);
  }
  errorThenNext(id, payload) {
    return this.send([this.errorRequest(id, payload), this.nextRequest()]);
  }
  error(id, payload) {
    return this.send([this.errorRequest(id, payload)])[0];
  }
  initError(payload) {
    return this.send([request('POST', API_PREFIX + 'init/error', errorTypeHeader(payload), JSON.stringify(payload))])[0];
  }
  nextRequest() {
    return request('GET', API_PREFIX + 'invocation/next', '', undefined);
  }
  responseRequest(id, text) {
    return request('POST', API_PREFIX + 'invocation/' + encodeURIComponent(id) + '/response',
                   'Content-Type: application/json\r\n', text);
  }
  errorRequest(id, payload) {
    return request('POST', API_PREFIX + 'invocation/' + encodeURIComponent(id) + '/error',
                   errorTypeHeader(payload), JSON.stringify(payload));
  }
  // While the handler runs nothing of ours should keep the process alive.
  idle() {
    if (this.socket && this.waiting.length === 0) this.socket.unref();
  }
  close() {
    if (this.socket) this.socket.destroy();
    this.socket = null;
  }

  // Sends the requests in one write; one Promise per request, settled by its response.
  send(requests) {
    if (this.waiting.length > 0) {
      // Requests while `next` is outstanding (an error after the handler finished): another connection,
      // as one HTTP/1.1 connection answers in order and `next` may wait for long.
      const other = new RuntimeApiClient(this.host + ':' + this.port);
      const answers = other.send(requests);
      Promise.allSettled(answers).then(() => other.close());
      return answers;
    }
    if (!this.socket) this.connect();
    this.socket.ref();
    const answers = requests.map(() => new Promise((resolve, reject) => this.waiting.push({ resolve, reject })));
    const host = 'Host: ' + this.host + ':' + this.port + '\r\n';
    this.socket.write(requests.map((r) => r.line + host + r.rest).join(''));
    return answers;
  }

  connect() {
    const socket = net.connect(this.port, this.host);
    socket.setNoDelay(true);
    socket.on('data', (data) => this.onData(data));
    socket.on('error', (e) => this.fail(e));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      this.fail(new Error('the Runtime API closed the connection'));
    });
    this.socket = socket;
    this.head = null;
    this.chunks = [];
    this.length = 0;
  }

  onData(data) {
    this.chunks.push(data);
    this.length += data.length;
    // One read may hold several pipelined responses, or part of one.
    for (;;) {
      if (!this.head) {
        const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        const end = all.indexOf('\r\n\r\n');
        this.chunks = [all];
        if (end < 0) return;
        this.head = parseHead(all.toString('latin1', 0, end));
        this.chunks = [all.subarray(end + 4)];
        this.length = all.length - end - 4;
      }
      if (this.length < this.head.contentLength) return;
      const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
      const response = { status: this.head.status, headers: this.head.headers, body: all.subarray(0, this.head.contentLength) };
      const close = this.head.close;
      this.head = null;
      this.chunks = [all.subarray(response.body.length)];
      this.length = all.length - response.body.length;
      if (this.length === 0) this.chunks = [];
      const waiting = this.waiting.shift();
      if (close) this.socket.destroy(); // 'close' then fails whatever is still waiting
      if (waiting) waiting.resolve(response);
      if (close || this.length === 0) return;
    }
  }

  fail(error) {
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w.reject(error);
  }
}

// One request's text without its Host line (the client adds it).
function request(method, target, headers, body) {
  const line = method + ' ' + target + ' HTTP/1.1\r\n';
  const rest = body === undefined ? headers + '\r\n'
    : headers + 'Content-Length: ' + Buffer.byteLength(body) + '\r\n\r\n' + body;
  return { line, rest };
}

function parseHead(text) {
  const lines = text.split('\r\n');
  const status = Number(lines[0].split(' ')[1]);
  const headers = {};
  for (let i = 1; i < lines.length; ++i) {
    const colon = lines[i].indexOf(':');
    if (colon > 0) headers[lines[i].slice(0, colon).toLowerCase()] = Buffer.from(lines[i].slice(colon + 1).trim(), 'latin1').toString('utf8');
  }
  return {
    status,
    headers,
    contentLength: Number(headers['content-length'] || 0),
    close: (headers.connection || '').toLowerCase() === 'close',
  };
}

function errorTypeHeader(payload) {
  const type = String(payload.errorType || '').replace(/[^\x20-\x7e]/g, '');
  return 'Content-Type: application/json\r\n' + (type ? 'Lambda-Runtime-Function-Error-Type: ' + type + '\r\n' : '');
}

// ---- Errors (Errors.js) ----------------------------------------------------------------------------
function isError(e) {
  return util.types.isNativeError(e) ||
    !!(e && typeof e.name === 'string' && typeof e.message === 'string' && typeof e.stack === 'string');
}
// The payload posted to the Runtime API (Errors.toRapidResponse).
function toRapidResponse(error) {
  try {
    if (isError(error)) return { errorType: error.name, errorMessage: error.message, trace: error.stack.split('\n') };
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch (_) {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}
// The text logged with "Invoke Error" (Errors.toFormatted): enumerable properties kept, stack as lines.
function toFormatted(error) {
  const withProperties = (_k, v) => {
    if (!(v instanceof Error)) return v;
    const out = Object.assign({ errorType: v.name, errorMessage: v.message, code: v.code }, v);
    if (typeof v.stack === 'string') out.stack = v.stack.split('\n');
    return out;
  };
  try {
    return '\t' + JSON.stringify(error, withProperties);
  } catch (_) {
    return '\t' + JSON.stringify(toRapidResponse(error));
  }
}
function intoError(e) {
  return e instanceof Error ? e : new Error(e);
}
function runtimeError(name, message) {
  const e = new Error(message);
  e.name = 'Runtime.' + name;
  return e;
}

// ---- Logs (LogPatch.js, text format) -----------------------------------------------------------------
// "<time>\t<requestId>\t<LEVEL>\t<message>", line breaks inside a message as '\r' so that a message is
// one line (Gatehouse turns them back into line breaks of one log record).
let currentRequestId;
function patchConsole() {
  const levels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
  const wanted = (process.env.AWS_LAMBDA_LOG_LEVEL || '').toUpperCase();
  const threshold = Math.max(0, levels.indexOf(wanted));
  const make = (level) => (message, ...params) => {
    const line = `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${util.format(message, ...params)}`;
    process.stdout.write(line.replace(/\n/g, '\r') + '\n');
  };
  const nop = () => {};
  const logger = (level) => (levels.indexOf(level) >= threshold ? make(level) : nop);
  console.trace = logger('TRACE');
  console.debug = logger('DEBUG');
  console.info = logger('INFO');
  console.log = console.info;
  console.warn = logger('WARN');
  console.error = logger('ERROR');
  console.fatal = make('FATAL');
}
function logError(title, error) {
  console.error(title, toFormatted(intoError(error)));
}

// ---- Loading the handler (UserFunction.js) -------------------------------------------------------
function tryRequire(file) {
  return fs.existsSync(file) ? require(file) : undefined;
}
async function tryImport(file) {
  if (!fs.existsSync(file)) return undefined;
  beforeEsmHandler();
  return import(pathToFileURL(file).href);
}
function folderIsModule(folder) {
  if (folder.endsWith('/node_modules')) return false;
  const pj = path.join(folder, 'package.json');
  if (fs.existsSync(pj)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(pj));
      if (pkg) return pkg.type === 'module';
    } catch (e) {
      console.warn(`${pj} cannot be read, it will be ignored for ES module detection purposes.`, e);
      return false;
    }
  }
  return folder === '/' ? false : folderIsModule(path.resolve(folder, '..'));
}
async function loadModule(appRoot, moduleRoot, module) {
  const lambdaStylePath = path.resolve(appRoot, moduleRoot, module);
  const extensionless = tryRequire(lambdaStylePath);
  if (extensionless) return extensionless;
  const isModule = fs.existsSync(lambdaStylePath + '.js') && folderIsModule(path.dirname(lambdaStylePath + '.js'));
  if (!isModule) {
    const loaded = tryRequire(lambdaStylePath + '.js');
    if (loaded) return loaded;
  }
  const loaded = (isModule && (await tryImport(lambdaStylePath + '.js'))) ||
    (await tryImport(lambdaStylePath + '.mjs')) || tryRequire(lambdaStylePath + '.cjs');
  if (loaded) return loaded;
  return require(require.resolve(module, { paths: [appRoot, moduleRoot] }));
}
async function loadHandler(appRoot, fullHandler) {
  if (fullHandler.includes('..')) {
    throw runtimeError('MalformedHandlerName', `'${fullHandler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`);
  }
  const handlerString = path.basename(fullHandler);
  const moduleRoot = fullHandler.substring(0, fullHandler.indexOf(handlerString));
  const match = handlerString.match(/^([^.]*)\.(.*)$/);
  if (!match) throw runtimeError('MalformedHandlerName', 'Bad handler');
  let app;
  try {
    app = await loadModule(appRoot, moduleRoot, match[1]);
  } catch (e) {
    if (e instanceof SyntaxError) {
      const wrapped = runtimeError('UserCodeSyntaxError', String(e));
      wrapped.stack = `${wrapped.name}: ${wrapped.message}\n${(e.stack || '').split('\n').slice(1).join('\n')}`;
      throw wrapped;
    }
    if (e && e.code === 'MODULE_NOT_FOUND') {
      const wrapped = runtimeError('ImportModuleError', String(e));
      wrapped.stack = `${wrapped.name}: ${wrapped.message}\n${(e.stack || '').split('\n').slice(1).join('\n')}`;
      throw wrapped;
    }
    throw e;
  }
  const handler = match[2].split('.').reduce((o, key) => o && o[key], app);
  if (!handler) throw runtimeError('HandlerNotFound', `${fullHandler} is undefined or not exported`);
  if (typeof handler !== 'function') throw runtimeError('HandlerNotFound', `${fullHandler} is not a function`);
  return handler;
}

// ---- Runtime-provided modules -------------------------------------------------------------------------
// Lambda's Node.js runtimes include the AWS SDK for JavaScript v3 ("Lambda runtimes" in the Lambda guide):
// on Lambda it sits in /var/runtime/node_modules, on NODE_PATH after the layers. Gatehouse's stand-in is
// the runtime-modules folder (GATEHOUSE_NODE_RUNTIME_MODULES, else ~/.local/share/gatehouse/
// node-runtime-modules, filled by install-deps.sh); the launcher passes its node_modules only when it
// exists, so functions on a machine without it pay nothing. The variable is Gatehouse's, not Lambda's:
// it is removed before the function's code can see it.
function useRuntimeModules() {
  const dir = process.env._GATEHOUSE_RUNTIME_NODE_MODULES;
  delete process.env._GATEHOUSE_RUNTIME_NODE_MODULES;
  if (!dir) return;
  const Module = require('module');
  // CommonJS: NODE_PATH's folders are searched after the node_modules folders above the requiring file,
  // so the function's own copy of a package wins. A NODE_PATH the function sets is kept, and searched
  // first (Lambda's runtime folder comes last on its NODE_PATH too).
  if (typeof Module._initPaths === 'function') {
    const own = process.env.NODE_PATH;
    process.env.NODE_PATH = own ? own + path.delimiter + dir : dir;
    Module._initPaths();
    if (own === undefined) delete process.env.NODE_PATH;
    else process.env.NODE_PATH = own;
  }
  // ES modules ignore NODE_PATH: a resolve hook retries a bare specifier that the default resolution
  // cannot find as if it were imported from the runtime-modules folder (the default runs first, so the
  // function's own copy wins). Node >= 22.15 / 23.5 runs hooks in-thread (module.registerHooks, measured
  // ~0 ms per cold start): always. Node 20.6+ / 18.19+ has only module.register, whose hooks worker
  // measured +30 ms per cold start: registered just before an ES module handler is imported, so that
  // CommonJS handlers (whose require() needs no hook) do not pay for it; their import() of a package
  // only the runtime provides then fails on those versions. Older versions: no fallback for ES modules.
  const parentUrl = pathToFileURL(path.join(path.dirname(dir), 'gatehouse-runtime-modules.mjs')).href;
  if (typeof Module.registerHooks === 'function') {
    guarded(() =>
      Module.registerHooks({
        resolve(specifier, context, nextResolve) {
          try {
            return nextResolve(specifier, context);
          } catch (error) {
            if (!error || error.code !== 'ERR_MODULE_NOT_FOUND' || !isBareSpecifier(specifier)) throw error;
            try {
              return nextResolve(specifier, { ...context, parentURL: parentUrl });
            } catch (_) {
              throw error; // the message names the function's own file, as Lambda's does
            }
          }
        },
      }));
  } else if (typeof Module.register === 'function') {
    beforeEsmHandler = () => {
      beforeEsmHandler = () => {};
      guarded(() => Module.register(pathToFileURL(path.join(__dirname, 'runtime-modules.mjs')).href,
                                    { data: { parentUrl } }));
    };
  }
}
let beforeEsmHandler = () => {};
function guarded(register) {
  try {
    register();
  } catch (e) {
    // Not the function's fault: it still runs, only without the fallback for ES modules.
    process.stderr.write(`Gatehouse bootstrap: runtime modules unavailable to ES modules: ${e && e.message}\n`);
  }
}
// "pkg", "@scope/pkg/sub": not relative, absolute, a URL (node:, file:, data:) or a package import (#x).
// (runtime-modules.mjs has the same test: it runs on the hooks thread, without this file.)
function isBareSpecifier(specifier) {
  return !/^(?:\.{0,2}\/|#|[a-zA-Z][a-zA-Z\d+.-]*:)/.test(specifier);
}

// awslambda.streamifyResponse marks response-streaming handlers, which Gatehouse does not run yet: the
// invocation then fails with a message saying so, instead of a ReferenceError at load.
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
globalThis.awslambda = {
  streamifyResponse: (handler) => {
    handler[STREAMING] = 'response';
    return handler;
  },
  HttpResponseStream: { from: (stream) => stream },
};

// ---- The invocation loop (Runtime.js, CallbackContext.js) -----------------------------------------
let beforeExitListener = () => {};
let onUncaught = (error, code) => postInitErrorAndExit(error, code);
let api;

function postInitErrorAndExit(error, code) {
  api.initError(toRapidResponse(error)).then(() => process.exit(code), () => process.exit(code));
}

// Resolves once the invocation's outcome is posted, with { next }: the pipelined request for the next
// event.
function invokeOnce(handler, invocation) {
  return new Promise((resolve) => {
    const posted = ([answer, next]) => answer.then(() => resolve({ next }), fatal);
    const headers = invocation.headers;
    const id = headers['lambda-runtime-aws-request-id'];
    currentRequestId = id;
    if (headers['lambda-runtime-trace-id']) process.env._X_AMZN_TRACE_ID = headers['lambda-runtime-trace-id'];
    else delete process.env._X_AMZN_TRACE_ID;
    onUncaught = (error, code) => {
      api.error(id, toRapidResponse(error)).then(() => process.exit(code), () => process.exit(code));
    };

    // CallbackContext.js: callback, succeed, fail and done count once between them (the first call
    // wins); the response itself is posted once.
    let waitsForEmptyEventLoop = true;
    let completed = false;
    const postError = (error) => {
      logError('Invoke Error', error);
      posted(api.errorThenNext(id, toRapidResponse(error)));
    };
    const complete = (result) => {
      if (completed) {
        console.error('Invocation has already been reported as done. Cannot call complete more than once per invocation.');
        return;
      }
      completed = true;
      let text;
      try {
        text = JSON.stringify(result === undefined ? null : result);
      } catch (_) {
        return postError(new Error('Unable to stringify response body'));
      }
      posted(api.respondThenNext(id, text));
    };
    const rawCallback = (err, result) => {
      beforeExitListener = () => {};
      if (err !== undefined && err !== null) return postError(err);
      if (!waitsForEmptyEventLoop) return complete(result);
      // The response goes once the event loop is empty (the default for callback handlers).
      beforeExitListener = () => setImmediate(() => complete(result));
    };
    const rawDone = (err, result) => {
      beforeExitListener = () => {};
      if (err !== undefined && err !== null) return postError(err);
      complete(result);
    };
    let userFinished = false;
    const firstOnly = (fn) => (...args) => {
      if (userFinished) return;
      userFinished = true;
      fn(...args);
    };
    const callback = firstOnly(rawCallback);
    const done_ = firstOnly(rawDone);
    const succeed = firstOnly((result) => rawDone(null, result));
    const fail = firstOnly((err) => rawDone(err === undefined || err === null ? 'handled' : err, null));
    // A non-async handler that never calls back: null once the event loop is empty.
    beforeExitListener = () => complete(null);

    const deadline = Number(headers['lambda-runtime-deadline-ms']);
    const parse = (text, name) => {
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text);
      } catch (err) {
        throw new Error(`Cannot parse ${name} as json: ${err.toString()}`);
      }
    };
    const context = {
      get callbackWaitsForEmptyEventLoop() { return waitsForEmptyEventLoop; },
      set callbackWaitsForEmptyEventLoop(value) { waitsForEmptyEventLoop = value; },
      succeed,
      fail,
      done: done_,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
      awsRequestId: id,
      getRemainingTimeInMillis: () => deadline - Date.now(),
    };
    api.idle();
    try {
      context.clientContext = parse(headers['lambda-runtime-client-context'], 'ClientContext');
      context.identity = parse(headers['lambda-runtime-cognito-identity'], 'CognitoIdentity');
      if (handler[STREAMING]) {
        throw runtimeError('MalformedStreamingHandler', 'Gatehouse does not run response-streaming handlers (awslambda.streamifyResponse) yet');
      }
      const result = handler(JSON.parse(invocation.body.toString('utf8')), context, callback);
      if (result && typeof result.then === 'function') result.then(succeed, fail).catch(fail);
    } catch (err) {
      callback(err);
    }
  });
}

function fatal(error) {
  // The Runtime API is gone (Gatehouse stopped this environment): nothing left to do.
  process.stderr.write(`Gatehouse bootstrap: ${error && error.message}\n`);
  process.exit(1);
}

async function main() {
  api = new RuntimeApiClient(process.env.AWS_LAMBDA_RUNTIME_API || '127.0.0.1:9001');
  patchConsole();
  process.on('uncaughtException', (error) => {
    logError('Uncaught Exception', error);
    onUncaught(error, 129);
  });
  process.on('unhandledRejection', (reason) => {
    const error = runtimeError('UnhandledPromiseRejection', String(reason));
    error.reason = reason;
    logError('Unhandled Promise Rejection', error);
    onUncaught(error, 128);
  });
  process.on('beforeExit', () => beforeExitListener());

  useRuntimeModules();
  const appRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
  let handler;
  try {
    handler = await loadHandler(appRoot, process.env._HANDLER || '');
  } catch (error) {
    logError('Uncaught Exception', error);
    return postInitErrorAndExit(error, 129);
  }
  let next = api.next();
  for (;;) {
    // A pipelined `next` lost with its connection is asked for again on a new one.
    const invocation = await next.catch(() => api.next()).catch(fatal);
    ({ next } = await invokeOnce(handler, invocation));
  }
}

main();
