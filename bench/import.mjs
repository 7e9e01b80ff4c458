// Measures `kommunrapport import` of a 2 000-row workbook, as cold processes: a workbook with
// the Eskilstuna example's driftredovisning and 1 992 more units (figures that net to zero, so
// the total still adds up) is written with exceljs; each run imports it into a fresh copy of the
// example (reading the XLSX, matching and adding rows, editing the YAML, validating, writing),
// then imports it again (nothing to change). Use: node bench/import.mjs [runs]  (prints JSON)
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTree } from './proc-tree.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/cli/bin/kommunrapport.js');
const EXAMPLE = join(ROOT, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');
const ExcelJS = createRequire(join(ROOT, 'packages/cli/package.json'))('exceljs');
const runs = Number(process.argv[2] ?? 5);
const ROWS = 2000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const tmp = mkdtempSync(join(tmpdir(), 'kommunrapport-bench-import-'));
const workbook = join(tmp, 'drift-2000.xlsx');
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('Driftredovisning');
ws.addRow(['Avdelning', 'Utfall aug (tkr)', 'Budget helår', 'Prognos maj', 'Prognos aug']);
const departments = [
  ['Ledningsstaben', 3414, 0, -200, 800],
  ['Ekonomi och kvalitet', 3806, 0, 1600, 2925],
  ['HR', 4525, 0, 300, 3850],
  ['Social hållbarhet', 2397, 0, 1300, 1040],
  ['Näringsliv', 9512, 0, 2200, 3900],
  ['Kommunikation, IT och digitalisering', 4105, 0, 2000, 800],
  ['Miljö och samhällsbyggnad', 2451, 0, 800, 2300],
];
for (const d of departments) ws.addRow(d);
const extra = ROWS - departments.length - 1;
for (let i = 0; i < extra; i++) {
  const sign = i % 2 === 0 ? 1 : -1;
  const n = Math.floor(i / 2);
  ws.addRow([`Enhet ${String(i + 1).padStart(4, '0')}`, sign * (100 + (n % 50)), 0, sign * 10, sign * (n % 7)]);
}
ws.addRow(['Totalt', 30210, 0, 8000, 15615]);
await wb.xlsx.writeFile(workbook);

const first = [];
const again = [];
for (let i = 0; i < runs; i++) {
  const dir = join(tmp, `run-${i}`);
  rmSync(dir, { recursive: true, force: true });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir);
  copyFileSync(EXAMPLE, join(dir, 'rapport.yaml'));
  const args = [CLI, 'import', 'rapport.yaml', '--from', workbook, '--table', 'driftredovisning'];
  const a = await runTree('node', args, { cwd: dir });
  if (a.code !== 0) throw new Error(`import failed:\n${a.stdout.slice(-2000)}${a.stderr}`);
  first.push(a);
  const b = await runTree('node', args, { cwd: dir });
  if (b.code !== 0 || !/no change/.test(b.stdout)) throw new Error(`re-import changed something:\n${b.stdout.slice(-2000)}${b.stderr}`);
  again.push(b);
}
const report = readFileSync(join(tmp, 'run-0', 'rapport.yaml'), 'utf8');
const summary = (list) => ({ wallMs: median(list.map((r) => r.wallMs)), cpuMs: median(list.map((r) => r.cpuMs)), peakMb: median(list.map((r) => r.peakRssBytes)) / 2 ** 20 });
process.stdout.write(
  `${JSON.stringify({ rows: ROWS, runs, workbookBytes: statSync(workbook).size, reportBytes: report.length, rowsAdded: (first[0].stdout.match(/\+ row /g) ?? []).length, import: summary(first), reimport: summary(again) }, null, 2)}\n`,
);
rmSync(tmp, { recursive: true, force: true });
