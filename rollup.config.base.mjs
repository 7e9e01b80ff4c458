// One rollup config factory for every package: ESM JavaScript and one bundled .d.ts per entry.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import dts from 'rollup-plugin-dts';

/**
 * @param {string} packageUrl `import.meta.url` of the package's rollup.config.mjs
 * @param {{ entries?: Record<string, string>, clean?: boolean }} [options] `entries`: entry name → source file
 *   (default: index → src/index.ts); `clean` (default true): empty dist/ when the build starts, so
 *   no file of an earlier build (a chunk under an old hash) is left there to be packed. A second
 *   config writing into the same dist/ passes `clean: false`.
 */
export function createConfig(packageUrl, options = {}) {
  const root = dirname(fileURLToPath(packageUrl));
  const clean = { name: 'clean-dist', buildStart: () => rmSync(join(root, 'dist'), { recursive: true, force: true }) };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
  const external = (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
  const entries = options.entries ?? { index: 'src/index.ts' };
  const input = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)]));
  return [
    {
      input,
      external,
      plugins: [...(options.clean === false ? [] : [clean]), esbuild({ target: 'node20', tsconfig: join(root, '../../tsconfig.base.json') })],
      output: { dir: join(root, 'dist'), format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      onwarn(warning, warn) {
        if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((i) => i.includes('node_modules'))) return;
        throw new Error(`rollup: ${warning.message}`);
      },
    },
    {
      input,
      external,
      plugins: [dts({ tsconfig: join(root, '../../tsconfig.base.json') })],
      output: { dir: join(root, 'dist'), format: 'es', entryFileNames: '[name].d.ts' },
    },
  ];
}
