#!/usr/bin/env python3
"""Detection quality of airlock: `make eval`, and a step of `make test`.

Scans fixtures/corpus/{attack,benign}/<category>/<case>/ (each tree with a
CASE file: line 1 a description, line 2 `block`, `known-miss <reason>` or
`pass`) and every *.md file under /usr/share as if it were a CLAUDE.md, and
prints per category detected/total, false alarms/total, the rules that made
each verdict, and the false-alarm rate on the real documents.

A tree "blocks" when airlock reports a finding at or above the default block
threshold (high), as `airlock scan` would exit 1 for it.

Fails (exit 1) when:
  - the corpus does not match fixtures/corpus/generate.py, or a case has no
    description or no valid verdict, or either side has fewer than MIN_CASES;
  - detection is below 97%, false alarms on the corpus are above 1%, or false
    alarms on the real documents are above 0.5%;
  - a case marked known-miss is now caught (update its CASE to `block`).

Usage: tests/eval/eval.py [--airlock BIN] [--signatures FILE] [--corpus DIR]
                     [--docs DIR] [--json OUT]
"""
import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict

MIN_CASES = 120
MIN_DETECTION = 0.97
MAX_FALSE_ALARMS = 0.01
MAX_DOC_FALSE_ALARMS = 0.005
BLOCKING = ('high', 'critical')
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def load_cases(corpus):
    """[(side, category, name, path, description, verdict)], [problems]."""
    cases, problems = [], []
    for side in ('attack', 'benign'):
        top = os.path.join(corpus, side)
        for cat in sorted(os.listdir(top)) if os.path.isdir(top) else []:
            for name in sorted(os.listdir(os.path.join(top, cat))):
                path = os.path.join(top, cat, name)
                try:
                    with open(os.path.join(path, 'CASE'), encoding='utf-8') as f:
                        lines = f.read().split('\n')
                except OSError:
                    problems.append('%s: no CASE file' % path)
                    continue
                desc = lines[0].strip() if lines else ''
                verdict = lines[1].strip() if len(lines) > 1 else ''
                ok = verdict in ('block',) or (verdict.startswith('known-miss ') and len(verdict) > 12) \
                    if side == 'attack' else verdict == 'pass'
                if not desc:
                    problems.append('%s: CASE has no description (line 1)' % path)
                if not ok:
                    problems.append('%s: CASE verdict %r is not %s' % (
                        path, verdict, "'block' or 'known-miss <reason>'" if side == 'attack' else "'pass'"))
                cases.append((side, cat, name, path, desc, verdict))
    for side in ('attack', 'benign'):
        n = sum(1 for c in cases if c[0] == side)
        if n < MIN_CASES:
            problems.append('corpus: %d %s cases, at least %d are needed' % (n, side, MIN_CASES))
    return cases, problems


