// Types of code-cache.js (plain JavaScript, so the bin runs before anything is built).
import type { Script } from 'node:vm';

/** What stamp.json records of the bundle and its cache. */
export interface Stamp {
  node: string;
  /** The package folder the bundle was built in. */
  root: string;
  /** Size, SHA-1 and time of each file (no time while the bundle is being built). */
  bundle: Recorded;
  cache?: Recorded;
}

/** A file as stamp.json records it. */
export interface Recorded {
  size: number;
  sha1: string;
  mtimeMs?: number;
}

/** The folder holding bundle.cjs, bundle.cache and stamp.json. */
export const CODE_CACHE_DIR: string;
/** The SHA-1 of a file or its bytes, in hex. */
export function fileHash(pathOrBytes: string | Buffer): string;
/** A file's bytes when they are the ones recorded (size and time as recorded, else the same SHA-1), else undefined. */
export function readRecorded(path: string, record: Recorded): Buffer | undefined;
/** The stamp of an up-to-date bundle, or why the bundle cannot be used. */
export function freshBundle(dir?: string): { stamp: Stamp } | { reason: string };
/** Compiles and runs the bundle's top level, with the code cache when it fits. */
export function loadBundle(
  dir: string,
  stamp: Stamp,
  options?: { cache?: boolean },
): { exports: { main: (argv: string[]) => Promise<number> }; script: Script; cache: 'used' | 'rejected' | string };
