// `pnpm bench`: measures kommunrapport against what a user would otherwise use to make the
// PDF (Chromium printing our HTML; LibreOffice where installed), as medians of whole cold
// processes run side by side in one run: wall time, CPU time (user + system of the process
// tree) and peak memory (RSS summed over the tree). Then in-process timings of one report,
// the preview's save → reloaded page time, and a batch of generated reports on the worker
// pool, beside Node's own start (node -e 0, the floor of any Node command), Chromium printing
// the same batch, and reports 1, 3, 10 and 30 times as long as the example (the growth
// curve). Writes bench/RESULTS.md, fills the README's Performance section and prints the table.
// Then `kommunrapport import` of a 2 000-row workbook (bench/import.mjs).
// Use: pnpm bench [--quick] [--runs N] [--no-build] [--no-batch] [--no-chromium-batch] [--no-growth] [--no-import] [--report-only]
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from './generate.mjs';
import { median } from './in-process.mjs';
import { measurePreview } from './preview.mjs';
import { runTree } from './proc-tree.mjs';
import { summariseProfile } from './profile-summary.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = 'examples/eskilstuna-ks-2022-delar2/rapport.yaml';
const CLI = 'packages/cli/bin/kommunrapport.js';
const FORMATS = ['html', 'pdf', 'text', 'open-data', 'docx'];
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
/** The goals (issue 20): against Chromium and against Node's own start, both measured in the run. */
/** Warm renders of each format profiled in one process (after bench/profile-render.mjs's warm-up). */
const WARM_RENDERS = 20;
/** The generated reports whose batch is profiled: r0000 … r0039. */
const PROFILED_BATCH = { pattern: 'bench/reports/r00[0-3]*.yaml', reports: 40 };
const GOALS = { ratioAll: 0.25, ratioNode: 3, reportsPerSecond: 25, chromiumBatchRatio: 5, batchPeakMb: 400, growthRatio: 10, decodeCheckMs: 5, previewMs: 300 };
/** How many times longer than the example the reports of the growth curve are. */
const GROWTH = [1, 3, 10, 30];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(flag('--runs') ?? (quick ? 3 : 7));
// The smaller set is always r0000 … r0099 (the pattern r00*.yaml).
const batchSizes = quick ? [100, 300] : [100, 1000];
const log = (m) => process.stderr.write(`${m}\n`);

/** The first line a command prints, or undefined when it cannot run. */
function firstLine(command, argv) {
  const r = spawnSync(command, argv, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split('\n')[0] : undefined;
}

/** The machine the figures were taken on. */
function machine() {
  const [l1, l5, l15] = loadavg();
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: totalmem() / 2 ** 30,
    node: process.version,
    chromium: firstLine('chromium', ['--version']) ?? 'not installed',
    soffice: firstLine('sh', ['-c', 'command -v soffice || command -v libreoffice']),
    load: `${l1.toFixed(2)}, ${l5.toFixed(2)}, ${l15.toFixed(2)}`,
  };
}

const mb = (bytes) => bytes / 2 ** 20;
const s = (ms) => (ms / 1000).toFixed(2);
const fixed = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : '–');

/** Medians of a list of runTree results. */
function summarise(list) {
  return {
    wallMs: median(list.map((r) => r.wallMs)),
    cpuMs: median(list.map((r) => r.cpuMs)),
    peakMb: median(list.map((r) => mb(r.peakRssBytes))),
    runs: list.length,
    failed: list.filter((r) => r.code !== 0).length,
  };
}

/** Builds `n` generated reports matching `pattern` into bench/out in one cold process and measures it. */
async function runBatch(n, pattern, extra = []) {
  rmSync(join(ROOT, 'bench/out'), { recursive: true, force: true });
  log(`batch of ${n} (${[pattern, ...extra].join(' ')}) …`);
  const r = await runTree('node', [CLI, 'build', pattern, '--out', 'bench/out', ...extra], { cwd: ROOT });
  const built = Number(/(\d+) of (\d+) reports built/.exec(r.stdout)?.[1] ?? 0);
  if (r.code !== 0) log(r.stdout.split('\n').filter((l) => !l.startsWith('[')).slice(-20).join('\n') + r.stderr.slice(-2000));
  return { n, pattern, built, code: r.code, wallMs: r.wallMs, cpuMs: r.cpuMs, peakMb: mb(r.peakRssBytes), perSecond: built / (r.wallMs / 1000), msPerReport: r.wallMs / n };
}

/**
 * How often V8's optimising compiler (TurboFan) runs in a batch worker, and how often for a
 * function it had already compiled: the first hundred reports on one worker, with V8's code log.
 * A function compiled again has lost its optimised code (V8 holds it weakly for closures made per call).
 */
