"""Minimal JSON-RPC line I/O shared by the test plugins of tests/plugin/process_library_test.cpp.

Standard library only. Each test plugin misbehaves in one specific way; this module holds the parts they share.
"""

import json
import os
import sys

OUT = sys.stdout.buffer


def write_line(text):
    """Writes one line to stdout and flushes it."""
    if isinstance(text, str):
        text = text.encode("utf-8")
    OUT.write(text + b"\n")
    OUT.flush()


def respond(request_id, result=None, error=None, include_result=True):
    message = {"jsonrpc": "2.0", "id": request_id}
    if error is not None:
        message["error"] = error
    elif include_result:
        message["result"] = result
    write_line(json.dumps(message))


def requests():
    """Yields (raw_line, request) for every request line on stdin until it is closed."""
    for raw in sys.stdin.buffer:
        raw = raw.rstrip(b"\n").decode("utf-8")
        if not raw:
            continue
        yield raw, json.loads(raw)


def log_method(method):
    """Appends the method name to the file named by HIE_TEST_LOG, when set (tests read it back)."""
    path = os.environ.get("HIE_TEST_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(method + "\n")


def unknown_method(request_id, method):
    respond(request_id, error={"code": -32601, "message": "Unknown method: " + method})
