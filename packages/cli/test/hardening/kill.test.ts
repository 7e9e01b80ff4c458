// Nothing lost, through the real bin building the Eskilstuna example in every format:
// builds killed with SIGKILL at seeded random moments (from the start, and while the new
// files are being written) leave the previous output byte-identical, or the complete new
// one, never a mix, and the next build repairs what the killed one left; two builds started
// together into the same folder end with one complete result.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom as random, snapshot } from '../cli-helpers.js';
import { bin, ensureBuilt, repoRoot } from './dist.js';

const ID = '0484-ks-2022-d2';
const root = mkdtempSync(join(tmpdir(), 'kr-kill-'));
const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };
let previous: Record<string, string>;
let next: Record<string, string>;
const figures = { whileWriting: 0, kills: 0, previousIntact: 0, completeNew: 0, renamedAwayIntact: 0, mixed: 0, concurrent: 0, concurrentWhole: 0 };

function start(report: string, out: string) {
  const child = spawn(process.execPath, [bin, 'build', report, '--out', out], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('close', (code, signal) => r({ code, signal })));
  return { child, exited, output: () => output };
}

async function build(report: string, out: string): Promise<void> {
  const run = start(report, out);
  const { code } = await run.exited;
  if (code !== 0) throw new Error(`build of ${report} failed (${code}): ${run.output()}`);
}

beforeAll(async () => {
  ensureBuilt(['packages/model', 'packages/core', 'plugins/html', 'plugins/pdf', 'plugins/text', 'plugins/open-data', 'plugins/docx', 'packages/cli']);
  const example = readFileSync(join(repoRoot, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml'), 'utf8');
  writeFileSync(join(root, 'v1.yaml'), example);
  // The second version differs in the title, so every format's bytes differ.
  const v2 = example.replace(/^title: (.*)$/m, (_line, title: string) => `title: ${JSON.stringify(`Ny version av ${title.replace(/^["']|["']$/g, '')}`)}`);
  expect(v2).not.toBe(example);
  writeFileSync(join(root, 'v2.yaml'), v2);
  await build('v1.yaml', join(root, 'ref1'));
  await build('v2.yaml', join(root, 'ref2'));
  previous = snapshot(join(root, 'ref1', ID));
  next = snapshot(join(root, 'ref2', ID));
  expect(Object.keys(previous).length).toBeGreaterThan(10);
  expect(previous).not.toEqual(next);
}, 300_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(
    `hardening: builds killed with SIGKILL: ${figures.kills} (${figures.whileWriting} while writing the new files); survived with the previous output intact: ${figures.previousIntact}` +
      ` (+${figures.renamedAwayIntact} intact but renamed away mid-swap and put back by the next build), complete new output: ${figures.completeNew}, mixed: ${figures.mixed}`,
  );
  console.log(`hardening: concurrent builds into one folder: ${figures.concurrent} rounds, one complete result: ${figures.concurrentWhole}`);
});

/** Kills a build of v2 over the output of v1 at the moment `when` picks; checks and repairs. */
async function killAndCheck(when: (run: ReturnType<typeof start>, out: string) => Promise<void>): Promise<void> {
  const out = join(root, `out-${figures.kills}`);
  cpSync(join(root, 'ref1', ID), join(out, ID), { recursive: true });
  const run = start('v2.yaml', out);
  await when(run, out);
  run.child.kill('SIGKILL');
  await run.exited;
  figures.kills++;
  const names = readdirSync(out);
  if (existsSync(join(out, ID))) {
    const now = snapshot(join(out, ID));
    if (JSON.stringify(now) === JSON.stringify(previous)) figures.previousIntact++;
    else if (JSON.stringify(now) === JSON.stringify(next)) figures.completeNew++;
    else {
      figures.mixed++;
      expect.fail(`the output is neither the previous nor the new one: ${Object.keys(now).length} files`);
    }
  } else {
    // Killed between the two renames of the swap: the previous output is whole, renamed away.
    const old = names.find((n) => n.startsWith(`.${ID}.old-`));
    expect(old, `no output and nothing renamed away: ${names.join(', ')}`).toBeDefined();
    expect(snapshot(join(out, old!))).toEqual(previous);
    figures.renamedAwayIntact++;
  }
  // The next build repairs the folder and publishes the new output.
  await build('v2.yaml', out);
  expect(readdirSync(out)).toEqual([ID]);
  expect(snapshot(join(out, ID))).toEqual(next);
  rmSync(out, { recursive: true, force: true });
}

describe('a build killed with SIGKILL through the real bin', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: killed at a random moment of the build`, async () => {
      const delay = 100 + Math.floor(random(seed)() * 1400);
      await killAndCheck(() => new Promise((r) => setTimeout(r, delay)));
    });
  }

  for (const seed of [11, 12, 13, 14, 15, 16]) {
    it(`seed ${seed}: killed while the new files are being written`, async () => {
      const extra = Math.floor(random(seed)() * 40);
      const seen = figures.whileWriting;
      await killAndCheck(
        (run, out) =>
          new Promise((resolve) => {
            // Watch for the temporary folder the files are written into, then kill a little later.
            const timer = setInterval(() => {
              const writing = existsSync(out) && readdirSync(out).some((n) => n.startsWith(`.${ID}.tmp-`));
              if (writing) {
                clearInterval(timer);
                figures.whileWriting++;
                setTimeout(resolve, extra);
              }
            }, 1);
            void run.exited.then(() => {
              clearInterval(timer);
              resolve();
            });
          }),
      );
      // The kill came after the temporary folder appeared, not after the build had ended.
      expect(figures.whileWriting).toBe(seen + 1);
    });
  }
});

describe('two builds into the same folder at once through the real bin', () => {
  for (const round of [1, 2, 3]) {
    it(`round ${round}: one complete result, never a mix`, async () => {
      figures.concurrent++;
      const out = join(root, `shared-${round}`);
      cpSync(join(root, 'ref1', ID), join(out, ID), { recursive: true });
      const a = start(round % 2 === 0 ? 'v1.yaml' : 'v2.yaml', out);
      const b = start(round % 2 === 0 ? 'v2.yaml' : 'v1.yaml', out);
      const [ra, rb] = await Promise.all([a.exited, b.exited]);
      expect([ra.code, rb.code], a.output() + b.output()).toEqual([0, 0]);
      expect(readdirSync(out)).toEqual([ID]);
      const now = JSON.stringify(snapshot(join(out, ID)));
      expect([JSON.stringify(previous), JSON.stringify(next)]).toContain(now);
      figures.concurrentWhole++;
    });
  }
});
