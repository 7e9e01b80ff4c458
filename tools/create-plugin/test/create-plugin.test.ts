// The generator end to end, in a temporary copy of the workspace: the new plugin's files
// exist and type-check, its own test (on core's test helpers) passes, it builds with
// rollup, the CLI's files are left alone, and `kommunrapport build --plugin ./plugins/<name>`
// (its folder) writes its artifact. The outputs stay in the copy. (The pack test runs the
// printed next steps themselves, with pnpm, in a full copy.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project, ts } from 'ts-morph';
import { main } from '../src/cli.js';
import { linkPluginDependencies, repoRoot, tempWorkspace } from './workspace-helper.js';

const NAME = 'outline';
const ws = tempWorkspace();
const root = ws.root;
const dir = join(root, 'plugins', NAME);
const out: string[] = [];
const err: string[] = [];
let exitCode = -1;

const env = { ...process.env, CI: '', KOMMUNRAPPORT_TEST_REPORT: '', NO_COLOR: '1' };
const node = (args: string[], cwd: string) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });
const nodeAsync = (args: string[], cwd: string) => promisify(execFile)(process.execPath, args, { cwd, encoding: 'utf8', env }).then((r) => r.stdout);
// The plugin's own test run and its rollup build start at once and run beside the type-check.
let ownTest: Promise<string>;
let rollup: Promise<string>;

beforeAll(() => {
  exitCode = main([NAME, '--dir', root], '/', { log: (s) => out.push(s), error: (s) => err.push(s) });
  linkPluginDependencies(root, NAME);
  ownTest = nodeAsync([join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', `plugins/${NAME}`], root);
  rollup = nodeAsync([join(repoRoot, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], dir);
  // Settled here too, so a failure is reported by the test that awaits it, not as unhandled.
  ownTest.catch(() => {});
  rollup.catch(() => {});
});
afterAll(() => ws.cleanup());

describe(`pnpm create-plugin ${NAME}`, () => {
  it('creates the package files and prints the next steps', () => {
    expect(err).toEqual([]);
    expect(exitCode).toBe(0);
    for (const f of ['package.json', 'rollup.config.mjs', 'src/index.ts', 'src/plugin.ts', 'test/plugin.test.ts', 'README.md']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const text = JSON.parse(readFileSync(join(repoRoot, 'plugins/text/package.json'), 'utf8'));
    expect(pkg.name).toBe('@kommunrapport/plugin-outline');
    expect(pkg.exports).toEqual(text.exports);
    expect(pkg.scripts).toEqual(text.scripts);
    expect(pkg.dependencies).toEqual({ '@kommunrapport/model': 'workspace:*', '@kommunrapport/core': 'workspace:*', 'io-ts': text.dependencies['io-ts'] });
    const printed = out.join('\n');
    expect(printed).toContain('+ plugins/outline/src/plugin.ts');
    expect(printed).toMatch(/Next steps \(in .*\):\n {2}1\. pnpm install\n/);
    expect(printed).toContain('--plugin ./plugins/outline --format outline');
  });

  it('refuses the same name again and changes nothing', () => {
    const before = readFileSync(join(dir, 'src/plugin.ts'), 'utf8');
    const errors: string[] = [];
    expect(main([NAME, '--dir', root], '/', { log: () => {}, error: (s) => errors.push(s) })).toBe(1);
    expect(errors.join('\n')).toContain('"outline" exists already');
    expect(readFileSync(join(dir, 'src/plugin.ts'), 'utf8')).toBe(before);
  });

  it('type-checks with the workspace settings (0 diagnostics)', () => {
    const project = new Project({ tsConfigFilePath: join(root, 'tsconfig.base.json'), skipAddingFilesFromTsConfig: true, compilerOptions: { noEmit: true } });
    const files = project.addSourceFilesAtPaths([join(dir, 'src/**/*.ts'), join(dir, 'test/**/*.ts')]);
    expect(files.length).toBe(3);
    project.resolveSourceFileDependencies();
    const diagnostics = files.flatMap((f) => f.getPreEmitDiagnostics()).map((d) => `${d.getSourceFile()?.getBaseName()}:${d.getLineNumber()}: ${ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  });

  it('passes its own test (vitest run in the copy)', async () => {
    const output = await ownTest;
    expect(output).toMatch(/Tests\s+4 passed \(4\)/);
  });

  it('builds with rollup: ESM and a bundled .d.ts', async () => {
    await rollup;
    const js = readFileSync(join(dir, 'dist/index.js'), 'utf8');
    expect(js).toContain("from '@kommunrapport/core'");
    expect(js).toMatch(/formats: \[["']outline["']\]/);
    expect(readFileSync(join(dir, 'dist/index.d.ts'), 'utf8')).toMatch(/declare const outlinePlugin: .*Plugin</);
  });

  const report = ['examples/eskilstuna-ks-2022-delar2/rapport.yaml', 'packages/model/test/fixtures/valid/minimal.yaml'].find((p) => existsSync(join(root, p)))!;
  const reportText = () => readFileSync(join(root, report), 'utf8');
  const id = () => /^id:\s*(\S+)/m.exec(reportText())![1]!;
  const title = () => /^title:\s*(.+)$/m.exec(reportText())![1]!.trim().replace(/^["']|["']$/g, '');
  /** Runs `kommunrapport <args>` of the copy's CLI from its sources (the registry edit is there, not in a stale dist). */
  const kommunrapport = (args: string[]) => {
    const script = join(root, 'run-cli.mts');
    writeFileSync(script, "import { main } from './packages/cli/src/index.ts';\nprocess.exitCode = await main(process.argv.slice(2));\n");
    return node(['--conditions=@kommunrapport/source', '--import', 'tsx', script, ...args], root);
  };

  it('leaves the CLI\'s files alone', () => {
    expect(out.join('\n')).not.toContain('packages/cli');
    for (const f of ['src/first-party.ts', 'package.json']) {
      expect(readFileSync(join(root, 'packages/cli', f), 'utf8'), f).toBe(readFileSync(join(repoRoot, 'packages/cli', f), 'utf8'));
    }
  });

  it('works with `--plugin ./plugins/outline` (its folder) once built: the title, then every heading', async () => {
    await rollup;
    const printed = kommunrapport(['build', report, '--plugin', `./plugins/${NAME}`, '--format', NAME, '--out', 'out-folder']);
    expect(printed).toContain(`out-folder/${id()}/outline.txt`);
    const written = readFileSync(join(root, 'out-folder', id(), 'outline.txt'), 'utf8');
    expect(written.split('\n')[0]).toBe(title());
    expect(written.split('\n').length).toBeGreaterThan(5);
  });
});
