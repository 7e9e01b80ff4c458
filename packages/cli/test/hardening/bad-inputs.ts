// The corpus of bad inputs for the hardening tests: the hand-written cases under
// fixtures/bad-inputs/<group>/<case>.yaml with their expectations in manifest.json, and the
// cases this module generates into a temporary folder: wrong types derived mechanically
// from the minimal valid report (every typed leaf and every object or list replaced by a
// value of another kind), encodings (Latin-1, UTF-16, UTF-32, BOM, CRLF) and huge or
// hostile files (50 MB, 10 000-deep nesting, alias floods) that are not committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { formatPath } from '@kommunrapport/model';

/** What one bad input must give. */
export interface Expectation {
  /** The diagnostic code that must be among the findings. */
  code: string;
  /** The path of that finding ('' for the whole file). */
  path: string;
  /** The line of that finding, when the case is about lines (BOM, CRLF). */
  line?: number;
  /** Why the case is there, when the name does not say it. */
  note?: string;
}

/** One bad input: its file (absolute) and what it must give. */
export interface BadInput extends Expectation {
  /** `<group>/<case>`. */
  name: string;
  file: string;
  /** Large inputs: also run through the real bin with a 256 MB heap. */
  big?: boolean;
}

/** Where the committed cases live. */
export const staticRoot = fileURLToPath(new URL('../fixtures/bad-inputs/', import.meta.url));
/** The valid report every derived case starts from. */
export const baseReport = fileURLToPath(new URL('../../../model/test/fixtures/valid/minimal.yaml', import.meta.url));

/** The committed cases, from manifest.json. */
export function staticCases(): BadInput[] {
  const manifest = JSON.parse(readFileSync(join(staticRoot, 'manifest.json'), 'utf8')) as Record<string, Expectation>;
  return Object.entries(manifest).map(([name, e]) => ({ name, file: join(staticRoot, `${name}.yaml`), ...e }));
}

type Segment = string | number;

/** Every place in a value: its path and the value there (the root excluded). */
function places(value: unknown, path: Segment[] = []): { path: Segment[]; value: unknown }[] {
  const out: { path: Segment[]; value: unknown }[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push({ path: [...path, i], value: v }, ...places(v, [...path, i])));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push({ path: [...path, k], value: v }, ...places(v, [...path, k]));
  return out;
}

/** A value of another kind than `v`: every kind the model uses is answered by one it never accepts there. */
export function wrongKind(v: unknown): unknown {
  if (typeof v === 'string') return 7;
  if (typeof v === 'number') return `${v} st`;
  if (typeof v === 'boolean') return v ? 'sant' : 'falskt';
  if (v === null) return { value: null };
  if (Array.isArray(v)) return 7;
  return 'text i stället för en mappning';
}

function setIn(root: unknown, path: readonly Segment[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}

const write = (file: string, data: string | Uint8Array): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
};

/**
 * Writes the generated cases into `dir` and returns them. Wrong types: each place of the
 * minimal report replaced by a value of another kind gives invalid-type at that path.
 * A `ScaleKey` written as null is nullable on purpose and skipped (no kind is wrong there
 * besides the ones already covered by the strings).
 */
