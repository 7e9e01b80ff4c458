// The statements of the Ekdala example in every writer: HTML with column groups
// (colgroup, th scope=colgroup), a tbody per group of rows started by a th scope=rowgroup
// and note references as links to the notes; a PDF with THead and TBody, ColSpan on the
// group headers and note references linked to a named destination at the note; text that
// reads each figure with its group and column and says the note.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main, type CliIo } from '../src/index.js';
import type { BuildJson } from '../src/commands/build.js';
import { repoRoot as ROOT } from './cli-helpers.js';

const PATH = 'examples/ekdala-kf-2024-delar2/rapport.yaml';
let root: string;
let out: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kommunrapport-ekdala-'));
  let stdout = '';
  const io: CliIo = { stdout: (s) => (stdout += s), stderr: () => {}, cwd: ROOT, isTTY: false };
  const code = await main(['build', PATH, '--out', root, '--format', 'html,pdf,text', '--json'], io);
  expect(code).toBe(0);
  out = resolve(ROOT, (JSON.parse(stdout) as BuildJson).reports[0]!.outDir!);
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The HTML of one table, from its wrapper to its end. */
const htmlTable = (html: string, id: string) => {
  const start = html.indexOf(`id="${id}"`);
  expect(start, id).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</table>', start));
};

describe('HTML', () => {
  test('column groups: colgroup elements and th scope=colgroup spanning their columns', () => {
    const rt = htmlTable(readFileSync(join(out, 'index.html'), 'utf8'), 'resultatrakning');
    expect(rt).toContain('<colgroup span="1"></colgroup><colgroup span="4"></colgroup><colgroup span="2"></colgroup>');
    expect(rt).toContain('<th scope="colgroup" colspan="4" class="grp">Kommunen</th>');
    expect(rt).toContain('<th scope="colgroup" colspan="2" class="grp">Sammanställd redovisning</th>');
    expect(rt).toContain('<th scope="col" rowspan="2">Post</th>');
  });

  test('heading rows start a tbody with a th scope=rowgroup over the whole row, and print no "Värde saknas"', () => {
    const br = htmlTable(readFileSync(join(out, 'index.html'), 'utf8'), 'balansrakning');
    expect(br.match(/<tbody>/g)).toHaveLength(7);
    expect(br).toContain('<tr class="rowgroup"><th scope="rowgroup" colspan="5">Anläggningstillgångar</th></tr>');
    expect(br).not.toContain('Värde saknas');
  });

  test('a note reference links to the note heading', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(htmlTable(html, 'resultatrakning')).toContain('Verksamhetens intäkter <a href="#note-not-1" class="noteref">Not 1</a>');
    expect(html).toMatch(/<h4 id="note-not-1">Not 1 Verksamhetens intäkter<\/h4>/);
  });
});

