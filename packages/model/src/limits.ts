// Limits on what a report file may be, so hostile or broken input gives a diagnostic
// instead of exhausting memory or the call stack: the size in bytes, the nesting depth of
// collections, the number of alias expansions, and the encoding (UTF-8, with or without
// a byte-order mark). `decodeSource` turns file bytes into text; parseYaml checks the rest.
import { Lexer, Parser, type CST } from 'yaml';
import { modelDiagnostic, type Diagnostic } from './diagnostics.js';

/** The documented limits of a report file (see the model README, section Limits). */
export const LIMITS = {
  /** The largest file read, in bytes (10 MiB; the Eskilstuna example is about 0.1 MiB). */
  maxBytes: 10 * 1024 * 1024,
  /** The deepest nesting of mappings and lists (the model needs about 15). */
  maxDepth: 64,
  /** The most alias expansions when the YAML is turned into values. */
  maxAliasCount: 1000,
  /** The most values (scalars and aliases) in one file (the Eskilstuna example has about 1 500). */
  maxValues: 50_000,
  /**
   * The longest run of characters without a space, tab or line end in one text or key
   * (2 000: a URL that works in every browser and a Swedish compound word both fit; the
   * Eskilstuna example's longest is about 150). Writers break a run that does not fit a
   * line between characters; a longer run is refused before anything is rendered.
   */
  maxRunLength: 2_000,
  /** The largest image file a text may show, in bytes (5 MiB; every output embeds it). */
  maxImageBytes: 5 * 1024 * 1024,
  /** The most pixels an image may be wide or high (4 000: a full A4 page at 300 dpi is about 2 500 × 3 500). */
  maxImagePixels: 4_000,
} as const;

/** Limits that may be lowered or raised by a caller (tests, tools). */
export interface Limits {
  maxBytes?: number;
  maxDepth?: number;
  maxAliasCount?: number;
  maxValues?: number;
}

const where = (file: string | undefined) => (file !== undefined ? { file } : {});

/** Size in a form people read: "12.5 MB" (MiB, written MB as people say it). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The input-too-large diagnostic for a file of `bytes` bytes, or undefined when it is within the limit. */
export function checkSize(bytes: number, file?: string, maxBytes: number = LIMITS.maxBytes): Diagnostic | undefined {
  if (bytes <= maxBytes) return undefined;
  return modelDiagnostic('input-too-large', { size: formatBytes(bytes), max: formatBytes(maxBytes) }, {
    ...where(file),
    expected: `at most ${formatBytes(maxBytes)}`,
    found: formatBytes(bytes),
    hint: 'Check that this is the report and not an export or a data dump; a whole report is well under 1 MB. Split very large tables into their own files.',
  });
}

/** The result of {@link decodeSource}. */
export interface DecodedSource {
  /** The text, when the bytes are UTF-8 within the size limit (a byte-order mark removed). */
  text?: string;
  diagnostics: Diagnostic[];
}

/**
 * Turns the bytes of a report file into text: checks the size, refuses UTF-16 and UTF-32
 * and bytes that are not UTF-8 (Latin-1, Windows-1252) with their line and column, so no
 * letter is silently replaced.
 */
export function decodeSource(bytes: Uint8Array, file?: string, limits: Limits = {}): DecodedSource {
  const tooLarge = checkSize(bytes.length, file, limits.maxBytes);
  if (tooLarge) return { diagnostics: [tooLarge] };
  const encoding = wideEncoding(bytes);
  if (encoding) {
    return {
      diagnostics: [
        modelDiagnostic('file-encoding', { encoding }, {
          ...where(file),
          line: 1,
          column: 1,
          expected: 'UTF-8 text',
          found: encoding,
          hint: 'Save the file again with the encoding UTF-8 (in most editors: Save as → Encoding → UTF-8).',
        }),
      ],
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, diagnostics: [] };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOf(bytes, bad);
    const byte = bytes[bad]!;
    return {
      diagnostics: [
        modelDiagnostic('file-encoding', { byte: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`, line, column, latin1: byte >= 0x80 }, {
          ...where(file),
          line,
          column,
          expected: 'UTF-8 text',
          found: `the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
          hint: 'Save the file again with the encoding UTF-8 (in most editors: Save as → Encoding → UTF-8); letters such as å, ä, ö would otherwise be lost.',
        }),
      ],
    };
  }
}