function countCompilations(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log('batch of 100 on one worker with V8\'s code log (compilations) …');
  spawnSync('node', ['--log-code', `--logfile=${join(dir, 'v8.log')}`, join(ROOT, CLI), 'build', join(ROOT, 'bench/reports/r00*.yaml'), '--out', join(dir, 'out'), '-q', '--jobs', '1'], { cwd: dir, stdio: 'ignore', env: { ...process.env, KOMMUNRAPPORT_CODE_CACHE: '0' } });
  const seen = new Set();
  let all = 0;
  let again = 0;
  const byFile = new Map();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('v8.log'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      // code-creation,JS,<kind>,…,<name file:line:col>,<sfi>,* where * marks optimised (TurboFan) code
      if (!line.startsWith('code-creation,JS,') || !line.endsWith(',*')) continue;
      const site = line.split(',')[6];
      all++;
      if (seen.has(site)) {
        again++;
        const file = site.replace(/^.* /, '').replace(/:\d+:\d+$/, '').replace(/^(?:file:\/\/)?.*?node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(pathToFileURL(ROOT).href.replace(/\/?$/, '/'), '');
        byFile.set(file, (byFile.get(file) ?? 0) + 1);
      } else seen.add(site);
    }
  }
  const files = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([file, n]) => ({ file, n }));
  return { reports: 100, all, again, files };
}

