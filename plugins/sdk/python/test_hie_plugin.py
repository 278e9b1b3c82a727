"""Tests of hie_plugin.py, the Python SDK for process plugins. Run: python3 -m unittest (in this folder)."""

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import hie_plugin  # noqa: E402
from hie_plugin import (  # noqa: E402
    Error, Evidence, Fail, Param, Pass, Plugin, PluginError, Scope, decode_value, encode_check_result, encode_value,
)

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLE = os.path.join(HERE, "..", "..", "examples", "python", "file_stats_plugin.py")


def make_plugin():
    plugin = Plugin("demo", version="2.0.0", description="Demo plugin")

    @plugin.selector(params={"path": "a folder"})
    def folder(path: str) -> Scope:
        """Files of a folder.

        More text that is not part of the description."""
        return Scope.folder(path, ["%s/a.py" % path, "%s/b.py" % path])

    @plugin.selector
    def echo(value):
        return value

    @plugin.selector
    def half(x: float):
        return x / 2

    @plugin.check
    def max_files(scope: Scope, limit: int = 10):
        """At most `limit` files."""
        return None if len(scope) <= limit else "%d > %d" % (len(scope), limit)

    @plugin.check(description="All named things exist", name="all_exist")
    def all_exist_impl(*names: str):
        return Fail("missing", [Evidence("a.txt", 3, "here"), ("b.txt", 1)]) if "missing" in names else Pass()

    @plugin.check
    def broken():
        raise RuntimeError("a bug")

    @plugin.check
    def custom_error():
        raise PluginError("bad input", code=-32010)

    @plugin.check
    def undecided():
        return Error("cannot tell")

    return plugin


def request(method, params=None, request_id=1):
    return {"jsonrpc": "2.0", "method": method, "params": params if params is not None else {}, "id": request_id}


def call(plugin, method, function, args):
    return plugin.handle(request(method, {"args": args, "function": function, "workspace": "."}))


class ValueEncodingTest(unittest.TestCase):
    def test_decode_tagged_and_raw_forms(self):
        self.assertEqual(decode_value({"String": "x"}), "x")
        self.assertEqual(decode_value({"Int": 4}), 4)
        self.assertEqual(decode_value({"Int": 4.0}), 4)
        self.assertEqual(decode_value({"Float": 1.5}), 1.5)
        self.assertEqual(decode_value({"Bool": True}), True)
        self.assertEqual(decode_value(True), True)
        self.assertIsNone(decode_value(None))
        self.assertEqual(decode_value({"List": [{"Int": 1}, "a", [2]]}), [1, "a", [2]])
        self.assertEqual(decode_value([1, {"String": "b"}]), [1, "b"])
        with self.assertRaises(ValueError):
            decode_value({"Unknown": 1})

    def test_decode_scope(self):
        scope = decode_value({"Scope": {"kind": {"Folder": "src"}, "language": "python",
                                        "paths": ["src/a.py"], "resolved": True}})
        self.assertIsInstance(scope, Scope)
        self.assertEqual((scope.kind, scope.arg, scope.paths, scope.resolved, scope.language),
                         ("Folder", "src", ["src/a.py"], True, "python"))
        tagged = decode_value({"Scope": {"kind": {"File": "module:x"}, "paths": [], "resolved": True,
                                         "selector": {"arg": "x", "kind": "module"}}})
        self.assertEqual((tagged.kind, tagged.arg), ("module", "x"))
        bare = decode_value({"Scope": {}})
        self.assertEqual((bare.kind, bare.arg, bare.paths, bare.resolved), ("File", "", [], False))

    def test_encode(self):
        self.assertEqual(encode_value("x"), {"String": "x"})
        self.assertEqual(encode_value(3), {"Int": 3})
        self.assertEqual(encode_value(2.5), {"Float": 2.5})
        self.assertEqual(encode_value(False), False)
        self.assertIsNone(encode_value(None))
        self.assertEqual(encode_value([1, ("a",)]), {"List": [{"Int": 1}, {"List": [{"String": "a"}]}]})
        self.assertEqual(encode_value(Scope.file("a.txt")),
                         {"Scope": {"kind": {"File": "a.txt"}, "paths": ["a.txt"], "resolved": True}})
        self.assertEqual(encode_value(Scope("module", "core", ["c.rs"], language="rust")),
                         {"Scope": {"kind": {"File": "module:core"}, "language": "rust", "paths": ["c.rs"],
                                    "resolved": True, "selector": {"arg": "core", "kind": "module"}}})
        with self.assertRaises(TypeError):
            encode_value({"a": 1})

    def test_scope_round_trip(self):
        scope = Scope("Glob", "**/*.md", ["a.md", "b/c.md"], language="markdown")
        self.assertEqual(decode_value(encode_value(scope)), scope)

    def test_check_results(self):
        self.assertEqual(encode_check_result(None), {"Pass": None})
        self.assertEqual(encode_check_result(True), {"Pass": None})
        self.assertEqual(encode_check_result(Pass()), {"Pass": None})
        self.assertEqual(encode_check_result(False), {"Fail": "Check failed"})
        self.assertEqual(encode_check_result("too big"), {"Fail": "too big"})
        self.assertEqual(encode_check_result(Fail("m", [Evidence("a.py", 2, "x"), ("b.py",)])),
                         {"Fail": "m", "evidence": [{"file": "a.py", "line": 2, "message": "x"},
                                                    {"file": "b.py", "line": 0}]})
        self.assertEqual(encode_check_result(Fail("m")), {"Fail": "m"})
        self.assertEqual(encode_check_result(Error("e")), {"Error": "e"})
        with self.assertRaises(TypeError):
            encode_check_result(3)


