"""hie_plugin: write a `hie` process plugin in Python as a few decorated functions.

A process plugin is a program that `hie` starts once per run and talks to in newline-delimited JSON-RPC 2.0 over
stdin/stdout (see docs/plugins-process.md). This module does the protocol; a plugin is just::

    from hie_plugin import Plugin, Scope, Fail, Evidence

    plugin = Plugin("stats", version="1.0.0", description="File statistics")

    @plugin.selector(params={"extension": "without the dot, e.g. 'py'"})
    def by_extension(extension: str) -> Scope:
        '''Every file with this extension.'''
        paths = [p for p in plugin.walk() if p.endswith("." + extension)]
        return Scope.glob("**/*." + extension, paths)

    @plugin.check
    def max_files(scope: Scope, limit: int = 100):
        '''The scope holds at most `limit` files.'''
        if len(scope) > limit:
            return Fail(f"{len(scope)} files, more than {limit}")

    if __name__ == "__main__":
        plugin.run()

The module-level decorators `selector` and `check` and the function `run` use a default plugin, for one-plugin
scripts that don't need a `Plugin` object.

Arguments arrive as Python values: str, int, float, bool, None, list and `Scope`. A selector returns one of
these. A check returns `None`/`True`/`Pass()` (pass), a string or `Fail(message, evidence)` (fail), `False`
(fail, "Check failed") or `Error(message)`. An exception becomes a JSON-RPC error; raise `PluginError` to choose
the code. Anything the plugin prints goes to stderr (`hie -v` shows it), never into the protocol.

Standard library only; Python 3.8+.
"""

import inspect
import json
import os
import sys
import traceback

__all__ = [
    "Scope", "Pass", "Fail", "Error", "Evidence", "Param", "PluginError", "Plugin",
    "selector", "check", "run", "decode_value", "encode_value", "encode_check_result",
]

PROTOCOL_VERSION = 1

# JSON-RPC 2.0 error codes.
PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
PLUGIN_ERROR = -32000

TYPES = ("scope", "string", "integer", "number", "boolean", "list", "any")
_STANDARD_KINDS = ("File", "Folder", "Glob")


# ---- values ------------------------------------------------------------------------------------------------------

class Scope:
    """A selection of workspace files: `paths` are relative to the workspace, '/'-separated.

    `kind` says how it was selected ("File", "Folder", "Glob" or a selector tag such as "module") and `arg` with
    what ("src", "**/*.py"). `language` is set when the scope is annotated (`scope x<python>`).
    """

    def __init__(self, kind, arg, paths=(), resolved=True, language=None):
        self.kind = kind
        self.arg = arg
        self.paths = list(paths)
        self.resolved = resolved
        self.language = language

    @classmethod
    def file(cls, arg, paths=None):
        return cls("File", arg, [arg] if paths is None else paths)

    @classmethod
    def folder(cls, arg, paths):
        return cls("Folder", arg, paths)

    @classmethod
    def glob(cls, arg, paths):
        return cls("Glob", arg, paths)

    def __len__(self):
        return len(self.paths)

    def __iter__(self):
        return iter(self.paths)

    def __eq__(self, other):
        return isinstance(other, Scope) and self.to_json() == other.to_json()

    def __repr__(self):
        return "Scope(%r, %r, %d paths)" % (self.kind, self.arg, len(self.paths))

    def to_json(self):
        """The wire form (the `{"Scope": ...}` object's content)."""
        kind = self.kind or "File"
        out = {"paths": list(self.paths), "resolved": bool(self.resolved)}
        if kind in _STANDARD_KINDS:
            out["kind"] = {kind: self.arg}
        else:
            # Readable by plugins that know only File/Folder/Glob; hie reads the exact tag back from "selector".
            out["kind"] = {"File": "%s:%s" % (kind, self.arg)}
            out["selector"] = {"kind": kind, "arg": self.arg}
        if self.language is not None:
            out["language"] = self.language
        return out

    @classmethod
    def from_json(cls, data):
        if not isinstance(data, dict):
            raise ValueError("a Scope must be an object, got %r" % (data,))
        kind, arg = "File", ""
        raw_kind = data.get("kind")
        if isinstance(raw_kind, dict) and len(raw_kind) == 1:
            kind, arg = next(iter(raw_kind.items()))
        selector_tag = data.get("selector")
        if isinstance(selector_tag, dict) and "kind" in selector_tag:
            kind, arg = selector_tag["kind"], selector_tag.get("arg", "")
        paths = [p for p in data.get("paths", []) if isinstance(p, str)]
        return cls(kind, arg, paths, bool(data.get("resolved", False)), data.get("language"))


