// What a YAML text says that its value would not keep: a tag (`!foo`, `!!python/object`,
// `!!binary`), which YAML reads as nothing or as a type no report has, and a number with
// more digits than a double holds (0.12345678901234567890 is read as 0.12345678901234568).
// Both are found in yaml's composed document, with the path and the place they are written.
import { isMap, isScalar, isSeq, type CST, type Document } from 'yaml';

/** A tag written in the text. */
export interface WrittenTag {
  /** The tag as written, e.g. `!foo` or `!!python/object:os.system`. */
  tag: string;
  /** Offset of the tag in the source. */
  offset: number;
  /** The path of the tagged value (or key). */
  path: (string | number)[];
}

/** A number written with more digits than a double keeps. */
export interface UnkeptNumber {
  /** As written, e.g. `0.12345678901234567890`. */
  written: string;
  /** The number it would be read as, e.g. `0.12345678901234568`. */
  read: string;
  /** How many significant digits it is written with. */
  digits: number;
  /** The number rounded to 15 significant digits, which every number of that size keeps: `0.123456789012346`. */
  rounded: string;
  /** Offset of the number in the source. */
  offset: number;
  /** The path of the number (a value, or a key). */
  path: (string | number)[];
}

/** A number in YAML 1.2's core schema written in decimal (integers and floats; not 0x1F, 0o17, .inf). */
export const DECIMAL_NUMBER = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** The significant digits and the power of ten of a decimal number's text: `0.0120` is `12` and -3. */
function decimalDigits(text: string): { digits: string; exponent: number } {
  const [mantissa = '', exp = '0'] = text.replace(/^[-+]/, '').split(/[eE]/);
  const [whole = '', fraction = ''] = mantissa.split('.');
  let digits = (whole + fraction).replace(/^0+/, '');
  let exponent = Number(exp) - fraction.length;
  const trailing = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return digits === '' ? { digits: '', exponent: 0 } : { digits, exponent };
}

/**
 * Whether a number written in decimal is read exactly as written: a double keeps 15 to 17
 * significant digits, so `0.1`, `12.35` and `1234567890.12345` are kept and
 * `0.12345678901234567890` is not. Only numbers within ±9 007 199 254 740 991 are judged:
 * larger ones are refused by the model's number codecs, with their own hint.
 */
export function keepsDigits(text: string): boolean {
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) return true;
  const written = decimalDigits(text);
  const read = decimalDigits(String(Math.abs(value)));
  return written.digits === read.digits && written.exponent === read.exponent;
}

/** Every tag token of yaml's concrete syntax tree, in source order (a report has none, so this is short). */
function tagOffsets(tokens: readonly CST.Token[]): { offset: number; source: string }[] {
  const out: { offset: number; source: string }[] = [];
  // The tree is walked as plain objects, without recursion: tags sit in props, starts and separators.
  const stack: unknown[] = [...tokens];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...node);
    else if (typeof node === 'object' && node !== null) {
      const token = node as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'tag' && typeof token.offset === 'number' && typeof token.source === 'string') out.push({ offset: token.offset, source: token.source });
      else for (const v of Object.values(node)) if (typeof v === 'object' && v !== null) stack.push(v);
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * Finds the tags and the numbers that would not be kept as written in a composed document
 * (its `tokens` give the place of each tag as written). Keys count as much as values.
 */
export function findUnkept(doc: Document, tokens: readonly CST.Token[], source: string): { tags: WrittenTag[]; numbers: UnkeptNumber[] } {
  const tags: WrittenTag[] = [];
  const numbers: UnkeptNumber[] = [];
  // Only a text with a "!" can have a tag: most reports skip the walk of the syntax tree.
  const written = source.includes('!') ? tagOffsets(tokens) : [];
  /** The tag written last before a node's start: its own (a block mapping's starts on a later line). */
  const tagBefore = (start: number) => {
    let found = written[0]!;
    for (const w of written) if (w.offset < start) found = w;
    return found;
  };
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (node === null || typeof node !== 'object') return;
    const tag = (node as { tag?: string }).tag;
    const range = (node as { range?: [number, number, number] }).range;
    if (tag !== undefined && range && written.length > 0) {
      const w = tagBefore(range[0]);
      tags.push({ tag: w.source, offset: w.offset, path });
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        visit(pair.key, [...path, key]);
        visit(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, i]));
    else if (isScalar(node) && typeof node.value === 'number' && range) {
      const text = source.slice(range[0], range[1]);
      if (DECIMAL_NUMBER.test(text) && !keepsDigits(text)) {
        numbers.push({ written: text, read: String(node.value), digits: decimalDigits(text).digits.length, rounded: String(Number(node.value.toPrecision(15))), offset: range[0], path });
      }
    }
  };
  visit(doc.contents, []);
  return { tags, numbers };
}
