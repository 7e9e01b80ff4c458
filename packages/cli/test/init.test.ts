// `kommunrapport init`: a starting report for each preset that validates as it is (with
// loadReport and through the command), shows every kind of section, carries the schema
// line, refuses to overwrite and checks the kommunkod; a kommun-level report starts with the
// räkenskaper (standard keys, figures that reconcile).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_ROWS, loadReport, type DataTable, type Section } from '@kommunrapport/model';
import { abbreviate, skeleton } from '../src/commands/init.js';
import { runMain, tempDir } from './cli-helpers.js';

describe('kommunrapport init', () => {
  it.each([
    ['2024-08', undefined, { kind: 'interim', id: '0000-kf-2024-d2', title: 'Delårsrapport per 31 augusti 2024', label: 'januari–augusti 2024', end: '2024-08-31' }],
    ['T1', undefined, { kind: 'tertial', id: '0000-kf-2024-t1', title: 'Tertialrapport per 30 april 2024', label: 'januari–april 2024', end: '2024-04-30' }],
    ['D1', undefined, { kind: 'interim', id: '0000-kf-2024-d1', title: 'Delårsrapport per 30 april 2024', label: 'januari–april 2024', end: '2024-04-30' }],
    ['helar', undefined, { kind: 'annual', id: '0000-kf-2024-helar', title: 'Årsredovisning 2024', label: '2024', end: '2024-12-31' }],
    ['2024-03', 'other', { kind: 'other', id: '0000-kf-2024-m03', title: 'Uppföljning per 31 mars 2024', label: 'januari–mars 2024', end: '2024-03-31' }],
  ])('--level kommun --period %s --kind %s: the kind, period and title follow, the body is kommunfullmäktige and the report validates', async (period, kind, want) => {
    const dir = tempDir();
    const r = await runMain(['init', 'kf', '--level', 'kommun', '--year', '2024', '--period', period, ...(kind ? ['--kind', kind] : [])], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const loaded = loadReport(readFileSync(join(dir, 'kf', 'rapport.yaml'), 'utf8'), 'rapport.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.report).toMatchObject({ id: want.id, kind: want.kind, level: 'kommun', title: want.title, body: { name: 'Kommunfullmäktige', abbreviation: 'KF' } });
    expect(loaded.report!.period).toMatchObject({ year: 2024, label: want.label, start: '2024-01-01', end: want.end });
  });
  it.each([
    ['kommun', 'generic', '2024-08', 'Utfall januari–augusti 2024', '2024-ack-08', 'Kommunen', 'kommunen'],
    ['sammanstalld', 'generic-en', 'helar', 'Outcome 2024', '2024', 'The municipality', 'kommunen'],
    ['kommun', 'eskilstuna', 'T1', 'Utfall januari–april 2024', '2024-ack-04', 'Kommunen', 'kommunen'],
    ['forbund', 'generic', 'helar', 'Utfall januari–december 2024', '2024', 'Förbundet', 'forbundet'],
  ])('--level %s (preset %s, period %s) writes the räkenskaper with standard keys, reconciled, and a nämnd-level report does not', async (level, preset, period, label, key, group, entity) => {
    const dir = tempDir();
    const r = await runMain(['init', 'kf', '--level', level, '--preset', preset, '--year', '2024', '--period', period], dir);
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'kf', 'rapport.yaml'), 'utf8');
    const loaded = loadReport(text, 'rapport.yaml');
    expect(loaded.diagnostics).toEqual([]);
    const tables = new Map<string, DataTable>();
    const visit = (sections: readonly Section[]) => {
      for (const s of sections) {
        if (s.type === 'table') tables.set(s.table.id, s.table);
        if (s.type === 'text' && s.sections) visit(s.sections);
      }
    };
    visit(loaded.report!.sections);
    expect([...tables.values()].map((t) => t.role)).toEqual(['incomeStatement', 'balanceSheet', 'cashFlow', 'balanceRequirement']);
    const rt = tables.get('resultatrakning')!;
    expect(rt.columns[0]).toMatchObject({ label, period: key });
    expect(rt.columnGroups).toEqual([{ label: group, entity, columns: ['utfall'] }]);
    // Every row but the headings has a standard key or stands in the kassaflödesanalys; labels are RKR's.
    expect(rt.rows.every((row) => row.key !== undefined && row.label === STANDARD_ROWS[row.key].label)).toBe(true);
    expect(tables.get('balansrakning')!.rows.filter((row) => row.kind === 'heading').map((row) => row.label)).toEqual(['Anläggningstillgångar', 'Omsättningstillgångar', 'Eget kapital', 'Avsättningar', 'Skulder']);
    // The figures reconcile as they are, and a changed figure is found at once.
    const broken = loadReport(text.replace('{ id: likvida-medel, label: "Kassa och bank", key: likvida-medel, kind: item, values: { utfall: 100.0 } }', '{ id: likvida-medel, label: "Kassa och bank", key: likvida-medel, kind: item, values: { utfall: 101.0 } }'), 'rapport.yaml');
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['sum-mismatch', 'cash-flow-mismatch']);
    // A nämnd's report keeps its finance table without statements.
    const namnd = await runMain(['init', 'bun', '--year', '2024', '--period', period], dir);
    expect(namnd.code).toBe(0);
    expect(readFileSync(join(dir, 'bun', 'rapport.yaml'), 'utf8')).not.toContain('role: balanceSheet');
  });
  it.each([
    ['kommun', 'generic', 'helar', 'Kommundirektörens kommentar', 'Förvaltningsberättelse', ['Översikt över verksamhetens utveckling', 'Den kommunala koncernen', 'Viktiga förhållanden för resultat och ekonomisk ställning', 'Händelser av väsentlig betydelse', 'Styrning och uppföljning av verksamheten', 'God ekonomisk hushållning och ekonomisk ställning', 'Balanskravsresultat', 'Väsentliga personalförhållanden', 'Förväntad utveckling']],
    ['kommun', 'generic', 'D2', 'Kommundirektörens kommentar', 'Förvaltningsberättelse', ['Händelser av väsentlig betydelse', 'God ekonomisk hushållning och ekonomisk ställning', 'Balanskravsresultat', 'Förväntad utveckling']],
    ['forbund', 'generic', 'helar', 'Förbundschefens kommentar', 'Förvaltningsberättelse', ['Översikt över verksamhetens utveckling', 'Förbundets organisation', 'Viktiga förhållanden för resultat och ekonomisk ställning', 'Händelser av väsentlig betydelse', 'Styrning och uppföljning av verksamheten', 'God ekonomisk hushållning och ekonomisk ställning', 'Balanskravsresultat', 'Väsentliga personalförhållanden', 'Förväntad utveckling']],
    ['sammanstalld', 'generic-en', 'T1', 'Comments of the chief executive', 'Administration report', ['Significant events', 'Sound financial management and financial position', 'Balanced budget requirement result', 'Expected development']],
  ])('--level %s (preset %s, period %s) opens with the chief executive and the förvaltningsberättelse the law asks of that report', async (level, preset, period, manager, title, parts) => {
    const dir = tempDir();
    const r = await runMain(['init', 'kf', '--level', level, '--preset', preset, '--year', '2024', '--period', period], dir);
    expect(r.code).toBe(0);
    const loaded = loadReport(readFileSync(join(dir, 'kf', 'rapport.yaml'), 'utf8'), 'rapport.yaml');
    expect(loaded.diagnostics).toEqual([]);
    const texts = loaded.report!.sections.filter((s) => s.type === 'text');
    expect(texts[0]!.title).toBe(manager);
    const story = texts.find((s) => s.title === title);
    expect(story?.sections?.map((s) => (s.type === 'text' ? s.title : s.type))).toEqual(parts);
    // Each part says what belongs in it.
    expect(story!.sections!.every((s) => s.type === 'text' && s.body !== undefined)).toBe(true);
  });
  it.each(['namnd', 'bolag'])('--level %s has no förvaltningsberättelse of its own', async (level) => {
    const dir = tempDir();
    expect((await runMain(['init', 'x', '--level', level, '--year', '2024', '--period', 'helar'], dir)).code).toBe(0);
    const text = readFileSync(join(dir, 'x', 'rapport.yaml'), 'utf8');
    expect(text).not.toContain('Förvaltningsberättelse');
    expect(text).toContain(level === 'bolag' ? 'Verkställande direktörens kommentar' : 'Förvaltningschefens bedömning');
  });
  it.each([
    [['--period', '2024-13'], '--period must be a month'],
    [['--period', 'delår 3'], '--period must be a month'],
    [['--kind', 'monthly'], '--kind must be one of interim, tertial, annual, other'],
    [['--level', 'region'], '--level must be one of kommun, namnd, bolag, forbund, sammanstalld'],
  ])('refuses %j with exit 2 and says what it takes', async (args, message) => {
    const dir = tempDir();
    const r = await runMain(['init', 'x', ...args], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(join(dir, 'x', 'rapport.yaml'))).toBe(false);
  });
  for (const preset of ['eskilstuna', 'generic', 'generic-en']) {
    it(`writes a report with preset ${preset} that validates with loadReport and kommunrapport validate`, async () => {
      const dir = tempDir();
      const r = await runMain(['init', 'solby', '--preset', preset, '--kommun', 'Solby', '--kommunkod', '1299', '--body', 'Barn- och utbildningsnämnden', '--year', '2025'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Wrote solby/rapport.yaml (Solby 1299, Barn- och utbildningsnämnden');
      const file = join(dir, 'solby', 'rapport.yaml');
      const text = readFileSync(file, 'utf8');
      const loaded = loadReport(text, file);
      expect(loaded.diagnostics).toEqual([]);
      const report = loaded.report!;
      expect(report).toMatchObject({ id: '1299-bun-2025-d2', municipality: { name: 'Solby', code: '1299' }, body: { name: 'Barn- och utbildningsnämnden', abbreviation: 'BUN' } });
      expect(report.period).toEqual(expect.objectContaining({ year: 2025, start: '2025-01-01', end: '2025-08-31' }));
      expect(report.sections.map((s) => s.type)).toEqual(['summary', 'text', 'overview', 'legend', 'perspective', 'finance', 'internalControl']);
      const perspective = report.sections.find((s) => s.type === 'perspective')!;
      const area = perspective.type === 'perspective' ? perspective.areas[0]! : undefined;
      expect(area?.goals?.[0]?.indicators).toHaveLength(1);
      expect(area?.commitments).toHaveLength(1);
      expect(report.language).toBe(preset === 'generic-en' ? 'en' : 'sv');
      // The schema line points at a schema file that exists.
      const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
      expect(existsSync(resolve(dirname(file), schema))).toBe(true);
      const validate = await runMain(['validate', 'solby/rapport.yaml'], dir);
      expect(validate.stdout).toContain('✓ solby/rapport.yaml is valid');
      expect(validate.code).toBe(0);
    });
  }

  it('refuses to overwrite an existing rapport.yaml unless --force is given', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rapport.yaml'), 'mine\n');
    const r = await runMain(['init', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('kommunrapport init: rapport.yaml already exists; use --force to replace it.\n');
    expect(readFileSync(join(dir, 'rapport.yaml'), 'utf8')).toBe('mine\n');
    const forced = await runMain(['init', '.', '--force', '--year', '2025'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'rapport.yaml'), 'utf8')).toContain('id: 0000-ks-2025-d2');
  });

  it('checks the kommunkod and the preset', async () => {
    const dir = tempDir();
    const bad = await runMain(['init', 'x', '--kommunkod', '484'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--kommunkod must be the kommun\'s 4-digit code from SCB, e.g. 0484 for Eskilstuna; found "484".');
    const preset = await runMain(['init', 'x', '--preset', 'stockholm'], dir);
    expect(preset.code).toBe(2);
    expect(preset.stderr).toContain('unknown preset "stockholm". Known presets: eskilstuna, generic, generic-en.');
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });

  it('a folder that is a file (or lies under one) is refused by name, exit 2, the file left as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine\n');
    for (const folder of ['notes.txt', 'notes.txt/sub']) {
      const r = await runMain(['init', folder], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`kommunrapport init: notes.txt is a file, so ${folder}/rapport.yaml cannot be written there. Give a folder (it is made when missing), or move the file away.\n`);
    }
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  it('a control character in --kommun or --body is a usage error naming the options and the model\'s finding, not an internal error', async () => {
    const dir = tempDir();
    for (const args of [['--kommun', 'Ort\u001b[31m'], ['--body', 'Social\u0000nämnden']]) {
      const r = await runMain(['init', 'x', ...args], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr).toMatch(/^kommunrapport init: --kommun ".*" or --body ".*" cannot be written into a report:\n/);
      expect(r.stderr).toContain('control-character');
      expect(r.stderr).toContain('Write the names on one line, without control characters');
      expect(existsSync(join(dir, 'x'))).toBe(false);
    }
  });

  it('takes the year from SOURCE_DATE_EPOCH, not the clock, when --year is not given', () => {
    const text = skeleton({ preset: 'generic', kommun: 'A', kommunkod: '0001', body: 'Socialnämnden', year: 2031, schema: 'x.json' });
    expect(text).toContain('id: 0001-sn-2031-d2');
    expect(abbreviate('Kommunstyrelsen')).toBe('KS');
    expect(abbreviate('Social- och omsorgsnämnden')).toBe('SON');
  });
});