class Evidence:
    """A place that explains a failure: a workspace-relative file, a 1-based line (0 = the whole file)."""

    def __init__(self, file, line=0, message=""):
        self.file = file
        self.line = line
        self.message = message

    def to_json(self):
        out = {"file": self.file, "line": int(self.line)}
        if self.message:
            out["message"] = self.message
        return out


class Pass:
    """A passing check (returning None or True does the same)."""


class Fail:
    """A failing check, with a message and optionally the places that break the rule."""

    def __init__(self, message="Check failed", evidence=()):
        self.message = message
        self.evidence = list(evidence)


class Error:
    """A check that could not be decided (bad input, missing file, ...)."""

    def __init__(self, message):
        self.message = message


class PluginError(Exception):
    """Raise to answer the request with a JSON-RPC error of your choice (hie reports it as E{code})."""

    def __init__(self, message, code=PLUGIN_ERROR):
        super().__init__(message)
        self.code = code
        self.message = message


def decode_value(value):
    """Wire JSON -> Python: tagged forms ({"String": ...}, {"Int": ...}, ...) and raw JSON values."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [decode_value(v) for v in value]
    if isinstance(value, dict):
        for tag in ("String", "Int", "Float", "Bool"):
            if tag in value:
                inner = value[tag]
                if tag == "Int" and isinstance(inner, float) and inner.is_integer():
                    inner = int(inner)
                return inner
        if "List" in value:
            return [decode_value(v) for v in value["List"]]
        if "Scope" in value:
            return Scope.from_json(value["Scope"])
    raise ValueError("cannot decode value %r" % (value,))


def encode_value(value):
    """Python -> wire JSON, in the tagged forms hie sends and accepts."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {"Int": value}
    if isinstance(value, float):
        return {"Float": value}
    if isinstance(value, str):
        return {"String": value}
    if isinstance(value, (list, tuple)):
        return {"List": [encode_value(v) for v in value]}
    if isinstance(value, Scope):
        return {"Scope": value.to_json()}
    raise TypeError("cannot send a %s to hie: return a Scope, str, int, float, bool, None or list"
                    % type(value).__name__)


def encode_check_result(result):
    """A check function's return value -> the check-result JSON."""
    if result is None or result is True or isinstance(result, Pass):
        return {"Pass": None}
    if result is False:
        return {"Fail": "Check failed"}
    if isinstance(result, str):
        return {"Fail": result}
    if isinstance(result, Fail):
        out = {"Fail": result.message}
        if result.evidence:
            out["evidence"] = [e.to_json() if isinstance(e, Evidence) else Evidence(*e).to_json()
                               for e in result.evidence]
        return out
    if isinstance(result, Error):
        return {"Error": result.message}
    raise TypeError("a check returns None/True/Pass(), a message string, False, Fail(...) or Error(...), not %s"
                    % type(result).__name__)


# ---- signatures --------------------------------------------------------------------------------------------------

class Param:
    """One parameter for the self-description: name, type (one of TYPES) and description."""

    def __init__(self, name, type="any", description="", variadic=False):  # noqa: A002 - mirrors the JSON key
        if type not in TYPES:
            raise ValueError("parameter %r: unknown type %r (expected one of %s)" % (name, type, ", ".join(TYPES)))
        self.name = name
        self.type = type
        self.description = description
        self.variadic = variadic

    def to_json(self):
        out = {"name": self.name, "type": self.type, "description": self.description}
        if self.variadic:
            out["variadic"] = True
        return out


_ANNOTATION_TYPES = {
    "Scope": "scope", "str": "string", "int": "integer", "float": "number", "bool": "boolean", "list": "list",
}


def _type_of_annotation(annotation):
    if annotation is inspect.Parameter.empty:
        return "any"
    if isinstance(annotation, str):
        name = annotation
    else:
        name = getattr(annotation, "__name__", None) or str(annotation)
    name = name.split("[", 1)[0].split(".")[-1]
    if name in ("List", "Sequence", "tuple", "Tuple"):
        return "list"
    return _ANNOTATION_TYPES.get(name, "any")


def _matches(type_name, value):
    if type_name == "any":
        return True
    if type_name == "scope":
        return isinstance(value, Scope)
    if type_name == "string":
        return isinstance(value, str)
    if type_name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if type_name == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if type_name == "boolean":
        return isinstance(value, bool)
    if type_name == "list":
        return isinstance(value, list)
    return False


def _type_name_of(value):
    if isinstance(value, Scope):
        return "scope"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "null" if value is None else type(value).__name__


