#!/usr/bin/env python3
"""Prints the `files:` regular expression of .pre-commit-hooks.yaml: every
path pattern of `airlock surfaces --format json` (the files any agent loads
or runs), as one Python regex that pre-commit matches against each staged
path ('/'-separated, relative to the repository root), ignoring case as
airlock's own matching does.

  contrib/pre-commit/files-regex.py AIRLOCK

tests/integrations-check.sh fails when the file and this output differ.
"""
import json
import re
import subprocess
import sys


def glob_to_regex(pattern):
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def main():
    doc = json.loads(subprocess.run([sys.argv[1], "surfaces", "--format", "json"],
                                    check=True, capture_output=True, text=True).stdout)
    surfaces = doc["surfaces"]
    patterns = sorted({s["pattern"] for s in surfaces})
    print("(?i)^(?:" + "|".join(glob_to_regex(p) for p in patterns) + ")$")


if __name__ == "__main__":
    main()
