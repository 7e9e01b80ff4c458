// Interruption: a real build process is killed with SIGKILL at several moments (while a
// plugin renders, after the files are written but before the swap, between the two
// renames of the swap, and at fixed delays from start); the previous output must stay
// byte-identical (or come back at the next run) and the next build must succeed and leave
// no temporary folder behind.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReport, recoverOutput } from '../src/index.js';
import { plugin, reportFile, snapshot, tempDir, REPORT_ID, fixtures } from './helpers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const script = join(fixtures, 'interrupt-build.ts');

/** Starts the build process; resolves when it printed `marker` (or at once), gives a way to kill it and its exit. */
function start(out: string, pause: string) {
  const child = spawn(process.execPath, ['--conditions=@kommunrapport/source', '--import', 'tsx', script, reportFile, out, pause], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));
  const printed = (marker: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (stdout.includes(marker) ? resolve() : undefined);
      child.stdout.on('data', check);
      check();
      void exited.then(() => (stdout.includes(marker) ? resolve() : reject(new Error(`exited before ${marker}: ${stdout} ${stderr}`))));
    });
  return { child, printed, exited, output: () => stdout + stderr };
}

async function previousBuild(): Promise<{ out: string; before: Record<string, string> }> {
  const out = tempDir('kr-interrupt-');
  const r = await buildReport({ file: reportFile, plugins: [await plugin('echo')], outDir: out, options: { echo: { greeting: 'Gammal' } }, env: { SOURCE_DATE_EPOCH: '1700000000' } });
  expect(r.ok).toBe(true);
  return { out, before: snapshot(join(out, REPORT_ID)) };
}

async function assertIntactThenRebuild(out: string, before: Record<string, string>): Promise<void> {
  expect(snapshot(join(out, REPORT_ID))).toEqual(before);
  const next = start(out, 'none');
  const { code } = await next.exited;
  expect(next.output()).toContain('done:true');
  expect(code).toBe(0);
  expect(readdirSync(out)).toEqual([REPORT_ID]);
  const after = snapshot(join(out, REPORT_ID));
  expect(Object.keys(after)).toEqual(['.kommunrapport-build.json', 'a.bin', 'big/part.bin', 'data/report.json', 'slow.txt', 'z-last.txt']);
  expect(Buffer.from(after['z-last.txt']!, 'base64').toString()).toBe(`Ny ${REPORT_ID}\n`);
}

describe('a killed build', () => {
  it('leaves the previous output intact when killed while a plugin renders', async () => {
    const { out, before } = await previousBuild();
    const run = start(out, 'render');
    await run.printed('phase:render');
    run.child.kill('SIGKILL');
    expect((await run.exited).signal).toBe('SIGKILL');
    await assertIntactThenRebuild(out, before);
  });

  it('leaves the previous output intact when killed after writing the temporary folder, before the swap', async () => {
    const { out, before } = await previousBuild();
    const run = start(out, 'swap');
    await run.printed('phase:swap');
    // The new files are on disk beside the target, the target is untouched.
    expect(readdirSync(out).some((n) => n.startsWith(`.${REPORT_ID}.tmp-`))).toBe(true);
    run.child.kill('SIGKILL');
    await run.exited;
    await assertIntactThenRebuild(out, before);
  });

  it('loses nothing when killed between the two renames of the swap: the next build puts the previous output back', async () => {
    const { out, before } = await previousBuild();
    const run = start(out, 'between');
    await run.printed('phase:between');
    run.child.kill('SIGKILL');
    await run.exited;
    // The worst moment: the previous output is renamed away, the new one not yet in place.
    const names = readdirSync(out);
    expect(names).not.toContain(REPORT_ID);
    const old = names.find((n) => n.startsWith(`.${REPORT_ID}.old-`))!;
    expect(snapshot(join(out, old))).toEqual(before);
    // Even a build that then fails repairs the folder first: the previous output is back, byte for byte.
    const failed = await buildReport({ file: reportFile, plugins: [await plugin('throws')], outDir: out, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    expect(failed.ok).toBe(false);
    expect(readdirSync(out)).toEqual([REPORT_ID]);
    expect(snapshot(join(out, REPORT_ID))).toEqual(before);
    await assertIntactThenRebuild(out, before);
  });

  for (const delay of [100, 400, 700, 900]) {
    it(`leaves either the previous or the complete new output when killed ${delay} ms after start`, async () => {
      const { out, before } = await previousBuild();
      const run = start(out, 'none');
      await new Promise((r) => setTimeout(r, delay));
      run.child.kill('SIGKILL');
      await run.exited;
      // Killed in the instant between the two renames of the swap, the folder is repaired first.
      if (!existsSync(join(out, REPORT_ID))) await recoverOutput(out, REPORT_ID);
      const now = snapshot(join(out, REPORT_ID));
      // Killed before the swap: the old output; after it: the whole new one. Never a mix.
      if (now['slow.txt'] === undefined) expect(now).toEqual(before);
      else expect(Object.keys(now)).toEqual(['.kommunrapport-build.json', 'a.bin', 'big/part.bin', 'data/report.json', 'slow.txt', 'z-last.txt']);
      await assertIntactThenRebuild(out, now);
    });
  }
});

describe('leftovers of a process that ended but was never reaped', () => {
  it('are removed like those of a dead process (a zombie still answers kill(pid, 0))', async () => {
    if (process.platform !== 'linux') throw new Error('this test reads /proc and needs Linux');
    // `sleep 0` ends at once; its parent execs `sleep 5`, which never waits for it, so it
    // stays a zombie as an orphan does under a container's first process that never reaps.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number(await new Promise<string>((r) => parent.stdout.once('data', (d) => r(String(d).trim()))));
      const state = async () => {
        const { readFileSync } = await import('node:fs');
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.charAt(stat.lastIndexOf(')') + 2);
      };
      for (let i = 0; i < 100 && (await state()) !== 'Z'; i++) await new Promise((r) => setTimeout(r, 10));
      expect(await state()).toBe('Z');
      expect(() => process.kill(pid, 0)).not.toThrow();
      const { out } = await previousBuild();
      const { mkdirSync, writeFileSync } = await import('node:fs');
      const temp = join(out, `.${REPORT_ID}.tmp-${pid}-0-1`);
      mkdirSync(temp);
      writeFileSync(join(temp, 'half.txt'), 'half');
      writeFileSync(join(out, `.${REPORT_ID}.lock-${pid}-0-1`), `${pid}\n`);
      await recoverOutput(out, REPORT_ID);
      expect(readdirSync(out)).toEqual([REPORT_ID]);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