class DescriptionTest(unittest.TestCase):
    def test_doc_lists_every_signature(self):
        doc = make_plugin().describe()
        self.assertEqual((doc["name"], doc["version"], doc["description"]), ("demo", "2.0.0", "Demo plugin"))
        names = [(f["name"], f["kind"], len(f["parameters"])) for f in doc["functions"]]
        self.assertEqual(names, [("folder", "selector", 1), ("echo", "selector", 1), ("half", "selector", 1),
                                 ("max_files", "check", 1), ("max_files", "check", 2), ("all_exist", "check", 1),
                                 ("broken", "check", 0), ("custom_error", "check", 0), ("undecided", "check", 0)])
        folder = doc["functions"][0]
        self.assertEqual(folder["description"], "Files of a folder.")
        self.assertEqual(folder["parameters"], [{"name": "path", "type": "string", "description": "a folder"}])
        self.assertEqual(folder["return_type"], "scope")
        self.assertEqual(doc["functions"][1]["parameters"][0]["type"], "any")
        self.assertEqual(doc["functions"][2]["parameters"][0]["type"], "number")
        self.assertEqual(doc["functions"][4]["parameters"][1]["type"], "integer")
        self.assertEqual(doc["functions"][4]["return_type"], "")
        variadic = doc["functions"][5]
        self.assertEqual(variadic["description"], "All named things exist")
        self.assertEqual(variadic["parameters"], [{"name": "names", "type": "string", "description": "",
                                                   "variadic": True}])

    def test_registration_errors(self):
        plugin = Plugin("x")
        with self.assertRaises(ValueError):
            @plugin.check(params={"nope": "no such parameter"})
            def f(a):
                return None
        with self.assertRaises(ValueError):
            Param("p", "path")

        @plugin.check
        def g():
            return None
        with self.assertRaises(ValueError):
            @plugin.check(name="g")
            def h():
                return None

    def test_explicit_params_replace_the_signature(self):
        plugin = Plugin("x")

        @plugin.check(params=[Param("files", "scope", "the files"), ("n", "integer")])
        def f(a, b):
            return None
        params = plugin.describe()["functions"][0]["parameters"]
        self.assertEqual([(p["name"], p["type"]) for p in params], [("files", "scope"), ("n", "integer")])