class _Function:
    """A decorated selector or check, with what its signature says about arity and types."""

    def __init__(self, func, kind, name=None, description=None, params=None, returns=None, example=None):
        self.func = func
        self.kind = kind
        self.name = name or func.__name__
        doc = inspect.getdoc(func) or ""
        self.description = description if description is not None else doc.split("\n\n", 1)[0].replace("\n", " ")
        self.example = example
        signature = inspect.signature(func)
        descriptions = params if isinstance(params, dict) else {}
        self.params = []
        self.required = 0
        self.variadic = False
        for p in signature.parameters.values():
            if p.kind in (p.KEYWORD_ONLY, p.VAR_KEYWORD):
                continue  # not reachable from hie: hie passes arguments by position
            param = Param(p.name, _type_of_annotation(p.annotation), descriptions.get(p.name, ""),
                          variadic=p.kind == p.VAR_POSITIONAL)
            self.params.append(param)
            if param.variadic:
                self.variadic = True
            elif p.default is inspect.Parameter.empty:
                self.required = len(self.params)
        if isinstance(params, (list, tuple)):
            # An explicit list replaces what the signature says (names, types, descriptions).
            explicit = [p if isinstance(p, Param) else Param(*p) for p in params]
            if len(explicit) != len(self.params):
                raise ValueError("%s: params lists %d parameters, the function has %d"
                                 % (self.name, len(explicit), len(self.params)))
            for mine, given in zip(self.params, explicit):
                given.variadic = mine.variadic
            self.params = explicit
        unknown = set(descriptions) - {p.name for p in self.params}
        if unknown:
            raise ValueError("%s: params describes unknown parameters: %s" % (self.name, ", ".join(sorted(unknown))))
        if returns is not None:
            self.return_type = returns
        elif kind == "selector":
            self.return_type = _type_of_annotation(signature.return_annotation)
        else:
            self.return_type = ""

    def signatures(self):
        """One self-description entry per accepted argument count (optional parameters give several)."""
        fixed = [p for p in self.params if not p.variadic]
        entries = []
        for count in range(self.required, len(fixed) + 1):
            params = fixed[:count]
            if self.variadic and count == len(fixed):
                params = params + [p for p in self.params if p.variadic]
            entry = {"name": self.name, "kind": self.kind, "description": self.description,
                     "parameters": [p.to_json() for p in params], "return_type": self.return_type}
            if self.example:
                entry["example"] = self.example
            entries.append(entry)
        return entries

    def invoke(self, args):
        fixed = [p for p in self.params if not p.variadic]
        if len(args) < self.required or (not self.variadic and len(args) > len(fixed)):
            if self.variadic:
                expected = "at least %d" % self.required
            elif self.required == len(fixed):
                expected = str(self.required)
            else:
                expected = "%d to %d" % (self.required, len(fixed))
            raise PluginError("%s '%s' expects %s argument(s), got %d" % (self.kind, self.name, expected, len(args)),
                              INVALID_PARAMS)
        variadic = [p for p in self.params if p.variadic]
        for i, value in enumerate(args):
            param = fixed[i] if i < len(fixed) else variadic[0]
            if not _matches(param.type, value):
                raise PluginError("argument %d ('%s') of %s '%s' must be %s, got %s"
                                  % (i + 1, param.name, self.kind, self.name, _article(param.type),
                                     _type_name_of(value)), INVALID_PARAMS)
            if param.type == "number" and isinstance(value, int):
                args[i] = float(value)
        return self.func(*args)


def _article(type_name):
    return ("an " if type_name[0] in "aeiou" else "a ") + type_name


# ---- the plugin --------------------------------------------------------------------------------------------------

