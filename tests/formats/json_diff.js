#!/usr/bin/env node
// The JSON and JSONC reader (formats/json.c) against what the agents do.
//
// tests/formats/json/*.json: airlock (doc_dump) against Node's own
// JSON.parse of the file read as UTF-8, as Claude Code reads its settings.
// They must agree on valid or invalid and on the value, where a lone
// surrogate is U+FFFD for airlock and a number past the double range the
// string "inf" or "-inf" (formats/json.c says why). The file name says what
// both must say: valid-*, invalid-*; diverge-* are airlock's deliberate
// refusals of what JSON.parse takes (duplicate keys, a key holding U+0000,
// nesting past LIMIT_JSON_DEPTH, a root that is no object), asserted so that
// the list stays true.
//
// tests/formats/jsonc/*.jsonc: airlock against the tree written by hand in
// the .expect file next to each (or INVALID), as VS Code's jsonc-parser
// reads it; and d->json, the text with comments and trailing commas
// blanked, must be plain JSON that JSON.parse reads as the same tree, with
// every byte where it was.
//
//   node tests/formats/json_diff.js build/tests/doc_dump
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const dump = process.argv[2];
const here = __dirname;
const failures = [];

function ours(kind, file, emit) {
  const args = emit ? ['--emit', kind, file] : [kind, file];
  const r = spawnSync(dump, args, { encoding: 'buffer' });
  const out = r.stdout.toString('utf8');
  if (r.status === 1 && out.startsWith('INVALID: ')) return { ok: false, why: out.slice(9).trim() };
  if (r.status !== 0) throw new Error(`${file}: doc_dump failed (${r.status}): ${r.stderr}`);
  return { ok: true, value: emit ? r.stdout : JSON.parse(out) };
}

function node(file) {
  try {
    return { ok: true, value: JSON.parse(fs.readFileSync(file, 'utf8')) };
  } catch (e) {
    return { ok: false, why: e.message };
  }
}

// What airlock keeps of a value JSON.parse made.
function normal(v) {
  if (typeof v === 'string')
    return v.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  if (typeof v === 'number' && !Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Array.isArray(v)) return v.map(normal);
  if (v && typeof v === 'object') {
    const o = Object.create(null); // so that "__proto__" is a key like any other
    for (const k of Object.keys(v)) o[normal(k)] = normal(v[k]);
    return o;
  }
  return v;
}

function differ(a, b, where) {
  if (Array.isArray(b)) {
    if (!Array.isArray(a) || a.length !== b.length) return `${where}: ${JSON.stringify(a)} for ${JSON.stringify(b)}`;
    for (let i = 0; i < b.length; i++) {
      const d = differ(a[i], b[i], `${where}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (b && typeof b === 'object') {
    if (!a || typeof a !== 'object' || Array.isArray(a)) return `${where}: ${JSON.stringify(a)} for an object`;
    const ka = Object.keys(a).sort(), kb = Object.keys(b).sort();
    if (JSON.stringify(ka) !== JSON.stringify(kb)) return `${where}: keys ${ka} for ${kb}`;
    for (const k of kb) {
      const d = differ(a[k], b[k], `${where}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${where}: ${JSON.stringify(a)} for ${JSON.stringify(b)}`;
}

function kindOf(name) {
  return name.split('-', 1)[0];
}

let n = 0;
for (const name of fs.readdirSync(path.join(here, 'json')).filter((f) => f.endsWith('.json')).sort()) {
  const file = path.join(here, 'json', name);
  const expect = kindOf(name);
  const a = ours('json', file), b = node(file);
  n++;
  if (expect === 'valid' && !(a.ok && b.ok)) failures.push(`${name}: should be valid; airlock: ${a.ok ? 'valid' : a.why}; JSON.parse: ${b.ok ? 'valid' : b.why}`);
  else if (expect === 'invalid' && (a.ok || b.ok)) failures.push(`${name}: should be invalid; airlock: ${a.ok ? 'valid' : a.why}; JSON.parse: ${b.ok ? 'valid' : b.why}`);
  else if (expect === 'diverge' && (a.ok || !b.ok)) failures.push(`${name}: airlock should refuse what JSON.parse reads; airlock: ${a.ok ? 'valid' : a.why}; JSON.parse: ${b.ok ? 'valid' : b.why}`);
  else if (!['valid', 'invalid', 'diverge'].includes(expect)) failures.push(`${name}: the name must start with valid-, invalid- or diverge-`);
  else if (expect === 'valid') {
    const d = differ(a.value, normal(b.value), '$');
    if (d) failures.push(`${name}: ${d}`);
  }
}

for (const name of fs.readdirSync(path.join(here, 'jsonc')).filter((f) => f.endsWith('.jsonc')).sort()) {
  const file = path.join(here, 'jsonc', name);
  const want = fs.readFileSync(file.replace(/\.jsonc$/, '.expect'), 'utf8').trim();
  const a = ours('jsonc', file);
  n++;
  if (want === 'INVALID') {
    if (a.ok) failures.push(`${name}: should be invalid; airlock: valid`);
    continue;
  }
  if (!a.ok) {
    failures.push(`${name}: should be valid; airlock: ${a.why}`);
    continue;
  }
  const d = differ(a.value, JSON.parse(want), '$');
  if (d) {
    failures.push(`${name}: ${d}`);
    continue;
  }
  const src = fs.readFileSync(file), blanked = ours('jsonc', file, true).value;
  const kept = src.length === blanked.length && src.every((c, i) => (c === 10) === (blanked[i] === 10));
  if (!kept) failures.push(`${name}: d->json moved bytes or lines`);
  else {
    try {
      const e = differ(JSON.parse(blanked.toString('utf8').replace(/^\ufeff/, '')), JSON.parse(want), '$');
      if (e) failures.push(`${name}: d->json reads as another tree: ${e}`);
    } catch (e) {
      failures.push(`${name}: d->json is no JSON: ${e.message}`);
    }
  }
}

for (const f of failures) console.error(`json-diff: ${f}`);
console.log(`json-diff: ${n} documents, ${failures.length} disagreements with JSON.parse and the JSONC expectations`);
process.exit(failures.length ? 1 : 0);