class DispatchTest(unittest.TestCase):
    def setUp(self):
        self.plugin = make_plugin()

    def test_initialize_stores_config(self):
        response = self.plugin.handle(request("library.initialize", {"config": {"threshold": "10"},
                                                                     "hie_version": "0.1.0"}))
        self.assertEqual(response["result"], {"name": "demo", "version": "2.0.0", "protocol": 1})
        self.assertEqual(self.plugin.config, {"threshold": "10"})
        self.assertEqual(self.plugin.hie_version, "0.1.0")

    def test_selector_and_check_calls(self):
        response = call(self.plugin, "library.call", "folder", [{"String": "src"}])
        self.assertEqual(response, {"jsonrpc": "2.0", "id": 1, "result": {"Scope": {
            "kind": {"Folder": "src"}, "paths": ["src/a.py", "src/b.py"], "resolved": True}}})
        scope = response["result"]
        self.assertEqual(call(self.plugin, "library.check", "max_files", [scope])["result"], {"Pass": None})
        self.assertEqual(call(self.plugin, "library.check", "max_files", [scope, {"Int": 1}])["result"],
                         {"Fail": "2 > 1"})
        self.assertEqual(call(self.plugin, "library.check", "all_exist", [])["result"], {"Pass": None})
        self.assertEqual(call(self.plugin, "library.check", "all_exist", ["a", {"String": "missing"}])["result"],
                         {"Fail": "missing", "evidence": [{"file": "a.txt", "line": 3, "message": "here"},
                                                          {"file": "b.txt", "line": 1}]})
        self.assertEqual(call(self.plugin, "library.check", "undecided", [])["result"], {"Error": "cannot tell"})
        self.assertEqual(call(self.plugin, "library.call", "half", [{"Int": 3}])["result"], {"Float": 1.5})
        self.assertEqual(call(self.plugin, "library.call", "echo", [None])["result"], None)

    def test_errors(self):
        def error_of(response):
            return response["error"]["code"], response["error"]["message"]
        self.assertEqual(error_of(call(self.plugin, "library.call", "max_files", [])),
                         (-32601, "unknown selector 'max_files' in plugin 'demo' (selectors: echo, folder, half)"))
        self.assertEqual(error_of(call(self.plugin, "library.check", "max_files", [])),
                         (-32602, "check 'max_files' expects 1 to 2 argument(s), got 0"))
        self.assertEqual(error_of(call(self.plugin, "library.call", "folder", [{"Int": 1}])),
                         (-32602, "argument 1 ('path') of selector 'folder' must be a string, got integer"))
        self.assertEqual(error_of(call(self.plugin, "library.check", "max_files", [{"String": "x"}])),
                         (-32602, "argument 1 ('scope') of check 'max_files' must be a scope, got string"))
        self.assertEqual(error_of(call(self.plugin, "library.check", "all_exist", ["a", 1])),
                         (-32602, "argument 2 ('names') of check 'all_exist' must be a string, got integer"))
        self.assertEqual(error_of(call(self.plugin, "library.check", "custom_error", [])), (-32010, "bad input"))
        self.assertEqual(error_of(self.plugin.handle(request("library.nope"))),
                         (-32601, "Unknown method: library.nope"))
        self.assertEqual(error_of(self.plugin.handle({"id": 4})), (-32600, "Invalid request"))
        stderr = io.StringIO()
        saved, sys.stderr = sys.stderr, stderr
        try:
            self.assertEqual(error_of(call(self.plugin, "library.check", "broken", [])),
                             (-32000, "RuntimeError: a bug"))
        finally:
            sys.stderr = saved
        self.assertIn("Traceback", stderr.getvalue())

    def test_metadata_doc_shutdown_and_notifications(self):
        self.assertEqual(self.plugin.handle(request("library.metadata"))["result"],
                         {"name": "demo", "version": "2.0.0", "functions": ["echo", "folder", "half"],
                          "checks": ["all_exist", "broken", "custom_error", "max_files", "undecided"]})
        self.assertEqual(self.plugin.handle(request("library.doc"))["result"]["name"], "demo")
        self.assertEqual(self.plugin.handle(request("library.shutdown")), {"jsonrpc": "2.0", "result": None, "id": 1})
        self.assertIsNone(self.plugin.handle({"jsonrpc": "2.0", "method": "library.doc"}))

    def test_serve_loop(self):
        lines = [json.dumps(request("library.initialize", {"config": {}, "hie_version": "x"}, 1)), "",
                 "not json", json.dumps(request("library.call", {"args": [{"String": "a"}], "function": "echo",
                                                                 "workspace": "."}, 2)),
                 json.dumps(request("library.shutdown", {}, 3)),
                 json.dumps(request("library.doc", {}, 4))]  # after shutdown: never read
        stdin = io.BytesIO(("\n".join(lines) + "\n").encode())
        stdout = io.BytesIO()
        self.plugin.serve(stdin, stdout)
        responses = [json.loads(l) for l in stdout.getvalue().decode().splitlines()]
        self.assertEqual([r["id"] for r in responses], [1, None, 2, 3])
        self.assertEqual(responses[1]["error"]["code"], -32700)
        self.assertEqual(responses[2]["result"], {"String": "a"})


