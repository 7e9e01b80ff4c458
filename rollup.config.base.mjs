// One rollup config factory for every package: ESM JavaScript and one bundled .d.ts per entry.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import dts from 'rollup-plugin-dts';

/**
 * @param {string} packageUrl `import.meta.url` of the package's rollup.config.mjs
 * @param {{ entries?: Record<string, string> }} [options] entry name → source file (default: index → src/index.ts)
 */
export function createConfig(packageUrl, options = {}) {
  const root = dirname(fileURLToPath(packageUrl));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies });
  const external = (id) => id.startsWith('node:') || deps.some((d) => id === d || id.startsWith(`${d}/`));
  const entries = options.entries ?? { index: 'src/index.ts' };
  const input = Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)]));
  return [
    {
      input,
      external,
      plugins: [esbuild({ target: 'node20', tsconfig: join(root, '../../tsconfig.base.json') })],
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
