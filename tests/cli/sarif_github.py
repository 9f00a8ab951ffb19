#!/usr/bin/env python3
"""Checks a SARIF file against the SARIF 2.1.0 schema and against what GitHub
code scanning documents it needs ("SARIF support for code scanning"):

- per rule: id, shortDescription.text, fullDescription.text, help.text (and
  help.markdown here), at most 20 tags, "security" among them, a
  security-severity that is a number in the band of the rule's severity
  (critical over 9.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9), a precision
  of very-high, high, medium or low, and the level matching the severity;
- per result: ruleId naming a rule (and ruleIndex pointing at it),
  message.text, one to ten locations, a location whose artifactLocation.uri is
  relative to the repository root (no scheme, no leading '/', no '..') or an
  absolute file:// URI, a region.startLine of 1 or more, and partialFingerprints;
- per run: automationDetails.id, at most 25,000 results and 25,000 rules.

Usage: sarif_github.py --schema SCHEMA [--absolute] FILE
  --absolute  the URIs must be file:// URIs (memory scans), not relative
Exits 0 when every check passes, 1 with one line per problem otherwise.
"""
import argparse
import json
import sys
import urllib.parse

import jsonschema

BANDS = {"critical": (9.0, 10.0), "high": (7.0, 8.9), "medium": (4.0, 6.9), "low": (0.1, 3.9)}
LEVELS = {"critical": "error", "high": "error", "medium": "warning", "low": "note"}
PRECISIONS = {"very-high", "high", "medium", "low"}


def check_rule(rule, problems):
    rid = rule.get("id", "?")
    for key in ("shortDescription", "fullDescription", "help"):
        if not (rule.get(key) or {}).get("text"):
            problems.append(f"rule {rid}: no {key}.text")
    if not (rule.get("help") or {}).get("markdown"):
        problems.append(f"rule {rid}: no help.markdown")
    props = rule.get("properties") or {}
    tags = props.get("tags") or []
    if "security" not in tags or len(tags) > 20 or len(set(tags)) != len(tags):
        problems.append(f"rule {rid}: tags {tags} (need 'security', distinct, at most 20)")
    sev = props.get("severity")
    try:
        score = float(props.get("security-severity"))
    except (TypeError, ValueError):
        score = None
    if not isinstance(props.get("security-severity"), str) or score is None:
        problems.append(f"rule {rid}: security-severity is not a number in a string")
    elif sev in BANDS and not BANDS[sev][0] <= score <= BANDS[sev][1]:
        problems.append(f"rule {rid}: security-severity {score} is outside the {sev} band")
    if props.get("precision") not in PRECISIONS:
        problems.append(f"rule {rid}: precision {props.get('precision')!r}")
    level = (rule.get("defaultConfiguration") or {}).get("level")
    if sev in LEVELS and level != LEVELS[sev]:
        problems.append(f"rule {rid}: level {level} for severity {sev}")


def check_uri(uri, absolute, where, problems):
    parsed = urllib.parse.urlsplit(uri)
    if absolute:
        if parsed.scheme != "file" or not parsed.path.startswith("/"):
            problems.append(f"{where}: {uri} is not an absolute file:// URI")
        return
    segments = urllib.parse.unquote(parsed.path).split("/")
    if parsed.scheme or uri.startswith("/") or ".." in segments or "." in segments:
        problems.append(f"{where}: {uri} is not relative to the repository root")


def check_result(i, result, rules, absolute, problems):
    where = f"result {i} ({result.get('ruleId')})"
    idx = result.get("ruleIndex")
    ids = [r.get("id") for r in rules]
    if result.get("ruleId") not in ids:
        problems.append(f"{where}: ruleId names no rule")
    elif idx is not None and (idx < 0 or idx >= len(rules) or ids[idx] != result["ruleId"]):
        problems.append(f"{where}: ruleIndex {idx} points at another rule")
    if not (result.get("message") or {}).get("text"):
        problems.append(f"{where}: no message.text")
    fps = result.get("partialFingerprints") or {}
    if not fps or not all(isinstance(v, str) and v for v in fps.values()):
        problems.append(f"{where}: no partialFingerprints")
    locations = result.get("locations") or []
    if not 1 <= len(locations) <= 10:
        problems.append(f"{where}: {len(locations)} locations")
        return
    phys = locations[0].get("physicalLocation") or {}
    uri = (phys.get("artifactLocation") or {}).get("uri")
    if not uri:
        problems.append(f"{where}: no artifactLocation.uri")
    else:
        check_uri(uri, absolute, where, problems)
    if (phys.get("region") or {}).get("startLine", 0) < 1:
        problems.append(f"{where}: no region.startLine")


def check(log, absolute):
    problems = []
    runs = log.get("runs") or []
    if log.get("version") != "2.1.0" or not runs:
        problems.append("not SARIF 2.1.0 with a run")
    for run in runs:
        rules = run["tool"]["driver"].get("rules") or []
        results = run.get("results") or []
        if not (run.get("automationDetails") or {}).get("id"):
            problems.append("run: no automationDetails.id")
        if len(results) > 25000 or len(rules) > 25000:
            problems.append("run: over GitHub's 25,000 results or rules")
        for rule in rules:
            check_rule(rule, problems)
        for i, result in enumerate(results):
            check_result(i, result, rules, absolute, problems)
        fps = [json.dumps(r.get("partialFingerprints"), sort_keys=True) for r in results]
        if len(set(fps)) != len(fps):
            problems.append("run: two results share their partialFingerprints")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--absolute", action="store_true")
    ap.add_argument("file")
    args = ap.parse_args()
    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    with open(args.file, encoding="utf-8") as f:
        log = json.load(f)
    problems = []
    try:
        jsonschema.validate(log, schema)
    except jsonschema.ValidationError as e:
        problems.append(f"schema: {e.message} at {'/'.join(map(str, e.absolute_path))}")
    problems += check(log, args.absolute)
    for p in problems[:40]:
        print(f"sarif_github: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
