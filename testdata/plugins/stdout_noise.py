"""Prints debug text (and JSON that is not a response) to stdout before every answer."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpc_io  # noqa: E402

REPEAT = int(os.environ.get("NOISE_REPEAT", "1"))  # how many times the 4 noise lines are written per request

for raw, request in rpc_io.requests():
    method = request.get("method")
    for _ in range(REPEAT):
        rpc_io.write_line("debug: handling " + method)
        rpc_io.write_line('{"note": "json, but no id"}')
        rpc_io.write_line('{"jsonrpc": "2.0", "method": "log", "params": {}}')
        rpc_io.write_line("[1, 2, 3]")
    if method == "library.call":
        rpc_io.respond(request["id"], {"String": "answer"})
    elif method == "library.check":
        rpc_io.respond(request["id"], {"Pass": None})
    else:
        rpc_io.unknown_method(request["id"], method)
