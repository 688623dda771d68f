# Gatehouse's Python runtime: the Lambda Runtime API client loop. It loads and calls the handler the
# way Lambda's own Python runtime does (awslambdaric: bootstrap.py, lambda_context.py,
# lambda_runtime_marshaller.py), so that code, logs and error payloads look the same as in Lambda.
# Imported by bootstrap.py (a module, unlike a script, keeps its compiled bytecode between starts).
#
# Imports are kept to what every invocation needs (json, the C socket module); anything else is
# imported where it is needed, so that a cold start costs little more than the interpreter's own start.
# `logging` is configured as Lambda configures it, but only once something imports it (~5 ms saved
# for functions that never log through it).
import _socket
import importlib
import json
import os
import sys
import time

API_PREFIX = b"/2018-06-01/runtime/"
_NEXT = API_PREFIX + b"invocation/next"
_OWN_FILES = {__file__, os.path.join(os.path.dirname(__file__), "bootstrap.py")}
_REQUEST_ID = None


# ---- Runtime API client -------------------------------------------------------------------------
# HTTP/1.1 over one kept-alive socket, written by hand: http.client imports the email package and
# ssl (tens of milliseconds), and this client only ever talks to Gatehouse's Runtime API, which
# always sends Content-Length. The invocation's response goes out pipelined with the next `next`
# (answered in order, RFC 9112 §9.3.2), so the environment is ready again without waiting for the 202.
class RuntimeApiClient:
    def __init__(self, endpoint):
        host, _, port = endpoint.rpartition(":")
        # bytes: a str host would import the idna codec (~1 ms) just to pass 127.0.0.1 on.
        self.address = (host.encode("ascii"), int(port))
        self.host = endpoint.encode("ascii")
        self.sock = None
        self.buffer = bytearray()
        self.next_sent = False  # a `next` went out behind the last response and is not read yet

    def next(self):
        if self.next_sent:
            self.next_sent = False
            if self.sock is not None:
                try:
                    return self._read_response()
                except ConnectionError:
                    pass  # lost with its connection: asked again on a new one
        return self.request(b"GET", _NEXT)

    def respond(self, request_id, body):
        return self.request(b"POST", API_PREFIX + b"invocation/" + _quote(request_id) + b"/response",
                            b"Content-Type: application/json\r\n", body, then_next=True)

    def error(self, request_id, payload):
        return self.request(b"POST", API_PREFIX + b"invocation/" + _quote(request_id) + b"/error",
                            _error_headers(payload), _to_json(payload).encode("utf-8"), then_next=True)

    def init_error(self, payload):
        return self.request(b"POST", API_PREFIX + b"init/error", _error_headers(payload),
                            _to_json(payload).encode("utf-8"))

    def request(self, method, target, headers=b"", body=None, then_next=False):
        if self.sock is None:
            self.sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
            self.sock.connect(self.address)
            self.sock.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, 1)
            self.buffer = bytearray()
        text = self._text(method, target, headers, body)
        if then_next:
            text += self._text(b"GET", _NEXT)
            self.next_sent = True
        self.sock.sendall(text)
        return self._read_response()

    def _text(self, method, target, headers=b"", body=None):
        head = method + b" " + target + b" HTTP/1.1\r\nHost: " + self.host + b"\r\n" + headers
        if body is None:
            return head + b"\r\n"
        return head + b"Content-Length: " + str(len(body)).encode("ascii") + b"\r\n\r\n" + body

    def _receive(self):
        chunk = self.sock.recv(262144)
        if not chunk:
            self.sock.close()
            self.sock = None
            raise ConnectionError("the Runtime API closed the connection")
        self.buffer += chunk

    def _read_response(self):
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                break
            self._receive()
        lines = bytes(self.buffer[:end]).decode("utf-8", "replace").split("\r\n")
        status = int(lines[0].split(" ")[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        del self.buffer[:end + 4]
        while len(self.buffer) < length:
            self._receive()
        body = bytes(self.buffer[:length])
        del self.buffer[:length]
        if headers.get("connection", "").lower() == "close":
            self.sock.close()
            self.sock = None
        return status, headers, body


def _quote(request_id):
    from urllib.parse import quote  # only for ids that are not plain (Lambda's are UUIDs)

    return request_id.encode("ascii") if request_id.replace("-", "").isalnum() else quote(request_id).encode()


def _error_headers(payload):
    error_type = "".join(c for c in str(payload.get("errorType", "")) if " " <= c <= "~")
    headers = b"Content-Type: application/json\r\n"
    if error_type:
        headers += b"Lambda-Runtime-Function-Error-Type: " + error_type.encode("ascii") + b"\r\n"
    return headers


# ---- Marshalling (lambda_runtime_marshaller.py) --------------------------------------------------
class _Encoder(json.JSONEncoder):
    def default(self, o):
        import decimal  # only for values json cannot write itself (~2 ms at start otherwise)

        if isinstance(o, decimal.Decimal):
            return float(o) if o % 1 else int(o)
        return super().default(o)


def _to_json(obj):
    return json.dumps(obj, cls=_Encoder)


class FaultException(Exception):
    def __init__(self, exception_type, msg, trace=None):
        super().__init__(msg)
        self.exception_type = exception_type
        self.msg = msg
        self.trace = trace


# ---- Errors (bootstrap.py: make_error, build_fault_result, log_error) ---------------------------
def make_error(message, error_type, stack_trace, request_id=None):
    return {
        "errorMessage": message if message else "",
        "errorType": error_type if error_type else "",
        "requestId": request_id if request_id is not None else "",
        "stackTrace": stack_trace if stack_trace is not None else [],
    }


def build_fault_result(exc_info, request_id):
    import traceback  # only on errors: it pulls in linecache and tokenize

    etype, value, tb = exc_info
    frames = traceback.extract_tb(tb)
    # Frames of this bootstrap are Lambda's, not the function's.
    while frames and frames[0].filename in _OWN_FILES:
        frames = frames[1:]
    return make_error(str(value), etype.__name__, traceback.format_list(frames), request_id)


def log_error(error):
    description = "[ERROR]"
    if error.get("errorType"):
        description += " " + error["errorType"]
    if error.get("errorMessage"):
        if error.get("errorType"):
            description += ":"
        description += " " + error["errorMessage"]
    lines = [description]
    if error.get("stackTrace") is not None:
        lines.append("Traceback (most recent call last):")
        for element in error["stackTrace"]:
            lines.extend(element.splitlines() if element else [""])
    # One log record: line breaks inside it travel as '\r' (Gatehouse turns them back).
    sys.stdout.write("\r".join(line.replace("\n", "\r") for line in lines) + "\n")


# ---- Logging (bootstrap.py: LambdaLoggerHandler, _setup_logging) --------------------------------
def _setup_logging(logging):
    class LambdaLoggerHandler(logging.Handler):
        def emit(self, record):
            record.aws_request_id = _REQUEST_ID or ""
            try:
                text = self.format(record)
            except Exception:
                self.handleError(record)
                return
            # One log record per line: line breaks inside it travel as '\r' (Gatehouse turns them back).
            sys.stdout.write(text.rstrip("\n").replace("\n", "\r") + "\n")

    logging.Formatter.converter = time.gmtime
    handler = LambdaLoggerHandler()
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n", "%Y-%m-%dT%H:%M:%S"))
    root = logging.getLogger()
    level = os.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper()
    levels = {"TRACE": 5, "DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARN": logging.WARNING,
              "ERROR": logging.ERROR, "FATAL": logging.CRITICAL}
    if level in levels:
        root.setLevel(levels[level])
    root.addHandler(handler)


class _ConfigureLoggingOnImport:
    """A sys.meta_path finder that lets `logging` load normally and then configures it, before the
    importer sees it: the same state Lambda's eager setup leaves, without its cost at every start."""

    def find_spec(self, name, path=None, target=None):
        if name != "logging":
            return None
        sys.meta_path.remove(self)
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            _setup_logging(module)

        spec.loader.exec_module = exec_module
        return spec


def _install_logging():
    if "logging" in sys.modules:
        _setup_logging(sys.modules["logging"])
    else:
        sys.meta_path.insert(0, _ConfigureLoggingOnImport())


# ---- Context (lambda_context.py) -----------------------------------------------------------------
class _Obj:
    def __init__(self, fields):
        self.__dict__.update(fields)


class LambdaContext:
    def __init__(self, request_id, client_context, cognito_identity, deadline_ms, function_arn):
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = function_arn
        self.client_context = None
        if client_context is not None:
            self.client_context = _Obj({"custom": client_context.get("custom"), "env": client_context.get("env"),
                                        "client": client_context.get("client")})
            if isinstance(self.client_context.client, dict):
                self.client_context.client = _Obj(self.client_context.client)
        self.identity = _Obj({"cognito_identity_id": None, "cognito_identity_pool_id": None})
        if cognito_identity is not None:
            self.identity.cognito_identity_id = cognito_identity.get("cognitoIdentityId")
            self.identity.cognito_identity_pool_id = cognito_identity.get("cognitoIdentityPoolId")
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        remaining = self._deadline_ms - int(time.time() * 1000)
        return remaining if remaining > 0 else 0

    def log(self, msg):
        sys.stdout.write(str(msg))

    def __repr__(self):
        return ("LambdaContext([aws_request_id={0},log_group_name={1},log_stream_name={2},function_name={3},"
                "memory_limit_in_mb={4},function_version={5},invoked_function_arn={6}])").format(
            self.aws_request_id, self.log_group_name, self.log_stream_name, self.function_name,
            self.memory_limit_in_mb, self.function_version, self.invoked_function_arn)


# ---- Loading the handler (bootstrap.py: _get_handler) --------------------------------------------
def _get_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError as e:
        raise FaultException("Runtime.MalformedHandlerName", "Bad handler '{}': {}".format(handler, str(e)))
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise FaultException("Runtime.BuiltInModuleConflict",
                                 "Cannot use built-in module {} as a handler module".format(modname))
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as e:
        raise FaultException("Runtime.ImportModuleError", "Unable to import module '{}': {}".format(modname, str(e)))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise FaultException("Runtime.UserCodeSyntaxError",
                             "Syntax error in module '{}': {}".format(modname, str(e)), trace)
    try:
        return getattr(module, fname)
    except AttributeError:
        # Lambda reports a missing handler when it is called, not at init.
        fault = FaultException("Runtime.HandlerNotFound", "Handler '{}' missing on module '{}'".format(fname, modname))

        def missing(event, context):
            raise fault

        return missing


# ---- The invocation loop ---------------------------------------------------------------------------
def _parse_header_json(headers, name):
    text = headers.get(name)
    return json.loads(text) if text else None


def handle_invocation(api, handler, headers, body):
    global _REQUEST_ID
    request_id = headers.get("lambda-runtime-aws-request-id", "")
    _REQUEST_ID = request_id
    trace_id = headers.get("lambda-runtime-trace-id")
    if trace_id:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    error = None
    try:
        context = LambdaContext(request_id, _parse_header_json(headers, "lambda-runtime-client-context"),
                                _parse_header_json(headers, "lambda-runtime-cognito-identity"),
                                int(headers.get("lambda-runtime-deadline-ms", "0")),
                                headers.get("lambda-runtime-invoked-function-arn"))
        try:
            event = json.loads(body) if body else {}
        except Exception as e:
            raise FaultException("Runtime.UnmarshalError", "Unable to unmarshal input: {}".format(str(e)))
        response = handler(event, context)
        try:
            result = _to_json(response).encode("utf-8")
        except Exception as e:
            raise FaultException("Runtime.MarshalError", "Unable to marshal response: {}".format(str(e)))
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace, request_id)
    except Exception:
        error = build_fault_result(sys.exc_info(), request_id)
    if error is not None:
        log_error(error)
        api.error(request_id, error)
    else:
        api.respond(request_id, result)


def main():
    api = RuntimeApiClient(os.environ.get("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"))
    _install_logging()
    try:
        handler = _get_handler(os.environ.get("_HANDLER", ""))
    except FaultException as e:
        error = make_error(e.msg, e.exception_type, e.trace)
    except Exception:
        error = build_fault_result(sys.exc_info(), None)
    else:
        error = None
    if error is not None:
        log_error(error)
        api.init_error(error)
        sys.exit(1)
    while True:
        status, headers, body = api.next()
        if status != 200:
            sys.stderr.write("Gatehouse bootstrap: the Runtime API answered {} to next\n".format(status))
            sys.exit(1)
        handle_invocation(api, handler, headers, body)
