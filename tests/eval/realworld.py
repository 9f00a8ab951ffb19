#!/usr/bin/env python3
"""Detection on material nobody here wrote: the second part of `make eval`.

Reads ../shared/realworld (or --realworld DIR, or $AIRLOCK_REALWORLD) at run
time; nothing of it is copied into the repository. The folder holds

  attacks/<case>/...   public prompt-injection cases, each placed where an
                       agent loads it; attacks.tsv: case, source_repo, commit,
                       source_path, family, carrier, tag (clear|contextual)
  benign/<case>/...    real agent configurations from public repositories;
                       benign.tsv: case, repo, commit, kind, review

Each case folder is scanned with `airlock scan` (two at a time; a memory note
with `airlock scan --memory`, as memory is scanned); exit 1 is a
block at the default threshold (high). Prints detection per tag and family,
per-rule counts, and every benign block with its files, rules and the
reviewer's note, and writes the same as Markdown to build/eval/realworld.md.

When the folder is absent (a clone without the shared corpora) it says so and
exits 0. It measures; it never fails on the numbers (exit 1 only when a scan
itself fails).

Usage: tests/eval/realworld.py [--airlock BIN] [--signatures FILE]
                               [--realworld DIR] [--out FILE] [--json FILE]
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

BLOCKING = ('high', 'critical')
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
WORKERS = 2


def read_tsv(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_MINIMAL))


def scan(airlock, env, path, memory):
    """(exit code, findings) of one `airlock scan --format json PATH`; a
    memory note (carrier `memory`) is scanned as agents' memory is, with
    --memory (its own state directory, no cache)."""
    cmd = [airlock, 'scan'] + (['--memory', '--no-cache'] if memory else []) + ['--format', 'json', path]
    r = subprocess.run(cmd, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode not in (0, 1):
        return r.returncode, r.stderr.decode(errors='replace').strip()
    return r.returncode, json.loads(r.stdout)['findings']


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--airlock', default=os.path.join(REPO, 'build', 'airlock'))
    ap.add_argument('--signatures', default=os.path.join(REPO, 'build', 'signatures.yarc'))
    ap.add_argument('--realworld', default=os.environ.get('AIRLOCK_REALWORLD')
                    or os.path.join(os.path.dirname(REPO), 'shared', 'realworld'))
    ap.add_argument('--out', default=os.path.join(REPO, 'build', 'eval', 'realworld.md'))
    ap.add_argument('--json', help='also write every case\'s verdict and findings here')
    a = ap.parse_args()
    rw = a.realworld
    if not (os.path.isfile(os.path.join(rw, 'attacks.tsv')) and os.path.isfile(os.path.join(rw, 'benign.tsv'))):
        print('eval: realworld: %s is absent (no attacks.tsv / benign.tsv): skipped' % rw)
        return 0
    env = dict(os.environ, AIRLOCK_SIGNATURES=os.path.abspath(a.signatures), NO_COLOR='1')
    t0 = time.time()
    attacks = read_tsv(os.path.join(rw, 'attacks.tsv'))
    benign = read_tsv(os.path.join(rw, 'benign.tsv'))
    jobs = [('attack', r) for r in attacks] + [('benign', r) for r in benign]
    paths = [os.path.join(rw, 'attacks' if side == 'attack' else 'benign', r['case']) for side, r in jobs]
    memory = [side == 'attack' and r.get('carrier') == 'memory' for side, r in jobs]
    with tempfile.TemporaryDirectory() as state:
        env['XDG_STATE_HOME'] = state
        with ThreadPoolExecutor(WORKERS) as ex:
            results = list(ex.map(lambda pm: scan(a.airlock, env, pm[0], pm[1]), zip(paths, memory)))
    bad = [(p, r[1]) for p, r in zip(paths, results) if r[0] not in (0, 1)]
    for p, err in bad:
        print('eval: realworld: airlock scan %s failed: %s' % (p, err), file=sys.stderr)

    tag_rows = defaultdict(lambda: [0, 0])
    fam_rows = defaultdict(lambda: [0, 0])
    carrier_rows = defaultdict(lambda: [0, 0])
    source_rows = defaultdict(lambda: [0, 0])
    rule_att, rule_ben = Counter(), Counter()
    ben_blocks, cases_out = [], []
    n_ben = 0
    for (side, row), path, (rc, findings) in zip(jobs, paths, results):
        if rc not in (0, 1):
            continue
        blocked = rc == 1
        rules = sorted({f['rule'] for f in findings if f['severity'] in BLOCKING})
        cases_out.append({'side': side, 'case': row['case'], 'blocked': blocked, 'rules': rules,
                          'findings': findings})
        if side == 'attack':
            for rows, key in ((tag_rows, row['tag']), (fam_rows, (row['family'], row['tag'])),
                              (carrier_rows, row['carrier']),
                              (source_rows, (row['source_repo'], row['tag']))):
                rows[key][0] += blocked
                rows[key][1] += 1
            for r in rules:
                rule_att[r] += 1
        else:
            n_ben += 1
            for r in rules:
                rule_ben[r] += 1
            if blocked:
                where = sorted({'%s:%d %s' % (f['file'], f['line'], f['rule'])
                                for f in findings if f['severity'] in BLOCKING})
                ben_blocks.append((row['case'], rules, where, row.get('review', '') or ''))

    lines = []
    out = lines.append
    out('# airlock on ../shared/realworld')
    out('')
    out('A case is blocked when `airlock scan` exits 1 (a finding of severity high or critical).')
    out('')
    out('| tag | blocked | rate |')
    out('|---|---|---|')
    for tag in sorted(tag_rows):
        b, n = tag_rows[tag]
        out('| %s | %d/%d | %.1f %% |' % (tag, b, n, pct(b, n)))
    out('| benign (blocked) | %d/%d | %.2f %% |' % (len(ben_blocks), n_ben, pct(len(ben_blocks), n_ben)))
    out('')
    out('| family | tag | blocked |')
    out('|---|---|---|')
    for fam, tag in sorted(fam_rows):
        b, n = fam_rows[(fam, tag)]
        out('| %s | %s | %d/%d (%.0f %%) |' % (fam, tag, b, n, pct(b, n)))
    out('')
    # The rules are written by hand, not fitted: each source is in effect
    # held out from the others; the per-source rows show how evenly they
    # generalise.
    out('| source | tag | blocked |')
    out('|---|---|---|')
    for src, tag in sorted(source_rows):
        b, n = source_rows[(src, tag)]
        out('| %s | %s | %d/%d (%.0f %%) |' % (src, tag, b, n, pct(b, n)))
    out('')
    out('| carrier | blocked |')
    out('|---|---|')
    for c in sorted(carrier_rows):
        b, n = carrier_rows[c]
        out('| %s | %d/%d |' % (c, b, n))
    out('')
    out('| rule | attack cases | benign cases |')
    out('|---|---|---|')
    for r in sorted(set(rule_att) | set(rule_ben)):
        out('| %s | %d | %d |' % (r, rule_att[r], rule_ben[r]))
    out('')
    out('## Benign cases blocked')
    out('')
    for case, rules, where, review in ben_blocks:
        out('- **%s** (%s)%s' % (case, ' '.join(rules), ': review: ' + review if review else ''))
        for w in where[:8]:
            out('  - %s' % w)
        if len(where) > 8:
            out('  - ... %d more' % (len(where) - 8))
    out('')
    out('(%d cases in %.1f s, %d workers)' % (len(paths), time.time() - t0, WORKERS))
    text = '\n'.join(lines) + '\n'
    print(text, end='')
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, 'w', encoding='utf-8') as f:
        f.write(text)
    if a.json:
        with open(a.json, 'w', encoding='utf-8') as f:
            json.dump(cases_out, f, indent=1)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
