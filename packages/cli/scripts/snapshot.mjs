// Builds the CLI's V8 startup snapshot into dist/snapshot/ (part of `pnpm build`):
// 1. rollup bundles dist/snapshot.js with every package it imports into one CommonJS script
//    that requires only Node's built-ins (what `node --build-snapshot` can run);
// 2. `node --build-snapshot` runs it once (loading every plugin, parsing the fonts and
//    building the bundled example, see src/snapshot.ts) and saves the heap as snapshot.blob;
// 3. stamp.json records the Node binary and the size and time of every bundled file, so
//    bin/kommunrapport.js starts from the snapshot only while nothing it holds has changed.
// A snapshot that cannot be built is reported and left out: the bin then starts normally.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { fileHash } from '../bin/snapshot.js';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const cli = fileURLToPath(new URL('..', import.meta.url));
const out = join(cli, 'dist/snapshot');
const warm = join(cli, '../../examples/eskilstuna-ks-2022-delar2/rapport.yaml');

/**
 * Built-ins that cannot be loaded while a snapshot is built on Node 20 (http fails at once,
 * the others depend on it or are not supported there). They are loaded on first use instead: each export is
 * a stand-in that calls through to the real module.
 */
const LAZY_BUILTINS = new Set(['worker_threads', 'http', 'https', 'http2', 'net', 'tls', 'readline', 'dgram', 'cluster', 'inspector']);

const builtin = (id) => {
  const name = id.replace(/^node:/, '');
  return builtinModules.includes(name) ? name : undefined;
};

/** Resolves lazy built-ins to generated stand-in modules and keeps the rest external. */
const builtins = {
  name: 'snapshot-builtins',
  resolveId(id) {
    const name = builtin(id);
    if (!name) return null;
    return LAZY_BUILTINS.has(name) ? `\0lazy:${name}` : { id: `node:${name}`, external: true };
  },
  load(id) {
    if (!id.startsWith('\0lazy:')) return null;
    const name = id.slice('\0lazy:'.length);
    const real = createRequire(import.meta.url)(`node:${name}`);
    const lines = [
      `let loaded;`,
      `const load = () => (loaded ??= require('node:${name}'));`,
      `const through = (key) => new Proxy(function () {}, { apply: (_, self, args) => Reflect.apply(load()[key], self, args), construct: (_, args) => Reflect.construct(load()[key], args), get: (_, p) => load()[key][p] });`,
      `export default new Proxy({}, { get: (_, p) => load()[p] });`,
    ];
    for (const key of Object.keys(real)) {
      if (!/^[A-Za-z_$][\w$]*$/.test(key) || key === 'default') continue;
      const value = real[key];
      if (typeof value === 'function') lines.push(`export const ${key} = through(${JSON.stringify(key)});`);
      // Constants (http.METHODS, worker_threads.threadId of the main thread …) are copied as
      // this process sees them; anything else is reached through the default export only
      // (rollup fails the bundle if a module imports it by name, so nothing is missed silently).
      else if (value === null || ['string', 'number', 'boolean'].includes(typeof value) || Array.isArray(value)) lines.push(`export const ${key} = ${JSON.stringify(value)};`);
    }
    return lines.join('\n');
  },
};

/** `import.meta.url` becomes the URL of the file it is written in (fonts and workers are found from it). */
const metaUrl = {
  name: 'snapshot-import-meta-url',
  resolveImportMeta(property, { moduleId }) {
    return property === 'url' ? JSON.stringify(pathToFileURL(moduleId).href) : null;
  },
};

/**
 * fdir (through tinyglobby) probes for picomatch with require.resolve when it is loaded,
 * which marks the process as having run user modules and breaks the snapshot. tinyglobby
 * passes picomatch in itself, so the probe is dropped from the bundle.
 */
const fdirProbe = {
  name: 'snapshot-fdir-probe',
  transform(code, id) {
    if (!/[\\/]fdir[\\/]/.test(id)) return null;
    return code.replace(/__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/, 'throw 0;');
  },
};

