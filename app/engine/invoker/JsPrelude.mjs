// Gatehouse's embedded javascript runtime: turns a bare QJSEngine into a Lambda-like Node.js sandbox.
// Loaded once per execution environment by JsRuntime (see JsPrelude.h); precompiled to bytecode at build
// time. Written for QJSEngine 6.4, which is about ES2016: no async functions, no object spread.
// Log levels match LogRecord::Level: Trace 0, Debug 1, Info 2, Warn 3, Error 4.
export default function (global, host, timers, modules, config) {
'use strict';
var slice = Array.prototype.slice;

// ---- errors: QJSEngine stacks ("fn@file:///path:3") become Node frames ("    at fn (/path:3)") ----
function isError(v) {
  return v instanceof Error || (v !== null && typeof v === 'object' && typeof v.name === 'string' &&
                                typeof v.message === 'string' && typeof v.stack === 'string');
}
function frames(stack) {
  var out = [];
  if (typeof stack !== 'string') return out;
  var lines = stack.split('\n');
  for (var i = 0; i < lines.length; i++) {
    var line = lines[i], at = line.indexOf('@');
    var fn = at >= 0 ? line.substring(0, at) : '', loc = at >= 0 ? line.substring(at + 1) : line;
    if (loc.indexOf('file://') === 0) loc = loc.substring(7); else if (loc.indexOf('file:') === 0) loc = loc.substring(5);
    if (!loc || loc.charAt(0) === ':' || loc.indexOf('qrc:') === 0 || loc.indexOf(config.preludeName + ':') === 0) continue;
    if (fn === '%entry') fn = '';
    out.push('    at ' + (fn ? fn + ' (' + loc + ')' : loc));
  }
  return out;
}
function errorHead(e) { var name = String(e.name || 'Error'); return e.message ? name + ': ' + e.message : name; }
function errorText(e) { return [errorHead(e)].concat(frames(e.stack)).join('\n'); }
// The Node.js runtime's error payload (Errors.toRapidResponse): Error → name/message/trace, else typeof.
function errorInfo(e) {
  if (isError(e)) return { errorType: String(e.name || 'Error'), errorMessage: String(e.message), trace: [errorHead(e)].concat(frames(e.stack)) };
  var text; try { text = String(e); } catch (x) { text = ''; }
  return { errorType: typeof e, errorMessage: text, trace: [] };
}
// The log form (Errors.toFormatted): enumerable properties kept, stack as an array.
function errorLog(e) {
  var info = errorInfo(e), out = { errorType: info.errorType, errorMessage: info.errorMessage };
  if (isError(e)) { if (e.code !== undefined) out.code = e.code; Object.keys(e).forEach(function (k) { out[k] = e[k]; }); }
  out.stack = info.trace;
  var text; try { text = JSON.stringify(out); } catch (x) { text = JSON.stringify(info); }
  return '\t' + text;
}

// ---- util.inspect, roughly: one line, depth 2, [Circular *1], Errors as their stack ----
function quote(s) { return "'" + s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'"; }
function keyText(k) { return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k); }
function inspect(v, depth, seen) {
  switch (typeof v) {
  case 'string': return depth === 0 ? v : quote(v);
  case 'number': return v === 0 && 1 / v < 0 ? '-0' : String(v);
  case 'boolean': case 'undefined': return String(v);
  case 'symbol': return v.toString();
  case 'function': return '[Function: ' + (v.name || '(anonymous)') + ']';
  }
  if (v === null) return 'null';
  if (isError(v)) return errorText(v);
  if (v instanceof Date) return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (seen.indexOf(v) >= 0) return '[Circular *1]';
  if (depth > 2) return Array.isArray(v) ? '[Array]' : '[Object]';
  seen.push(v);
  var parts = [], out;
  if (Array.isArray(v)) {
    for (var i = 0; i < v.length && i < 100; i++) parts.push(inspect(v[i], depth + 1, seen));
    if (v.length > 100) parts.push('... ' + (v.length - 100) + ' more items');
    out = parts.length ? '[ ' + parts.join(', ') + ' ]' : '[]';
  } else if (v instanceof Map || v instanceof Set) {
    var isMap = v instanceof Map;
    v.forEach(function (value, key) { parts.push(isMap ? inspect(key, depth + 1, seen) + ' => ' + inspect(value, depth + 1, seen) : inspect(value, depth + 1, seen)); });
    out = (isMap ? 'Map' : 'Set') + '(' + v.size + ') ' + (parts.length ? '{ ' + parts.join(', ') + ' }' : '{}');
  } else {
    var proto = Object.getPrototypeOf(v), ctor = proto && proto.constructor && proto.constructor.name;
    Object.keys(v).forEach(function (k) { parts.push(keyText(k) + ': ' + inspect(v[k], depth + 1, seen)); });
    out = (ctor && ctor !== 'Object' ? ctor + ' ' : proto === null ? '[Object: null prototype] ' : '') +
          (parts.length ? '{ ' + parts.join(', ') + ' }' : '{}');
  }
  seen.pop();
  return out;
}
// util.format: %s %d %i %f %j %o %O %c %% in a leading string, then the rest inspected.
function format(args) {
  var first = args[0], next = 0, out;
  if (typeof first === 'string') {
    next = 1;
    out = args.length < 2 || first.indexOf('%') < 0 ? first : first.replace(/%([sdifjoOc%])/g, function (m, c) {
      if (c === '%') return '%';
      if (next >= args.length) return m;
      var a = args[next++];
      switch (c) {
      case 's': return typeof a === 'string' ? a : typeof a === 'object' && a !== null ? inspect(a, 1, []) : String(a);
      case 'd': case 'i': return String(c === 'i' ? parseInt(a, 10) : Number(a));
      case 'f': return String(parseFloat(a));
      case 'j': try { return JSON.stringify(a); } catch (e) { return '[Circular]'; }
      case 'c': return '';
      default: return inspect(a, 1, []);
      }
    });
  } else {
    out = inspect(first, 0, []);
    next = 1;
    if (args.length === 0) out = '';
  }
  for (; next < args.length; next++) out += ' ' + inspect(args[next], 0, []);
  return out;
}

// ---- console: every line goes to the environment's JsHost, tagged with the current request id ----
var console = {};
[['log', 2], ['info', 2], ['warn', 3], ['error', 4], ['debug', 1]].forEach(function (p) {
  console[p[0]] = function () { host.log(p[1], format(arguments)); };
});
console.trace = function () {
  var stack = frames(new Error().stack).slice(1).join('\n');
  host.log(0, 'Trace' + (arguments.length ? ': ' + format(arguments) : '') + (stack ? '\n' + stack : ''));
};
console.dir = function (v) { host.log(2, inspect(v, 1, [])); };
console.assert = function (ok) { if (!ok) host.log(4, 'Assertion failed' + (arguments.length > 1 ? ': ' + format(slice.call(arguments, 1)) : '')); };
var started = {}, counts = {};
console.time = function (label) { started[label === undefined ? 'default' : label] = Date.now(); };
function timeLog(label, end) {
  label = label === undefined ? 'default' : label;
  if (started[label] !== undefined) host.log(2, label + ': ' + (Date.now() - started[label]).toFixed(3) + 'ms');
  if (end) delete started[label];
}
console.timeLog = function (label) { timeLog(label, false); };
console.timeEnd = function (label) { timeLog(label, true); };
console.count = function (label) { label = label === undefined ? 'default' : label; counts[label] = (counts[label] || 0) + 1; host.log(2, label + ': ' + counts[label]); };

// ---- timers: ids from the environment thread's event loop (JsTimers) ----
var pending = {};
function Timeout(id) { this._id = id; }
Timeout.prototype.ref = function () { return this; };
Timeout.prototype.unref = function () { return this; };
Timeout.prototype.hasRef = function () { return true; };
Timeout.prototype.refresh = function () { return this; };
Timeout.prototype[Symbol.toPrimitive] = function () { return this._id; };
function schedule(fn, ms, args, repeat) {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function. Received ' + inspect(fn, 1, []));
  ms = Number(ms);
  if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
  var id = timers.start(ms, repeat);
  pending[id] = { fn: fn, args: args, repeat: repeat };
  return new Timeout(id);
}
function cancel(t) {
  var id = t instanceof Timeout ? t._id : Number(t);
  if (pending[id]) { delete pending[id]; timers.stop(id); }
}
global.setTimeout = function (fn, ms) { return schedule(fn, ms, slice.call(arguments, 2), false); };
global.setInterval = function (fn, ms) { return schedule(fn, ms, slice.call(arguments, 2), true); };
global.setImmediate = function (fn) { var t = schedule(fn, 1, slice.call(arguments, 1), false); return t; };
global.clearTimeout = global.clearInterval = global.clearImmediate = cancel;
function uncaught(e) { host.uncaught(JSON.stringify(errorInfo(e)), 'Uncaught Exception ' + errorLog(e)); }
global.queueMicrotask = function (fn) { Promise.resolve().then(function () { try { fn(); } catch (e) { uncaught(e); } }); };
function fireTimer(id) {
  var t = pending[id];
  if (!t) return;
  if (!t.repeat) delete pending[id];
  try { t.fn.apply(undefined, t.args); } catch (e) { uncaught(e); }
}

// ---- process: only Lambda's variables, never the app's own environment ----
global.process = {
  env: config.env, argv: ['/var/lang/bin/node', '/var/runtime/index.mjs'], execArgv: [], platform: 'linux',
  arch: config.arch, pid: 1, title: 'node', version: '', versions: { gatehouse: config.version },
  release: { name: 'gatehouse-javascript' },
  cwd: function () { return config.env.LAMBDA_TASK_ROOT; },
  nextTick: function (fn) { var args = slice.call(arguments, 1); Promise.resolve().then(function () { try { fn.apply(undefined, args); } catch (e) { uncaught(e); } }); },
  uptime: function () { return (Date.now() - config.startedAt) / 1000; },
  hrtime: function (prev) { var ms = Date.now(), s = [Math.floor(ms / 1000), (ms % 1000) * 1e6]; return prev ? [s[0] - prev[0], s[1] - prev[1]] : s; },
  memoryUsage: function () { return { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 }; },
  on: function () { return this; }, once: function () { return this; }, off: function () { return this; },
  emitWarning: function (w) { host.log(3, String(w)); },
  exit: function (code) { throw new Error('process.exit(' + (code === undefined ? '' : code) + ') is not available in the embedded javascript runtime'); }
};
global.global = global;
global.globalThis = global;
global.console = console;

// ---- WeakMap and WeakSet: QJSEngine 6.4's own crash the whole process (Value::sameValueZero during a
// lookup) once a long-lived one has seen some tens of thousands of keys and the garbage collector has
// run — measured with a bare QJSEngine: 10,000 set() calls on one map pass, 50,000 crash. Babel's
// private fields and many caches are exactly that. These keep the entries on the keys themselves, under a
// symbol per collection (non-enumerable): an entry lives as long as its key, as in a real WeakMap.
// Non-extensible keys (frozen objects) fall back to a strong Map. ----
function isObjectLike(v) { return v !== null && (typeof v === 'object' || typeof v === 'function'); }
function weakKeyCheck(key, what) {
  if (!isObjectLike(key)) throw new TypeError('Invalid value used ' + what);
}
function WeakStore(kind) {
  Object.defineProperty(this, '_slot', { value: Symbol(kind) });
  Object.defineProperty(this, '_frozen', { value: new Map() });
}
// Entries in _frozen (keys that cannot take the symbol property, or no longer let it change) override
// the one on the key; { present: false } marks an entry deleted whose property could not be removed.
var hasOwn = Object.prototype.hasOwnProperty;
WeakStore.prototype._has = function (key) {
  var e = this._frozen.get(key);
  return e ? e.present : hasOwn.call(key, this._slot);
};
WeakStore.prototype._get = function (key) {
  var e = this._frozen.get(key);
  if (e) return e.present ? e.value : undefined;
  return hasOwn.call(key, this._slot) ? key[this._slot] : undefined;
};
WeakStore.prototype._set = function (key, value) {
  if (!this._frozen.has(key)) {
    if (hasOwn.call(key, this._slot) ? Reflect.set(key, this._slot, value)
        : Object.isExtensible(key) && Reflect.defineProperty(key, this._slot, { value: value, writable: true, configurable: true })) return;
  }
  this._frozen.set(key, { present: true, value: value });
};
WeakStore.prototype._delete = function (key) {
  if (!this._has(key)) return false;
  if (hasOwn.call(key, this._slot) && !Reflect.deleteProperty(key, this._slot)) this._frozen.set(key, { present: false });
  else this._frozen.delete(key);
  return true;
};
function weakCollection(name, methods) {
  var Ctor = function (iterable) {
    if (!(this instanceof Ctor)) throw new TypeError('Constructor ' + name + " requires 'new'");
    WeakStore.call(this, name);
    if (iterable !== null && iterable !== undefined) {
      var self = this;
      Array.from(iterable).forEach(function (entry) { methods.fromEntry(self, entry); });
    }
  };
  Object.defineProperty(Ctor, 'name', { value: name });
  Object.defineProperty(Ctor, 'length', { value: 0 });
  Ctor.prototype = Object.create(Object.prototype);
  Object.keys(methods.proto).forEach(function (k) {
    Object.defineProperty(Ctor.prototype, k, { value: methods.proto[k], writable: true, configurable: true });
  });
  Object.defineProperty(Ctor.prototype, 'constructor', { value: Ctor, writable: true, configurable: true });
  Object.defineProperty(Ctor.prototype, Symbol.toStringTag, { value: name, configurable: true });
  ['_has', '_get', '_set', '_delete'].forEach(function (k) {
    Object.defineProperty(Ctor.prototype, k, { value: WeakStore.prototype[k] });
  });
  return Ctor;
}
function isWeakStore(self, name) {
  if (self === null || typeof self !== 'object' || typeof self._slot !== 'symbol') throw new TypeError('Method ' + name + ' called on incompatible receiver');
}
global.WeakMap = weakCollection('WeakMap', {
  fromEntry: function (self, entry) { self.set(entry[0], entry[1]); },
  proto: {
    get: function get(key) { isWeakStore(this, 'WeakMap.prototype.get'); return isObjectLike(key) ? this._get(key) : undefined; },
    has: function has(key) { isWeakStore(this, 'WeakMap.prototype.has'); return isObjectLike(key) && this._has(key); },
    set: function set(key, value) { isWeakStore(this, 'WeakMap.prototype.set'); weakKeyCheck(key, 'as weak map key'); this._set(key, value); return this; },
    delete: function (key) { isWeakStore(this, 'WeakMap.prototype.delete'); return isObjectLike(key) && this._delete(key); }
  }
});
global.WeakSet = weakCollection('WeakSet', {
  fromEntry: function (self, value) { self.add(value); },
  proto: {
    add: function add(value) { isWeakStore(this, 'WeakSet.prototype.add'); weakKeyCheck(value, 'in weak set'); this._set(value, true); return this; },
    has: function has(value) { isWeakStore(this, 'WeakSet.prototype.has'); return isObjectLike(value) && this._has(value); },
    delete: function (value) { isWeakStore(this, 'WeakSet.prototype.delete'); return isObjectLike(value) && this._delete(value); }
  }
});

// ---- CommonJS: require() relative to the module, cached per engine; the files come from JsModuleLoader ----
var cache = {};
function notFound(spec, from) {
  var e = new Error("Cannot find module '" + spec + "'" + modules.hint(spec) + (from ? '\nRequire stack:\n- ' + from : ''));
  e.code = 'MODULE_NOT_FOUND';
  return e;
}
function makeRequire(dir, from) {
  var require = function (spec) { return load(dir, String(spec), from); };
  require.resolve = function (spec) { var p = modules.resolve(dir, String(spec)); if (!p) throw notFound(spec, from); return p; };
  require.cache = cache;
  return require;
}
function load(dir, spec, from) {
  var path = modules.resolve(dir, spec);
  if (!path) throw notFound(spec, from);
  var cached = cache[path];
  if (cached) return cached.exports;
  var slash = path.lastIndexOf('/'), folder = path.substring(0, slash > 0 ? slash : 1);
  var module = { id: path, filename: path, path: folder, exports: {}, loaded: false, children: [] };
  cache[path] = module;
  try {
    if (/\.json$/i.test(path)) module.exports = JSON.parse(modules.read(path));
    else modules.compile(path).call(module.exports, module.exports, makeRequire(folder, path), module, path, folder);
  } catch (e) { delete cache[path]; throw e; }
  module.loaded = true;
  return module.exports;
}
function loadMain(path) {
  try { return { exports: load('/', path, '') }; } catch (e) { return { error: e, info: errorInfo(e), log: errorLog(e) }; }
}

// ---- reactions still to run: Promise.prototype.then counts every reaction until one of its callbacks
// has run. A warm invocation that ran on a caller's thread (JsEnvironment's inline path) and leaves some
// behind hands the engine back to its own thread, whose event loop runs them (see JsRuntime). The first
// reaction, right here, also makes QJSEngine create its reaction queue on the environment's own thread. ----
var outstanding = 0;
var nativeThen = Promise.prototype.then;
Object.defineProperty(Promise.prototype, 'then', { writable: true, configurable: true, enumerable: false,
  value: function then(onFulfilled, onRejected) {
    var counted = true;
    outstanding++;
    function ran() { if (counted) { counted = false; outstanding--; } }
    return nativeThen.call(this,
      function (v) { ran(); return typeof onFulfilled === 'function' ? onFulfilled(v) : v; },
      function (e) { ran(); if (typeof onRejected === 'function') return onRejected(e); throw e; });
  } });
Promise.resolve().then(function () {});

// ---- Promises known to be settled from the start: Promise.resolve(value) with a value that is no
// thenable, Promise.reject(reason). A handler that returns one (the usual way to answer at once in a
// runtime without async functions) is finished when it returns, as Node.js would once the microtasks
// queued before its own continuation have run — so only when no reaction is outstanding then. Saves a
// trip through the environment's event loop, and lets such a handler run inline (see JsRuntime). ----
var NativePromise = Promise, nativeResolve = Promise.resolve, nativeReject = Promise.reject;
// Marked with a symbol property: a WeakMap here crashed QJSEngine 6.4 (Value::sameValueZero) once
// engines ran inline on several threads.
var settledAtBirth = Symbol('gatehouse.settledAtBirth');
function markSettled(p, ok, value) { Object.defineProperty(p, settledAtBirth, { value: { ok: ok, value: value } }); }
function isThenableLike(v) { return isObjectLike(v) && 'then' in v; }
Object.defineProperty(Promise, 'resolve', { writable: true, configurable: true, enumerable: false,
  value: function resolve(value) {
    var p = nativeResolve.call(this, value);
    if (this === NativePromise && p !== value && !isThenableLike(value)) markSettled(p, true, value);
    return p;
  } });
Object.defineProperty(Promise, 'reject', { writable: true, configurable: true, enumerable: false,
  value: function reject(reason) {
    var p = nativeReject.call(this, reason);
    if (this === NativePromise) markSettled(p, false, reason);
    return p;
  } });

// ---- one invocation. Returns '0'+json (done), 'W'+json (done, then wait for the event loop to empty),
// '1'+errorJson (function error), '2'+message (event is not JSON), 'P' (wait for a Promise) or 'E'
// (wait for the callback or an empty event loop). Later outcomes arrive through host.settle(seq, out).
// Prefixed with '~' while Promise reactions are outstanding. ----
function invoke(handler, eventText, requestId, deadline, clientContext, seq, builder, built) {
  var code = invokeHandler(handler, eventText, requestId, deadline, clientContext, seq, builder, built);
  return outstanding > 0 ? '~' + code : code;
}

// Events built from arguments instead of parsed from their JSON text (PrebuiltEvent in Invocation.h):
// object literals cost QJSEngine a third of what JSON.parse does. Each builder makes the very object
// JSON.parse would make of the text the C++ side writes (tst_lambdaevents compares them): the same
// members in the same order, a repeated name keeping its first place and its last value.
function setMember(o, name, value) {
  // JSON.parse makes "__proto__" an ordinary member; assignment would set the prototype instead.
  if (name === '__proto__') Object.defineProperty(o, name, { value: value, writable: true, enumerable: true, configurable: true });
  else o[name] = value;
}
var eventBuilders = {
  // HTTP API payload 2.0, from prebuiltOf() in HttpApiEventV2.cpp: objects come as a member count and
  // name, value pairs; absent values as undefined.
  httpApiV2: function (a) {
    var i = 3;
    function members() {
      var o = {}, end = i + 1 + 2 * a[i];
      for (++i; i < end; i += 2) setMember(o, a[i], a[i + 1]);
      return o;
    }
    var e = { version: '2.0', routeKey: a[0], rawPath: a[1], rawQueryString: a[2] };
    var cookies = a[i++];
    if (cookies > 0) { e.cookies = a.slice(i, i + cookies); i += cookies; }
    e.headers = members();
    if (a[i] > 0) e.queryStringParameters = members(); else ++i;
    var c = { accountId: a[i], apiId: a[i + 1] };
    if (a[i + 2] !== undefined) c.authorizer = JSON.parse(a[i + 2]);
    c.domainName = a[i + 3];
    c.domainPrefix = a[i + 4];
    c.http = { method: a[i + 5], path: a[1], protocol: a[i + 6], sourceIp: a[i + 7], userAgent: a[i + 8] };
    c.requestId = a[i + 9];
    c.routeKey = a[0];
    c.stage = a[i + 10];
    c.time = a[i + 11];
    c.timeEpoch = a[i + 12];
    e.requestContext = c;
    i += 13;
    if (a[i] !== undefined) e.body = a[i];
    ++i;
    if (a[i] > 0) e.pathParameters = members(); else ++i;
    e.isBase64Encoded = a[i++];
    if (a[i] > 0) e.stageVariables = members();
    return e;
  }
};
// A Promise rejected with nothing still fails the invocation, with an error that says so.
function rejectionError(e) { return e === undefined || e === null ? new Error('Promise rejected with ' + e) : e; }
function invokeHandler(handler, eventText, requestId, deadline, clientContext, seq, builder, built) {
  var event;
  try { event = builder ? eventBuilders[builder](built) : JSON.parse(eventText); } catch (e) { return '2' + e.message; }
  host.begin();
  var state = { done: false, async: false, out: '' }, ctx;
  function finish(err, value, viaCallback) {
    if (state.done) return;
    state.done = true;
    var out, text;
    if (err !== null && err !== undefined) {
      host.log(4, 'Invoke Error ' + errorLog(err));
      out = '1' + JSON.stringify(errorInfo(err));
    } else {
      try { text = JSON.stringify(value === undefined ? null : value); } catch (e) { text = e; }
      if (typeof text === 'string' || text === undefined) {
        out = (viaCallback && ctx.callbackWaitsForEmptyEventLoop ? 'W' : '0') + (text === undefined ? 'null' : text);
      } else {
        host.log(4, 'Invoke Error ' + errorLog(text));
        out = '1' + JSON.stringify(errorInfo(text));
      }
    }
    if (state.async) host.settle(seq, out); else state.out = out;
  }
  ctx = {
    callbackWaitsForEmptyEventLoop: true, functionName: config.functionName, functionVersion: '$LATEST',
    invokedFunctionArn: config.arn, memoryLimitInMB: config.memory, awsRequestId: requestId,
    logGroupName: config.logGroup, logStreamName: config.logStream, identity: undefined, clientContext: undefined,
    getRemainingTimeInMillis: function () { return Math.max(0, deadline - Date.now()); },
    done: function (err, value) { finish(err, value, true); },
    succeed: function (value) { finish(null, value, true); },
    fail: function (err) { finish(err === undefined || err === null ? new Error('handled') : err, undefined, true); }
  };
  if (clientContext) { try { ctx.clientContext = JSON.parse(clientContext); } catch (e) { ctx.clientContext = undefined; } }
  var result;
  try {
    result = handler(event, ctx, function (err, value) { finish(err, value, true); });
  } catch (e) {
    finish(e);
    return state.out;
  }
  if (state.done) return state.out;
  if (result !== null && result !== undefined && typeof result.then === 'function') {
    var known = outstanding === 0 && result instanceof NativePromise ? result[settledAtBirth] : undefined;
    if (known && known.ok) { finish(null, known.value); return state.out; }
    if (known) { finish(rejectionError(known.value)); return state.out; }
    state.async = true;
    result.then(function (v) { finish(null, v); },
                function (e) { finish(rejectionError(e)); });
    return 'P';
  }
  // Embedded convenience: a plain function may simply return its result (on Node.js only Promises count).
  if (result !== undefined || handler.length < 3) { finish(null, result); return state.out; }
  state.async = true;
  return 'E';
}

// The handler bound once, on the environment's own thread, and the outcome handed over through the
// host rather than returned: a QJSValue holding an engine value that is copied or destroyed on another
// thread (an inline invocation's) makes QJSEngine post its release to the engine's thread, one event
// per value per invocation, piling up while that thread is parked.
// Pins that keep the engine's heap chunks in use. QJSEngine's collector returns every chunk it finds
// empty to the system (madvise + mprotect) and maps a fresh one when the next invocations need room:
// under a gateway's load that was ~1 unmap and ~16 page faults per 8 invocations, each unmap a TLB
// shootdown stopping the other cores. One small object per invocation, kept, lands in whichever chunk is
// being filled, so soon every chunk holds a live pin and is swept and reused in place. Bounded: a few
// dozen KB per environment, and an environment invoked only a few times keeps only a few.
var chunkPins = [];
function bindInvoke(handler) {
  return function (eventText, requestId, deadline, clientContext, seq, builder, ...built) {
    if (chunkPins.length < 1024) chunkPins.push({});
    host.returned(invoke(handler, eventText, requestId, deadline, clientContext, seq, builder, built));
  };
}

return { bindInvoke: bindInvoke, loadMain: loadMain, errorInfo: errorInfo, errorLog: errorLog, fireTimer: fireTimer };
};
