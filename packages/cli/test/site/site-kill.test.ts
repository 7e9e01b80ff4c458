// A site build through the real bin, killed with SIGKILL at seeded moments while it builds
// a changed report and swaps the new site in, leaves the previous site byte-identical (or
// the complete new one once the swap is done, never a mix), and a site build that fails on
// a bad report leaves it byte-identical too. The next build repairs what a killed one left.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seededRandom as random, snapshot } from '../cli-helpers.js';
import { bin, ensureBuilt, repoRoot } from '../hardening/dist.js';

const root = mkdtempSync(join(tmpdir(), 'kr-site-kill-'));
const env = { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' };
const REPORT = join(root, 'src/solberga/rapport.yaml');
let original: string;
let previous: Record<string, string>;
let next: Record<string, string>;
const figures = { kills: 0, previousIntact: 0, completeNew: 0, renamedAwayIntact: 0, mixed: 0 };

function start(out: string) {
  const child = spawn(process.execPath, [bin, 'site', 'src/*/rapport.yaml', '--config', 'src/kommunrapport.config.yaml', '-o', out, '-q'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('close', (code, signal) => r({ code, signal })));
  return { child, exited, output: () => output };
}

async function site(out: string): Promise<number> {
  const started = Date.now();
  const run = start(out);
  const { code } = await run.exited;
  if (code !== 0) throw new Error(`site build failed (${code}): ${run.output()}`);
  return Date.now() - started;
}

let fullMs = 0;

beforeAll(async () => {
  ensureBuilt(['packages/model', 'packages/core', 'plugins/html', 'plugins/pdf', 'plugins/text', 'plugins/open-data', 'plugins/docx', 'packages/cli']);
  for (const [name, example] of [['solberga', 'solberga-son-2024-delar'], ['norrvik', 'norrvik-bun-2024-malmodell']] as const) {
    // The report's folder: its rapport.yaml and the images its text shows.
    cpSync(join(repoRoot, 'examples', example), join(root, 'src', name), { recursive: true });
  }
  cpSync(join(repoRoot, 'examples/kommunrapport.config.yaml'), join(root, 'src/kommunrapport.config.yaml'));
  original = readFileSync(REPORT, 'utf8');
  await site('ref1/site');
  previous = snapshot(join(root, 'ref1/site'));
  writeFileSync(REPORT, original.replace(/^title: (.*)$/m, 'title: $1 (ny version)'));
  fullMs = await site('ref2/site');
  next = snapshot(join(root, 'ref2/site'));
  expect(previous).not.toEqual(next);
  expect(Object.keys(previous).length).toBeGreaterThan(40);
}, 600_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(`site: builds killed with SIGKILL: ${figures.kills}; previous site intact: ${figures.previousIntact} (+${figures.renamedAwayIntact} renamed away mid-swap and put back by the next build), complete new site: ${figures.completeNew}, mixed: ${figures.mixed}`);
});

it('a site build killed at seeded moments leaves the previous site byte-identical (or the whole new one), and the next build repairs and completes', async () => {
  const pick = random(18);
  for (let i = 0; i < 4; i++) {
    const dir = `out-${i}`;
    cpSync(join(root, 'ref1'), join(root, dir), { recursive: true });
    const run = start(`${dir}/site`);
    // From 10 % to 110 % of a full rebuild's time: while the report builds, the pages are made and the site is swapped in.
    const delay = Math.round(fullMs * (0.1 + pick()));
    await Promise.race([new Promise((r) => setTimeout(r, delay)), run.exited]);
    run.child.kill('SIGKILL');
    await run.exited;
    figures.kills++;
    const target = join(root, dir, 'site');
    if (existsSync(target)) {
      const now = snapshot(target);
      if (JSON.stringify(now) === JSON.stringify(previous)) figures.previousIntact++;
      else if (JSON.stringify(now) === JSON.stringify(next)) figures.completeNew++;
      else figures.mixed++;
      expect([previous, next]).toContainEqual(now);
    } else {
      // Killed between the two renames of the swap: the previous site is whole under its temporary name.
      const old = readdirSync(join(root, dir)).find((n) => n.startsWith('.site.old-'));
      expect(old, `after a kill at ${delay} ms neither the site nor its renamed previous version exists`).toBeDefined();
      expect(snapshot(join(root, dir, old!))).toEqual(previous);
      figures.renamedAwayIntact++;
    }
    // The next build repairs what the killed one left and completes: the new site, nothing else beside it.
    await site(`${dir}/site`);
    expect(snapshot(target)).toEqual(next);
    expect(readdirSync(join(root, dir)).sort()).toEqual(['site']);
  }
  expect(figures.mixed).toBe(0);
  expect(figures.previousIntact).toBeGreaterThan(0);
}, 600_000);

it('a site build that fails on a bad report exits 1 and leaves the previous site byte-identical', async () => {
  const dir = 'out-bad';
  cpSync(join(root, 'ref1'), join(root, dir), { recursive: true });
  writeFileSync(REPORT, original.replace(/^title: .*$/m, 'title: ""'));
  try {
    const run = start(`${dir}/site`);
    const { code } = await run.exited;
    expect(code).toBe(1);
    expect(run.output()).toContain('src/solberga/rapport.yaml');
    expect(run.output()).toContain('the site was not built; the previous site, if any, is as it was.');
    expect(snapshot(join(root, dir, 'site'))).toEqual(previous);
    expect(readdirSync(join(root, dir)).sort()).toEqual(['site']);
  } finally {
    writeFileSync(REPORT, original.replace(/^title: (.*)$/m, 'title: $1 (ny version)'));
  }
}, 300_000);
