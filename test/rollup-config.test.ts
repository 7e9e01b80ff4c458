// The shared rollup config (rollup.config.base.mjs): a rebuild leaves in dist/ only what it
// wrote, so a package's tarball (`files: ["dist"]`) never ships a chunk of an earlier build
// under an old hash.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
type CreateConfig = (packageUrl: string, options?: { entries?: Record<string, string>; clean?: boolean }) => RollupOptions[];
const { createConfig } = (await import(pathToFileURL(join(repoRoot, 'rollup.config.base.mjs')).href)) as { createConfig: CreateConfig };

/** Every file under a folder, relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)))
    .sort();
}

/** Builds the package in `root` with every config createConfig makes, as `rollup -c` does (in order). */
async function build(root: string, configs: RollupOptions[] = createConfig(pathToFileURL(join(root, 'rollup.config.mjs')).href)): Promise<void> {
  for (const config of configs) {
    const bundle = await rollup(config);
    await bundle.write(config.output as OutputOptions);
    await bundle.close();
  }
}

describe('rollup.config.base.mjs', () => {
  it('a rebuild leaves no chunk of the earlier build in dist/', async () => {
    // <tmp>/tsconfig.base.json and <tmp>/packages/demo, as in the repository.
    const top = mkdtempSync(join(tmpdir(), 'kr-rollup-'));
    copyFileSync(join(repoRoot, 'tsconfig.base.json'), join(top, 'tsconfig.base.json'));
    const root = join(top, 'packages/demo');
    mkdirSync(join(root, 'src'), { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'demo', version: '1.0.0', type: 'module' }));
    writeFileSync(join(root, 'src/index.ts'), "export const later = (): Promise<{ word: string }> => import('./lazy.js');\n");
    writeFileSync(join(root, 'src/lazy.ts'), "export const word: string = 'one';\n");
    await build(root);
    const first = files(join(root, 'dist'));
    expect(first.filter((f) => f.startsWith('chunks/lazy-'))).toHaveLength(1);

    writeFileSync(join(root, 'src/lazy.ts'), "export const word: string = 'two';\n");
    await build(root);
    const second = files(join(root, 'dist'));
    expect(second.filter((f) => f.startsWith('chunks/lazy-'))).toHaveLength(1);
    expect(second).not.toEqual(first);
    expect(second.filter((f) => !f.startsWith('chunks/'))).toEqual(['index.d.ts', 'index.js']);

    // A second config writing into the same dist/ with clean: false keeps what the first wrote.
    writeFileSync(join(root, 'src/extra.ts'), "export const extra = 1;\n");
    const url = pathToFileURL(join(root, 'rollup.config.mjs')).href;
    await build(root, [...createConfig(url), createConfig(url, { entries: { extra: 'src/extra.ts' }, clean: false })[0]!]);
    expect(files(join(root, 'dist')).filter((f) => !f.startsWith('chunks/'))).toEqual(['extra.js', 'index.d.ts', 'index.js']);
  }, 60_000);
});
