// Invisible characters that have no place in a report's text: C0 controls other than tab
// and line ends, DEL, C1 controls, noncharacters and lone surrogates. They come from
// copying out of other programs, show as nothing, and make HTML and XML (PDF metadata,
// DCAT) invalid, so a report that holds one is refused with the place of each. The same
// walk over every text refuses runs without a space longer than LIMITS.maxRunLength.
import { formatPath, modelDiagnostic, type Diagnostic } from './diagnostics.js';
import type { Locate } from './source.js';
import { LIMITS, longRun } from './limits.js';

// A quick test before the exact scan: any control, noncharacter of the BMP, or surrogate.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]/;

const forbiddenUnit = (c: number): boolean =>
  c <= 0x08 || c === 0x0b || c === 0x0c || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) || (c >= 0xfdd0 && c <= 0xfdef) || c === 0xfffe || c === 0xffff;

/** Options of {@link findControlCharacters}. */
export interface ControlCharacterOptions {
  file?: string;
  locate?: Locate;
}

/** The first forbidden character of a text and its index, or undefined. */
export function forbiddenCharacter(text: string): { index: number; codePoint: number } | undefined {
  if (!SUSPECT.test(text)) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d < 0xdc00 || d > 0xdfff) return { index: i, codePoint: c };
      // A pair: the noncharacters U+xFFFE and U+xFFFF of the other planes are refused too.
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      if ((cp & 0xfffe) === 0xfffe) return { index: i, codePoint: cp };
      i++;
      continue;
    }
    if ((c >= 0xdc00 && c <= 0xdfff) || forbiddenUnit(c)) return { index: i, codePoint: c };
  }
  return undefined;
}

// Bidirectional embeddings, overrides and isolates, zero-width characters and a BOM inside
// text: invisible, and able to show a text in another order than it is stored.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g');

/** `text` without bidirectional controls and zero-width characters (the ones `invisible-character` flags). */
export function removeInvisible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
}

/**
 * The value as it is published: every text and key of a report (plain data: objects,
 * lists, strings, numbers) without bidirectional controls and zero-width characters, so
 * no output (HTML, PDF, text, DOCX, open data) can show a text in another order than the
 * reader sees or hide characters in it. The same value (no copy) when none holds one.
 */
export function withoutInvisible<T>(value: T): T {
  if (!holdsInvisible(value)) return value;
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return removeInvisible(v);
    if (Array.isArray(v)) return v.map(copy);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [removeInvisible(k), copy(x)]));
    return v;
  };
  return copy(value) as T;
}

function holdsInvisible(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (INVISIBLE.test(v)) return true;
    } else if (Array.isArray(v)) for (const x of v) stack.push(x);
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if (INVISIBLE.test(k)) return true;
        stack.push(x);
      }
  }
  return false;
}
const INVISIBLE_NAMES = (cp: number): string =>
  cp >= 0x202a && cp <= 0x202e ? 'a bidirectional embedding or override' : cp >= 0x2066 && cp <= 0x2069 ? 'a bidirectional isolate' : cp === 0x200e || cp === 0x200f || cp === 0x061c ? 'a direction mark' : 'a zero-width character';

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The findings about one string of the report (a value, or a key with `inKey`). At module
 * level rather than a closure made per report: V8 drops the optimised code of those at each
 * full collection, and a batch would compile this again every few reports.
 */
function checkText(text: string, path: (string | number)[], inKey: boolean, options: ControlCharacterOptions, out: Diagnostic[]): void {
  const run = longRun(text);
  if (run) {
    const pos = options.locate?.(path, { key: inKey });
    const head = [...text.slice(run.index, run.index + 24)].slice(0, 20).join('');
    out.push(modelDiagnostic('text-run-too-long', { inKey, length: run.length, max: LIMITS.maxRunLength, position: run.index + 1 }, {
      path: formatPath(path),
      ...(options.file !== undefined ? { file: options.file } : {}),
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      expected: `at most ${LIMITS.maxRunLength} characters without a space`,
      found: `${run.length} characters without a space, beginning "${head}…"`,
    }));
  }
  const found = forbiddenCharacter(text);
  if (!found) {
    const hidden = INVISIBLE.exec(text);
    if (hidden) {
      const cp = hidden[0].charCodeAt(0);
      const pos = options.locate?.(path, { key: inKey });
      const diagnostic = modelDiagnostic('invisible-character', { inKey, character: hex(cp), name: INVISIBLE_NAMES(cp), position: hidden.index + 1 }, {
        path: formatPath(path),
        ...(options.file !== undefined ? { file: options.file } : {}),
        ...(pos ? { line: pos.line, column: pos.column } : {}),
        expected: 'text without bidirectional controls or zero-width characters',
        found: hex(cp),
      });
      // An error in a key (an id or name others refer to), a warning in prose.
      out.push({ ...diagnostic, severity: inKey ? 'error' : 'warning' });
    }
    return;
  }
  const pos = options.locate?.(path, { key: inKey });
  out.push(modelDiagnostic('control-character', { inKey, character: hex(found.codePoint), position: found.index + 1 }, {
    path: formatPath(path),
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    expected: 'text without control characters (tab and line ends are fine)',
    found: hex(found.codePoint),
    hint: 'Remove the character; it usually comes from copying text out of another program (write it again by hand if unsure where it is).',
  }));
}

/**
 * Finds forbidden characters in every key and text of a parsed value (before decoding, so
 * the paths are those of the file). One diagnostic per text, iteratively (no recursion).
 */
export function findControlCharacters(value: unknown, options: ControlCharacterOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') checkText(v, path, false, options, out);
    else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
    else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        checkText(k, [...path, k], true, options, out);
        stack.push({ value: child, path: [...path, k] });
      }
    }
  }
  return out;
}
