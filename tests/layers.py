#!/usr/bin/env python3
"""make check-layers: the library's folders form layers, and nothing runs in a circle.

Checked from the sources (and, when given, the built objects):
  1. each folder includes only the folders allowed below it (LAYERS);
     nothing but cli/ includes cli/, and cli/ includes only the public header;
  2. no import circle between modules (a module is x.c with its x.h);
  3. with --objects DIR: no call circle between modules, read from the
     objects' symbol tables (a call through a pointer is not seen, an include
     is), and every global symbol a library object defines is airlock_* or al_*;
  4. no two source files share a name.
Exit 0 when all hold; otherwise one line per breach and exit 1.
"""
import argparse
import os
import re
import subprocess
import sys

# folder -> the folders its files may include (besides itself and
# include/airlock.h). The order of the table is the order of the layers.
LAYERS = {
    "common": [],
    "formats": ["common"],
    "surfaces": ["common"],
    "trust": ["common"],
    "sandbox": ["common"],
    "scanners": ["common", "formats", "surfaces"],
    "snapshot": ["common", "formats", "surfaces"],
    "config": ["common", "formats", "surfaces", "snapshot", "scanners"],
    "scan": ["common", "formats", "surfaces", "snapshot", "scanners", "sandbox"],
    "memory": ["common", "formats", "surfaces", "snapshot", "scanners", "sandbox", "scan"],
    "api": ["common", "formats", "surfaces", "snapshot", "scanners", "sandbox", "scan", "trust", "config",
            "memory"],
    "cli": [],
}
PUBLIC = "airlock.h"
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SYMBOL_PREFIXES = ("airlock_", "al_")


def sources(root):
    for folder in LAYERS:
        d = os.path.join(root, folder)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith((".c", ".h")):
                yield folder, f"{folder}/{name}"


def module(path):
    return os.path.splitext(path)[0]


def find_cycle(graph):
    """One cycle of graph (node -> set of nodes) as a list, or None."""
    white, grey, black = 0, 1, 2
    colour = {n: white for n in graph}
    stack = []

    def visit(n):
        colour[n] = grey
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if colour.get(m, white) == grey:
                return stack[stack.index(m):] + [m]
            if colour.get(m, white) == white:
                colour.setdefault(m, white)
                found = visit(m)
                if found:
                    return found
        stack.pop()
        colour[n] = black
        return None

    for n in sorted(graph):
        if colour[n] == white:
            found = visit(n)
            if found:
                return found
    return None


def check_includes(root, errors):
    graph = {}
    for folder, path in sources(root):
        with open(os.path.join(root, path), encoding="utf-8") as f:
            text = f.read()
        deps = graph.setdefault(module(path), set())
        for inc in INCLUDE.findall(text):
            if inc == PUBLIC:
                continue
            target = inc.split("/", 1)[0] if "/" in inc else None
            if folder == "cli":
                if inc.startswith("cli/"):
                    deps.add(module(inc))
                    continue
                errors.append(f"{path}: includes {inc}; cli/ may include only {PUBLIC}")
                continue
            if target is None or target not in LAYERS:
                errors.append(f"{path}: includes {inc}, which is no folder of the library")
                continue
            if target != folder and target not in LAYERS[folder]:
                errors.append(f"{path}: includes {inc}, above or beside {folder}/ "
                              f"(allowed: {', '.join(LAYERS[folder]) or 'nothing'})")
            if module(inc) != module(path):
                deps.add(module(inc))
    cycle = find_cycle(graph)
    if cycle:
        errors.append("include circle: " + " -> ".join(cycle))


def defined_and_used(obj):
    out = subprocess.run(["nm", obj], capture_output=True, text=True, check=True).stdout
    defined, used = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "U":
            used.add(parts[1])
        elif len(parts) == 3 and parts[1] in "TDBRC":
            defined.add(parts[2])
    return defined, used


