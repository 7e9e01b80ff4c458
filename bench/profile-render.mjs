// Renders one report with one format many times in this process after warm-up renders and
// prints the wall and CPU time per render. With a fourth argument, writes a CPU profile of
// the measured renders only (warm-up left out) to that file, for bench/profile-summary.mjs.
// Use: node bench/profile-render.mjs <report.yaml> <format> [runs] [out.cpuprofile]
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const fromCli = createRequire(new URL('../packages/cli/package.json', import.meta.url));
const load = (pkg) => import(pathToFileURL(fromCli.resolve(pkg)).href);
const [file, format = 'pdf', runs = '20', profileOut] = process.argv.slice(2);
const model = await load('@kommunrapport/model');
const core = await load('@kommunrapport/core');
const plugin = (await load(`@kommunrapport/plugin-${format}`)).default;
const { report } = model.loadReport(readFileSync(file, 'utf8'), file);
const options = core.decodeOptions(plugin, undefined, {}).value;
for (let i = 0; i < 3; i++) await plugin.render(report, core.createRenderContext(report, options));
const session = profileOut ? new Session() : undefined;
const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
}
const t0 = performance.now();
const c0 = process.cpuUsage();
for (let i = 0; i < Number(runs); i++) await plugin.render(report, core.createRenderContext(report, options));
const c = process.cpuUsage(c0);
if (session) writeFileSync(profileOut, JSON.stringify((await post('Profiler.stop')).profile));
const per = (ms) => (ms / Number(runs)).toFixed(1);
console.log(`${format}: ${per(performance.now() - t0)} ms wall, ${per((c.user + c.system) / 1000)} ms CPU per render (after 3 warm-up renders)`);
