#!/usr/bin/env python3
"""Compares airlock with the npm scanners of agent configuration a user might
pick instead, on the detection corpus (fixtures/corpus/) and optionally on the
real documents (every .md under /usr/share, each as a CLAUDE.md):

  ferret-scan 2.10.0      `ferret scan TREE --format json`
  ecc-agentshield 1.6.0   `agentshield scan --path TREE --format json`

Each tool sees each tree on its own, as a project. A verdict of "block" is
any finding of severity high or critical (airlock: what `airlock scan`
exits 1 for). The peers are installed with npm into build/peers/ (network
needed once); they are run with their static analyses only (no --sandbox,
--injection, --opus or threat feeds: nothing in the corpus is executed).
Not part of `make test`.

agentshield also reports, at high, what a CLAUDE.md does not say
("prompt-defense-missing-*": no sentence against instruction overrides,
role escapes, ...). That is advice for hardening a file, not a verdict on
it, so a second column, agentshield*, leaves those findings out.

  python3 bench/peers.py [--docs] [--jobs N] [--json OUT]     (after `make`)
  python3 bench/peers.py --from-json OUT                      (print a saved run again)
"""
import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PEERS = os.path.join(REPO, 'build', 'peers')
PACKAGES = {'ferret-scan': '2.10.0', 'ecc-agentshield': '1.6.0'}
BLOCKING = ('high', 'critical')

spec = importlib.util.spec_from_file_location('airlock_eval', os.path.join(REPO, 'tests', 'eval.py'))
ev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ev)


def installed(pkg, version):
    try:
        with open(os.path.join(PEERS, 'node_modules', pkg, 'package.json')) as f:
            return json.load(f).get('version') == version
    except OSError:
        return False


def install():
    if all(installed(p, v) for p, v in PACKAGES.items()):
        return
    os.makedirs(PEERS, exist_ok=True)
    cmd = ['npm', 'install', '--prefix', PEERS, '--no-audit', '--no-fund', '--no-save'] + \
          ['%s@%s' % pv for pv in PACKAGES.items()]
    print('peers: ' + ' '.join(cmd), file=sys.stderr)
    if subprocess.run(cmd, stdout=subprocess.DEVNULL).returncode != 0:
        sys.exit('peers: npm could not install %s' % ', '.join(PACKAGES))


def tool_cmd(tool, tree):
    b = os.path.join(PEERS, 'node_modules', '.bin')
    if tool == 'ferret':
        return [os.path.join(b, 'ferret'), 'scan', tree, '--format', 'json']
    return [os.path.join(b, 'agentshield'), 'scan', '--path', tree, '--format', 'json']


def verdict(tool, tree):
    """('block' | 'pass' | 'error', rules that blocked)."""
    try:
        r = subprocess.run(tool_cmd(tool, tree), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           timeout=120, cwd=tree, env=dict(os.environ, NO_COLOR='1', CI='1'))
        out = r.stdout.decode('utf-8', 'replace')
        d = json.loads(out[out.index('{'):])
    except (subprocess.TimeoutExpired, ValueError):
        return 'error', []
    rules = sorted({str(f.get('ruleId') or f.get('id') or f.get('title') or '?')
                    for f in d.get('findings', []) if str(f.get('severity', '')).lower() in BLOCKING})
    return ('block' if rules else 'pass'), rules


