#!/usr/bin/env python3
"""The import edges of a Python tree computed with CPython's own `ast` module, resolved with the rules of hie's
python library (docs/stdlib-python.md, "Resolution"), as the reference `hie deps --language python` is compared to.

Usage: python_ast_edges.py ROOT [--roots r1,r2]
Prints JSON: {"edges": [[from, line, to_or_null, module], ...] sorted, "skipped": {path: reason}}.
Files that CPython cannot parse (Python 2 test data, deliberately broken files) or that are not UTF-8 are skipped
and listed: their edges cannot be known from `ast`.
"""
import ast
import json
import os
import sys
import warnings


def walk(root):
    """Every regular file below root, workspace-relative with '/', as hie's workspace walk sees them (symlinks not
    followed or recorded, `.git` and `.hie-cache` never entered)."""
    files, dirs = [], []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if d not in (".git", ".hie-cache")
                       and not os.path.islink(os.path.join(dirpath, d))]
        rel_dir = os.path.relpath(dirpath, root).replace(os.sep, "/")
        rel_dir = "" if rel_dir == "." else rel_dir
        if rel_dir:
            dirs.append(rel_dir)
        for name in filenames:
            full = os.path.join(dirpath, name)
            if os.path.islink(full) or not os.path.isfile(full):
                continue
            files.append(f"{rel_dir}/{name}" if rel_dir else name)
    return sorted(files), sorted(dirs)


class Resolver:
    def __init__(self, python_files, dirs, configured_roots):
        self.files = set(python_files)
        self.roots = [""]
        for root in ["src"] + configured_roots:
            if root and root not in self.roots and root in dirs:
                self.roots.append(root)

    def file_at(self, base, path):
        stem = base + path
        for candidate in ("/__init__.py", "/__init__.pyi", ".py", ".pyi"):
            if stem + candidate in self.files:
                return stem + candidate
        return None

    def module_file(self, dotted):
        path = dotted.replace(".", "/")
        for root in self.roots:
            found = self.file_at(root + "/" if root else "", path)
            if found:
                return found
        return None

    def longest_prefix_file(self, dotted):
        parts = dotted.split(".") if dotted else []
        for count in range(len(parts), 0, -1):
            found = self.module_file(".".join(parts[:count]))
            if found:
                return found
        return None

    def resolve(self, file, kind, level, module, name):
        has_name = kind == "from" and name and name != "*"
        if level == 0:
            if has_name:
                found = self.module_file(module + "." + name)
                if found:
                    return found
            return self.longest_prefix_file(module)
        anchor = os.path.dirname(file)
        for _ in range(1, level):
            if not anchor:
                return None
            anchor = os.path.dirname(anchor)
        base = anchor + "/" if anchor else ""
        segments = module.split(".") if module else []
        if has_name:
            found = self.file_at(base, "/".join(segments + [name]))
            if found:
                return found
        for count in range(len(segments), 0, -1):
            found = self.file_at(base, "/".join(segments[:count]))
            if found:
                return found
        for init in ("__init__.py", "__init__.pyi"):
            if base + init in self.files:
                return base + init
        return None


def imports_of(tree):
    """(kind, level, module, name, line) for every imported name, anywhere in the file."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield "import", 0, alias.name, "", alias.lineno
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                yield "from", node.level, node.module or "", alias.name, alias.lineno


def main():
    root = sys.argv[1]
    configured = []
    if len(sys.argv) > 3 and sys.argv[2] == "--roots":
        configured = [r for r in sys.argv[3].split(",") if r]
    files, dirs = walk(root)
    python_files = [f for f in files if f.endswith(".py") or f.endswith(".pyi")]
    resolver = Resolver(python_files, set(dirs), configured)
    edges, skipped = [], {}
    warnings.simplefilter("ignore")  # invalid escape sequences and the like in old test data
    for file in python_files:
        with open(os.path.join(root, file), "rb") as handle:
            data = handle.read()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            skipped[file] = "not UTF-8"
            continue
        try:
            tree = ast.parse(data, filename=file)
        except (SyntaxError, ValueError) as error:
            skipped[file] = f"{type(error).__name__}: {error}"
            continue
        for kind, level, module, name, line in imports_of(tree):
            target = resolver.resolve(file, kind, level, module, name)
            if target == file:
                continue  # no edge from a file to itself
            edges.append([file, line, target, "." * level + module])
    edges.sort(key=lambda e: (e[0], e[1], e[2] or "", e[3]))
    json.dump({"edges": edges, "skipped": skipped}, sys.stdout, indent=0)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
