// Checking what plugins return before anything is written: every artifact needs a safe
// relative POSIX path inside the report's output folder, used once across all plugins,
// and contents that are text or bytes. Text is encoded as UTF-8 here, once.
import { BUILD_MARKER } from './publish.js';
import { createHash } from 'node:crypto';
import type { BuildProblem } from './build-error.js';

/** An artifact ready to write: bytes, their size and SHA-256, and the plugin that made it. */
export interface PreparedArtifact {
  path: string;
  bytes: Uint8Array;
  mediaType: string;
  /** The plugin that returned it. */
  plugin: string;
}

/** What a build reports about one written file. */
export interface ArtifactSummary {
  /** Path relative to the report's output folder, POSIX separators. */
  path: string;
  /** Size in bytes. */
  bytes: number;
  /** SHA-256 of the contents, lowercase hex. */
  sha256: string;
  mediaType: string;
  /** The plugin that made it. */
  plugin: string;
}

const encoder = new TextEncoder();

/** The longest folder or file name most file systems accept, in UTF-8 bytes. */
const MAX_NAME_BYTES = 255;
/** The longest artifact path accepted, in UTF-8 bytes (leaves room for the output folder within PATH_MAX). */
const MAX_PATH_BYTES = 1024;

// Named functions, not arrows made per call: V8 drops the optimised code of those at each full
// collection, and a batch checks every artifact of every report.
const emptyOrDot = (s: string) => s === '' || s === '.';
const tooLongName = (s: string) => encoder.encode(s).byteLength > MAX_NAME_BYTES;

/** Why a path is not a safe artifact path, or undefined when it is. */
export function artifactPathProblem(path: unknown): string | undefined {
  if (typeof path !== 'string') return `the path is ${path === null ? 'null' : typeof path}, not text`;
  if (path === '') return 'the path is empty';
  if (path.includes('\\')) return `the path ${JSON.stringify(path)} contains a backslash; use "/" between folders`;
  if (path.includes('\0')) return `the path ${JSON.stringify(path)} contains a NUL character`;
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return `the path ${JSON.stringify(path)} is absolute; give it relative to the report's output folder`;
  const segments = path.split('/');
  if (segments.includes('..')) return `the path ${JSON.stringify(path)} climbs out of the output folder with ".."`;
  if (segments.some(emptyOrDot)) return `the path ${JSON.stringify(path)} has an empty or "." segment`;
  if (path.toLowerCase() === BUILD_MARKER) return `the path ${JSON.stringify(path)} is the build's own marker file; choose another name`;
  // File systems refuse longer names; refusing here blames the plugin, not the disk.
  const long = segments.find(tooLongName);
  if (long !== undefined) return `the name ${JSON.stringify(long.length > 40 ? `${long.slice(0, 39)}…` : long)} is too long (${encoder.encode(long).byteLength} bytes; at most ${MAX_NAME_BYTES} per folder or file name)`;
  if (encoder.encode(path).byteLength > MAX_PATH_BYTES) return `the path is too long (${encoder.encode(path).byteLength} bytes; at most ${MAX_PATH_BYTES})`;
  return undefined;
}

/**
 * Checks one plugin's return value and turns it into prepared artifacts. `taken` maps paths
 * already returned by earlier plugins to their plugin, so a path used twice is refused
 * whichever plugins return it. Problems come back as `artifact-invalid` problems naming the plugin.
 */
export function prepareArtifacts(
  plugin: string,
  value: unknown,
  file: string,
  taken: Map<string, string>,
): { artifacts: PreparedArtifact[]; problems: BuildProblem[] } {
  const problems: BuildProblem[] = [];
  const fail = (message: string) => problems.push({ code: 'artifact-invalid', plugin, hook: 'artifacts', file, message });
  if (!Array.isArray(value)) {
    fail(`render returned ${value === null ? 'null' : typeof value}, not a list of artifacts`);
    return { artifacts: [], problems };
  }
  const artifacts: PreparedArtifact[] = [];
  // A loop and a module-level function, not an arrow made per call: V8 drops the optimised
  // code of such arrows at each full collection, and a batch would compile them again.
  for (let index = 0; index < value.length; index++) {
    if (!(index in value)) continue; // a hole, which forEach skipped
    const prepared = prepareArtifact(plugin, value[index], index, taken);
    if (typeof prepared === 'string') fail(prepared);
    else artifacts.push(prepared);
  }
  return { artifacts, problems };
}

/** One artifact of a plugin checked and prepared (its path then taken), or what is wrong with it. */
function prepareArtifact(plugin: string, item: unknown, index: number, taken: Map<string, string>): PreparedArtifact | string {
  if (typeof item !== 'object' || item === null) return `artifact [${index}] is ${item === null ? 'null' : typeof item}, not { path, contents, mediaType }`;
  const a = item as { path?: unknown; contents?: unknown; mediaType?: unknown };
  const pathProblem = artifactPathProblem(a.path);
  if (pathProblem !== undefined) return `artifact [${index}]: ${pathProblem}`;
  const path = a.path as string;
  // Compared without case and Unicode form: "Å.txt", "å.txt" and "a\u030a.txt" are one file on macOS and Windows.
  const lower = path.normalize('NFC').toLowerCase();
  const owner = taken.get(lower);
  if (owner !== undefined) return `artifact [${index}]: the path "${path}" is already used${owner === plugin ? ' by an earlier artifact of this plugin' : ` by plugin "${owner}"`}; each file may be written once`;
  // A file and a folder of the same name cannot both exist.
  const segments = lower.split('/');
  for (let i = 1; i < segments.length; i++) {
    const folder = segments.slice(0, i).join('/');
    if (taken.has(folder)) return `artifact [${index}]: the path "${path}" needs a folder "${folder}", which is already a file`;
  }
  for (const other of taken.keys()) {
    if (other.startsWith(`${lower}/`)) return `artifact [${index}]: the path "${path}" is already a folder of other artifacts`;
  }
  let bytes: Uint8Array;
  if (typeof a.contents === 'string') bytes = encoder.encode(a.contents);
  else if (a.contents instanceof Uint8Array) bytes = a.contents;
  else return `artifact "${path}": contents are ${a.contents === null ? 'null' : typeof a.contents}, not text or a Uint8Array`;
  if (typeof a.mediaType !== 'string' || a.mediaType === '') return `artifact "${path}": mediaType must be a non-empty string such as "text/html; charset=utf-8"`;
  taken.set(lower, plugin);
  return { path, bytes, mediaType: a.mediaType, plugin };
}

/** SHA-256 of bytes as lowercase hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Sorts artifacts by path, code unit by code unit, so every listing is in a stable order. */
export function sortByPath<A extends { path: string }>(artifacts: readonly A[]): A[] {
  return [...artifacts].sort(byPath);
}

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The summary of a prepared artifact. */
export function summarise(a: PreparedArtifact): ArtifactSummary {
  return { path: a.path, bytes: a.bytes.byteLength, sha256: sha256(a.bytes), mediaType: a.mediaType, plugin: a.plugin };
}