class Plugin:
    """A set of selectors and checks, and the request loop that serves them to hie."""

    def __init__(self, name="plugin", version="0.1.0", description=""):
        self.name = name
        self.version = version
        self.description = description
        self.config = {}          # `config = {...}` of hielements.toml (strings), from library.initialize
        self.hie_version = ""
        self.workspace = "."      # the workspace as the current request names it (hie runs plugins inside it)
        self._functions = {"selector": {}, "check": {}}
        self._order = []

    # -- registration

    def selector(self, func=None, **options):
        """Registers a selector: `@plugin.selector` or `@plugin.selector(description=..., params=...)`."""
        return self._register("selector", func, options)

    def check(self, func=None, **options):
        """Registers a check: `@plugin.check` or `@plugin.check(description=..., params=...)`."""
        return self._register("check", func, options)

    def _register(self, kind, func, options):
        def decorate(f):
            fn = _Function(f, kind, **options)
            if fn.name in self._functions[kind]:
                raise ValueError("%s '%s' is defined twice" % (kind, fn.name))
            self._functions[kind][fn.name] = fn
            self._order.append(fn)
            return f
        return decorate(func) if func is not None else decorate

    # -- helpers for plugin code

    def path(self, rel):
        """The file-system path of a workspace-relative path."""
        return os.path.join(self.workspace, rel)

    def walk(self, folder=""):
        """Workspace-relative paths of the files below `folder` ("" = everything), sorted; skips dot-folders."""
        root = self.path(folder) if folder else self.workspace
        found = []
        for current, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in files:
                rel = os.path.relpath(os.path.join(current, f), self.workspace)
                found.append(rel.replace(os.sep, "/"))
        return sorted(found)

    # -- protocol

    def describe(self):
        """The `library.doc` answer: PLUGINS.md's library_describe format."""
        functions = []
        for fn in self._order:
            functions.extend(fn.signatures())
        return {"name": self.name, "version": self.version, "description": self.description,
                "functions": functions}

    def handle(self, request):
        """Answers one decoded request; returns the response object, or None for a notification."""
        if not isinstance(request, dict) or not isinstance(request.get("method"), str):
            return _error_response(request.get("id") if isinstance(request, dict) else None, INVALID_REQUEST,
                                   "Invalid request")
        has_id = "id" in request
        request_id = request.get("id")
        params = request.get("params") or {}
        try:
            result = self._dispatch(request["method"], params)
        except PluginError as e:
            return _error_response(request_id, e.code, e.message) if has_id else None
        except Exception as e:  # noqa: BLE001 - a plugin bug is an error answer, never a dead plugin
            traceback.print_exc(file=sys.stderr)
            return _error_response(request_id, PLUGIN_ERROR, "%s: %s" % (type(e).__name__, e)) if has_id else None
        if not has_id:
            return None
        return {"jsonrpc": "2.0", "result": result, "id": request_id}

    def _dispatch(self, method, params):
        if method == "library.initialize":
            config = params.get("config") or {}
            self.config = dict(config) if isinstance(config, dict) else {}
            self.hie_version = params.get("hie_version", "")
            return {"name": self.name, "version": self.version, "protocol": PROTOCOL_VERSION}
        if method == "library.doc":
            return self.describe()
        if method == "library.metadata":  # the older tool's method
            return {"name": self.name, "version": self.version,
                    "functions": sorted(self._functions["selector"]), "checks": sorted(self._functions["check"])}
        if method == "library.shutdown":
            return None
        if method in ("library.call", "library.check"):
            kind = "selector" if method == "library.call" else "check"
            name = params.get("function", "")
            fn = self._functions[kind].get(name)
            if fn is None:
                known = ", ".join(sorted(self._functions[kind])) or "none"
                raise PluginError("unknown %s '%s' in plugin '%s' (%ss: %s)" % (kind, name, self.name, kind, known),
                                  METHOD_NOT_FOUND)
            self.workspace = params.get("workspace", ".") or "."
            try:
                args = [decode_value(a) for a in params.get("args", [])]
            except ValueError as e:
                raise PluginError(str(e), INVALID_PARAMS)
            result = fn.invoke(args)
            return encode_value(result) if kind == "selector" else encode_check_result(result)
        raise PluginError("Unknown method: %s" % method, METHOD_NOT_FOUND)

    def serve(self, stdin, stdout):
        """The request loop over binary streams: one request per line in, one response per line out."""
        for raw in stdin:
            line = raw.strip()
            if not line:
                continue
            try:
                request = json.loads(line.decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as e:
                response = _error_response(None, PARSE_ERROR, "Parse error: %s" % e)
                request = None
            else:
                response = self.handle(request)
            if response is not None:
                stdout.write(json.dumps(response).encode("utf-8") + b"\n")
                stdout.flush()
            if isinstance(request, dict) and request.get("method") == "library.shutdown":
                return

    def run(self):
        """Serves hie on stdin/stdout until hie closes stdin or sends library.shutdown."""
        protocol_out = sys.stdout.buffer
        # Plugin code that prints must not corrupt the protocol: its output goes to stderr, which hie shows with -v.
        sys.stdout = sys.stderr
        try:
            self.serve(sys.stdin.buffer, protocol_out)
        except (BrokenPipeError, KeyboardInterrupt):
            pass


def _error_response(request_id, code, message):
    return {"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": request_id}


# ---- the default plugin, for scripts that use the module-level decorators ---------------------------------------

_default = Plugin(os.path.splitext(os.path.basename(sys.argv[0] or "plugin"))[0] or "plugin")


def selector(func=None, **options):
    """Registers a selector with the default plugin."""
    return _default.selector(func, **options)


def check(func=None, **options):
    """Registers a check with the default plugin."""
    return _default.check(func, **options)


def default_plugin():
    return _default


def run(name=None, version=None, description=None):
    """Serves the functions registered with the module-level decorators."""
    if name is not None:
        _default.name = name
    if version is not None:
        _default.version = version
    if description is not None:
        _default.description = description
    _default.run()
