// Renders one report with one format many times in this process (after warm-up), so that
// `node --cpu-prof bench/profile-render.mjs <report.yaml> <format> [runs]` profiles the
// steady state of that renderer alone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const fromCli = createRequire(new URL('../packages/cli/package.json', import.meta.url));
const load = (pkg) => import(pathToFileURL(fromCli.resolve(pkg)).href);
const [file, format = 'pdf', runs = '20'] = process.argv.slice(2);
const model = await load('@kommunrapport/model');
const core = await load('@kommunrapport/core');
const plugin = (await load(`@kommunrapport/plugin-${format}`)).default;
const { report } = model.loadReport(readFileSync(file, 'utf8'), file);
const options = core.decodeOptions(plugin, undefined, {}).value;
await plugin.render(report, core.createRenderContext(report, options));
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < Number(runs); i++) await plugin.render(report, core.createRenderContext(report, options));
const c = process.cpuUsage(c0);
const per = (ms) => (ms / Number(runs)).toFixed(1);
console.log(`${format}: ${per(performance.now() - t0)} ms wall, ${per((c.user + c.system) / 1000)} ms CPU per render (after one warm-up render)`);
