// Publishing a report's files atomically: everything is written into a temporary folder
// beside the target (`<out>/.<id>.tmp-<pid>-<thread>-<n>`), then swapped in under a short
// lock: the previous `<out>/<id>/` is renamed away, the new folder renamed in, the old one
// removed. Until the swap the previous output is untouched. A crash at any point is
// repaired by the next run: leftover temporary folders of dead processes are removed, and a
// previous output renamed away but not replaced is put back.
import { linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { BuildError, messageOf } from './build-error.js';

/** A file to publish: a safe relative POSIX path (see artifactPathProblem) and its bytes. */
export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

/** Options of {@link publish}. */
export interface PublishOptions {
  /** How long to wait for another build holding the lock, in ms (default 60 000). */
  lockTimeout?: number;
  /** Called after the files are written into the temporary folder, before the swap (tests use it to simulate a crash). */
  beforeSwap?: (tempDir: string) => void | Promise<void>;
  /** Called synchronously between the two renames of the swap, when the previous output is renamed away (tests kill the process here). */
  betweenRenames?: (oldDir: string) => void;
  /** What the ownership marker says made the folder (default: a report build); a site says it is a site. */
  markerNote?: string;
}

/**
 * The marker every build writes into `<out>/<id>/`: a folder with it was made by a build
 * and may be replaced by the next one; a folder without it belongs to someone else and is
 * never touched. Its content is fixed (no date), so rebuilds stay byte-identical.
 */
export const BUILD_MARKER = '.kommunrapport-build.json';

/** The marker's bytes for a report id (or a site's folder name, with its own note). */
export function markerContents(id: string, note = 'Made by kommunrapport build; the next build of this report replaces this folder.'): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify({ generator: 'kommunrapport', id, note }, null, 2)}\n`);
}

/**
 * Throws a BuildError `output-not-ours` unless `<outDir>/<id>` is absent, an empty folder, or
 * a folder holding the build marker. A file, a symbolic link or a foreign folder is refused.
 */
export function assertOwnOutput(outDir: string, id: string): void {
  const target = join(outDir, id);
  let stats;
  try {
    stats = lstatSync(target);
  } catch {
    return; // absent
  }
  const refuse = (what: string) => {
    throw new BuildError({ code: 'output-not-ours', message: `${target} ${what}; it was not made by a build, so it is left as it was and nothing was written.` });
  };
  if (stats.isSymbolicLink()) refuse('is a symbolic link');
  if (!stats.isDirectory()) refuse('is a file, not a folder');
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes(BUILD_MARKER)) refuse(`exists and holds no ${BUILD_MARKER} marker`);
}

let sequence = 0;
const TEMP = /^\.(.+)\.(tmp|old)-(\d+)-(\d+)-(\d+)$/;

/**
 * Whether a process with this id is running. A process that has ended but was never reaped
 * (a zombie: an orphan in a container whose first process does not reap) still answers
 * `kill(pid, 0)`, so on Linux its state in /proc is read too; where there is no /proc the
 * answer of `kill` stands.
 */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return true;
  }
  // "pid (comm) S ...": the state follows the last ')', since comm may hold one.
  const state = stat.charAt(stat.lastIndexOf(')') + 2);
  return state !== 'Z' && state !== 'X';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Takes the lock `<out>/.<id>.lock` (a hard link of a file holding our pid, so it appears complete or not at all). */
async function acquire(outDir: string, id: string, timeout: number): Promise<() => void> {
  const lock = join(outDir, `.${id}.lock`);
  const mine = join(outDir, `.${id}.lock-${process.pid}-${threadId}-${++sequence}`);
  writeFileSync(mine, `${process.pid}\n`);
  const start = Date.now();
  let invalidSince: number | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(mine, lock);
        return () => {
          try {
            unlinkSync(lock);
          } catch {
            /* already gone */
          }
        };
      } catch (error) {
        if ((error as { code?: string }).code !== 'EEXIST') throw error;
      }
      let owner = NaN;
      try {
        const text = readFileSync(lock, 'utf8');
        owner = /^\d+\n?$/.test(text) ? Number.parseInt(text, 10) : NaN;
      } catch {
        continue; // released meanwhile
      }
      // A lock always appears whole (a hard link of a complete file), so one without a valid
      // pid was not written by a build: after a second look it is stale like a dead owner's.
      if (!Number.isFinite(owner) || owner <= 0) {
        if (invalidSince === undefined) invalidSince = Date.now();
        else if (Date.now() - invalidSince > 100) owner = -1;
      }
      if (owner === -1 || (Number.isFinite(owner) && owner > 0 && !alive(owner))) {
        invalidSince = undefined;
        try {
          unlinkSync(lock); // stale: its process died while holding it
        } catch {
          /* someone else removed it */
        }
        continue;
      }
      if (Date.now() - start > timeout) {
        throw new BuildError({ code: 'output-locked', message: `${lock} has been held by process ${owner} for more than ${Math.round(timeout / 1000)} s.` });
      }
      await sleep(Math.min(5 + attempt * 5, 50));
    }
  } finally {
    try {
      unlinkSync(mine);
    } catch {
      /* ignore */
    }
  }
}

/**
 * Repairs what a crashed build left for this id (call with the lock held): a previous output
 * renamed away without a replacement is put back, other leftovers of dead processes removed.
 */
function repair(outDir: string, id: string): void {
  const target = join(outDir, id);
  let entries: string[];
  try {
    entries = readdirSync(outDir);
  } catch {
    return;
  }
  // A loop, not map and filter arrows made per call: a batch repairs once per report over the
  // whole output folder, and V8 drops the optimised code of such arrows at each full collection.
  const leftovers: { name: string; m: RegExpExecArray }[] = [];
  for (const name of entries) {
    const m = TEMP.exec(name);
    if (m !== null && m[1] === id && !alive(Number(m[3]))) leftovers.push({ name, m });
  }
  for (const e of leftovers) {
    const path = join(outDir, e.name);
    if (e.m[2] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
  for (const name of entries) {
    const m = /^\.(.+)\.lock-(\d+)-\d+-\d+$/.exec(name);
    if (m && m[1] === id && !alive(Number(m[2]))) rmSync(join(outDir, name), { force: true });
  }
}

/**
 * Throws a BuildError `output-failed` when `outDir`, or the nearest of its parents that
 * exists, is not a folder (`--out rapport.pdf`, `--out notes.txt/dist`): the output could
 * never be written there, and the system's own words (ENOTDIR on a lock file) would not say
 * which path is wrong. Nothing is written and the file is left as it was.
 */
function assertOutputFolder(outDir: string): void {
  for (let path = outDir; ; path = dirname(path)) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      // Absent (or under a file, ENOTDIR): the nearest parent that exists decides.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return;
    }
    if (stats?.isDirectory()) return;
    if (stats) {
      const what = stats.isFile() ? 'a file' : 'not a folder';
      throw new BuildError({
        code: 'output-failed',
        message: path === outDir ? `The output folder ${outDir} is ${what}, so nothing was written.` : `The output folder ${outDir} cannot be made: ${path} is ${what}, so nothing was written.`,
        hint: 'Give --out a folder (made when missing), e.g. --out dist; each report is written to <out>/<report id>/. The file is left as it was.',
      });
    }
    if (dirname(path) === path) return;
  }
}

/**
 * Repairs what an interrupted build left for this report id in `outDir`, under the lock:
 * puts back a previous output that was renamed away but not replaced, and removes temporary
 * folders of processes that are gone. Builds call it before rendering, so even a build that
 * fails afterwards leaves the folder repaired, and a folder the build may not replace
 * (see {@link assertOwnOutput}) is refused before any plugin runs.
 */
export async function recoverOutput(outDir: string, id: string, options: Pick<PublishOptions, 'lockTimeout'> = {}): Promise<void> {
  assertOutputFolder(outDir);
  if (!existsSync(outDir)) return;
  const release = await acquire(outDir, id, options.lockTimeout ?? 60_000);
  try {
    repair(outDir, id);
    assertOwnOutput(outDir, id);
  } finally {
    release();
  }
}

/**
 * Writes the files as `<outDir>/<id>/` atomically and returns that folder. The previous
 * folder stays as it was until every file is written; then it is replaced in one swap.
 * Throws a BuildError `output-failed` (or `output-locked`) when that is not possible.
 */
export async function publish(outDir: string, id: string, files: readonly OutputFile[], options: PublishOptions = {}): Promise<string> {
  const target = join(outDir, id);
  const tag = `${process.pid}-${threadId}-${++sequence}`;
  const temp = join(outDir, `.${id}.tmp-${tag}`);
  const old = join(outDir, `.${id}.old-${tag}`);
  try {
    // Written synchronously: a report's files are many and small, and each asynchronous
    // write is an open, a write and a close handed to libuv's threads and back, which cost
    // several times the CPU of the writes themselves (a batch worker has nothing else to do
    // meanwhile).
    mkdirSync(outDir, { recursive: true });
    mkdirSync(temp);
    const folders = new Set<string>();
    for (const f of files) {
      const dir = dirname(join(temp, f.path));
      if (!folders.has(dir)) {
        mkdirSync(dir, { recursive: true });
        folders.add(dir);
      }
      writeFileSync(join(temp, f.path), f.bytes);
    }
    writeFileSync(join(temp, BUILD_MARKER), markerContents(id, options.markerNote));
    await options.beforeSwap?.(temp);
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    throw new BuildError({ code: 'output-failed', message: `Writing ${temp} failed: ${messageOf(error)}` }, { cause: error });
  }
  let release: (() => void) | undefined;
  try {
    release = await acquire(outDir, id, options.lockTimeout ?? 60_000);
    repair(outDir, id);
    assertOwnOutput(outDir, id);
    // The swap: two renames in a row, nothing in between can run.
    let moved = false;
    try {
      renameSync(target, old);
      moved = true;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
    }
    if (moved) options.betweenRenames?.(old);
    try {
      renameSync(temp, target);
    } catch (error) {
      if (moved) renameSync(old, target);
      throw error;
    }
    release();
    release = undefined;
    if (moved) await rm(old, { recursive: true, force: true });
    return target;
  } catch (error) {
    await rm(temp, { recursive: true, force: true }).catch(() => {});
    if (error instanceof BuildError) throw error;
    throw new BuildError({ code: 'output-failed', message: `Moving ${temp} into place as ${target} failed: ${messageOf(error)}` }, { cause: error });
  } finally {
    release?.();
  }
}

/**
 * Removes what a worker thread of this process left in `outDir` when it died mid-build (its
 * temporary folders; a previous output it had renamed away is put back). The next run would
 * not, since the process is still alive.
 */
export function cleanUpThread(outDir: string, thread: number): void {
  let entries: string[];
  try {
    entries = readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of entries) {
    const m = TEMP.exec(name);
    if (!m || Number(m[3]) !== process.pid || Number(m[4]) !== thread) continue;
    const path = join(outDir, name);
    const target = join(outDir, m[1]!);
    try {
      if (m[2] === 'old' && !existsSync(target)) renameSync(path, target);
      else rmSync(path, { recursive: true, force: true });
    } catch {
      /* best effort: the next run of another process repairs the rest */
    }
  }
}
