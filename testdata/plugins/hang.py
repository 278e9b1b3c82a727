"""Answers library.initialize and the call "ping", then never answers anything else (library.shutdown included)."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rpc_io  # noqa: E402

for raw, request in rpc_io.requests():
    method = request.get("method")
    if method == "library.initialize":
        print("hang.py: initialized", file=sys.stderr, flush=True)  # before the answer: always in hie's stderr tail
        rpc_io.respond(request["id"], {})
        continue
    if method == "library.call" and request["params"]["function"] == "ping":
        rpc_io.respond(request["id"], "pong")
        continue
    print("hang.py: going to sleep in " + method, file=sys.stderr, flush=True)
    while True:
        time.sleep(3600)
