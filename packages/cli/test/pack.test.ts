// The packages as someone outside this repository gets them. Every publishable package is
// packed with `pnpm pack` (workspace dependencies become versions), the tarballs are
// installed with plain npm into an empty project (no workspace; third-party dependencies
// come from the registry and npm's cache), `npx kommunrapport build` builds an example
// there, create-plugin scaffolds a plugin in another empty folder whose printed next steps
// are run (the tarballs standing in for the registry at `npm install`), and the installed
// CLI uses that plugin with --plugin and from kommunrapport.config.yaml. Then the same
// inside a copy of this repository: every next step create-plugin prints, run exactly as
// printed, with no change to the CLI's files.
//
// Slow (several minutes: three npm installs, a pnpm install, builds): one file, generous
// time limits. It fails, not skips, when npm cannot reach the registry.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli-helpers.js';

const MINUTE = 60_000;
const work = mkdtempSync(join(tmpdir(), 'kr-pack-'));
const tarballs = join(work, 'tarballs');
const project = join(work, 'project');
const pluginHome = join(work, 'plugin-home');
const repoCopy = join(work, 'repository');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The environment of a developer's shell: no variables from the pnpm or vitest running this test, not CI (pnpm would freeze the lockfile). */
const env: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({ ...process.env, CI: '', NO_COLOR: '1', SOURCE_DATE_EPOCH: '1700000000' }).filter(([k]) => !/^(npm_|pnpm_|PNPM_|VITEST|NODE_OPTIONS$|TEST$)/i.test(k)),
);

/** Runs a command line in a shell, as typed; throws with its output when it fails. */
function sh(command: string, cwd: string, timeout = 10 * MINUTE): string {
  const r = spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`\`${command}\` in ${cwd} exited ${r.status ?? r.signal}:\n${output}`);
  return output;
}

/** The packages of the repository that are published (not private), by folder. */
const packages = ['packages', 'plugins', 'tools'].flatMap((top) =>
  readdirSync(join(repoRoot, top))
    .map((d) => `${top}/${d}`)
    .filter((d) => existsSync(join(repoRoot, d, 'package.json')) && !(JSON.parse(readFileSync(join(repoRoot, d, 'package.json'), 'utf8')) as { private?: boolean }).private),
);
const tarball = (name: string) => join(tarballs, readdirSync(tarballs).find((f) => f.startsWith(`${name.replace('@', '').replace('/', '-')}-`) && /-\d+\.\d+\.\d+\.tgz$/.test(f))!);
const npmInstall = 'npm install --no-audit --no-fund --prefer-offline';

/** Steps printed by create-plugin under "Next steps:". */
const nextSteps = (printed: string) => [...printed.matchAll(/^ {2}\d+\. (.+)$/gm)].map((m) => m[1]!);

