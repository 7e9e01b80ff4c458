// Whether the CLI can start from its V8 startup snapshot (dist/snapshot/, built by
// scripts/snapshot.mjs during `pnpm build`). Kept free of imports beyond Node's own, so
// deciding costs a few file stats and no module loading.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder holding snapshot.blob and stamp.json. */
export const SNAPSHOT_DIR = fileURLToPath(new URL('../dist/snapshot/', import.meta.url));

/**
 * The SHA-256 of a file, in hex.
 * @param {string} path
 */
export function fileHash(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * The snapshot blob to start from, or why not: the snapshot is missing, was built by another
 * Node binary, or a file bundled into it has changed since. A file whose size and time are
 * as recorded is taken as unchanged; one whose time differs (restored from a cache, copied)
 * is unchanged if its contents hash as recorded.
 * @param {string} [dir]
 * @returns {{ blob: string } | { reason: string }}
 */
export function freshSnapshot(dir = SNAPSHOT_DIR) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(`${dir}stamp.json`, 'utf8'));
  } catch {
    return { reason: 'there is no snapshot (run pnpm build)' };
  }
  if (stamp.node !== process.version || stamp.execPath !== process.execPath) return { reason: `the snapshot was built by Node ${stamp.node} at ${stamp.execPath}` };
  const blob = `${dir}snapshot.blob`;
  try {
    if (statSync(blob).size !== stamp.blob.size) return { reason: 'snapshot.blob is incomplete' };
    for (const input of stamp.inputs) {
      const s = statSync(input.path);
      if (s.size === input.size && s.mtimeMs === input.mtimeMs) continue;
      if (s.size !== input.size || fileHash(input.path) !== input.sha256) return { reason: `${input.path} changed after the snapshot was built` };
    }
  } catch (error) {
    return { reason: `a file of the snapshot is gone (${error.code ?? error.message})` };
  }
  return { blob };
}
