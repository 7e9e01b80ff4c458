// The entry of the CLI's V8 startup snapshot (built by scripts/snapshot.mjs). Building the
// snapshot runs this module once: every package and first-party plugin is loaded and the
// fonts are parsed, and that heap is saved. A process started from the snapshot skips
// loading and parsing and runs `main` at once. bin/kommunrapport.js decides whether the
// snapshot is fresh; the output is the same bytes either way.
import { readFileSync } from 'node:fs';
import { startupSnapshot } from 'node:v8';
import { createRenderContext, decodeOptions, type Plugin } from '@kommunrapport/core';
import { loadReport } from '@kommunrapport/model';
import { main } from './main.js';
import { FIRST_PARTY } from './first-party.js';

/** Environment variable naming the report the snapshot builder renders once, to warm every cache. */
const WARM_REPORT_ENV = 'KOMMUNRAPPORT_SNAPSHOT_WARM';

/** Environment variable carrying the pid of the bin that started this process. */
const PARENT_PID_ENV = 'KOMMUNRAPPORT_SNAPSHOT_PARENT';

/**
 * Ends this process when the bin that started it is gone (killed with SIGKILL, which it
 * cannot forward): a build then stops as if it had been killed itself.
 */
function followParent(): void {
  const parent = Number(process.env[PARENT_PID_ENV]);
  if (!Number.isInteger(parent) || parent <= 0) return;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  }, 25).unref();
}

/** Renders `file` with every plugin and its default options, keeping nothing. */
async function render(file: string, plugins: readonly Plugin<any>[]): Promise<void> {
  const { report, diagnostics } = loadReport(readFileSync(file, 'utf8'), file);
  if (!report) throw new Error(`the warm-up report ${file} does not load: ${diagnostics.map((d) => d.message).join('; ')}`);
  for (const plugin of plugins) {
    const options = decodeOptions(plugin, undefined);
    const silent = { info: () => {}, warn: () => {} };
    await plugin.render(report, createRenderContext(report, options.value, { env: { SOURCE_DATE_EPOCH: '0' }, logger: silent, progress: () => {} }));
  }
}

/** Loads and warms everything, then names the function a started snapshot runs. */
async function prepare(): Promise<void> {
  // Load every first-party plugin and render one report with all of them in memory, so
  // modules, parsed fonts and the renderers' caches are in the heap. (Writing files here
  // would leave native handles that a snapshot cannot hold.)
  const plugins = await Promise.all(FIRST_PARTY.map((p) => p.load()));
  const warm = process.env[WARM_REPORT_ENV];
  if (warm) await render(warm, plugins);
  startupSnapshot.setDeserializeMainFunction(() => {
    // process.cwd() caches its answer, and the cache is in the snapshot: the folder the
    // snapshot was built in. chdir('.') clears it, so relative paths resolve where the user is.
    process.chdir('.');
    followParent();
    void main(process.argv.slice(1)).then((code) => {
      process.exitCode = code;
    });
  });
}

if (startupSnapshot.isBuildingSnapshot()) {
  prepare().catch((error: unknown) => {
    process.stderr.write(`kommunrapport snapshot: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
