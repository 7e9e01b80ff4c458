// The CLI's one-file bundle and its V8 code cache (dist/code-cache/, built by
// scripts/bundle.mjs during `pnpm build`): whether they are up to date, and loading the
// bundle in this process with the cache. Kept free of imports beyond Node's own, so
// deciding costs a few file stats and no module loading.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The folder holding bundle.cjs, bundle.cache and stamp.json. */
export const CODE_CACHE_DIR = fileURLToPath(new URL('../dist/code-cache/', import.meta.url));

/**
 * The SHA-1 of a file or its bytes, in hex: it tells changed bytes apart (nothing here is a
 * secret or signed), at a fifth of SHA-256's time for the 7.5 MB the bin checks at each start.
 * @param {string | Buffer} pathOrBytes
 */
export function fileHash(pathOrBytes) {
  return createHash('sha1').update(typeof pathOrBytes === 'string' ? readFileSync(pathOrBytes) : pathOrBytes).digest('hex');
}

/**
 * A file's bytes when they are the ones recorded, else undefined. As for the bundle's inputs,
 * a file whose size and time are as recorded is taken as it is (hashing the 8 MB of bundle
 * and cache took 50–80 ms of every start); one written since (a copy, a cache restored, a
 * damaged file written again) must hash as recorded. The time and the bytes come from one
 * open file, so a file replaced meanwhile is not taken for the recorded one.
 * @param {string} path
 * @param {{ size: number, sha1: string, mtimeMs?: number }} record
 */
export function readRecorded(path, record) {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    if (size !== record.size) return undefined;
    const bytes = readFileSync(fd);
    if (bytes.length !== record.size) return undefined;
    return mtimeMs === record.mtimeMs || fileHash(bytes) === record.sha1 ? bytes : undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * The stamp of an up-to-date bundle, or why the bundle cannot be used: it is missing, or a
 * file it records has changed since (the workspace's bundled files, and pnpm's record of the
 * installed dependencies, which every install that changes them rewrites), or it was built in
 * another folder. A file whose size and time are as recorded is taken
 * as unchanged; one whose time differs (restored from a cache, copied) is unchanged if its
 * contents hash as recorded.
 * @param {string} [dir]
 * @returns {{ stamp: { node: string, bundle: { size: number, sha1: string, mtimeMs?: number }, cache?: { size: number, sha1: string, mtimeMs?: number } } } | { reason: string }}
 */
export function freshBundle(dir = CODE_CACHE_DIR) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(`${dir}stamp.json`, 'utf8'));
  } catch {
    return { reason: 'there is no bundle (run pnpm build)' };
  }
  // Its code and the files it reads are named by absolute path: one built in another checkout
  // (restored by a build cache shared between checkouts) would run that checkout's code.
  if (stamp.root !== resolve(dir, '../..')) return { reason: `the bundle was built in ${stamp.root}` };
  try {
    for (const input of stamp.inputs) {
      const s = statSync(input.path);
      if (s.size === input.size && s.mtimeMs === input.mtimeMs) continue;
      if (s.size !== input.size || fileHash(input.path) !== input.sha1) return { reason: `${input.path} changed after the bundle was built` };
    }
  } catch (error) {
    return { reason: `a file of the bundle is gone (${error.code ?? error.message})` };
  }
  return { stamp };
}

/**
 * Compiles the bundle (a CommonJS script wrapped in a function by scripts/bundle.mjs) with the
 * code cache when it belongs to these very bytes and this Node, and runs its top level. The
 * cache only saves compiling: V8 checks it and compiles from source instead when it does not
 * fit (`rejected`, e.g. under other V8 flags such as --max-old-space-size), with the same result.
 * @param {string} dir
 * @param {{ node: string, bundle: { size: number, sha1: string, mtimeMs?: number }, cache?: { size: number, sha1: string, mtimeMs?: number } }} stamp
 * @param {{ cache?: boolean }} [options] `cache: false` compiles from source (to make the cache)
 * @returns {{ exports: { main: (argv: string[]) => Promise<number> }, script: vm.Script, cache: 'used' | 'rejected' | string }}
 */
export function loadBundle(dir, stamp, { cache = true } = {}) {
  const file = `${dir}bundle.cjs`;
  const bytes = readRecorded(file, stamp.bundle);
  if (bytes === undefined) throw new Error(`${file} is not the bundle stamp.json records`);
  let cachedData;
  let state = 'not asked for';
  if (cache && stamp.cache) {
    if (stamp.node !== process.version) state = `it was made by Node ${stamp.node}`;
    else {
      try {
        // V8 trusts a cache whose header fits: a damaged one would crash it, so the bytes are checked first.
        cachedData = readRecorded(`${dir}bundle.cache`, stamp.cache);
        if (cachedData === undefined) state = 'bundle.cache is not the one stamp.json records';
      } catch (error) {
        state = `bundle.cache cannot be read (${error.code ?? error.message})`;
      }
    }
  } else if (cache) state = 'there is none';
  // scripts/bundle.mjs makes the bundle ASCII, so latin1 reads it as it is, fastest.
  const script = new vm.Script(bytes.toString('latin1'), {
    filename: file,
    cachedData,
    // import() in the bundle (a plugin given by path or package) loads like anywhere else.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cachedData) state = script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dir.replace(/\/$/, ''));
  return { exports: module.exports, script, cache: state };
}
