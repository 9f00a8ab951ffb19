#!/usr/bin/env python3
"""The TOML reader (formats/toml.c) against Python's tomllib, file by file.

Every tests/formats/toml/*.toml goes through both: doc_dump (the tree as
JSON, or "INVALID: why") and tomllib. They must agree on valid or invalid,
and on the value: a date or time is the text airlock keeps, which tomllib
must read back as the same value; inf and nan are the strings "inf",
"-inf" and "nan"; floats are compared as numbers (sign of zero included).
The file name says what both must say: valid-*, invalid-*; diverge-* are
the documented differences (airlock refuses what tomllib takes: integers
past 64 bits, which TOML itself says to refuse, a key holding U+0000, and
nesting past LIMIT_JSON_DEPTH),
asserted so that the list stays true.

    tests/formats/toml_diff.py --dump build/tests/doc_dump [DIR]
"""
import argparse
import datetime
import json
import math
import os
import subprocess
import sys
import tomllib


def ours(dump, path):
    r = subprocess.run([dump, "toml", path], capture_output=True, text=True)
    if r.returncode == 1 and r.stdout.startswith("INVALID: "):
        return False, r.stdout[len("INVALID: "):].strip()
    if r.returncode != 0:
        raise SystemExit(f"{path}: doc_dump failed ({r.returncode}): {r.stderr.strip()}")
    return True, json.loads(r.stdout)


def theirs(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        return True, tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        return False, str(e)


def differ(a, b, where):
    """Where our value `a` differs from tomllib's `b`, or None."""
    if isinstance(b, (datetime.datetime, datetime.date, datetime.time)):
        if not isinstance(a, str):
            return f"{where}: {a!r} for the date/time {b!r}"
        back = tomllib.loads(f"x = {a}")["x"]
        same = type(back) is type(b) and back == b
        if same and isinstance(b, (datetime.datetime, datetime.time)):
            same = back.utcoffset() == b.utcoffset() if isinstance(b, datetime.datetime) else True
        return None if same else f"{where}: {a!r} reads back as {back!r}, not {b!r}"
    if isinstance(b, float) and (math.isinf(b) or math.isnan(b)):
        want = "nan" if math.isnan(b) else ("inf" if b > 0 else "-inf")
        return None if a == want else f"{where}: {a!r} for {b!r}"
    if type(a) is not type(b):
        return f"{where}: {a!r} ({type(a).__name__}) for {b!r} ({type(b).__name__})"
    if isinstance(b, dict):
        if set(a) != set(b):
            return f"{where}: keys {sorted(a)} for {sorted(b)}"
        for k in b:
            d = differ(a[k], b[k], f"{where}.{k}")
            if d:
                return d
        return None
    if isinstance(b, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} items for {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = differ(x, y, f"{where}[{i}]")
            if d:
                return d
        return None
    if isinstance(b, float):
        same = a == b and math.copysign(1, a) == math.copysign(1, b)
        return None if same else f"{where}: {a!r} for {b!r}"
    return None if a == b else f"{where}: {a!r} for {b!r}"


def emitted(dump, path):
    """The tree as al_doc_emit writes it, read back, or None."""
    r = subprocess.run([dump, "--emit", "toml", path], capture_output=True, text=True)
    if r.returncode != 0:
        return None
    text = r.stdout.rsplit("\n", 2)[0]  # the last line is the line map
    return json.loads(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dump", required=True)
    ap.add_argument("dir", nargs="?", default=os.path.join(os.path.dirname(__file__), "toml"))
    args = ap.parse_args()
    names = sorted(n for n in os.listdir(args.dir) if n.endswith(".toml"))
    failures = []
    counts = {"valid": 0, "invalid": 0, "diverge": 0}
    for name in names:
        path = os.path.join(args.dir, name)
        expect = name.split("-", 1)[0]
        if expect not in counts:
            failures.append(f"{name}: the name must start with valid-, invalid- or diverge-")
            continue
        counts[expect] += 1
        ok_a, a = ours(args.dump, path)
        ok_b, b = theirs(path)
        if expect == "valid" and not (ok_a and ok_b):
            failures.append(f"{name}: should be valid; airlock: {a if not ok_a else 'valid'}; "
                            f"tomllib: {b if not ok_b else 'valid'}")
        elif expect == "invalid" and (ok_a or ok_b):
            failures.append(f"{name}: should be invalid; airlock: {'valid' if ok_a else a}; "
                            f"tomllib: {'valid' if ok_b else b}")
        elif expect == "diverge" and (ok_a or not ok_b):
            failures.append(f"{name}: airlock should refuse what tomllib reads; airlock: "
                            f"{'valid' if ok_a else a}; tomllib: {'valid' if ok_b else b}")
        elif expect == "valid":
            d = differ(a, b, "$")
            if d:
                failures.append(f"{name}: {d}")
            elif emitted(args.dump, path) != a:
                failures.append(f"{name}: the emitted JSON does not read back as the tree")
        elif expect == "invalid" and not a.startswith("line "):
            failures.append(f"{name}: the reason names no line: {a}")
    for f in failures:
        print("toml-diff:", f, file=sys.stderr)
    print(f"toml-diff: {len(names)} documents ({counts['valid']} valid, {counts['invalid']} invalid, "
          f"{counts['diverge']} documented differences), {len(failures)} disagreements with tomllib")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