def check_objects(root, objdir, errors):
    owner, uses = {}, {}
    for folder, path in sources(root):
        if folder == "cli" or not path.endswith(".c"):
            continue
        obj = os.path.join(objdir, module(path) + ".o")
        if not os.path.exists(obj):
            errors.append(f"{obj}: missing; build first")
            continue
        defined, used = defined_and_used(obj)
        for sym in defined:
            owner[sym] = module(path)
            # names the compiler makes (__odr_asan.x under ASan) are not ours
            if not sym.startswith(SYMBOL_PREFIXES) and not sym.startswith("__"):
                errors.append(f"{path}: defines the global symbol {sym} without the "
                              f"al_ prefix")
        uses[module(path)] = used
    graph = {m: {owner[s] for s in used if s in owner and owner[s] != m}
             for m, used in uses.items()}
    cycle = find_cycle(graph)
    if cycle:
        errors.append("call circle: " + " -> ".join(cycle))
    # the layer rule again, on calls
    for m, deps in graph.items():
        folder = m.split("/", 1)[0]
        for d in sorted(deps):
            target = d.split("/", 1)[0]
            if target != folder and target not in LAYERS[folder]:
                errors.append(f"{m}.c: calls into {d}.c, above or beside {folder}/")


def check_names(root, errors):
    seen = {}
    for top, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in (".git", "build", "fixtures")]
        for name in files:
            if name.endswith((".c", ".h")):
                rel = os.path.relpath(os.path.join(top, name), root)
                if name in seen:
                    errors.append(f"{rel}: same name as {seen[name]}")
                else:
                    seen[name] = rel


def self_test():
    """Each rule on a small tree made to break it: the check must say so."""
    import shutil
    import tempfile

    files = {
        "common/low.c": '#include "scanners/up.h"\nint al_low(void) { return 0; }\n',
        "common/ping.c": '#include "common/pong.h"\nint al_pong(int n);\n'
                         "int al_ping(int n) { return n ? al_pong(n - 1) : 0; }\n",
        "common/pong.c": '#include "common/ping.h"\nint al_ping(int n);\n'
                         "int al_pong(int n) { return n ? al_ping(n - 1) : 0; }\n"
                         "int unprefixed = 1;\n",
        "common/ping.h": "", "common/pong.h": "",
        "scanners/up.h": "",
        "scanners/low.c": "int al_other(void) { return 1; }\n",
        "cli/main.c": '#include "common/ping.h"\nint main(void) { return 0; }\n',
    }
    expected = ["common/low.c: includes scanners/up.h, above or beside common/",
                "include circle: common/ping -> common/pong -> common/ping",
                "cli/main.c: includes common/ping.h; cli/ may include only airlock.h",
                "low.c: same name as ",
                "call circle: common/ping -> common/pong -> common/ping",
                "common/pong.c: defines the global symbol unprefixed without the al_ prefix"]
    tmp = tempfile.mkdtemp()
    try:
        for rel, text in files.items():
            os.makedirs(os.path.join(tmp, os.path.dirname(rel)), exist_ok=True)
            with open(os.path.join(tmp, rel), "w", encoding="utf-8") as f:
                f.write(text)
        objdir = os.path.join(tmp, "obj")
        for rel in files:
            if rel.endswith(".c") and not rel.startswith("cli/"):
                obj = os.path.join(objdir, module(rel) + ".o")
                os.makedirs(os.path.dirname(obj), exist_ok=True)
                subprocess.run(["cc", "-c", "-I", tmp, "-o", obj, os.path.join(tmp, rel)],
                               check=True)
        errors = []
        check_includes(tmp, errors)
        check_names(tmp, errors)
        check_objects(tmp, objdir, errors)
    finally:
        shutil.rmtree(tmp)
    missed = [e for e in expected if not any(e in got for got in errors)]
    for e in missed:
        print(f"check-layers: self-test: not caught: {e}", file=sys.stderr)
    if missed:
        print("check-layers: self-test: it said: " + " | ".join(errors), file=sys.stderr)
        return 1
    print(f"check-layers: self-test: all {len(expected)} breaches caught")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=".", help="the source tree (default: .)")
    ap.add_argument("--objects", help="the objects' folder (build/obj) for the call check")
    ap.add_argument("--self-test", action="store_true",
                    help="break each rule in a scratch tree and check that it is caught")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    errors = []
    check_includes(args.root, errors)
    check_names(args.root, errors)
    if args.objects:
        check_objects(args.root, args.objects, errors)
    for e in errors:
        print(f"check-layers: {e}", file=sys.stderr)
    if errors:
        return 1
    print(f"check-layers: {len(LAYERS)} layers, no upward include, no circle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
