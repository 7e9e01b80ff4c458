// Summarises a V8 CPU profile (.cpuprofile from `node --cpu-prof`): the functions with the
// most self time, and self time per package or file, so a slow stage can be explained.
// Use: node bench/profile-summary.mjs <file.cpuprofile>… [--top N]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where a script URL belongs: a package name from node_modules, a workspace folder, or node's internals. */
export function ownerOf(url) {
  if (!url) return '(native/VM)';
  if (url.startsWith('node:')) return 'node internals';
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const ws = url.match(/\/(packages|plugins|tools)\/([^/]+)\//);
  if (ws) return `${ws[1]}/${ws[2]}`;
  return url.replace(/^file:\/\//, '');
}

/**
 * Sums one profile or several (e.g. one per worker thread) and returns the total sampled
 * time, and the top entries by self time per function and per owner (package), in ms.
 * Idle time is left out.
 */
export function summariseProfile(profiles, top = 15) {
  const fn = new Map();
  const owner = new Map();
  let total = 0;
  const kinds = new Map();
  for (const profile of Array.isArray(profiles) ? profiles : [profiles]) total += addProfile(profile, fn, owner, kinds);
  const sorted = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ name: k, ms: us / 1000 }));
  const toMs = (m) => Object.fromEntries([...m].map(([k, us]) => [k, us / 1000]));
  return { totalMs: total / 1000, functions: sorted(fn), owners: sorted(owner), kinds: { ours: 0, libraries: 0, gc: 0, runtime: 0, ...toMs(kinds) } };
}

/**
 * Whose code a sample ran: our own packages (`ours`), a third-party library under
 * node_modules (`libraries`), the garbage collector (`gc`), or Node and V8 themselves
 * (`runtime`: their internals, native code, compiling).
 */
export function kindOf(functionName, url) {
  if (functionName === '(garbage collector)') return 'gc';
  if (url?.includes('/node_modules/')) return 'libraries';
  if (url && /\/(packages|plugins|tools)\/[^/]+\//.test(url)) return 'ours';
  return 'runtime';
}

/** Adds one profile's self time per function, per owner and per kind ({@link kindOf}) into the maps; returns its total in µs. */
function addProfile(profile, fn, owner, kinds) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  // As DevTools counts: a sample stands for the time until the next one. (timeDeltas[0] is
  // the wait from starting the profiler to its first sample, not time spent in that sample.)
  const deltas = profile.timeDeltas;
  for (let i = 0; i + 1 < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0));
  }
  let total = 0;
  for (const [id, us] of self) {
    const n = byId.get(id);
    const cf = n.callFrame;
    if (cf.functionName === '(idle)') continue;
    total += us;
    const name = cf.functionName || '(anonymous)';
    const file = cf.url ? cf.url.replace(/^.*\/(node_modules\/)?/, '') : '';
    const key = `${name} ${file ? `${file}:${cf.lineNumber + 1}` : ''}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + us);
    const o = ['(garbage collector)', '(program)', '(idle)'].includes(name) ? name : ownerOf(cf.url);
    owner.set(o, (owner.get(o) ?? 0) + us);
    const k = kindOf(name, cf.url);
    kinds.set(k, (kinds.get(k) ?? 0) + us);
  }
  return total;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const t = args.indexOf('--top');
  const top = t >= 0 ? Number(args.splice(t, 2)[1]) : 20;
  const s = summariseProfile(args.map((f) => JSON.parse(readFileSync(f, 'utf8'))), top);
  console.log(`sampled ${s.totalMs.toFixed(0)} ms`);
  console.log('\nself time by package:');
  for (const o of s.owners) console.log(`${o.ms.toFixed(1).padStart(8)} ms  ${o.name}`);
  console.log('\nself time by function:');
  for (const f of s.functions) console.log(`${f.ms.toFixed(1).padStart(8)} ms  ${f.name}`);
}