/** Every file under a folder (node_modules and build outputs left out) → sha256. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === 'node_modules' || name === 'dist' || name === '.turbo') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

beforeAll(() => {
  const ping = spawnSync('npm', ['ping'], { env, encoding: 'utf8', timeout: 60_000 });
  if (ping.status !== 0) {
    throw new Error(
      `npm cannot reach the registry (npm ping exited ${ping.status ?? ping.signal}):\n${ping.stdout}${ping.stderr}\n` +
        'This test installs the packed packages with npm, whose third-party dependencies come from the registry. Check the network, the proxy and NODE_EXTRA_CA_CERTS, then run it again.',
    );
  }
  // The tarballs hold dist/: build it (turbo answers from its cache when nothing changed).
  sh('pnpm build --output-logs=errors-only', repoRoot, 15 * MINUTE);
  mkdirSync(tarballs);
  for (const p of packages) sh(`pnpm pack --pack-destination ${tarballs}`, join(repoRoot, p));
}, 25 * MINUTE);

describe('the packed packages', () => {
  it('are publish-ready: publishing fields, versions for workspace dependencies, and every file their exports name', () => {
    expect(packages.length).toBeGreaterThanOrEqual(8);
    for (const p of packages) {
      const source = JSON.parse(readFileSync(join(repoRoot, p, 'package.json'), 'utf8')) as { name: string };
      const file = tarball(source.name);
      const listing = sh(`tar -tzf ${file}`, work).split('\n').filter(Boolean).map((f) => f.replace(/^package\//, ''));
      const pkg = JSON.parse(sh(`tar -xzOf ${file} package/package.json`, work)) as Record<string, any>;
      expect(pkg.license, p).toBe('EUPL-1.2');
      expect(pkg.repository, p).toMatchObject({ type: 'git', directory: p });
      expect(pkg.engines, p).toEqual({ node: '>=20.19' });
      expect(pkg.files, p).toContain('dist');
      expect(pkg.types, p).toBe('./dist/index.d.ts');
      expect(listing, p).toContain('README.md');
      const deps = JSON.stringify({ ...pkg.dependencies, ...pkg.peerDependencies });
      expect(deps, p).not.toContain('workspace:');
      for (const [entry, target] of Object.entries(pkg.exports as Record<string, Record<string, string>>)) {
        for (const condition of ['types', 'default']) expect(listing, `${p} exports ${entry} ${condition}`).toContain(target[condition]!.replace(/^\.\//, ''));
      }
      for (const bin of Object.values((pkg.bin ?? {}) as Record<string, string>)) expect(listing, `${p} bin`).toContain(bin.replace(/^\.\//, ''));
    }
  });
});

describe('outside the repository, with npm', () => {
  it('installs into an empty project and `npx kommunrapport build` builds an example in every format', () => {
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "reports", "private": true }\n');
    sh(`${npmInstall} ${packages.map((p) => tarball(JSON.parse(readFileSync(join(repoRoot, p, 'package.json'), 'utf8')).name)).join(' ')}`, project, 15 * MINUTE);
    expect(existsSync(join(project, 'node_modules/.pnpm'))).toBe(false);
    cpSync(join(repoRoot, 'examples/solberga-son-2024-delar/rapport.yaml'), join(project, 'reports/rapport.yaml'));
    const printed = sh('npx kommunrapport build reports/rapport.yaml -o public', project);
    const id = /^id: (\S+)/m.exec(readFileSync(join(project, 'reports/rapport.yaml'), 'utf8'))![1]!;
    expect(printed).toContain(`✓ reports/rapport.yaml → public/${id}/`);
    for (const f of ['index.html', 'rapport.pdf', 'rapport.txt', 'open-data/report.json']) expect(existsSync(join(project, 'public', id, f)), f).toBe(true);
  }, 20 * MINUTE);

  let pluginDir = '';
  it('create-plugin scaffolds a plugin in another empty folder, and its next steps work as printed (npm install given the tarballs)', () => {
    mkdirSync(pluginHome);
    const printed = sh(`${join(project, 'node_modules/.bin/create-plugin')} slides`, pluginHome);
    const steps = nextSteps(printed);
    expect(steps).toEqual(['cd kommunrapport-plugin-slides', 'npm install', 'npm test', 'npm run build', 'npx kommunrapport init example', 'npx kommunrapport build example/rapport.yaml --plugin . --format slides --out out']);
    let cwd = pluginHome;
    for (const step of steps) {
      if (step.startsWith('cd ')) cwd = join(cwd, step.slice(3));
      // Not published: the tarballs stand in for the registry (npm records them in package.json).
      else if (step === 'npm install') sh(`${npmInstall} ${['@kommunrapport/core', '@kommunrapport/model', '@kommunrapport/cli', '@kommunrapport/plugin-html', '@kommunrapport/plugin-pdf', '@kommunrapport/plugin-text', '@kommunrapport/plugin-open-data', '@kommunrapport/plugin-docx'].map(tarball).join(' ')}`, cwd, 15 * MINUTE);
      else {
        const out = sh(step, cwd);
        if (step === 'npm test') expect(out).toMatch(/Tests\s+4 passed \(4\)/);
      }
    }
    pluginDir = cwd;
    expect(existsSync(join(pluginDir, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(pluginDir, 'dist/index.d.ts'))).toBe(true);
    const outline = readdirSync(join(pluginDir, 'out')).map((id) => readFileSync(join(pluginDir, 'out', id, 'slides.txt'), 'utf8'));
    expect(outline).toHaveLength(1);
    expect(outline[0]!.split('\n').length).toBeGreaterThan(3);
  }, 30 * MINUTE);

  it('the installed CLI uses the plugin with --plugin (its folder) and from kommunrapport.config.yaml (installed, by package name), and lists it', () => {
    expect(pluginDir, 'the previous test made the plugin').not.toBe('');
    const id = /^id: (\S+)/m.exec(readFileSync(join(project, 'reports/rapport.yaml'), 'utf8'))![1]!;
    sh(`npx kommunrapport build reports/rapport.yaml --plugin ${pluginDir} -f slides -o by-flag`, project);
    const byFlag = readFileSync(join(project, 'by-flag', id, 'slides.txt'), 'utf8');
    expect(byFlag.split('\n')[0]).toMatch(/delårsrapport/i);
    sh(`${npmInstall} ${pluginDir}`, project, 10 * MINUTE);
    writeFileSync(join(project, 'reports/kommunrapport.config.yaml'), 'plugins: [kommunrapport-plugin-slides]\noptions:\n  slides:\n    indent: 4\n');
    sh('npx kommunrapport build reports/rapport.yaml -f slides -o by-config', project);
    const byConfig = readFileSync(join(project, 'by-config', id, 'slides.txt'), 'utf8');
    expect(byConfig.replace(/ {4}/g, '  ')).not.toBe(byConfig);
    expect(byConfig.replace(/^ +/gm, '')).toBe(byFlag.replace(/^ +/gm, ''));
    const formats = sh('npx kommunrapport formats', join(project, 'reports'));
    expect(formats).toMatch(/^slides {2}\(plugin slides, kommunrapport-plugin-slides@0\.1\.0, kommunrapport\.config\.yaml\)$/m);
    expect(formats).toContain('-O slides.indent=2');
  }, 20 * MINUTE);
});

describe('inside a copy of this repository, with pnpm', () => {
  it('runs every next step create-plugin prints exactly as printed, and leaves the CLI\'s files alone', () => {
    // The repository as a developer has it after `pnpm install && pnpm build`: its files and the built dist/ folders.
    const files = sh('git ls-files -co --exclude-standard', repoRoot).split('\n').filter((f) => f !== '' && existsSync(join(repoRoot, f)));
    for (const f of files) {
      mkdirSync(dirname(join(repoCopy, f)), { recursive: true });
      cpSync(join(repoRoot, f), join(repoCopy, f));
    }
    for (const p of [...packages, 'tools/api-report']) if (existsSync(join(repoRoot, p, 'dist'))) cpSync(join(repoRoot, p, 'dist'), join(repoCopy, p, 'dist'), { recursive: true });
    sh('pnpm install', repoCopy, 15 * MINUTE);
    const cliBefore = hashes(join(repoCopy, 'packages/cli'));
    const printed = sh('pnpm create-plugin slides', repoCopy);
    const steps = nextSteps(printed);
    expect(steps).toEqual([
      'pnpm install',
      'pnpm vitest run plugins/slides',
      'pnpm --filter @kommunrapport/plugin-slides build',
      'pnpm kommunrapport build examples/eskilstuna-ks-2022-delar2/rapport.yaml --plugin ./plugins/slides --format slides',
    ]);
    const outputs = steps.map((step) => sh(step, repoCopy, 15 * MINUTE));
    expect(outputs[1]).toMatch(/Tests\s+4 passed \(4\)/);
    expect(outputs[3]).toMatch(/✓ examples\/eskilstuna-ks-2022-delar2\/rapport\.yaml → dist\/0484-ks-2022-d2\/ \(1 file/);
    const outline = readFileSync(join(repoCopy, 'dist/0484-ks-2022-d2/slides.txt'), 'utf8');
    expect(outline.split('\n')[0]).toMatch(/delårsrapport/i);
    // The repository's CLI starts from its V8 startup snapshot, which has no dynamic import(): the plugin loads there too.
    const fromSnapshot = sh('KOMMUNRAPPORT_SNAPSHOT=require pnpm kommunrapport build examples/eskilstuna-ks-2022-delar2/rapport.yaml --plugin ./plugins/slides --format slides --out from-snapshot', repoCopy);
    expect(fromSnapshot).toContain('from-snapshot/0484-ks-2022-d2/slides.txt');
    expect(readFileSync(join(repoCopy, 'from-snapshot/0484-ks-2022-d2/slides.txt'), 'utf8')).toBe(outline);
    expect(hashes(join(repoCopy, 'packages/cli'))).toEqual(cliBefore);
  }, 30 * MINUTE);
});