/** UTF-16 or UTF-32 by byte-order mark, or by NUL bytes in the first line (UTF-16 without a mark). */
function wideEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 (big-endian)';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return 'UTF-32 (little-endian)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (big-endian)';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 (little-endian)';
  const head = b.subarray(0, 200);
  let nul = 0;
  for (const x of head) if (x === 0) nul++;
  if (head.length >= 4 && nul * 3 >= head.length) return 'UTF-16 or another encoding with NUL bytes';
  return undefined;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const x = b[i]!;
    const n = x < 0x80 ? 0 : x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const c = b[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return 0;
}

function positionOf(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) (line++, (lineStart = i + 1));
  // Columns count characters: continuation bytes of earlier characters do not count.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((b[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** The deepest point of a YAML text: its depth and source offset. */
export interface Depth {
  depth: number;
  offset: number;
}

/**
 * The nesting depth of mappings and lists in YAML text, measured on the parser's concrete
 * syntax tree without recursion, so a 10 000-deep document cannot overflow the stack.
 * Stops early once `stopAt` is passed.
 */
export function nestingDepth(source: string, stopAt = Number.POSITIVE_INFINITY): Depth {
  return tokenDepth([...new Parser().parse(source)], stopAt);
}

/** The nesting depth of a parsed concrete syntax tree (the tokens of yaml's Parser); see {@link nestingDepth}. */
export function tokenDepth(tokens: readonly CST.Token[], stopAt = Number.POSITIVE_INFINITY): Depth {
  let max: Depth = { depth: 0, offset: 0 };
  const stack: { token: CST.Token; depth: number }[] = [];
  for (const token of tokens) stack.push({ token, depth: 0 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    const d = depth + 1;
    if (d > max.depth) {
      max = { depth: d, offset: token.offset };
      if (d > stopAt) return max;
    }
    for (const item of token.items as CST.CollectionItem[]) {
      if (item.key) stack.push({ token: item.key, depth: d });
      if (item.value) stack.push({ token: item.value, depth: d });
    }
  }
  return max;
}

/** The count of values in a YAML text, counted up to just past `stopAt`, and the offset where the count passed it. */
export interface ValueCount {
  count: number;
  /** Offset of the first value beyond `stopAt`, when there is one. */
  offset?: number;
}

/**
 * Counts the values (scalars and aliases) of a YAML text with the streaming lexer, in
 * constant memory and stopping at `stopAt`: a file of a million tiny values is refused
 * before a syntax tree of a million nodes is built.
 */
export function countValues(source: string, stopAt = Number.POSITIVE_INFINITY): ValueCount {
  let count = 0;
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    // The lexer marks each scalar with U+001F before its text; an alias starts with '*'.
    if (token === '\u001f' || (token.length > 1 && token.charCodeAt(0) === 42)) {
      count++;
      if (count > stopAt) return { count, offset };
    }
    // Control tokens of the lexer (document start, scalar, flow end) are not in the source.
    if (!(token.length === 1 && (token === '\u0002' || token === '\u0018' || token === '\u001f'))) offset += token.length;
  }
  return { count };
}

/** A run of characters without breaking white space longer than {@link LIMITS}.maxRunLength. */
export interface LongRun {
  /** Zero-based index of its first character in the text (UTF-16 units). */
  index: number;
  /** Its length in characters (code points), counted up to the end of the run. */
  length: number;
}

/** Space, tab and line ends: the only characters every writer breaks a line at (a no-break space holds). */
const breaks = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/**
 * The first run of `text` longer than `max` characters with no space, tab or line end in
 * it, or undefined. One pass over the text (no regular expression, which would backtrack
 * over every run just under the limit).
 */
export function longRun(text: string, max: number = LIMITS.maxRunLength): LongRun | undefined {
  if (text.length <= max) return undefined;
  let start = -1;
  let length = 0;
  let found: LongRun | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (breaks(c)) {
      if (found) return found;
      start = -1;
      length = 0;
      continue;
    }
    if (start < 0) start = i;
    // A low surrogate completes a character already counted.
    if (c < 0xdc00 || c > 0xdfff) length++;
    if (length > max) found = { index: start, length };
    if (found) found.length = length;
  }
  return found;
}