async function main() {
  if (!args.includes('--no-build')) {
    log('building the packages (turbo) …');
    const b = spawnSync('pnpm', ['build', '--output-logs=errors-only'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (b.status !== 0) throw new Error('pnpm build failed');
  }
  const host = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'kommunrapport-bench-'));
  const example = join(ROOT, EXAMPLE);

  // One build to get the HTML that Chromium and LibreOffice print.
  const first = await runTree('node', [CLI, 'build', example, '--out', join(tmp, 'ref')], { cwd: ROOT });
  if (first.code !== 0) throw new Error(`the example does not build:\n${first.stdout}${first.stderr}`);
  const id = /^id:\s*(\S+)/m.exec(readFileSync(example, 'utf8'))[1];
  const html = join(tmp, 'index.html');
  copyFileSync(join(tmp, 'ref', id, 'index.html'), html);
  const url = pathToFileURL(html).href;

  // Cold processes, interleaved so that every candidate sees the same load.
  const cases = [
    { key: 'node', label: 'node -e 0 (Node’s own start, the floor)', run: () => runTree('node', ['-e', '0'], { cwd: ROOT }) },
    { key: 'version', label: 'kommunrapport --version', run: () => runTree('node', [CLI, '--version'], { cwd: ROOT }) },
    { key: 'versionNormal', label: 'the same, normal start (dist/index.js)', run: () => runTree('node', [CLI, '--version'], { cwd: ROOT, env: { ...process.env, KOMMUNRAPPORT_CODE_CACHE: '0' } }) },
    { key: 'all', label: 'kommunrapport build, all formats (html, pdf, text, open data, docx)', run: (i) => runTree('node', [CLI, 'build', example, '--out', join(tmp, `all-${i}`)], { cwd: ROOT }) },
    {
      key: 'allNormal',
      label: 'the same, normal start (dist/index.js)',
      run: (i) => runTree('node', [CLI, 'build', example, '--out', join(tmp, `normal-${i}`)], { cwd: ROOT, env: { ...process.env, KOMMUNRAPPORT_CODE_CACHE: '0' } }),
    },
    ...FORMATS.map((f) => ({ key: f, label: `kommunrapport build --format ${f}`, run: (i) => runTree('node', [CLI, 'build', example, '--format', f, '--out', join(tmp, `${f}-${i}`)], { cwd: ROOT }) })),
    {
      key: 'chromium',
      label: 'Chromium --print-to-pdf of index.html',
      run: (i) => runTree('chromium', [...CHROMIUM_FLAGS, `--user-data-dir=${join(tmp, `chromium-profile-${i}`)}`, `--print-to-pdf=${join(tmp, `chromium-${i}.pdf`)}`, '--generate-pdf-document-outline', url], { env: { ...process.env, TMPDIR: tmp } }),
    },
  ];
  if (host.soffice) {
    cases.push({
      key: 'soffice',
      label: 'LibreOffice --convert-to pdf of index.html',
      run: (i) => runTree(host.soffice, ['--headless', `-env:UserInstallation=${pathToFileURL(join(tmp, `lo-${i}`)).href}`, '--convert-to', 'pdf', '--outdir', join(tmp, `lo-out-${i}`), html]),
    });
  }
  const raw = Object.fromEntries(cases.map((c) => [c.key, []]));
  for (let i = 0; i < runs; i++) {
    log(`cold processes, round ${i + 1} of ${runs} …`);
    for (const c of cases) raw[c.key].push(await c.run(i));
  }
  const cold = Object.fromEntries(cases.map((c) => [c.key, { label: c.label, ...summarise(raw[c.key]) }]));
  const chromiumPdf = join(tmp, 'chromium-0.pdf');
  const tagged = existsSync(chromiumPdf) ? /^Tagged:\s*yes/m.test(firstLine('sh', ['-c', `pdfinfo '${chromiumPdf}' | grep Tagged`]) ?? '') : false;

  // Where the time of the slowest cold case goes.
  const profDir = join(tmp, 'prof');
  spawnSync('node', ['--cpu-prof', `--cpu-prof-dir=${profDir}`, CLI, 'build', example, '--out', join(tmp, 'prof-out')], { cwd: ROOT, stdio: 'ignore' });
  // With a Node option the bin starts without the snapshot: this profiles the normal start (largest profile).
  const profFile = execFileSync('sh', ['-c', `ls -S ${profDir}/*.cpuprofile | head -1`], { encoding: 'utf8' }).trim();
  const profile = summariseProfile(JSON.parse(readFileSync(profFile, 'utf8')), 12);

  // Where a warm render's time goes, per format: the PDF's (the largest part of a report in a
  // batch) is shown function by function, and all of them give the floor under the batch goal.
  const warmProfiles = {};
  for (const fmt of FORMATS) {
    const file = join(tmp, `${fmt}-steady.cpuprofile`);
    spawnSync('node', [join(ROOT, 'bench/profile-render.mjs'), example, fmt, String(WARM_RENDERS), file], { cwd: ROOT, stdio: 'ignore' });
    if (existsSync(file)) warmProfiles[fmt] = summariseProfile(JSON.parse(readFileSync(file, 'utf8')), 12);
  }
  const pdfProfile = warmProfiles.pdf;

  log('in-process timings …');
  const inProc = await runTree('node', [join(ROOT, 'bench/in-process.mjs'), example, String(quick ? 8 : 20)], { cwd: ROOT });
  if (inProc.code !== 0) throw new Error(`in-process timings failed:\n${inProc.stderr}`);
  const inProcess = JSON.parse(inProc.stdout);

  log('preview: saving edits to the example …');
  const previewTimes = await measurePreview(example, quick ? 10 : 20);
  const preview = { edits: previewTimes.length, medianMs: median(previewTimes), maxMs: Math.max(...previewTimes), over: previewTimes.filter((t) => t >= GOALS.previewMs).length };

  let batch;
  let batchOneWorker;
  let batchProfile;
  let batchCompilations;
  if (!args.includes('--no-batch')) {
    const largest = batchSizes[batchSizes.length - 1];
    log(`generating ${largest} reports into bench/reports/ …`);
    generate(largest, join(ROOT, 'bench/reports'));
    batch = [];
    for (const n of batchSizes) {
      // r0000 … r0099 are the first hundred; the whole folder is the largest set.
      batch.push(await runBatch(n, n === largest ? 'bench/reports/*.yaml' : 'bench/reports/r00*.yaml'));
    }
    // The same first hundred on one worker: how much the second core adds.
    batchOneWorker = await runBatch(100, 'bench/reports/r00*.yaml', ['--jobs', '1']);
    // Where a batch worker's time goes: the worker threads' profiles of a short batch
    // (into another folder, so bench/out keeps the hundred reports for Chromium).
    const workerDir = join(tmp, 'prof-batch');
    spawnSync('node', ['--cpu-prof', `--cpu-prof-dir=${workerDir}`, CLI, 'build', PROFILED_BATCH.pattern, '--out', join(tmp, 'prof-batch-out')], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, KOMMUNRAPPORT_CODE_CACHE: '0' } });
    const files = readdirSync(workerDir).filter((f) => !/^CPU\.\d+\.\d+\.\d+\.0\./.test(f));
    batchProfile = summariseProfile(files.map((f) => JSON.parse(readFileSync(join(workerDir, f), 'utf8'))), 12);
    batchCompilations = countCompilations(join(tmp, 'compilations'));
  }
  let chromiumBatch;
  if (batch && !args.includes('--no-chromium-batch')) {
    // bench/out holds the last batch's 100 reports: Chromium prints their pages to PDF.
    log('Chromium printing the same 100 reports to PDF in one browser …');
    const r = await runTree('node', [join(ROOT, 'bench/chromium-batch.mjs'), join(ROOT, 'bench/out'), join(tmp, 'chromium-batch')], { cwd: ROOT });
    const printed = Number(/(\d+) pages printed/.exec(r.stdout)?.[1] ?? 0);
    if (r.code !== 0) log(r.stderr.slice(-2000));
    chromiumBatch = { n: printed, code: r.code, wallMs: r.wallMs, cpuMs: r.cpuMs, peakMb: mb(r.peakRssBytes), perSecond: printed / (r.wallMs / 1000) };
  }
  rmSync(join(ROOT, 'bench/out'), { recursive: true, force: true });

  let growth;
  if (!args.includes('--no-growth')) {
    growth = [];
    const growthRuns = quick ? 1 : 3;
    for (const factor of GROWTH) {
      const folder = join(tmp, `growth-${factor}`);
      generate(1, folder, factor);
      const file = join(folder, 'r0000.yaml');
      log(`growth: one report ${factor} × as long (${growthRuns} cold builds), and a batch of 10 …`);
      const single = [];
      for (let i = 0; i < growthRuns; i++) single.push(await runTree('node', [CLI, 'build', file, '--out', join(tmp, `growth-out-${factor}-${i}`)], { cwd: ROOT }));
      const batchFolder = join(ROOT, `bench/reports-growth-${factor}`);
      generate(10, batchFolder, factor);
      const b = await runBatch(10, `bench/reports-growth-${factor}/*.yaml`);
      rmSync(batchFolder, { recursive: true, force: true });
      rmSync(join(ROOT, 'bench/out'), { recursive: true, force: true });
      growth.push({ factor, bytes: readFileSync(file).length, single: summarise(single), batch: b });
    }
  }
  rmSync(tmp, { recursive: true, force: true });

  let importBench;
  if (!args.includes('--no-import')) {
    log('import: a 2 000-row workbook into the example …');
    const r = await runTree('node', [join(ROOT, 'bench/import.mjs'), String(quick ? 2 : 5)], { cwd: ROOT });
    if (r.code !== 0) throw new Error(`the import bench failed:\n${r.stderr}`);
    importBench = JSON.parse(r.stdout);
  }

  const results = { host, runs, quick, cold, tagged, inProcess, preview, batch, batchOneWorker, batchCompilations, chromiumBatch, growth, importBench, profile, batchProfile, pdfProfile, warmProfiles };
  const markdown = report(results);
  writeFileSync(join(ROOT, 'bench/RESULTS.md'), markdown);
  writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  updateReadme(results);
  process.stdout.write(markdown);
}

