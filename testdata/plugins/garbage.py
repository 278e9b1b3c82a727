"""Answers library.initialize, then answers every request with lines that are not JSON-RPC responses only."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpc_io  # noqa: E402

for n, (raw, request) in enumerate(rpc_io.requests()):
    if request.get("method") == "library.initialize":
        rpc_io.respond(request["id"], {})
        continue
    rpc_io.write_line("garbage %d \x01\x7f" % n)
    rpc_io.write_line('{"result": 1}')
    rpc_io.write_line("{broken json")
