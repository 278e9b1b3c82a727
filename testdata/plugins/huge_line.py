"""Answers library.call with one line of more than 64 MiB, written in 1 MiB chunks (never held in memory whole)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpc_io  # noqa: E402

CHUNK = b"x" * (1 << 20)
for raw, request in rpc_io.requests():
    if request.get("method") != "library.call":
        rpc_io.unknown_method(request["id"], request.get("method"))
        continue
    mib = int(os.environ.get("HUGE_LINE_MIB", "65"))
    out = rpc_io.OUT
    try:
        out.write(b'{"jsonrpc":"2.0","id":%d,"result":{"String":"' % request["id"])
        for _ in range(mib):
            out.write(CHUNK)
        out.write(b'"}}\n')
        out.flush()
    except BrokenPipeError:
        sys.exit(1)