def airlock_verdicts(cases, airlock, signatures):
    env = dict(os.environ, AIRLOCK_SIGNATURES=signatures, NO_COLOR='1')
    prefix = {c[3] + os.sep: c[3] for c in cases}

    def owner(path):
        for i, ch in enumerate(path):
            if ch == os.sep and path[:i + 1] in prefix:
                return prefix[path[:i + 1]]
        return None
    hits = ev.blocking_rules(ev.scan(airlock, env, [c[3] for c in cases]), owner)
    return {c[3]: ('block' if c[3] in hits else 'pass', sorted(hits.get(c[3], ()))) for c in cases}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--airlock', default=os.path.join(REPO, 'build', 'airlock'))
    ap.add_argument('--signatures', default=os.path.join(REPO, 'build', 'signatures.yarc'))
    ap.add_argument('--corpus', default=os.path.join(REPO, 'fixtures', 'corpus'))
    ap.add_argument('--docs', action='store_true', help='also every .md under /usr/share as a CLAUDE.md')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--json', help='write every verdict here')
    ap.add_argument('--from-json', help='print the results saved by --json, run nothing')
    a = ap.parse_args()
    t0 = time.time()
    cases, problems = ev.load_cases(a.corpus)
    if problems:
        sys.exit('peers: ' + '; '.join(problems[:3]))
    tools = ['airlock', 'ferret', 'agentshield']
    docs_res = {}
    if a.from_json:
        with open(a.from_json) as f:
            saved = json.load(f)
        res = {t: {os.path.join(a.corpus, k): tuple(v) for k, v in saved['corpus'][t].items()}
               for t in tools}
        docs_res = {t: {k: tuple(v) for k, v in r.items()} for t, r in saved['docs'].items()}
    else:
        install()
        res = {'airlock': airlock_verdicts(cases, a.airlock, os.path.abspath(a.signatures))}
        with ThreadPoolExecutor(a.jobs) as pool:
            for tool in tools[1:]:
                res[tool] = dict(zip([c[3] for c in cases],
                                     pool.map(lambda c, t=tool: verdict(t, c[3]), cases)))
    if a.docs and not a.from_json:
        docs = sorted(os.path.join(dp, n) for dp, _, fs in os.walk('/usr/share') for n in fs
                      if n.endswith('.md') and os.path.isfile(os.path.join(dp, n))
                      and not os.path.islink(os.path.join(dp, n)))
        with tempfile.TemporaryDirectory() as tmp:
            trees = []
            for i, d in enumerate(docs):
                t = os.path.join(tmp, '%04d' % i)
                os.mkdir(t)
                shutil.copyfile(d, os.path.join(t, 'CLAUDE.md'))
                trees.append(t)
            fake = [('benign', 'docs', os.path.basename(t), t, '', 'pass') for t in trees]
            docs_res['airlock'] = airlock_verdicts(fake, a.airlock, os.path.abspath(a.signatures))
            with ThreadPoolExecutor(a.jobs) as pool:
                for tool in tools[1:]:
                    docs_res[tool] = dict(zip(trees, pool.map(lambda t, tl=tool: verdict(tl, t), trees)))
            docs_res = {tool: {docs[trees.index(t)]: v for t, v in r.items()} for tool, r in docs_res.items()}

    if a.json:
        with open(a.json, 'w') as f:
            json.dump({'corpus': {t: {os.path.relpath(p, a.corpus): v for p, v in res[t].items()} for t in tools},
                       'docs': docs_res}, f, indent=1)

    # agentshield without its "this file lacks defensive wording" advice
    def advice_only(v):
        rules = [r for r in v[1] if not r.startswith('prompt-defense-missing')]
        return (v[0] if v[0] == 'error' else 'block' if rules else 'pass'), rules
    res['agentshield*'] = {p: advice_only(v) for p, v in res['agentshield'].items()}
    if docs_res:
        docs_res['agentshield*'] = {p: advice_only(v) for p, v in docs_res['agentshield'].items()}
    tools.append('agentshield*')
    rows = defaultdict(lambda: {t: [0, 0] for t in tools})
    errors = defaultdict(int)
    for side, cat, name, path, desc, _ in cases:
        for t in tools:
            v, _ = res[t][path]
            rows[(side, cat)][t][0] += v == 'block'
            rows[(side, cat)][t][1] += 1
            errors[t] += v == 'error'

    print('block = any finding of severity high or critical; detected / false alarms per category\n')
    print('%-8s %-22s %10s %10s %12s %13s' % ('side', 'category', *tools))
    tot = {s: {t: [0, 0] for t in tools} for s in ('attack', 'benign')}
    for (side, cat) in sorted(rows):
        r = rows[(side, cat)]
        print('%-8s %-22s %10s %10s %12s %13s' % (side, cat, *('%d/%d' % tuple(r[t]) for t in tools)))
        for t in tools:
            tot[side][t][0] += r[t][0]
            tot[side][t][1] += r[t][1]
    print()
    print('%-31s %10s %10s %12s %13s' % ('', *tools))
    print('%-31s %10s %10s %12s %13s' % ('detection (attacks blocked)',
                                      *('%.1f%%' % ev.pct(*tot['attack'][t]) for t in tools)))
    print('%-31s %10s %10s %12s %13s' % ('false alarms (benign blocked)',
                                      *('%.1f%%' % ev.pct(*tot['benign'][t]) for t in tools)))
    if docs_res:
        n = len(docs_res['airlock'])
        print('%-31s %10s %10s %12s %13s' % ('false alarms, %d real docs' % n,
                                          *('%.1f%%' % ev.pct(sum(v[0] == 'block' for v in docs_res[t].values()), n)
                                            for t in tools)))
    print('%-31s %10s %10s %12s %13s' % ('tool errors (counted as pass)', *(str(errors[t]) for t in tools)))
    print('(%.0f s; ferret-scan %s, ecc-agentshield %s)' % (time.time() - t0, PACKAGES['ferret-scan'],
                                                          PACKAGES['ecc-agentshield']))


if __name__ == '__main__':
    main()
