#!/usr/bin/env python3
"""file_stats: an example hie process plugin about file sizes and line counts, built on the Python SDK.

hielements.toml:

    [libraries]
    file_stats = { executable = "python3", args = ["plugins/examples/python/file_stats_plugin.py"] }

A spec:

    import file_stats
    element docs {
        scope markdown = file_stats.by_extension('md')
        check file_stats.max_lines(markdown, 400)
        check file_stats.no_empty_files(markdown)
    }
"""

import os
import sys

# The SDK is one file: copy it next to your plugin, or point PYTHONPATH at plugins/sdk/python.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "sdk", "python"))

from hie_plugin import Evidence, Fail, Plugin, Scope  # noqa: E402

plugin = Plugin("file_stats", version="1.0.0", description="File sizes and line counts")


def count_lines(rel):
    with open(plugin.path(rel), "rb") as f:
        return sum(1 for _ in f)


@plugin.selector(params={"extension": "the extension without its dot, e.g. 'py'"},
                 example="file_stats.by_extension('md')")
def by_extension(extension: str) -> Scope:
    """Every file of the workspace with this extension (folders starting with '.' are skipped)."""
    suffix = "." + extension.lstrip(".")
    return Scope.glob("**/*" + suffix, [p for p in plugin.walk() if p.endswith(suffix)])


@plugin.selector(params={"scope": "the files to filter", "size": "a size in bytes"})
def larger_than(scope: Scope, size: int) -> Scope:
    """The files of a scope that are larger than `size` bytes."""
    big = [p for p in scope if os.path.getsize(plugin.path(p)) > size]
    return Scope(scope.kind, scope.arg, big, language=scope.language)


@plugin.check(params={"scope": "the files to check", "limit": "the most lines a file may have (default 500)"})
def max_lines(scope: Scope, limit: int = 500):
    """Every file of the scope has at most `limit` lines."""
    evidence = []
    for path in scope:
        lines = count_lines(path)
        if lines > limit:
            evidence.append(Evidence(path, limit + 1, "%d lines, limit %d" % (lines, limit)))
    if evidence:
        return Fail("%d file(s) longer than %d lines" % (len(evidence), limit), evidence)
    return None


@plugin.check(params={"scope": "the files to count", "limit": "the most files allowed"})
def max_files(scope: Scope, limit: int):
    """The scope holds at most `limit` files."""
    if len(scope) > limit:
        return "%d files, more than %d" % (len(scope), limit)
    return None


@plugin.check(params={"scope": "the files to check"})
def no_empty_files(scope: Scope):
    """No file of the scope is empty."""
    empty = [p for p in scope if os.path.getsize(plugin.path(p)) == 0]
    if empty:
        return Fail("%d empty file(s)" % len(empty), [Evidence(p) for p in empty])
    return None


if __name__ == "__main__":
    plugin.run()
