// Class: the plugin host. A plugin that hangs (a promise that never settles, or an endless
// loop), ends the process (process.exit with any code) or throws later, at import or while
// rendering one report or a batch: every build ends within its time limit, exits 1 with a
// message naming the plugin, writes nothing, and never exits 0 or 13. Generated plugins.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportFixture, runCli, runMain, tempDir } from '../cli-helpers.js';

const SEED = Number(process.env.HARDENING_SEED ?? 20221031);

/** Misbehaviours, as JavaScript statements. */
const MISDEEDS = {
  never: 'await new Promise(() => {});',
  busy: 'for (;;) {}',
  exit: (code: number) => `process.exit(${code});`,
  exitLater: (code: number) => `await new Promise((r) => setTimeout(r, 10)); process.exit(${code});`,
} as const;

const misdeed = fc.oneof(
  fc.constantFrom(MISDEEDS.never, MISDEEDS.busy),
  fc.constantFrom(0, 1, 13, 2, 255).map(MISDEEDS.exit),
  fc.constantFrom(0, 13).map(MISDEEDS.exitLater),
);

function roguePlugin(dir: string, phase: 'import' | 'render', code: string): string {
  const file = join(dir, `rogue-${phase}.mjs`);
  writeFileSync(
    file,
    `${phase === 'import' ? code : ''}
export default {
  name: 'rogue',
  formats: ['rogue'],
  options: { decode: (u) => ({ _tag: 'Right', right: u ?? {} }), validate: (u) => ({ _tag: 'Right', right: u ?? {} }), is: () => true, encode: (a) => a, name: 'any' },
  async render() { ${phase === 'render' ? code : ''} return [{ path: 'x.txt', contents: 'x', mediaType: 'text/plain' }]; },
};
`,
  );
  return file;
}

describe('the plugin host', () => {
  it('ends every build of a misbehaving plugin within the time limit, exit 1, naming the plugin, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(misdeed, fc.constantFrom('import' as const, 'render' as const), fc.constantFrom(1, 2), async (code, phase, reports) => {
        const dir = tempDir('kr-host-');
        const text = readFileSync(reportFixture, 'utf8');
        const files = Array.from({ length: reports }, (_, i) => {
          writeFileSync(join(dir, `r${i}.yaml`), text.replace('id: 0999-ks-2022-d2', `id: r${i}`));
          return `r${i}.yaml`;
        });
        const plugin = roguePlugin(dir, phase, code);
        const started = Date.now();
        const run = await runMain(['build', ...files, '--plugin', plugin, '--format', 'rogue', '--timeout', '2', '--out', 'out'], dir);
        const seconds = (Date.now() - started) / 1000;
        expect(run.code).toBe(1);
        expect(seconds).toBeLessThan(2 * reports + 20);
        const said = run.stdout + run.stderr;
        expect(said).toMatch(phase === 'import' ? /\[plugin [^\]]*rogue-import\.mjs\] load/ : /\[plugin rogue\] render/);
        if (code === MISDEEDS.never || code === MISDEEDS.busy) expect(said).toContain('the time limit');
        else expect(said).toMatch(/exit code \d+/);
        expect(existsSync(join(dir, 'out', 'r0'))).toBe(false);
      }),
      { seed: SEED, numRuns: 8 },
    );
  }, 240_000);

  it('a plugin whose promise never settles or that calls process.exit(0) makes the command exit 1, not 13 or 0', async () => {
    const dir = tempDir('kr-host-');
    copyFileSync(reportFixture, join(dir, 'rapport.yaml'));
    for (const [code, phases] of [[MISDEEDS.never, ['render']], [MISDEEDS.exit(0), ['import', 'render']]] as const) {
      for (const phase of phases) {
        const run = await runCli(['build', 'rapport.yaml', '--plugin', roguePlugin(dir, phase, code), '--format', 'rogue', '--timeout', '1', '--out', 'out'], { cwd: dir });
        expect({ code, phase, exit: run.code }).toEqual({ code, phase, exit: 1 });
        expect(run.stderr + run.stdout).toContain('rogue');
        expect(existsSync(join(dir, 'out', '0999-ks-2022-d2'))).toBe(false);
      }
    }
  }, 120_000);

  it('refuses a --timeout that is not a positive number of seconds', async () => {
    for (const t of ['0', '-1', 'abc', 'Infinity', '1e99']) {
      const run = await runMain(['build', reportFixture, '--timeout', t], tempDir());
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--timeout must be a number of seconds above 0');
    }
  });
});
