#!/usr/bin/env python3
"""Detection on the probe texts of tests/eval/probe_cases.py, written here
after the rules and before the intent analysis: `make eval` prints it.

Each text is placed in a carrier of its own (rotating CLAUDE.md, AGENTS.md,
a Cursor rule, a skill, a command and a memory note) in a temporary folder
and scanned as `airlock scan` would; a case is detected when the scan exits 1.
The development half (odd case numbers) and the test half (even) are counted
apart; only the development half's misses are listed by number. Batch 2 was
written after the intent analysis (and since tuned on). Batches 6, 14, 15
and 16 are held out: helpers that had seen no rule, fixture or other batch
wrote them, and only their counts are printed. Batches 3 and 4 (held out
until 2026-12-01, 16/20 and 13/20), 5, 7 and 8 (blind, 8/20 and 8/20 when
first measured), 11 and 12 (blind, 11/20 and 10/20), 9 and 10 (held out
until the sixth session of 2026-12-01, 10/20 and 11/20), 13, 17, 18 and 19
(blind, 10/20, 15/20, 13/20 and 7/20) have been tuned on since their first
measurement.

Usage: tests/eval/probe.py [--airlock BIN] [--signatures FILE] [--all]
  --all   list the test half's misses too (do not use while tuning)
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import probe_cases  # noqa: E402


def scan(airlock, env, root, rel):
    memory = rel.startswith('memory/')
    cmd = [airlock, 'scan', '--format', 'json']
    cmd += ['--memory', '--no-cache', os.path.join(root, 'memory')] if memory else [root]
    r = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode not in (0, 1):
        sys.exit('probe: %s: exit %d: %s' % (rel, r.returncode, r.stderr.decode(errors='replace').strip()))
    rules = sorted({f['rule'] for f in json.loads(r.stdout)['findings']
                    if f['severity'] in ('high', 'critical')})
    return r.returncode == 1, rules


def run(airlock, env, texts, tmp, tag):
    out = []
    for i, text in enumerate(texts, 1):
        rel = probe_cases.CARRIERS[(i - 1) % len(probe_cases.CARRIERS)]
        root = os.path.join(tmp, '%s%02d' % (tag, i))
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            if rel.endswith('SKILL.md'):
                f.write('---\nname: helper\ndescription: project helper\n---\n\n')
            f.write(text)
        out.append((i, rel) + scan(airlock, env, root, rel))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--airlock', default=os.path.join(REPO, 'build', 'airlock'))
    ap.add_argument('--signatures', default=os.path.join(REPO, 'build', 'signatures.yarc'))
    ap.add_argument('--all', action='store_true')
    a = ap.parse_args()
    env = dict(os.environ, AIRLOCK_SIGNATURES=os.path.abspath(a.signatures), NO_COLOR='1',
               AIRLOCK_CACHE_DIR='', AIRLOCK_CONFIG='')
    with tempfile.TemporaryDirectory(prefix='airlock-probe-') as tmp:
        attacks = run(a.airlock, env, probe_cases.ATTACKS, tmp, 'a')
        benign = run(a.airlock, env, probe_cases.BENIGN, tmp, 'b')
    for half, parity in (('development', 1), ('test', 0)):
        cases = [c for c in attacks if c[0] % 2 == parity]
        hit = [c for c in cases if c[2]]
        print('probe: %s half: %d/%d attacks detected' % (half, len(hit), len(cases)))
        if parity == 1 or a.all:
            for i, rel, _, _ in (c for c in cases if not c[2]):
                print('  missed #%d (%s)' % (i, rel))
    fb = [c for c in benign if c[2]]
    print('probe: near misses blocked: %d/%d' % (len(fb), len(benign)))
    for i, rel, _, rules in fb:
        print('  blocked benign #%d (%s): %s' % (i, rel, ' '.join(rules)))
    # (batch, how it stands, whether its misses may be listed by case)
    batches = (
        (2, '9/20 when first measured; since tuned on', False),
        (3, '16/20 while held out; tuned on since 2026-12-01 (fifth session)', True),
        (4, '13/20 while held out; tuned on since 2026-12-01 (fifth session)', True),
        (5, '7/20 when first measured; since tuned on', True),
        (6, 'held out, written blind by a helper', False),
        (7, '8/20 when first measured, written blind; since tuned on', True),
        (8, '8/20 when first measured, written blind; since tuned on', True),
        (9, '10/20 while held out; tuned on since 2026-12-01 (sixth session)', True),
        (10, '11/20 while held out; tuned on since 2026-12-01 (sixth session)', True),
        (11, '11/20 when first measured, written blind; since tuned on', True),
        (12, '10/20 and 3/10 near misses when first measured, written blind; since tuned on', True),
        (13, '10/20 and 0/10 near misses when first measured, written blind; since tuned on', True),
        (17, '15/20 and 2/10 near misses when first measured (the starting build of that session: 13/20, 2/10), written blind; since tuned on', True),
        (18, '13/20 and 1/10 near misses when first measured (the starting build of that session: 13/20), written blind; since tuned on', True),
        (14, 'held out, written blind by a helper: 9/20 and 2/10 near misses when measured once at the end of the sixth session (its starting build: 6/20, 2/10)', False),
        (15, 'held out, written blind by a helper: 13/20 and 1/10 when measured once at the end of the sixth session (its starting build: 12/20, 1/10)', False),
        (16, 'held out, written blind by a helper: 13/20 and 2/10 when measured once at the end of the sixth session (its starting build: 9/20, 2/10)', False),
        (19, '7/20 and 1/10 near misses when first measured (the starting build of that session: 4/20), written blind; since tuned on', True),
    )
    results = {}
    for n, status, open_misses in batches:
        with tempfile.TemporaryDirectory(prefix='airlock-probe-') as tmp:
            atk = run(a.airlock, env, getattr(probe_cases, 'ATTACKS%d' % n), tmp, 'a%d' % n)
            ben = run(a.airlock, env, getattr(probe_cases, 'BENIGN%d' % n), tmp, 'b%d' % n)
        results[n] = (atk, ben)
        print('probe: batch %d (%s): %d/%d attacks detected, %d/%d near misses blocked' % (
            n, status, sum(1 for c in atk if c[2]), len(atk), sum(1 for c in ben if c[2]), len(ben)))
        if open_misses:
            for i, rel, hit, rules in atk:
                if not hit:
                    print('  batch %d missed #%d (%s)' % (n, i, rel))
            for i, rel, hit, rules in ben:
                if hit:
                    print('  batch %d blocked near miss #%d (%s): %s' % (n, i, rel, ' '.join(rules)))
    if a.all:
        attacks2, benign2 = results[2]
        for i, rel, hit, rules in attacks2 + benign2:
            print('  batch 2 #%d (%s): %s %s' % (i, rel, 'blocked' if hit else 'passed', ' '.join(rules)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
