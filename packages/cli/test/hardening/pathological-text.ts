// Generated reports of pathological text for the memory tests: the minimal valid report with
// `bytes` bytes of unbroken words (each as long as LIMITS.maxRunLength allows, or one word
// of all of it) placed in one of several shapes: prose, table cells, headings (goal
// titles) and chart legends (indicator names).
import { readFileSync } from 'node:fs';
import { LIMITS } from '@kommunrapport/model';
import { baseReport } from './bad-inputs.js';

/** Where the long words stand. */
export type Shape = 'prose' | 'one-word' | 'cells' | 'headings' | 'legends';
export const SHAPES: readonly Shape[] = ['prose', 'one-word', 'cells', 'headings', 'legends'];

const base = () => readFileSync(baseReport, 'utf8');

/** A word of `n` letters that never repeats a short pattern a shaper could cache (still one run). */
export function word(n: number, seed = 0, letters = 'abcdefghijklmnopqrstuvwxyzåäö'): string {
  let out = '';
  let x = seed + 1;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += letters[x % letters.length];
  }
  return out;
}

/** The report text of about `bytes` bytes of long words in `shape`. */
export function pathologicalReport(shape: Shape, bytes: number): string {
  const yaml = base();
  const len = LIMITS.maxRunLength;
  const count = Math.max(1, Math.round(bytes / len));
  const words = (k: number) => Array.from({ length: k }, (_, i) => word(len, i));
  // One word of `bytes` ASCII letters: 10 MB stays under the 10 MiB file limit.
  if (shape === 'one-word') return yaml.replace(/^summary: .*$/m, `summary: ${word(bytes, 0, 'abcdefghijklmnopqrstuvwxyz')}`);
  if (shape === 'prose') return yaml.replace(/^summary: .*$/m, `summary: ${words(count).join(' ')}`);
  if (shape === 'cells') {
    const rows = words(count).map((w, i) => `          - id: r${i}\n            label: ${w}\n            values: { prognos: ${i} }`);
    return yaml.replace(/(            sameAs: \{ prognos: resultatrakning\.resultat\.prognos \}\n)/, `$1${rows.join('\n')}\n`);
  }
  if (shape === 'headings') {
    const goals = words(count).map((w, i) => `          - id: g${i}\n            title: ${w}\n            body: ${w}`);
    return yaml.replace(/(        commitments:\n)/, `${goals.join('\n')}\n$1`);
  }
  const indicators = words(count).map(
    (w, i) => `          - id: i${i}\n            name: ${w}\n            unit: count\n            higherIsBetter: true\n            values:\n              - year: 2022\n                kind: outcome\n                total: ${i}`,
  );
  return yaml.replace(/(          - id: sjukfranvaro\n)/, `${indicators.join('\n')}\n$1`);
}