/** The import section of RESULTS.md (bench/import.mjs prints the figures). */
function importSection(m) {
  return [
    `## Import (a ${m.rows}-row workbook)`,
    '',
    `\`kommunrapport import\` of an XLSX with the example's driftredovisning and ${m.rowsAdded} more units (${(m.workbookBytes / 1024).toFixed(0)} kB) into a copy of the example: read, matched, ${m.rowsAdded} rows added to the YAML, the report validated and written (${(m.reportBytes / 1024).toFixed(0)} kB); then the same import again, which changes nothing. Medians of ${m.runs} cold processes (bench/import.mjs).`,
    '',
    '| case | wall s | CPU s | peak MB |',
    '|---|---:|---:|---:|',
    `| import, ${m.rows} rows | ${s(m.import.wallMs)} | ${s(m.import.cpuMs)} | ${m.import.peakMb.toFixed(0)} |`,
    `| the same import again (no change) | ${s(m.reimport.wallMs)} | ${s(m.reimport.cpuMs)} | ${m.reimport.peakMb.toFixed(0)} |`,
    '',
  ];
}

/** A goal's verdict: "met" or how far off it is. */
function verdict(ok, off) {
  return ok ? 'met' : `missed (${off})`;
}

/** The Markdown of the results. */
function report(r) {
  const { host, cold, inProcess: ip, batch } = r;
  const chromium = cold.chromium;
  const lines = [];
  lines.push('# Benchmark results', '');
  lines.push(`Written by \`pnpm bench${r.quick ? ' --quick' : ''}\` (bench/run.mjs). Medians of ${r.runs} cold processes per case, run interleaved in one session; CPU is user + system time of the whole process tree; memory is the peak of RSS summed over the tree, sampled every 10 ms.`, '');
  lines.push('## Machine', '');
  lines.push('| | |', '|---|---|');
  lines.push(`| CPU | ${host.cpu} |`, `| cores | ${host.cores} |`, `| memory | ${host.memoryGb.toFixed(1)} GiB |`, `| Node | ${host.node} |`, `| Chromium | ${host.chromium} |`, `| LibreOffice | ${host.soffice ?? 'not installed'} |`, `| load average at start (1, 5, 15 min) | ${host.load} |`, '');
  lines.push('## One report, cold process (the Eskilstuna example)', '');
  const floor = cold.node;
  lines.push('| case | wall s | CPU s | peak MB | wall ÷ Chromium | CPU ÷ Chromium | wall ÷ node -e 0 |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const c of Object.values(cold)) {
    lines.push(`| ${c.label}${c.failed ? ` (${c.failed} failed)` : ''} | ${s(c.wallMs)} | ${s(c.cpuMs)} | ${c.peakMb.toFixed(0)} | ${fixed(c.wallMs / chromium.wallMs)} | ${fixed(c.cpuMs / chromium.cpuMs)} | ${floor ? fixed(c.wallMs / floor.wallMs, 1) : '–'} |`);
  }
  if (!host.soffice) lines.push('| LibreOffice converting index.html to PDF | not installed | | | | | |');
  lines.push('', 'The command runs the CLI’s one-file bundle with V8’s code cache when both are up to date (packages/cli/README.md, “Start-up: one bundle and its code cache”); “normal start” sets KOMMUNRAPPORT_CODE_CACHE=0, which imports dist/index.js and the packages’ modules one by one.');
  lines.push('', `Chromium's PDF is ${r.tagged ? 'tagged (its default for --print-to-pdf in this version, checked with pdfinfo)' : 'not tagged'}.`, '');
  lines.push('## In process (one report)', '');
  lines.push('| stage | first report, ms (CPU ms) | steady state, ms |', '|---|---:|---:|');
  const f = ip.first;
  lines.push(`| parse YAML | ${f.parse.wallMs.toFixed(1)} (${f.parse.cpuMs.toFixed(1)}) | ${ip.steady.parse.toFixed(2)} |`);
  lines.push(`| decode | ${f.decode.wallMs.toFixed(1)} (${f.decode.cpuMs.toFixed(1)}) | ${ip.steady.decode.toFixed(2)} |`);
  lines.push(`| check | ${f.check.wallMs.toFixed(1)} (${f.check.cpuMs.toFixed(1)}) | ${ip.steady.check.toFixed(2)} |`);
  lines.push(`| decode + check | ${(f.decode.wallMs + f.check.wallMs).toFixed(1)} | ${ip.steady.decodeCheck.toFixed(2)} |`);
  if (ip.steady.parseDecodeCheck !== undefined) lines.push(`| parse + decode + check | ${(f.parse.wallMs + f.decode.wallMs + f.check.wallMs).toFixed(1)} | ${ip.steady.parseDecodeCheck.toFixed(2)} |`);
  for (const fmt of FORMATS) lines.push(`| render ${fmt} | ${f.render[fmt].wallMs.toFixed(1)} (${f.render[fmt].cpuMs.toFixed(1)}) | ${ip.steady.render[fmt].toFixed(1)} |`);
  lines.push('', `Steady state: median of ${ip.steady.runs} runs after 3 warm-up runs. Importing the packages took ${Object.entries(ip.importMs).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}.`, '');
  if (r.preview) {
    const p = r.preview;
    lines.push('## Preview (the Eskilstuna example)', '');
    lines.push(`\`kommunrapport preview\` in its own process; the title edited and saved ${p.edits} times, 150 ms apart. Each time is from writing the file to having fetched, after the page's reload event, the page with the edit (bench/preview.mjs): median ${p.medianMs.toFixed(0)} ms, slowest ${p.maxMs.toFixed(0)} ms, ${p.over} of ${p.edits} at or over ${GOALS.previewMs} ms.`, '');
  }
  if (batch) {
    lines.push('## Batch (generated reports, all formats, worker pool)', '');
    lines.push('| reports | built | wall s | CPU s | reports/s | ms per report | peak MB |', '|---:|---:|---:|---:|---:|---:|---:|');
    for (const b of batch) lines.push(`| ${b.n} | ${b.built} | ${s(b.wallMs)} | ${s(b.cpuMs)} | ${b.perSecond.toFixed(1)} | ${b.msPerReport.toFixed(1)} | ${b.peakMb.toFixed(0)} |`);
    const one = r.batchOneWorker;
    if (one) lines.push(`| ${one.n}, one worker (\`--jobs 1\`) | ${one.built} | ${s(one.wallMs)} | ${s(one.cpuMs)} | ${one.perSecond.toFixed(1)} | ${one.msPerReport.toFixed(1)} | ${one.peakMb.toFixed(0)} |`);
    const bc = r.batchCompilations;
    if (bc && bc.all > 0) lines.push('', `V8's optimising compiler in one batch worker (the first ${bc.reports} reports, \`--log-code\`): ${bc.all} compilations, ${(bc.all / bc.reports).toFixed(1)} per report; ${bc.again} of them (${((bc.again / bc.all) * 100).toFixed(0)} %) compiled a function again that had lost its optimised code. Most again: ${bc.files.map((f) => `${f.file} ${f.n}`).join(', ')}.`);
    const [a, z] = [batch[0], batch[batch.length - 1]];
    lines.push('', `Growth from ${a.n} to ${z.n} reports: time per report × ${(z.msPerReport / a.msPerReport).toFixed(2)}, peak memory × ${(z.peakMb / a.peakMb).toFixed(2)} (1.00 is perfectly linear and flat).`, '');
    const cb = r.chromiumBatch;
    if (cb) lines.push(`Chromium printing the HTML of the same ${cb.n} reports to tagged PDF, one page after another in one browser (bench/chromium-batch.mjs, playwright-core): ${s(cb.wallMs)} s wall, ${s(cb.cpuMs)} s CPU, ${cb.perSecond.toFixed(1)} reports/s, peak ${cb.peakMb.toFixed(0)} MB${cb.code ? ` (exit ${cb.code})` : ''}. kommunrapport's batch makes all formats at ${(z.perSecond / cb.perSecond).toFixed(1)} × that rate.`, '');
  }
  if (r.growth) {
    const g0 = r.growth[0];
    lines.push('## Growth (reports 1, 3, 10 and 30 times as long as the example)', '');
    lines.push('Each report is the example with every perspective’s areas repeated (bench/generate.mjs). One report: median cold build in all formats; batch: 10 such reports on the worker pool.', '');
    lines.push('| size | YAML kB | one report: wall s | CPU s | peak MB | ÷ 1 × (CPU) | batch of 10: wall s | CPU s | peak MB | ÷ 1 × (CPU) |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const g of r.growth) lines.push(`| ${g.factor} × | ${(g.bytes / 1024).toFixed(0)} | ${s(g.single.wallMs)} | ${s(g.single.cpuMs)} | ${g.single.peakMb.toFixed(0)} | ${fixed(g.single.cpuMs / g0.single.cpuMs, 1)} | ${s(g.batch.wallMs)} | ${s(g.batch.cpuMs)} | ${g.batch.peakMb.toFixed(0)} | ${fixed(g.batch.cpuMs / g0.batch.cpuMs, 1)} |`);
    lines.push('');
  }
  if (r.importBench) lines.push(...importSection(r.importBench));
  lines.push('## Goals (issue 20)', '');
  lines.push('| goal | measured | verdict |', '|---|---|---|');
  const ratio = cold.all.wallMs / chromium.wallMs;
  lines.push(`| all formats, cold, ≤ ${GOALS.ratioAll} × Chromium's PDF | ${ratio.toFixed(2)} × (wall), ${(cold.all.cpuMs / chromium.cpuMs).toFixed(2)} × (CPU) | ${verdict(ratio <= GOALS.ratioAll, `${(ratio / GOALS.ratioAll).toFixed(1)} × the goal`)} |`);
  if (cold.node) {
    const nodeRatio = cold.all.wallMs / cold.node.wallMs;
    lines.push(`| all formats, cold, ≤ ${GOALS.ratioNode} × \`node -e 0\` | ${nodeRatio.toFixed(1)} × (${s(cold.all.wallMs)} s against ${s(cold.node.wallMs)} s) | ${verdict(nodeRatio <= GOALS.ratioNode, `${(nodeRatio / GOALS.ratioNode).toFixed(1)} × the goal`)} |`);
  }
  if (batch) {
    const z = batch[batch.length - 1];
    lines.push(`| batch ≥ ${GOALS.reportsPerSecond} reports/s | ${z.perSecond.toFixed(1)} reports/s (${z.n} reports) | ${verdict(z.perSecond >= GOALS.reportsPerSecond, `${(z.perSecond / GOALS.reportsPerSecond * 100).toFixed(0)} % of the goal`)} |`);
    if (r.chromiumBatch) {
      const x = z.perSecond / r.chromiumBatch.perSecond;
      lines.push(`| batch ≥ ${GOALS.chromiumBatchRatio} × a Chromium PDF batch | ${x.toFixed(1)} × (${z.perSecond.toFixed(1)} against ${r.chromiumBatch.perSecond.toFixed(1)} reports/s) | ${verdict(x >= GOALS.chromiumBatchRatio, `${(x / GOALS.chromiumBatchRatio * 100).toFixed(0)} % of the goal`)} |`);
    }
    lines.push(`| batch peak memory < ${GOALS.batchPeakMb} MB, flat | ${z.peakMb.toFixed(0)} MB at ${z.n}, ${batch[0].peakMb.toFixed(0)} MB at ${batch[0].n} | ${verdict(z.peakMb < GOALS.batchPeakMb && z.peakMb / batch[0].peakMb < 1.25, `${z.peakMb.toFixed(0)} MB`)} |`);
  }
  if (r.growth) {
    const g1 = r.growth.find((g) => g.factor === 1);
    const g10 = r.growth.find((g) => g.factor === 10);
    if (g1 && g10) {
      const t = g10.single.cpuMs / g1.single.cpuMs;
      const m = g10.single.peakMb / g1.single.peakMb;
      const bt = g10.batch.cpuMs / g1.batch.cpuMs;
      const bm = g10.batch.peakMb / g1.batch.peakMb;
      const worst = Math.max(t, m, bt, bm);
      lines.push(`| a report 10 × as long costs ≤ ${GOALS.growthRatio} × the time and memory | one report: CPU × ${t.toFixed(1)}, memory × ${m.toFixed(1)}; batch: CPU × ${bt.toFixed(1)}, memory × ${bm.toFixed(1)} | ${verdict(worst <= GOALS.growthRatio, `× ${worst.toFixed(1)}`)} |`);
    }
  }
  if (r.preview) lines.push(`| preview: save → reloaded page < ${GOALS.previewMs} ms | median ${r.preview.medianMs.toFixed(0)} ms, slowest ${r.preview.maxMs.toFixed(0)} ms of ${r.preview.edits} | ${verdict(r.preview.over === 0, `${r.preview.over} of ${r.preview.edits} over`)} |`);
  lines.push(`| decode + check < ${GOALS.decodeCheckMs} ms | ${ip.steady.decodeCheck.toFixed(2)} ms steady, ${(f.decode.wallMs + f.check.wallMs).toFixed(1)} ms first | ${verdict(ip.steady.decodeCheck < GOALS.decodeCheckMs, `${(ip.steady.decodeCheck / GOALS.decodeCheckMs).toFixed(1)} × the goal`)} |`);
  lines.push('', '## Notes on the goals', '');
  const st = ip.steady;
  const stagesMs = st.parse + st.decodeCheck + FORMATS.reduce((n, fmt) => n + st.render[fmt], 0);
  const imports = Object.values(ip.importMs).reduce((a, b) => a + b, 0);
  lines.push(
    `- Cold process: of the all-formats build's ${s(cold.all.cpuMs)} s CPU, importing the packages takes about ${(imports / 1000).toFixed(2)} s and the first report's stages ${((f.parse.cpuMs + f.decode.cpuMs + f.check.cpuMs + FORMATS.reduce((n, fmt) => n + f.render[fmt].cpuMs, 0)) / 1000).toFixed(2)} s (the PDF ${(f.render.pdf.cpuMs / 1000).toFixed(2)} s: font tables, pdfkit and the renderer run cold); the same stages take ${(stagesMs / 1000).toFixed(3)} s once warm. Node's start and module loading alone is a large part of ${GOALS.ratioAll} × Chromium's time. ${cold.version && cold.node ? `A floor under the cold goal against \`node -e 0\`: the command's own start (\`kommunrapport --version\`, ${s(cold.version.wallMs)} s) and the stages at their warm speed (${stagesMs.toFixed(0)} ms) already make ${s(cold.version.wallMs + stagesMs)} s, ${((cold.version.wallMs + stagesMs) / cold.node.wallMs).toFixed(1)} × \`node -e 0\` (the goal: ${GOALS.ratioNode} ×), and a cold process runs its first report far slower than a warm one.` : ''}`,
  );
  if (batch) {
    const z = batch[batch.length - 1];
    lines.push(
      `- Batch: ${(z.cpuMs / z.n).toFixed(0)} ms CPU per report over the whole process against ${stagesMs.toFixed(0)} ms for the warm stages in one thread (parse ${st.parse.toFixed(0)}, decode + check ${st.decodeCheck.toFixed(1)}, ${FORMATS.map((fmt) => `${fmt} ${st.render[fmt].toFixed(0)}`).join(', ')}); the difference is V8's optimising compiler on helper threads (the compilations counted above: code that the in-process runs compile once, a batch compiles again whenever a full collection drops it), the generated reports being longer on average (every fifth is twice as long), garbage collection, writing and hashing the files, and starting each worker cold. ${GOALS.reportsPerSecond} reports/s on 2 cores needs about ${((2 * 1000) / GOALS.reportsPerSecond).toFixed(0)} ms CPU per report in all.${r.batchOneWorker ? ` One worker builds the first hundred at ${r.batchOneWorker.perSecond.toFixed(1)} reports/s using ${(r.batchOneWorker.cpuMs / r.batchOneWorker.wallMs).toFixed(2)} cores (V8 collects garbage and compiles on helper threads), so the second worker finds most of a core taken: two workers make ${(batch[0].perSecond / r.batchOneWorker.perSecond).toFixed(2)} × the throughput of one.` : ''}`,
    );
  }
  const warm = Object.values(r.warmProfiles ?? {});
  if (warm.length === FORMATS.length) {
    // What the batch goal leaves to our own code once the libraries that write the formats
    // have run: their warm time per report is a floor no change of ours goes below.
    const per = (kind) => warm.reduce((n, p) => n + p.kinds[kind], 0) / WARM_RENDERS;
    const budget = (2 * 1000) / GOALS.reportsPerSecond;
    const left = budget - per('libraries');
    lines.push(
      `- What the batch goal leaves: rendered warm in one process (bench/profile-render.mjs, ${WARM_RENDERS} renders of each format after warm-up, CPU profiles), one report in all formats takes ${per('libraries').toFixed(0)} ms in third-party libraries (pdfkit, fontkit, docx, hast-util-to-html, csv-stringify …), ${per('ours').toFixed(0)} ms in our own packages, ${per('gc').toFixed(0)} ms collecting garbage and ${per('runtime').toFixed(0)} ms in Node and V8 themselves. ${GOALS.reportsPerSecond} reports/s on 2 cores allows ${budget.toFixed(0)} ms per report; the libraries alone take ${((per('libraries') / budget) * 100).toFixed(0)} % of it, ${left > 0 ? `leaving ${left.toFixed(0)} ms` : 'leaving nothing'} for our own code, the collector and Node together (now ${(per('ours') + per('gc') + per('runtime')).toFixed(0)} ms), before reading the YAML, writing the files and the compiler's threads.`,
    );
  }
  lines.push('', '## Where the time goes (CPU profile of the all-formats cold build)', '');
  lines.push(`Sampled ${r.profile.totalMs.toFixed(0)} ms. Self time by package: ${r.profile.owners.slice(0, 8).map((o) => `${o.name} ${o.ms.toFixed(0)} ms`).join(', ')}.`, '');
  lines.push('| function | self ms |', '|---|---:|');
  for (const fn of r.profile.functions.slice(0, 10)) lines.push(`| \`${fn.name}\` | ${fn.ms.toFixed(0)} |`);
  lines.push('');
  if (r.pdfProfile) {
    const pp = r.pdfProfile;
    lines.push('## Where a warm PDF render goes (CPU profile of 20 renders in one process, after warm-up)', '');
    lines.push(`Sampled ${pp.totalMs.toFixed(0)} ms. Self time by package: ${pp.owners.slice(0, 8).map((o) => `${o.name} ${o.ms.toFixed(0)} ms (${((o.ms / pp.totalMs) * 100).toFixed(0)} %)`).join(', ')}.`, '');
    lines.push('| function | self ms |', '|---|---:|');
    for (const fn of pp.functions.slice(0, 10)) lines.push(`| \`${fn.name}\` | ${fn.ms.toFixed(0)} |`);
    lines.push('');
  }
  if (r.batchProfile) {
    const bp = r.batchProfile;
    lines.push(`## Where the time goes in a batch (CPU profiles of the worker threads, ${PROFILED_BATCH.reports} reports)`, '');
    lines.push(`Sampled ${bp.totalMs.toFixed(0)} ms (idle left out). Self time by package: ${bp.owners.slice(0, 8).map((o) => `${o.name} ${o.ms.toFixed(0)} ms (${((o.ms / bp.totalMs) * 100).toFixed(0)} %)`).join(', ')}.`, '');
    lines.push('| function | self ms |', '|---|---:|');
    for (const fn of bp.functions.slice(0, 10)) lines.push(`| \`${fn.name}\` | ${fn.ms.toFixed(0)} |`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** Replaces the README's text between the bench markers with the latest headline figures. */
function updateReadme(r) {
  const file = join(ROOT, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  const { cold } = r;
  const c = cold.chromium;
  const z = r.batch?.[r.batch.length - 1];
  const body = [
    '',
    `Measured by \`pnpm bench${r.quick ? ' --quick' : ''}\` on ${r.host.cores} cores (${r.host.cpu}, Node ${r.host.node}, load ${r.host.load}); details in [bench/RESULTS.md](bench/RESULTS.md).`,
    '',
    '| | wall s | CPU s | peak MB | ÷ Chromium (wall) | ÷ node -e 0 (wall) |',
    '|---|---:|---:|---:|---:|---:|',
    ...['node', 'version', 'versionNormal', 'all', 'allNormal', ...FORMATS, 'chromium'].filter((k) => cold[k]).map((k) => `| ${cold[k].label} | ${s(cold[k].wallMs)} | ${s(cold[k].cpuMs)} | ${cold[k].peakMb.toFixed(0)} | ${fixed(cold[k].wallMs / c.wallMs)} | ${cold.node ? fixed(cold[k].wallMs / cold.node.wallMs, 1) : '–'} |`),
    '',
    ...(z ? [`A batch of ${z.n} generated reports in all formats: ${z.perSecond.toFixed(1)} reports/s, peak ${z.peakMb.toFixed(0)} MB${r.chromiumBatch ? `; Chromium printing ${r.chromiumBatch.n} of them to PDF in one browser: ${r.chromiumBatch.perSecond.toFixed(1)} reports/s` : ''}. Decode and check of one report: ${r.inProcess.steady.decodeCheck.toFixed(1)} ms.`, ''] : []),
    ...(r.growth ? [`Growth, CPU of one cold build in all formats relative to the example: ${r.growth.map((g) => `${g.factor} × long → × ${fixed(g.single.cpuMs / r.growth[0].single.cpuMs, 1)}`).join(', ')}.`, ''] : []),
    ...(r.preview ? [`Preview, save → reloaded page: median ${r.preview.medianMs.toFixed(0)} ms, slowest ${r.preview.maxMs.toFixed(0)} ms over ${r.preview.edits} edits.`, ''] : []),
  ].join('\n');
  writeFileSync(file, text.slice(0, a + start.length) + body + text.slice(b));
}

if (args.includes('--report-only')) {
  // Rewrites RESULTS.md and the README section from the last run's bench/results.json.
  const results = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8'));
  const markdown = report(results);
  writeFileSync(join(ROOT, 'bench/RESULTS.md'), markdown);
  updateReadme(results);
  process.stdout.write(markdown);
} else await main();