def scan(airlock, env, paths):
    """Findings of one `airlock scan --format json` over paths."""
    if not paths:
        return []
    r = subprocess.run([airlock, 'scan', '--format', 'json'] + paths, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode not in (0, 1):
        sys.exit('eval: airlock scan exited %d: %s' % (r.returncode, r.stderr.decode(errors='replace').strip()))
    return json.loads(r.stdout)['findings']


def blocking_rules(findings, owner):
    """owner(file) -> key; returns key -> sorted set of rules at or above high."""
    out = defaultdict(set)
    for f in findings:
        if f['severity'] in BLOCKING:
            k = owner(f['file'])
            if k is not None:
                out[k].add(f['rule'])
    return out


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--airlock', default=os.path.join(REPO, 'build', 'airlock'))
    ap.add_argument('--signatures', default=os.path.join(REPO, 'build', 'signatures.yarc'))
    ap.add_argument('--corpus', default=os.path.join(REPO, 'fixtures', 'corpus'))
    ap.add_argument('--docs', default='/usr/share')
    ap.add_argument('--json', help='write the measured results here')
    a = ap.parse_args()
    env = dict(os.environ, AIRLOCK_SIGNATURES=os.path.abspath(a.signatures), NO_COLOR='1')
    t0 = time.time()
    failures = []

    gen = subprocess.run([sys.executable, os.path.join(a.corpus, 'generate.py'), '--check'])
    if gen.returncode != 0:
        failures.append('the corpus differs from fixtures/corpus/generate.py')
    cases, problems = load_cases(a.corpus)
    failures += problems

    # One scan for the whole corpus: every finding's file starts with its case path.
    prefix = {c[3] + os.sep: c for c in cases}
    def owner(path):
        for p in [path[:i + 1] for i, ch in enumerate(path) if ch == os.sep]:
            if p in prefix:
                return prefix[p][3]
        return None
    hits = blocking_rules(scan(a.airlock, env, [c[3] for c in cases]), owner)

    docs = []
    for dirpath, _, files in os.walk(a.docs) if os.path.isdir(a.docs) else []:
        docs += [os.path.join(dirpath, n) for n in files
                 if n.endswith('.md') and os.path.isfile(os.path.join(dirpath, n))
                 and not os.path.islink(os.path.join(dirpath, n))]
    docs.sort()
    # Two processes of about the same number of bytes: the documents are the
    # slow part, and a few of them (Node.js's API docs) are most of it.
    parts, size = ([], []), [0, 0]
    for d in sorted(docs, key=os.path.getsize, reverse=True):
        k = 0 if size[0] <= size[1] else 1
        parts[k].append(d)
        size[k] += os.path.getsize(d)
    procs = []
    for part in parts:
        if part:
            procs.append(subprocess.Popen([a.airlock, 'scan', '--format', 'json'] + part, env=env,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE))
    doc_findings = []
    for p in procs:
        out, err = p.communicate()
        if p.returncode not in (0, 1):
            sys.exit('eval: airlock scan of the documents exited %d: %s' % (p.returncode, err.decode(errors='replace').strip()))
        doc_findings += json.loads(out)['findings']
    doc_set = set(docs)
    doc_hits = blocking_rules(doc_findings, lambda f: f if f in doc_set else None)

    # --- tables
    rows = defaultdict(lambda: [0, 0])  # (side, cat) -> [blocked, total]
    rule_attack, rule_benign = Counter(), Counter()
    missed, false_alarms, stale = [], [], []
    for side, cat, name, path, desc, verdict in cases:
        blocked = path in hits
        rows[(side, cat)][1] += 1
        rows[(side, cat)][0] += blocked
        for r in hits.get(path, ()):
            (rule_attack if side == 'attack' else rule_benign)[r] += 1
        if side == 'attack' and not blocked:
            missed.append((cat, name, verdict, desc))
        if side == 'attack' and blocked and verdict.startswith('known-miss'):
            stale.append('%s/%s' % (cat, name))
        if side == 'benign' and blocked:
            false_alarms.append((cat, name, sorted(hits[path]), desc))
    for r in doc_hits.values():
        for rule in r:
            rule_benign['doc:' + rule] += 1

    n_att = sum(v[1] for k, v in rows.items() if k[0] == 'attack')
    n_det = sum(v[0] for k, v in rows.items() if k[0] == 'attack')
    n_ben = sum(v[1] for k, v in rows.items() if k[0] == 'benign')
    n_fa = sum(v[0] for k, v in rows.items() if k[0] == 'benign')

    print('airlock detection quality (block = a finding of severity high or critical)\n')
    print('%-22s %10s    %-22s %13s' % ('attack category', 'detected', 'benign category', 'false alarms'))
    att = sorted(k[1] for k in rows if k[0] == 'attack')
    ben = sorted(k[1] for k in rows if k[0] == 'benign')
    for i in range(max(len(att), len(ben))):
        l = '%-22s %10s' % (att[i], '%d/%d' % tuple(rows[('attack', att[i])])) if i < len(att) else ' ' * 33
        r = '%-22s %13s' % (ben[i], '%d/%d' % tuple(rows[('benign', ben[i])])) if i < len(ben) else ''
        print('%s    %s' % (l, r))
    print('%-22s %10s    %-22s %13s' % ('all attacks', '%d/%d' % (n_det, n_att), 'all benign', '%d/%d' % (n_fa, n_ben)))
    print()
    print('rules that blocked (attack trees / benign trees / real documents):')
    rules = sorted(set(rule_attack) | {r for r in rule_benign if not r.startswith('doc:')}
                   | {r[4:] for r in rule_benign if r.startswith('doc:')})
    for r in rules:
        print('  %-6s %4d %4d %4d' % (r, rule_attack[r], rule_benign[r], rule_benign['doc:' + r]))
    print()
    det, fa, dfa = pct(n_det, n_att), pct(n_fa, n_ben), pct(len(doc_hits), len(docs))
    print('detection               %6.1f%%  (%d/%d; at least %.0f%%)' % (det, n_det, n_att, 100 * MIN_DETECTION))
    print('false alarms, corpus    %6.1f%%  (%d/%d; at most %.0f%%)' % (fa, n_fa, n_ben, 100 * MAX_FALSE_ALARMS))
    if docs:
        print('false alarms, real docs %6.2f%%  (%d/%d .md files under %s; at most %.1f%%)'
              % (dfa, len(doc_hits), len(docs), a.docs, 100 * MAX_DOC_FALSE_ALARMS))
    else:
        print('false alarms, real docs    n/a   (no .md files under %s)' % a.docs)
    for cat, name, verdict, desc in missed:
        print('  missed       %s/%s: %s [%s]' % (cat, name, desc, verdict))
    for cat, name, rs, desc in false_alarms:
        print('  false alarm  %s/%s: %s (%s)' % (cat, name, desc, ' '.join(rs)))
    for d in sorted(doc_hits):
        print('  false alarm  %s (%s)' % (d, ' '.join(sorted(doc_hits[d]))))
    print('(%.1f s)' % (time.time() - t0))

    if n_att and n_det < MIN_DETECTION * n_att:
        failures.append('detection %.1f%% is below %.0f%%' % (det, 100 * MIN_DETECTION))
    if n_fa > MAX_FALSE_ALARMS * n_ben:
        failures.append('false alarms on the corpus %.1f%% are above %.0f%%' % (fa, 100 * MAX_FALSE_ALARMS))
    if len(doc_hits) > MAX_DOC_FALSE_ALARMS * len(docs):
        failures.append('false alarms on the real documents %.2f%% are above %.1f%%' % (dfa, 100 * MAX_DOC_FALSE_ALARMS))
    for s in stale:
        failures.append('%s is marked known-miss but is now caught: make its verdict block' % s)
    if a.json:
        with open(a.json, 'w') as f:
            json.dump({'attacks': n_att, 'detected': n_det, 'benign': n_ben, 'false_alarms': n_fa,
                       'docs': len(docs), 'doc_false_alarms': len(doc_hits),
                       'categories': {'%s/%s' % k: v for k, v in rows.items()},
                       'missed': ['%s/%s' % (c, n) for c, n, _, _ in missed],
                       'false_alarm_cases': ['%s/%s' % (c, n) for c, n, _, _ in false_alarms]}, f, indent=1)
    for m in failures:
        print('eval: FAIL: ' + m, file=sys.stderr)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