export function generateCases(dir: string): BadInput[] {
  const out: BadInput[] = [];
  const add = (name: string, data: string | Uint8Array, e: Expectation, big = false): void => {
    const file = join(dir, `${name}.yaml`);
    write(file, data);
    out.push({ name, file, ...e, ...(big ? { big } : {}) });
  };
  const baseText = readFileSync(baseReport, 'utf8');
  const base = parse(baseText) as unknown;

  // --- wrong types, mechanically ------------------------------------------------
  for (const place of places(base)) {
    if (place.value === null) continue;
    const path = formatPath(place.path);
    const slug = path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');
    // The tag of a section (`type`) chooses the member: any other value is not one of the types.
    const last = place.path[place.path.length - 1];
    const code = last === 'type' ? 'invalid-value' : 'invalid-type';
    add(`wrong-type/${slug}`, stringify(setIn(base, place.path, wrongKind(place.value)), { version: '1.2' }), { code, path });
  }

  // --- encodings ----------------------------------------------------------------------
  const broken = baseText.replace('kind: interim', 'kind: delarsrapport');
  const kindLine = baseText.slice(0, baseText.indexOf('kind: interim')).split('\n').length;
  add('encoding/latin1', Buffer.from(baseText, 'latin1'), { code: 'file-encoding', path: '' });
  add('encoding/windows-1252-quotes', Buffer.concat([Buffer.from(baseText.replace('title: Delårsrapport 2 2022', 'title: Delarsrapport '), 'utf8'), Buffer.from([0x93, 0x32, 0x94, 0x0a])]), { code: 'file-encoding', path: '' });
  add('encoding/utf16le-bom', Buffer.from(`\ufeff${baseText}`, 'utf16le'), { code: 'file-encoding', path: '', line: 1 });
  add('encoding/utf16be-bom', Buffer.from(`\ufeff${baseText}`, 'utf16le').swap16(), { code: 'file-encoding', path: '', line: 1 });
  add('encoding/utf16le-no-bom', Buffer.from(baseText, 'utf16le'), { code: 'file-encoding', path: '', line: 1 });
  add('encoding/utf32le-bom', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), ...[...'id: x\n'].map((c) => Buffer.from([c.charCodeAt(0), 0, 0, 0]))]), { code: 'file-encoding', path: '', line: 1 });
  add('encoding/truncated-sequence', Buffer.concat([Buffer.from('id: x\ntitle: Del', 'utf8'), Buffer.from([0xc3]), Buffer.from('\n', 'utf8')]), { code: 'file-encoding', path: '', line: 2 });
  add('encoding/overlong-slash', Buffer.concat([Buffer.from('id: x\nkind: ', 'utf8'), Buffer.from([0xc0, 0xaf]), Buffer.from('\n', 'utf8')]), { code: 'file-encoding', path: '', line: 2 });
  add('encoding/utf8-bom-then-defect', `\ufeff${broken}`, { code: 'invalid-value', path: 'kind', line: kindLine });
  add('encoding/crlf-then-defect', broken.replace(/\n/g, '\r\n'), { code: 'invalid-value', path: 'kind', line: kindLine });
  add('encoding/crlf-tab-indent', baseText.replace('period:\n  year', 'period:\n\tyear').replace(/\n/g, '\r\n'), { code: 'yaml-tab-indent', path: '' });
  add('encoding/lone-surrogate-escape', baseText.replace('title: Delårsrapport 2 2022', 'title: "\\ud800"').replace('kind: interim', 'kind: [interim]'), { code: 'invalid-type', path: 'kind' });

  // --- huge and hostile ------------------------------------------------------------------
  const comment = `# ${'x'.repeat(98)}\n`;
  add('huge/fifty-megabytes', comment.repeat((50 * 1024 * 1024) / comment.length) + baseText, { code: 'input-too-large', path: '' }, true);
  const limit = 10 * 1024 * 1024;
  add('huge/limit-plus-one-byte', comment.repeat(Math.floor(limit / comment.length)) + '#'.repeat(limit % comment.length) + '\n', { code: 'input-too-large', path: '' }, true);
  add('huge/dense-ten-megabytes', `id: x\nsections:\n${'  - 1\n'.repeat(1_700_000)}`, { code: 'too-many-values', path: '' }, true);
  add('huge/nine-megabytes-then-defect', comment.repeat((9 * 1024 * 1024) / comment.length) + broken, { code: 'invalid-value', path: 'kind' }, true);
  add('huge/flow-10000-deep', `id: x\nsections: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, { code: 'nesting-too-deep', path: '' }, true);
  add('huge/flow-10000-unclosed', `sections: ${'{a: '.repeat(10_000)}\n`, { code: 'nesting-too-deep', path: '' }, true);
  add('huge/block-seq-10000-deep', `id: x\nsections:\n  ${'- '.repeat(10_000)}x\n`, { code: 'nesting-too-deep', path: '' }, true);
  add('huge/block-map-2000-deep', `id: x\nsections:\n${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i + 1)}k:\n`).join('')}${' '.repeat(2001)}k: 1\n`, { code: 'nesting-too-deep', path: '' }, true);
  add('huge/alias-flood-10000', `a: &a [x]\nsections: [${'*a, '.repeat(10_000)}]\n`, { code: 'yaml-alias-limit', path: '' }, true);
  add('huge/alias-flood-100000', `a: &a [x]\nsections: [${'*a, '.repeat(100_000)}]\n`, { code: 'too-many-values', path: '' }, true);
  add('huge/billion-laughs-12', `l0: &l0 "lol"\n${Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`).join('\n')}\n`, { code: 'yaml-alias-limit', path: '' }, true);
  add('huge/id-nine-megabytes', baseText.replace('id: 0999-ks-2022-d2', `id: ${'a'.repeat(9 * 1024 * 1024)}`), { code: 'invalid-value', path: 'id' }, true);
  add('huge/100000-bad-sections', baseText.slice(0, baseText.indexOf('sections:')) + `sections:\n${'  - 1\n'.repeat(100_000)}`, { code: 'too-many-values', path: '' }, true);
  add('huge/40000-bad-sections', baseText.slice(0, baseText.indexOf('sections:')) + `sections:\n${'  - 1\n'.repeat(40_000)}`, { code: 'invalid-type', path: 'sections[0]' }, true);
  add('huge/one-line-flow-report', JSON.stringify({ ...(base as object), kind: 'x'.repeat(100_000) }), { code: 'invalid-value', path: 'kind' }, true);
  return out;
}
