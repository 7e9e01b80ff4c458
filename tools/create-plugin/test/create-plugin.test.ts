// The generator end to end, in a temporary copy of the workspace: the new plugin's files
// exist and type-check, its own test passes, it builds with rollup, and a build of a real
// report with it writes its artifact. The CLI and the registry edit run in the copy only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
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

const node = (args: string[], cwd: string) =>
  execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '', KOMMUNRAPPORT_TEST_REPORT: '', NO_COLOR: '1' } });

beforeAll(() => {
  exitCode = main([NAME, '--dir', root], '/', { log: (s) => out.push(s), error: (s) => err.push(s) });
  const cliPackage = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  linkPluginDependencies(root, NAME, cliPackage.dependencies?.[`@kommunrapport/plugin-${NAME}`] !== undefined);
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
    expect(printed).toMatch(/Next steps:\n {2}1\. pnpm install\n/);
    expect(printed).toContain('--format outline');
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

  it('passes its own test (vitest run in the copy)', () => {
    const output = node([join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', `plugins/${NAME}`], root);
    expect(output).toMatch(/Tests\s+5 passed \(5\)/);
  });

  it('builds with rollup: ESM and a bundled .d.ts', () => {
    node([join(repoRoot, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent'], dir);
    const js = readFileSync(join(dir, 'dist/index.js'), 'utf8');
    expect(js).toContain("from '@kommunrapport/core'");
    expect(js).toMatch(/formats: \[["']outline["']\]/);
    expect(readFileSync(join(dir, 'dist/index.d.ts'), 'utf8')).toMatch(/declare const outlinePlugin: .*Plugin</);
  });

  it('renders a real report through the build pipeline and writes outline.txt', () => {
    const report = ['examples/eskilstuna-ks-2022-delar2/rapport.yaml', 'packages/model/test/fixtures/valid/minimal.yaml'].find((p) => existsSync(join(root, p)))!;
    const yaml = readFileSync(join(root, report), 'utf8');
    const id = /^id:\s*(\S+)/m.exec(yaml)![1]!;
    const title = /^title:\s*(.+)$/m.exec(yaml)![1]!.trim().replace(/^["']|["']$/g, '');
    // The plugin's own folder resolves @kommunrapport/core as a user's package would.
    const script = join(dir, 'build-check.mjs');
    writeFileSync(script, [
      "import { buildReport, loadPlugin } from '@kommunrapport/core';",
      `const plugin = await loadPlugin('./dist/index.js', ${JSON.stringify(dir)});`,
      `const result = await buildReport({ file: ${JSON.stringify(join(root, report))}, plugins: [plugin], outDir: ${JSON.stringify(join(root, 'out'))} });`,
      'console.log(JSON.stringify({ ok: result.ok, artifacts: result.artifacts.map((a) => a.path), problems: result.problems }));',
    ].join('\n'));
    const result = JSON.parse(node([script], dir).trim().split('\n').pop()!);
    expect(result).toEqual({ ok: true, artifacts: ['outline.txt'], problems: [] });
    const written = readFileSync(join(root, 'out', id, 'outline.txt'), 'utf8');
    expect(written.split('\n')[0]).toBe(title);
    expect(written.split('\n').length).toBeGreaterThan(5);
  });
});
