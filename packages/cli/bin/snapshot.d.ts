// Types of snapshot.js (plain JavaScript, so the bin runs before anything is built).

/** The folder holding snapshot.blob and stamp.json. */
export const SNAPSHOT_DIR: string;
/** The SHA-256 of a file, in hex. */
export function fileHash(path: string): string;
/** The snapshot blob to start from, or why not. */
export function freshSnapshot(dir?: string): { blob: string } | { reason: string };
