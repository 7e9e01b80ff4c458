// The packages as someone outside this repository gets them. Every publishable package is
// packed with `pnpm pack` (workspace dependencies become versions) and checked with publint.
// With plain npm and no workspace (third-party dependencies come from the registry and npm's
// cache): the tarballs are installed into an empty project, as the READMEs say until the
// packages are published, and `npx kommunrapport build` builds an example there. A stand-in
// for the registry (registry-stand-in.mjs) serves the tarballs under their names, with npm's
// @kommunrapport scope pointed at it, so the "Step 0" block of docs/plugins.md runs line by
// line, exactly as printed, in another empty folder: `npx @kommunrapport/create-plugin
// slides` and every next step it prints, `npm install` included (and `npm create
// @kommunrapport/plugin slides`, which the page gives as the same). The installed CLI then uses
// that plugin with --plugin and from kommunrapport.config.yaml. Then the same inside a copy
// of this repository: every next step create-plugin prints, run exactly as printed, with no
// change to the CLI's files.
//
// Slow (several minutes: three npm installs, a pnpm install, builds): one file, generous
// time limits. It fails, not skips, when npm cannot reach the registry.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli-helpers.js';

const MINUTE = 60_000;
const work = mkdtempSync(join(tmpdir(), 'kr-pack-'));
const tarballs = join(work, 'tarballs');
const project = join(work, 'project');
const pluginHome = join(work, 'plugin-home');
const repoCopy = join(work, 'repository');
let registry: ChildProcess | undefined;
afterAll(() => {
  registry?.kill();
  rmSync(work, { recursive: true, force: true });
});

/**
 * The environment of a developer's shell: no variables from the pnpm or vitest running this
 * test, not CI (pnpm would freeze the lockfile). Once the stand-in runs, npm's
 * @kommunrapport scope points at it (through npm_config_globalconfig), and `npx` installs
 * without asking (as answering its "Ok to proceed?" with y).
 */
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
/** The lines of the "Step 0" block of docs/plugins.md, comments left out. */
const stepZero = (() => {
  const doc = readFileSync(join(repoRoot, 'docs/plugins.md'), 'utf8');
  const block = /## Step 0[^\n]*\n+```sh\n([\s\S]*?)```/.exec(doc)![1]!;
  return block.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean);
})();

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