describe('PDF', () => {
  const qdf = () => {
    const file = join(root, 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', join(out, 'rapport.pdf'), file]);
    return readFileSync(file, 'latin1');
  };
  test('statements are tagged with THead and TBody, group headers with ColSpan', () => {
    const struct = execFileSync('pdfinfo', ['-struct', join(out, 'rapport.pdf')], { encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(struct).toMatch(/^\s*THead\b/m);
    expect(struct).toMatch(/^\s*TBody\b/m);
    expect(qdf()).toMatch(/\/ColSpan 4/);
  });
  test('note references are links to a named destination at the note', () => {
    const text = qdf();
    expect(text).toMatch(/\/Dest \(note-not-1\)/);
    expect(text).toMatch(/\(note-not-1\)\s*\[/);
  });
  test('each heading row of the balansräkning starts a TBody with a row header spanning the table', () => {
    const struct = execFileSync('pdfinfo', ['-struct-text', join(out, 'rapport.pdf')], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n');
    const start = struct.findIndex((l) => l.trim() === '"Balansräkning. Belopp i miljoner kronor"');
    expect(start).toBeGreaterThan(0);
    const depth = (l: string) => l.length - l.trimStart().length;
    const tableDepth = depth(struct[start - 1]!) - 2;
    const end = struct.findIndex((l, i) => i > start && l.trim() !== '' && depth(l) <= tableDepth);
    const table = struct.slice(start, end);
    const bodies = table.flatMap((l, i) => (l.trim() === 'TBody' ? [i] : []));
    // Tillgångar, Anläggningstillgångar, Omsättningstillgångar, Eget kapital … : seven heading rows.
    expect(bodies).toHaveLength(7);
    const headings = bodies.map((i) => {
      expect(table.slice(i + 1, i + 5).map((l) => l.trim())).toEqual(['TR', 'TH:', '/Scope /Row', '/ColSpan 5']);
      return table[i + 5]!.trim();
    });
    expect(headings).toEqual(['"Tillgångar"', '"Anläggningstillgångar"', '"Omsättningstillgångar"', '"Eget kapital, avsättningar och skulder"', '"Eget kapital"', '"Avsättningar"', '"Skulder"']);
  });
  test('each note reference is tagged Reference > Link inside the row header, and says "Not n"', () => {
    const struct = execFileSync('pdfinfo', ['-struct-text', join(out, 'rapport.pdf')], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n');
    const depth = (l: string) => l.length - l.trimStart().length;
    /** The element a line stands in: the nearest element above it that is less indented. */
    const parent = (i: number) => struct.slice(0, i).reverse().find((l) => /^\s*[A-Z]/.test(l) && depth(l) < depth(struct[i]!))!.trim().split(/[\s:(]/)[0];
    // The table of contents tags its entries TOCI > Reference > Link too; the notes stand in row headers.
    const refs = struct.flatMap((l, i) => (/^\s*Reference\b/.test(l) && parent(i) !== 'TOCI' ? [i] : []));
    // One per row of the statements that names a note (eight rows, one note each).
    const noted = readFileSync(join(ROOT, PATH), 'utf8').match(/\bnote: not-\d+/g)!.length;
    expect(refs).toHaveLength(noted);
    for (const i of refs) {
      expect(parent(i)).toBe('TH');
      expect(struct[i + 1]!.trim()).toMatch(/^Link\b/);
      expect(depth(struct[i + 1]!)).toBeGreaterThan(depth(struct[i]!));
      expect(struct[i + 2]!.trim()).toMatch(/^"Not \d+"$/);
    }
  });
});

test('no output says "Värde saknas": heading rows have no cells, and the example has every figure', () => {
  const words = /V\u00e4rde\s+saknas|v\u00e4rde\s+saknas/;
  expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toMatch(words);
  expect(readFileSync(join(out, 'rapport.txt'), 'utf8')).not.toMatch(words);
  const pdf = execFileSync('pdftotext', [join(out, 'rapport.pdf'), '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(pdf).toContain('Anläggningstillgångar');
  expect(pdf).not.toMatch(words);
});

test('text reads each figure with its group and column, heading rows on their own line, and the note', () => {
  const text = readFileSync(join(out, 'rapport.txt'), 'utf8').replace(/[\u00a0\u202f]/g, ' ');
  // The text is read as spoken: figures and month abbreviations in words, lines wrapped.
  const unwrapped = text.replace(/(?<=\S)\n(?=\S)/g, ' ');
  // The column's year and a value of three digits parted by a comma: espeak-ng read "2024 412 komma 6" as "två miljoner tjugofyra tusen fyrahundratolv komma sex".
  expect(unwrapped).toContain('Verksamhetens intäkter (not 1): Kommunen, Utfall januari till augusti 2024, 412 komma 6 miljoner kronor;');
  expect(text).toContain('\nAnläggningstillgångar:\n');
  expect(unwrapped).toContain('Kommunal skattesats: Januari till augusti 2024 22 komma 14 procent');
});

describe('kommunrapport validate on the Ekdala example with a planted error', () => {
  type Plant = [table: string, row: string, from: string, to: string];
  /** The example with each plant made on its row's line; the 1-based line of row `at` (table, row). */
  const planted = (plants: Plant[], at: [string, string]) => {
    const lines = readFileSync(join(ROOT, PATH), 'utf8').split('\n');
    const find = (table: string, row: string) => {
      const start = lines.findIndex((l) => l.trim() === `id: ${table}`);
      const i = lines.findIndex((l, k) => k > start && l.includes(`{ id: ${row}, `));
      expect(i, `${table}.${row}`).toBeGreaterThan(start);
      return i;
    };
    for (const [table, row, from, to] of plants) {
      const i = find(table, row);
      expect(lines[i], `${row} holds ${from}`).toContain(from);
      lines[i] = lines[i]!.replace(from, to);
    }
    return { text: lines.join('\n'), line: find(...at) + 1 };
  };
  test.each<[string, Plant[], [string, string], string]>([
    // 1 mnkr more långfristiga skulder, every subtotal kept: tillgångar no longer equal the other side.
    ['balance-sheet-unbalanced', [['balansrakning', 'langfristiga', 'k-2024: 1650.0', 'k-2024: 1651.0'], ['balansrakning', 'summa-skulder', 'k-2024: 2329.4', 'k-2024: 2330.4'], ['balansrakning', 'summa-ek-avs-skulder', 'k-2024: 4497.5', 'k-2024: 4498.5']], ['balansrakning', 'summa-tillgangar'], '1 error'],
    ['cash-flow-mismatch', [['kassaflodesanalys', 'nya-lan', 's-2024: 210.0', 's-2024: 211.0'], ['kassaflodesanalys', 'summa-finansiering', 's-2024: 107.0', 's-2024: 108.0'], ['kassaflodesanalys', 'periodens-kassaflode', 's-2024: -3.0', 's-2024: -2.0'], ['kassaflodesanalys', 'lm-slut', 's-2024: 161.3', 's-2024: 162.3']], ['kassaflodesanalys', 'lm-slut'], '1 error'],
    ['cash-flow-start-mismatch', [['kassaflodesanalys', 'lm-borjan', 'k-2024: 98.6', 'k-2024: 99.6'], ['kassaflodesanalys', 'lm-slut', 'k-2024: 141.8', 'k-2024: 142.8']], ['kassaflodesanalys', 'lm-borjan'], '2 errors'],
    // Both signs flipped, the sums kept: two errors, the intäkt's line first.
    ['sign-contradicts-kind', [['resultatrakning', 'finansiella-kostnader', 'k-2023: -6.9', 'k-2023: 6.9'], ['resultatrakning', 'finansiella-intakter', 'k-2023: 11.2', 'k-2023: -2.6']], ['resultatrakning', 'finansiella-intakter'], '2 errors'],
    // The error of 0,4 in a total of eight rows.
    ['sum-mismatch', [['driftredovisning', 'summa', 'utfall: -1977.6', 'utfall: -1977.2']], ['driftredovisning', 'summa'], '1 error'],
  ])('%s: exit 1, the file, line and code, expected, found and hint on standard output', async (code, plants, at, count) => {
    const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-ekdala-bad-'));
    try {
      const p = planted(plants, at);
      writeFileSync(join(dir, 'rapport.yaml'), p.text);
      let stdout = '';
      let stderr = '';
      const status = await main(['validate', 'rapport.yaml'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir, isTTY: false });
      expect(status).toBe(1);
      expect(stderr).toBe('');
      expect(stdout).toMatch(new RegExp(`^rapport\\.yaml:${p.line}:\\d+  error  ${code}  `, 'm'));
      expect(stdout).toContain(`${count} · 0 warnings`);
      expect(stdout).toMatch(/^ {2}expected: .+$/m);
      expect(stdout).toMatch(/^ {2}found: {4}.+$/m);
      expect(stdout).toMatch(/^ {2}hint: {5}.+$/m);
      expect(stdout).not.toMatch(/\bat .+\.(ts|js):\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
