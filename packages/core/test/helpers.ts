// Shared helpers of the core tests: fixture paths, temporary folders, folder snapshots.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPlugin, type Plugin } from '../src/index.js';

export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const reportFile = join(fixtures, 'report.yaml');
export const pluginsDir = join(fixtures, 'plugins');
export const REPORT_ID = '0999-ks-2022-d2';

/** A fresh temporary folder. */
export function tempDir(prefix = 'kr-core-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Loads a test plugin from test/fixtures/plugins. */
export function plugin(name: string): Promise<Plugin<any>> {
  return loadPlugin(`./${name}.mjs`, pluginsDir);
}

/** Every file under a folder (dot files included) as relative path → contents, sorted. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return out;
}