beforeAll(async () => {
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
  // The stand-in for the registry; it prints its address when it listens.
  const child = spawn(process.execPath, [fileURLToPath(new URL('./registry-stand-in.mjs', import.meta.url)), tarballs], { stdio: ['ignore', 'pipe', 'inherit'] });
  registry = child;
  const address = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) ok(out.trim());
    });
    child.on('exit', (code) => fail(new Error(`the registry stand-in exited ${code}`)));
  });
  // The scope goes into a copy of npm's global config file (an environment variable named
  // npm_config_@kommunrapport:registry would not pass through sh); the user's own config stays.
  const globalConfig = spawnSync('npm', ['config', 'get', 'globalconfig'], { env, encoding: 'utf8' }).stdout.trim();
  const npmrc = join(work, 'npmrc');
  writeFileSync(npmrc, `${existsSync(globalConfig) ? `${readFileSync(globalConfig, 'utf8')}\n` : ''}@kommunrapport:registry=${address}\n`);
  env.npm_config_globalconfig = npmrc;
  env.npm_config_yes = 'true';
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
      // Only this build's files: no chunk of an earlier build under another hash.
      const chunkNames = listing.map((f) => /^(dist\/(?:.*\/)?[\w.-]+?)-[\w-]{8}\.(js|d\.ts)$/.exec(f)).filter((m) => m !== null).map((m) => `${m[1]}.${m[2]}`);
      expect(chunkNames, p).toEqual([...new Set(chunkNames)]);
      // The README's install section names this very tarball (until the packages are published).
      const readme = readFileSync(join(repoRoot, p, 'README.md'), 'utf8');
      if (!p.startsWith('tools/')) expect(readme.match(/\.\/kommunrapport-[a-z-]+-\d+\.\d+\.\d+\.tgz/g), `${p}/README.md`).toEqual([`./${file.slice(tarballs.length + 1)}`]);
      const deps = JSON.stringify({ ...pkg.dependencies, ...pkg.peerDependencies });
      expect(deps, p).not.toContain('workspace:');
      for (const [entry, target] of Object.entries(pkg.exports as Record<string, Record<string, string>>)) {
        for (const condition of ['types', 'default']) expect(listing, `${p} exports ${entry} ${condition}`).toContain(target[condition]!.replace(/^\.\//, ''));
      }
      for (const bin of Object.values((pkg.bin ?? {}) as Record<string, string>)) expect(listing, `${p} bin`).toContain(bin.replace(/^\.\//, ''));
    }
  });

  it('pass publint, the packaging linter (its errors, warnings and suggestions: none)', async () => {
    for (const p of packages) {
      const bytes = readFileSync(tarball((JSON.parse(readFileSync(join(repoRoot, p, 'package.json'), 'utf8')) as { name: string }).name));
      const { messages, pkg } = await publint({ pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer }, level: 'suggestion' });
      expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg)}`), p).toEqual([]);
    }
  });
});

describe('outside the repository, with npm', () => {
  it('the tarballs install into an empty project (`npm install ./kommunrapport-cli-0.1.0.tgz …`, as the READMEs say) and `npx kommunrapport build` builds an example in every format', () => {
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{ "name": "reports", "private": true }\n');
    sh(`${npmInstall} ${packages.map((p) => tarball(JSON.parse(readFileSync(join(repoRoot, p, 'package.json'), 'utf8')).name)).join(' ')}`, project, 15 * MINUTE);
    expect(existsSync(join(project, 'node_modules/.pnpm'))).toBe(false);
    for (const name of ['cli', 'core', 'model', 'plugin-html', 'plugin-pdf', 'plugin-text', 'plugin-open-data', 'plugin-docx', 'create-plugin']) {
      expect(existsSync(join(project, 'node_modules/@kommunrapport', name, 'dist/index.js')), name).toBe(true);
    }
    cpSync(join(repoRoot, 'examples/solberga-son-2024-delar/rapport.yaml'), join(project, 'reports/rapport.yaml'));
    const printed = sh('npx kommunrapport build reports/rapport.yaml -o public', project);
    const id = /^id: (\S+)/m.exec(readFileSync(join(project, 'reports/rapport.yaml'), 'utf8'))![1]!;
    expect(printed).toContain(`✓ reports/rapport.yaml → public/${id}/`);
    for (const f of ['index.html', 'rapport.pdf', 'rapport.txt', 'open-data/report.json']) expect(existsSync(join(project, 'public', id, f)), f).toBe(true);
  }, 20 * MINUTE);

  let pluginDir = '';
  it('docs/plugins.md "Step 0" runs as printed in an empty folder: `npx @kommunrapport/create-plugin slides`, then every next step it prints', () => {
    mkdirSync(pluginHome);
    expect(stepZero.slice(0, 2)).toEqual(['mkdir my-plugins && cd my-plugins', 'npx @kommunrapport/create-plugin slides']);
    let cwd = pluginHome;
    let printed = '';
    for (const step of stepZero) {
      const cd = /^(?:(mkdir (\S+)) && )?cd (\S+)$/.exec(step);
      if (cd) {
        if (cd[1]) sh(cd[1], cwd);
        cwd = join(cwd, cd[3]!);
        continue;
      }
      const out = sh(step, cwd, 15 * MINUTE);
      if (step.includes('create-plugin')) printed = out;
      if (step === 'npm test') expect(out).toMatch(/Tests\s+4 passed \(4\)/);
    }
    // The page shows the steps create-plugin prints, in the same order.
    expect(nextSteps(printed)).toEqual(stepZero.slice(2));
    expect(nextSteps(printed)).toEqual(['cd kommunrapport-plugin-slides', 'npm install', 'npm test', 'npm run build', 'npx kommunrapport init example', 'npx kommunrapport build example/rapport.yaml --plugin . --format slides --out out']);
    // npm installed this repository's packages by version from the stand-in, as it will from the registry.
    for (const name of ['core', 'model', 'cli']) {
      const installed = join(cwd, 'node_modules/@kommunrapport', name);
      expect(readFileSync(join(installed, 'dist/index.js'), 'utf8'), name).toBe(readFileSync(join(repoRoot, 'packages', name, 'dist/index.js'), 'utf8'));
    }
    pluginDir = cwd;
    // `npm create @kommunrapport/plugin <name>`, which the page gives as the same, is the same.
    mkdirSync(join(pluginHome, 'by-npm-create'));
    const created = sh('npm create @kommunrapport/plugin slides', join(pluginHome, 'by-npm-create'));
    expect(nextSteps(created)).toEqual(nextSteps(printed));
    expect(readFileSync(join(pluginHome, 'by-npm-create/kommunrapport-plugin-slides/src/plugin.ts'), 'utf8')).toBe(readFileSync(join(pluginDir, 'src/plugin.ts'), 'utf8'));
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
    expect(hashes(join(repoCopy, 'packages/cli'))).toEqual(cliBefore);
    // The repository's CLI runs its code-cached bundle (a node:vm script): the plugin's import() works there too.
    // The copy's bundle is built here, as `pnpm build` would: the one copied names the files of
    // the checkout it was built in, and the install that added the plugin made it stale.
    sh('node packages/cli/scripts/bundle.mjs', repoCopy, 5 * MINUTE);
    const fromBundle = sh('KOMMUNRAPPORT_CODE_CACHE=require pnpm kommunrapport build examples/eskilstuna-ks-2022-delar2/rapport.yaml --plugin ./plugins/slides --format slides --out from-bundle', repoCopy);
    expect(fromBundle).toContain('from-bundle/0484-ks-2022-d2/slides.txt');
    expect(readFileSync(join(repoCopy, 'from-bundle/0484-ks-2022-d2/slides.txt'), 'utf8')).toBe(outline);
  }, 30 * MINUTE);
});
