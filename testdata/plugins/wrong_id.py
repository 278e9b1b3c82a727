"""Answers every request first with a wrong id (and an id of the wrong type), then with the right one."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpc_io  # noqa: E402

for raw, request in rpc_io.requests():
    request_id = request["id"]
    rpc_io.respond(request_id + 1000, {"String": "wrong"})
    rpc_io.respond(str(request_id), {"String": "wrong type"})
    rpc_io.respond(None, {"String": "null id"})
    if request.get("method") == "library.call":
        rpc_io.respond(request_id, {"String": "right"})
    else:
        rpc_io.respond(request_id, "pass")
