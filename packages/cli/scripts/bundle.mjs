// Builds the CLI's one-file bundle and its V8 code cache into dist/code-cache/ (part of
// `pnpm build`):
// 1. esbuild bundles dist/index.js with every package it imports (core, model, the
//    first-party plugins and their dependencies) into bundle.cjs: one CommonJS script
//    wrapped in a function, whitespace and syntax minified with names kept. Modules reached
//    through import() (the plugins) run only when imported, so a command loads only the
//    plugins of the formats it builds;
// 2. a separate process runs it once, building the bundled example in every format into a
//    temporary folder, and saves V8's code cache of the script as bundle.cache: the bytecode
//    of every function that build ran, so a cold build compiles almost nothing;
// 3. stamp.json records the size, SHA-1 and time of the bundle and the cache, the Node version, and
//    the size, time and SHA-1 of every bundled file of the workspace and of pnpm's record of
//    the installed dependencies (a dependency's files change only by an install, which
//    rewrites it), so bin/kommunrapport.js runs the bundle only while nothing it holds has
//    changed, at the cost of a dozen file stats instead of one per bundled file (864).
// A bundle or cache that cannot be built is reported and left out: the bin then starts normally.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileHash } from '../bin/code-cache.js';

const cli = fileURLToPath(new URL('..', import.meta.url));
const out = join(cli, 'dist/code-cache/');
const example = join(cli, '../../examples/eskilstuna-ks-2022-delar2/rapport.yaml');
/** The arguments of the node:vm function the bundle is wrapped in (those of a CommonJS module). */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];

/** `import.meta.url` becomes the URL of the file it is written in (fonts and workers are found from it). */
const metaUrl = {
  name: 'import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
      const code = readFileSync(args.path, 'utf8');
      if (!code.includes('import.meta.url')) return undefined;
      return { contents: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'js' };
    });
  },
};

/** Runs the bundle once in a fresh process, building the example, and writes bundle.cache. */
const WARM_UP = `
import { writeFileSync } from 'node:fs';
import { loadBundle } from ${JSON.stringify(pathToFileURL(join(cli, 'bin/code-cache.js')).href)};
const [dir, stamp, example, outDir] = JSON.parse(process.argv[1]);
const { exports, script } = loadBundle(dir, stamp, { cache: false });
const code = await exports.main(['build', example, '--out', outDir, '--quiet']);
if (code !== 0) throw new Error('the warm-up build of ' + example + ' exited with ' + code);
writeFileSync(dir + 'bundle.cache', script.createCachedData());
process.exit(0);
`;

async function main() {
  // Loaded here, so a missing bundler (an install without dev dependencies) is reported below.
  const { build } = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    absWorkingDir: cli,
    entryPoints: [join(cli, 'dist/index.js')],
    outfile: join(out, 'bundle.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    conditions: ['node', 'import', 'default'],
    mainFields: ['module', 'main'],
    // Names stay (no minifyIdentifiers): stack traces and error messages read as in the sources.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    banner: { js: WRAPPER[0] },
    footer: { js: WRAPPER[1] },
    plugins: [metaUrl],
    metafile: true,
    logLevel: 'error',
  });
  // esbuild escapes non-ASCII characters everywhere but in regular expression literals
  // ("–", "−", "å" … in core's speech rules and the plugins' patterns), where a \u escape
  // means the same. Escaped there too, the bundle is ASCII, which the bin reads as latin1
  // into a one-byte string: a third of the time of decoding UTF-8 into a two-byte one.
  const code = readFileSync(join(out, 'bundle.cjs'), 'utf8');
  if (/\\[^\x00-\x7f]/.test(code)) throw new Error('bundle.cjs has an escaped non-ASCII character, which a \\u escape would change');
  writeFileSync(join(out, 'bundle.cjs'), code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  const bundle = readFileSync(join(out, 'bundle.cjs'));
  const stamp = { node: process.version, root: resolve(cli), bundle: { size: bundle.length, sha1: fileHash(bundle) } };

  const scratch = mkdtempSync(join(tmpdir(), 'kr-warm-up-'));
  try {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', WARM_UP, JSON.stringify([out, stamp, example, scratch])], {
      env: { ...process.env, NODE_OPTIONS: '', SOURCE_DATE_EPOCH: '0' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`the warm-up exited with ${run.status}:\n${run.stderr}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const cache = readFileSync(join(out, 'bundle.cache'));
  stamp.cache = { size: cache.length, sha1: fileHash(cache), mtimeMs: statSync(join(out, 'bundle.cache')).mtimeMs };
  stamp.bundle.mtimeMs = statSync(join(out, 'bundle.cjs')).mtimeMs;

  const own = Object.keys(result.metafile.inputs).map((p) => resolve(cli, p)).filter((p) => !p.includes(`${sep}node_modules${sep}`));
  const installed = join(cli, '../../node_modules/.pnpm/lock.yaml');
  stamp.inputs = [...new Set(own), installed].sort().map((path) => {
    const s = statSync(path);
    return { path, size: s.size, mtimeMs: s.mtimeMs, sha1: fileHash(path) };
  });
  stamp.bundled = Object.keys(result.metafile.inputs).length;
  writeFileSync(join(out, 'stamp.json'), `${JSON.stringify(stamp)}\n`);
  const mb = (n) => (n / 2 ** 20).toFixed(1);
  process.stderr.write(`code cache: ${stamp.bundled} files, bundle ${mb(stamp.bundle.size)} MB, cache ${mb(stamp.cache.size)} MB → ${out}\n`);
}

main().catch((error) => {
  // Without stamp.json the bin never runs what is left here (bundle.cjs is kept to look at).
  rmSync(join(out, 'stamp.json'), { force: true });
  process.stderr.write(`code cache: not built, the CLI will start without it: ${error instanceof Error ? error.message : error}\n`);
});