/**
 * fflate's Node build (used by the docx plugin; docx inlines parts of it too) does two
 * things at load that a snapshot cannot hold: it loads worker_threads through a
 * createRequire of its own, which rollup does not see, so the real module's state would be
 * saved and every worker started later fails ("undefined is not an integer typed array" in
 * process.cwd); and it probes whether TextDecoder decodes in streaming mode, which leaves a
 * native converter in the heap ("global handle not serialized"). worker_threads is taken
 * from the lazy built-ins instead, and the probe is dropped (fflate then streams with its
 * own decoder, which only its streaming unzip uses).
 */
const fflateAtLoad = {
  name: 'snapshot-fflate-at-load',
  transform(code, id) {
    if (!/[\\/](fflate|docx)[\\/]/.test(id)) return null;
    const workers = /\(_a = require\('worker_threads'\), /;
    let out = code.replace(/\btd\.decode\(et, \{ stream: true \}\);/g, 'throw 0;');
    if (workers.test(out)) out = `import * as __workerThreads from 'node:worker_threads';\n${out.replace(workers, '(_a = __workerThreads, ')}`;
    return out === code ? null : { code: out, map: null };
  },
};

async function main() {
  // Loaded here, so a missing bundler (an install without dev dependencies) is reported below.
  const { rollup } = await import('rollup');
  const { default: commonjs } = await import('@rollup/plugin-commonjs');
  const { default: json } = await import('@rollup/plugin-json');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const bundle = await rollup({
    input: join(cli, 'dist/snapshot.js'),
    plugins: [builtins, metaUrl, fdirProbe, fflateAtLoad, nodeResolve({ exportConditions: ['node', 'import', 'default'], preferBuiltins: true }), commonjs({ ignoreDynamicRequires: true }), json()],
    onwarn(warning, warn) {
      if (['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'EVAL'].includes(warning.code)) return;
      warn(warning);
    },
  });
  const { output } = await bundle.generate({ format: 'cjs', inlineDynamicImports: true, exports: 'none' });
  await bundle.close();
  const chunk = output[0];
  const script = join(out, 'bundle.cjs');
  writeFileSync(script, chunk.code);

  const blob = join(out, 'snapshot.blob');
  const run = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], {
    env: { ...process.env, KOMMUNRAPPORT_SNAPSHOT_WARM: warm, NODE_OPTIONS: '' },
    encoding: 'utf8',
  });
  const problems = (run.stderr ?? '').split('\n').filter((l) => l.trim() && !/not yet fully verified|may still work|issue tracker|--trace-warnings/.test(l));
  if (run.status !== 0) throw new Error(`node --build-snapshot exited with ${run.status}:\n${problems.join('\n')}`);

  const files = Object.keys(chunk.modules).filter((id) => !id.startsWith('\0')).map((id) => id.replace(/\?.*$/, ''));
  const inputs = [...new Set(files)].sort().map((path) => {
    const s = statSync(path);
    return { path, size: s.size, mtimeMs: s.mtimeMs, sha256: fileHash(path) };
  });
  const stamp = { node: process.version, execPath: process.execPath, blob: { size: statSync(blob).size }, inputs };
  writeFileSync(join(out, 'stamp.json'), `${JSON.stringify(stamp, null, 1)}\n`);
  process.stderr.write(`snapshot: ${inputs.length} files, ${(stamp.blob.size / 2 ** 20).toFixed(1)} MB → ${blob}\n`);
}

main().catch((error) => {
  // Without stamp.json the bin never starts from what is left here (bundle.cjs is kept to look at).
  for (const file of ['snapshot.blob', 'stamp.json']) rmSync(join(out, file), { force: true });
  process.stderr.write(`snapshot: not built, the CLI will start without it: ${error instanceof Error ? error.message : error}\n`);
});
