"""Sleeps one second before it reads anything, then behaves."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpc_io  # noqa: E402

time.sleep(1.0)
for raw, request in rpc_io.requests():
    method = request.get("method")
    if method == "library.call":
        rpc_io.respond(request["id"], {"String": "awake"})
    elif method == "library.shutdown":
        rpc_io.respond(request["id"], None)
        break
    else:
        rpc_io.unknown_method(request["id"], method)
