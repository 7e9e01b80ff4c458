// Swedish number habits in YAML: "1 000" (spaces between digit groups) and "700,5" (a
// decimal comma) are text to YAML, and inside a flow mapping `{ total: 700,5 }` the comma
// even splits the number into 700 and a key "5". These helpers find them and name the fix.
import { isMap, isScalar, isSeq, type Document } from 'yaml';

/** The number as YAML wants it ("1000", "700.5") when `text` is one written the Swedish way. */
export function swedishNumber(text: string): string | undefined {
  const s = text.trim().replace(/\u2212/g, '-');
  if (!/^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+(,\d+)?$/.test(s) && !/^[+-]?\d+,\d+$/.test(s)) return undefined;
  return s.replace(/[ \u00a0\u202f]/g, '').replace(',', '.');
}

/** A number split by a decimal comma inside a flow mapping: where, and how it should be written. */
export interface SplitNumber {
  /** Offset of the number's start in the source. */
  offset: number;
  /** As written, e.g. "700,5". */
  written: string;
  /** As YAML wants it, e.g. "700.5". */
  fix: string;
  /** The path of the value in the report, e.g. `sections[1].areas[0]…values[0].total`. */
  path: (string | number)[];
}

/**
 * Finds `{ key: 700,5 }` in flow mappings: a number value (or digit groups, `1 234,5`)
 * followed directly by a comma and a key of digits without a value, which YAML reads as 700
 * and a key "5".
 */
export function findSplitNumbers(doc: Document, source: string): SplitNumber[] {
  const out: SplitNumber[] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (isMap(node)) {
      if (node.flow) {
        for (let i = 1; i < node.items.length; i++) {
          const prev = node.items[i - 1]!;
          const pair = node.items[i]!;
          // The part before the comma is a number (700) or digit groups YAML read as text (1 234).
          if (!isScalar(prev.value) || !prev.value.range) continue;
          const before = prev.value.value;
          if (typeof before !== 'number' && !(typeof before === 'string' && prev.value.type === 'PLAIN' && /^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+$/.test(before))) continue;
          if (!isScalar(pair.key) || !pair.key.range || pair.value !== null && !(isScalar(pair.value) && pair.value.value === null && pair.value.source === '')) continue;
          const end = prev.value.range[1];
          const keyStart = pair.key.range[0];
          const digits = source.slice(keyStart, pair.key.range[1]);
          if (!/^\d+$/.test(digits) || source.slice(end, keyStart) !== ',') continue;
          const start = prev.value.range[0];
          const written = `${source.slice(start, end)},${digits}`;
          const key = isScalar(prev.key) ? String(prev.key.value) : '?';
          out.push({ offset: start, written, fix: swedishNumber(written) ?? `${source.slice(start, end)}.${digits}`, path: [...path, key] });
        }
      }
      for (const pair of node.items) visit(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : '?']);
    } else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, i]));
  };
  visit(doc.contents, []);
  return out;
}
