"""Writes several MB to stderr while handling every request, then answers correctly."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpc_io  # noqa: E402

LINE = ("flood " + "y" * 94 + "\n").encode()
for raw, request in rpc_io.requests():
    method = request.get("method")
    for i in range(80000):  # 8 MB
        sys.stderr.buffer.write(LINE)
    sys.stderr.buffer.write(b"flood done for " + method.encode() + b"\n")
    sys.stderr.buffer.flush()
    if method == "library.call":
        rpc_io.respond(request["id"], {"String": "survived"})
    elif method == "library.shutdown":
        rpc_io.respond(request["id"], None)
        break
    else:
        rpc_io.unknown_method(request["id"], method)
