// Helpers of the cli tests: run the command from its sources as a child process (real exit
// codes, real worker threads), or in process with a captured io.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main, type CliIo } from '../src/index.js';
// @ts-expect-error: a plain ES module of the bench, without types
import { random } from '../../../bench/generate.mjs';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** A test plugin shared with the core's tests (packages/core/test/fixtures/plugins). */
export const pluginPath = (name: string) => join(repoRoot, 'packages/core/test/fixtures/plugins', `${name}.mjs`);
export const reportFixture = join(fixtures, 'report.yaml');

/** A site: block for kommunrapport.config.yaml with every key a site needs (publisher, address, contact with e-mail). */
export const SITE_BLOCK = `site:
  publisher:
    name: Exempelstads kommun
    organisationNumber: "212000-9999"
  baseUrl: https://rapporter.exempelstad.se/
  contact:
    name: Kommunledningskontoret
    email: oppnadata@exempelstad.se
`;
const runner = fileURLToPath(new URL('./run-source.ts', import.meta.url));
/** tsx's loader by absolute URL, so the command can run in any folder. */
export const tsxLoader = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs')).href;
/** The node flags that run the sources: workspace packages by their source condition, TypeScript through tsx. */
export const sourceFlags = ['--conditions=@kommunrapport/source', '--import', tsxLoader];

/** What a run of the command gave. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kommunrapport <args>` from the sources in a child process. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [...sourceFlags, runner, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Runs `kommunrapport <args>` in this process with a captured io. */
export async function runMain(args: string[], cwd: string, isTTY = false): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, isTTY };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'kr-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Every file under a folder as relative path → base64 contents (the core tests' helper). */
export { snapshot } from '../../core/test/helpers.js';

/** A small seeded generator (mulberry32, bench/generate.mjs's): the same seed gives the same numbers, so tests that kill builds at random moments repeat. */
export const seededRandom: (seed: number) => () => number = random;
