"""Works for the first call of each process; the second call makes the process die (a crash)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpc_io  # noqa: E402

calls = 0
for raw, request in rpc_io.requests():
    method = request.get("method")
    if method in ("library.call", "library.check"):
        calls += 1
        if calls == 2:
            print("Traceback (most recent call last):", file=sys.stderr)
            print("RuntimeError: crash_second_call.py dies on call 2", file=sys.stderr, flush=True)
            os._exit(3)
        rpc_io.respond(request["id"], {"Int": os.getpid()} if method == "library.call" else "pass")
    elif method == "library.shutdown":
        rpc_io.respond(request["id"], None)
        break
    else:
        rpc_io.unknown_method(request["id"], method)
