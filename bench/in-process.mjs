// In-process timings of one report through the built packages (dist/): parse, decode and
// check, then the render of each format, for the first report of a fresh process and in a
// steady state (median of runs after warm-up). Prints JSON so run.mjs can spawn it in a
// fresh process. Use: node bench/in-process.mjs <report.yaml> [runs]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Packages resolve as the CLI resolves them (its dependencies, built dist/ files).
const fromCli = createRequire(new URL('../packages/cli/package.json', import.meta.url));
const load = (pkg) => import(pathToFileURL(fromCli.resolve(pkg)).href);

/** Milliseconds of wall time and of CPU time (user + system) spent in `fn`. */
export async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

/** The median of numbers (mean of the middle two for an even count). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const FORMATS = [
  ['html', '@kommunrapport/plugin-html'],
  ['pdf', '@kommunrapport/plugin-pdf'],
  ['text', '@kommunrapport/plugin-text'],
  ['open-data', '@kommunrapport/plugin-open-data'],
  ['docx', '@kommunrapport/plugin-docx'],
];

/** Runs the measurements and returns { load, first, steady } in milliseconds. */
export async function measureInProcess(file, runs = 15) {
  const text = readFileSync(file, 'utf8');
  const imports = await timed(async () => ({
    model: await load('@kommunrapport/model'),
    core: await load('@kommunrapport/core'),
  }));
  const { model, core } = imports.value;
  const plugins = {};
  const pluginImport = {};
  for (const [format, pkg] of FORMATS) {
    const t = await timed(() => load(pkg));
    plugins[format] = t.value.default;
    pluginImport[format] = t.wallMs;
  }
  const stages = () => {
    const parse = model.parseYaml(text, file);
    const opts = { file, locate: parse.locate };
    const decoded = model.decodeReport(parse.value, opts);
    const report = model.deepFreeze(decoded.report);
    model.checkReport(report, opts);
    return report;
  };
  const loadOnce = async () => {
    const p = await timed(() => model.parseYaml(text, file));
    const opts = { file, locate: p.value.locate };
    const d = await timed(() => model.decodeReport(p.value.value, opts));
    if (!d.value.report) throw new Error(`${file} does not decode`);
    const report = model.deepFreeze(d.value.report);
    const c = await timed(() => model.checkReport(report, opts));
    return { report, parse: p, decode: d, check: c };
  };
  const renderOnce = async (report, format) => {
    const plugin = plugins[format];
    const options = core.decodeOptions(plugin, undefined, {}).value;
    const ctx = core.createRenderContext(report, options, { env: { SOURCE_DATE_EPOCH: '1660000000' } });
    return timed(() => plugin.render(report, ctx));
  };
  const pick = (t) => ({ wallMs: t.wallMs, cpuMs: t.cpuMs });
  const first = await loadOnce();
  const firstRender = {};
  for (const [format] of FORMATS) firstRender[format] = pick(await renderOnce(first.report, format));
  const result = {
    importMs: { core: imports.wallMs, ...pluginImport },
    first: { parse: pick(first.parse), decode: pick(first.decode), check: pick(first.check), render: firstRender },
  };
  for (let i = 0; i < 3; i++) {
    const r = stages();
    for (const [format] of FORMATS) await renderOnce(r, format);
  }
  const series = { parse: [], decode: [], check: [], decodeCheck: [], load: [] };
  const renders = Object.fromEntries(FORMATS.map(([f]) => [f, []]));
  for (let i = 0; i < runs; i++) {
    const l = await loadOnce();
    series.parse.push(l.parse.wallMs);
    series.decode.push(l.decode.wallMs);
    series.check.push(l.check.wallMs);
    series.decodeCheck.push(l.decode.wallMs + l.check.wallMs);
    series.load.push(l.parse.wallMs + l.decode.wallMs + l.check.wallMs);
    for (const [format] of FORMATS) renders[format].push((await renderOnce(l.report, format)).wallMs);
  }
  result.steady = {
    runs,
    parse: median(series.parse),
    decode: median(series.decode),
    check: median(series.check),
    decodeCheck: median(series.decodeCheck),
    parseDecodeCheck: median(series.load),
    render: Object.fromEntries(Object.entries(renders).map(([f, v]) => [f, median(v)])),
  };
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await measureInProcess(process.argv[2], Number(process.argv[3] ?? 15));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
