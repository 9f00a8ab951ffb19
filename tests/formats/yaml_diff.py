#!/usr/bin/env python3
"""yaml_diff.py - airlock's YAML reader (formats/yaml.c, through
build/tests/yaml_dump) against an independent one: PyYAML's pure-Python
SafeLoader (not CSafeLoader, which is libyaml itself).

Every file of the corpus (tests/formats/yaml/*.yaml, and *.md read for their
front matter) must give the same tree from both, or be refused by both.
Both apply airlock's deliberate refusals (a key twice in one mapping, a NUL
in a string, an alias inside its own node, a root that is not a mapping);
PyYAML has no such rules of its own, so this script adds them.

PyYAML reads YAML 1.1 and airlock the 1.2 core schema that js-yaml (the
JavaScript agents, gray-matter) applies, so plain scalars such as yes, on,
1e3, 0o17, 017, 1_000 or 2024-01-01 differ. A corpus file where they do has
a comment line "# differs: why" and a NAME.expect file holding airlock's
output; the script checks that airlock gives exactly that and that PyYAML
still reads it otherwise (so a stale .expect is noticed).

    python3 tests/formats/yaml_diff.py build/tests/yaml_dump tests/formats/yaml
"""
import glob
import json
import math
import os
import subprocess
import sys

import yaml

MERGE_TAG = "tag:yaml.org,2002:merge"


class Refused(Exception):
    pass


class StrictLoader(yaml.SafeLoader):
    """SafeLoader plus airlock's rule: a key once per mapping (merged keys
    may be overridden, as YAML 1.1 says)."""

    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, _ in node.value:
                if key_node.tag == MERGE_TAG:
                    continue
                key = js_key(self.construct_object(key_node, deep=True))
                if key in seen:
                    raise Refused("duplicate key %r" % key)
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def js_number(x):
    """A number as JavaScript's String() writes it (the corpus keeps to
    numbers where repr agrees)."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == int(x) and abs(x) < 1e21:
        return str(int(x))
    return repr(x)


def js_key(key):
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return str(key)
    if isinstance(key, float):
        return js_number(key)
    if isinstance(key, str):
        return key
    raise Refused("a mapping key must be a scalar")


def normal(v, open_nodes=()):
    """A value as (type, value) trees, comparable across both readers."""
    if id(v) in open_nodes:
        raise Refused("an alias inside its own node")
    if isinstance(v, bool):
        return ("bool", v)
    if v is None:
        return ("null", None)
    if isinstance(v, int):
        return ("int", v)
    if isinstance(v, float):
        if math.isnan(v):
            return ("str", ".nan")
        if math.isinf(v):
            return ("str", ".inf" if v > 0 else "-.inf")
        return ("float", v)
    if isinstance(v, str):
        if "\0" in v:
            raise Refused("a NUL character in a string")
        return ("str", v)
    inner = open_nodes + (id(v),)
    if isinstance(v, dict):
        out = {}
        for k, item in v.items():
            if isinstance(k, str) and "\0" in k:
                raise Refused("a NUL character in a string")
            out[js_key(k)] = normal(item, inner)
        return ("map", out)
    if isinstance(v, list):
        return ("seq", [normal(item, inner) for item in v])
    return ("other", repr(v))  # timestamps, bytes, sets: YAML 1.1 types


def front_matter(text):
    """The front matter block, or None: a first line of "---", then up to a
    line of "---" or "..." (spaces, tabs and CR allowed after either; a
    UTF-8 byte order mark before the first)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if len(lines) < 2 or lines[0].rstrip(" \t\r") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip(" \t\r") in ("---", "..."):
            return "\n".join(lines[1:i]) + ("\n" if i > 1 else "")
    return None


def pyyaml(path):
    """PyYAML's reading: ("tree", ...), ("none",) or ("invalid", why)."""
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
        if path.endswith(".md"):
            text = front_matter(text)
            if text is None:
                return ("none",)
        data = yaml.load(text, Loader=StrictLoader)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise Refused("not a mapping")
        return ("tree", normal(data))
    except (yaml.YAMLError, Refused, UnicodeDecodeError, RecursionError) as e:
        return ("invalid", str(e).splitlines()[0] if str(e) else type(e).__name__)


def airlock(dump, path):
    args = [dump] + (["--front-matter"] if path.endswith(".md") else []) + [path]
    r = subprocess.run(args, capture_output=True, text=True, timeout=60)
    out = r.stdout.strip()
    if r.returncode not in (0, 1) or r.stderr:
        raise SystemExit("yaml_diff: %s crashed on %s (status %d): %s"
                         % (dump, path, r.returncode, r.stderr.strip()))
    return out


def as_tree(out):
    if out == "NONE":
        return ("none",)
    if out.startswith("INVALID: "):
        return ("invalid", out[len("INVALID: "):])
    return ("tree", normal(json.loads(out)))


def same(a, b):
    if a[0] != b[0]:
        return False
    return a[0] == "invalid" or a == b


def main():
    if len(sys.argv) != 3:
        raise SystemExit("usage: yaml_diff.py YAML_DUMP CORPUS_DIR")
    dump, corpus = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(corpus, "*.yaml")) +
                   glob.glob(os.path.join(corpus, "*.md")))
    failures, agreed, differs = [], 0, 0
    for path in files:
        name = os.path.basename(path)
        out = airlock(dump, path)
        ours, theirs = as_tree(out), pyyaml(path)
        expect = os.path.splitext(path)[0] + ".expect"
        if os.path.exists(expect):
            with open(expect) as f:
                want = f.read().strip()
            if out != want:
                failures.append("%s: airlock gave %s, %s says %s" % (name, out, expect, want))
            elif same(ours, theirs):
                failures.append("%s: PyYAML now agrees; drop %s" % (name, expect))
            else:
                differs += 1
            continue
        if not same(ours, theirs):
            failures.append("%s:\n  airlock %s\n  PyYAML  %s" % (name, out, theirs))
        else:
            agreed += 1
    for f in failures:
        print("yaml_diff: " + f, file=sys.stderr)
    print("yaml_diff: %d files: %d read alike by airlock and PyYAML, %d documented "
          "differences (YAML 1.2 core against 1.1), %d failures"
          % (len(files), agreed, differs, len(failures)))
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main())
