"""A plugin that does everything right; its functions let tests observe what the host sends."""

import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpc_io  # noqa: E402

DOC = {
    "name": "well_behaved",
    "version": "1.2.3",
    "description": "Test plugin",
    "functions": [
        {"name": "echo", "kind": "selector", "description": "returns its first argument",
         "parameters": [{"name": "value", "type": "any"}], "return_type": "any"},
        {"name": "pass", "kind": "check", "parameters": []},
        {"name": "fail", "kind": "check", "parameters": [{"name": "message", "type": "string"}]},
        {"name": "environment", "kind": "check", "description": "fails with NAME=value (or <unset>)",
         "parameters": [{"name": "name", "type": "string"}]},
    ],
}


def call(function, args, raw, state):
    if function == "echo":
        return args[0] if args else None
    if function == "raw_request":
        return {"String": raw}
    if function == "initialize_params":
        return {"String": json.dumps(state["initialize"], sort_keys=True)}
    if function == "cwd":
        return {"String": os.getcwd()}
    if function == "pid":
        return {"Int": os.getpid()}
    if function == "spawn_helper":
        helper = subprocess.Popen(["sleep", "60"])
        return {"Int": helper.pid}
    if function == "files":
        return {"Scope": {"kind": {"Folder": "."}, "paths": ["./b.txt", "./a.txt", os.path.abspath("a.txt")],
                          "resolved": True}}
    if function == "null":
        return None
    if function == "stderr":
        for i in range(args[0]["Int"] if args else 3):
            print("stderr line %d" % i, file=sys.stderr, flush=True)
        return True
    raise ValueError("Unknown function: " + function)


def check(function, args, raw):
    if function == "pass":
        return {"Pass": None}
    if function == "fail":
        return {"Fail": args[0]["String"]}
    if function == "environment":
        name = args[0]["String"]
        return {"Fail": name + "=" + os.environ.get(name, "<unset>")}
    if function == "evidence":
        return {"Fail": "long", "evidence": [{"file": "./a.txt", "line": 2, "message": "here"}]}
    if function == "raw_request":
        return {"Fail": raw}
    if function == "null":
        return None
    raise ValueError("Unknown check: " + function)


def main():
    state = {"initialize": None}
    for raw, request in rpc_io.requests():
        method = request.get("method")
        request_id = request.get("id")
        params = request.get("params", {})
        rpc_io.log_method(method)
        try:
            if method == "library.initialize":
                state["initialize"] = params
                rpc_io.respond(request_id, {"name": "well_behaved"})
            elif method == "library.doc":
                rpc_io.respond(request_id, DOC)
            elif method == "library.call":
                if params["function"] == "no_result":
                    rpc_io.respond(request_id, include_result=False)
                    continue
                rpc_io.respond(request_id, call(params["function"], params["args"], raw, state))
            elif method == "library.check":
                rpc_io.respond(request_id, check(params["function"], params["args"], raw))
            elif method == "library.shutdown":
                rpc_io.respond(request_id, None)
                return
            else:
                rpc_io.unknown_method(request_id, method)
        except Exception as e:  # noqa: BLE001 - every failure becomes a JSON-RPC error
            rpc_io.respond(request_id, error={"code": -32000, "message": str(e)})


if __name__ == "__main__":
    main()