class ExamplePluginTest(unittest.TestCase):
    """Runs plugins/examples/python/file_stats_plugin.py as hie would: a child process in the workspace."""

    def setUp(self):
        self.workspace = tempfile.mkdtemp(prefix="hie-sdk-test-")
        files = {"docs/a.md": "x\n" * 5, "docs/b.md": "", "README.md": "hello\n", "src/main.py": "print(1)\n",
                 ".git/config.md": "hidden\n"}
        for rel, content in files.items():
            os.makedirs(os.path.dirname(os.path.join(self.workspace, rel)), exist_ok=True)
            with open(os.path.join(self.workspace, rel), "w") as f:
                f.write(content)

    def tearDown(self):
        shutil.rmtree(self.workspace)

    def exchange(self, requests):
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        stdin = "".join(json.dumps(r) + "\n" for r in requests)
        done = subprocess.run([sys.executable, os.path.abspath(EXAMPLE)], input=stdin.encode(), cwd=self.workspace,
                              capture_output=True, timeout=30, env=env)
        self.assertEqual(done.returncode, 0, done.stderr.decode())
        return [json.loads(line) for line in done.stdout.decode().splitlines()]

    def test_selectors_checks_and_doc(self):
        md = {"Scope": {"kind": {"Glob": "**/*.md"}, "paths": ["README.md", "docs/a.md", "docs/b.md"],
                        "resolved": True}}
        responses = self.exchange([
            request("library.initialize", {"config": {}, "hie_version": "0.1.0"}, 1),
            request("library.call", {"args": [{"String": "md"}], "function": "by_extension", "workspace": "."}, 2),
            request("library.check", {"args": [md, {"Int": 3}], "function": "max_lines", "workspace": "."}, 3),
            request("library.check", {"args": [md], "function": "no_empty_files", "workspace": "."}, 4),
            request("library.check", {"args": [md, {"Int": 3}], "function": "max_files", "workspace": "."}, 5),
            request("library.call", {"args": [md, {"Int": 6}], "function": "larger_than", "workspace": "."}, 6),
            request("library.doc", {}, 7),
            request("library.shutdown", {}, 8),
        ])
        self.assertEqual([r["id"] for r in responses], [1, 2, 3, 4, 5, 6, 7, 8])
        self.assertEqual(responses[1]["result"], md)
        self.assertEqual(responses[2]["result"], {"Fail": "1 file(s) longer than 3 lines", "evidence": [
            {"file": "docs/a.md", "line": 4, "message": "5 lines, limit 3"}]})
        self.assertEqual(responses[3]["result"], {"Fail": "1 empty file(s)", "evidence": [
            {"file": "docs/b.md", "line": 0}]})
        self.assertEqual(responses[4]["result"], {"Pass": None})
        self.assertEqual(responses[5]["result"]["Scope"]["paths"], ["docs/a.md"])
        doc = responses[6]["result"]
        self.assertEqual(doc["name"], "file_stats")
        self.assertEqual([(f["name"], len(f["parameters"])) for f in doc["functions"]],
                         [("by_extension", 1), ("larger_than", 2), ("max_lines", 1), ("max_lines", 2),
                          ("max_files", 2), ("no_empty_files", 1)])
        self.assertEqual(doc["functions"][0]["example"], "file_stats.by_extension('md')")
        self.assertIsNone(responses[7]["result"])

    def test_prints_in_plugin_code_go_to_stderr(self):
        script = os.path.join(self.workspace, "noisy.py")
        with open(script, "w") as f:
            f.write("import sys\nsys.path.insert(0, %r)\n" % HERE)
            f.write("from hie_plugin import selector, run\n"
                    "@selector\n"
                    "def noisy():\n"
                    "    print('debugging output')\n"
                    "    return 'quiet'\n"
                    "run(name='noisy')\n")
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        stdin = json.dumps(request("library.call", {"args": [], "function": "noisy", "workspace": "."}, 1)) + "\n"
        done = subprocess.run([sys.executable, script], input=stdin.encode(), capture_output=True, timeout=30,
                              env=env, cwd=self.workspace)
        self.assertEqual(done.stdout.decode().splitlines(),
                         [json.dumps({"jsonrpc": "2.0", "result": {"String": "quiet"}, "id": 1})])
        self.assertIn("debugging output", done.stderr.decode())


if __name__ == "__main__":
    unittest.main()
