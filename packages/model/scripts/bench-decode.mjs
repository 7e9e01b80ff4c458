// Measures parse + decode + check of one report in process: the median of 50 runs after
// 5 warm-up runs, and the median of each stage. Not a test: timings depend on the machine.
// Usage: node scripts/bench-decode.mjs [file] (default: the Eskilstuna example); needs dist/
// (`pnpm --filter @kommunrapport/model bench:decode` builds first).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseYaml, decodeReport, checkReport } from '../dist/index.js';

const file = process.argv[2] ?? fileURLToPath(new URL('../../../examples/eskilstuna-ks-2022-delar2/rapport.yaml', import.meta.url));
const text = readFileSync(file, 'utf8');
const RUNS = 50;
const WARMUP = 5;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const stages = { parse: [], decode: [], check: [], total: [] };
// CPU time of the process as well: on a busy machine wall time includes waiting for a core.
const cpu = [];
let findings = 0;
for (let i = 0; i < WARMUP + RUNS; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const parsed = parseYaml(text, file);
  const t1 = performance.now();
  const decoded = decodeReport(parsed.value, { file, locate: parsed.locate });
  const t2 = performance.now();
  const diagnostics = decoded.report ? checkReport(decoded.report, { file, locate: parsed.locate }) : [];
  const t3 = performance.now();
  const c1 = process.cpuUsage(c0);
  if (i < WARMUP) continue;
  cpu.push((c1.user + c1.system) / 1000);
  findings = parsed.diagnostics.length + decoded.diagnostics.length + diagnostics.length;
  stages.parse.push(t1 - t0);
  stages.decode.push(t2 - t1);
  stages.check.push(t3 - t2);
  stages.total.push(t3 - t0);
}

const ms = (x) => `${x.toFixed(2)} ms`;
console.log(`${file}: ${text.length} characters, ${findings} findings, median of ${RUNS} runs`);
for (const [name, xs] of Object.entries(stages)) console.log(`  ${name.padEnd(7)}${ms(median(xs)).padStart(10)}`);
console.log(`  cpu    ${ms(median(cpu)).padStart(10)}  (user + system time of the whole run)`);
