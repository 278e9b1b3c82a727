"""Exits at once with status 2 and a message on stderr, like a plugin missing a dependency."""

import sys

print("exit_at_start.py: fatal: missing dependency 'frobnicate'", file=sys.stderr, flush=True)
sys.exit(2)
