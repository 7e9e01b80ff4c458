// The second bundled example, an invented social- och omsorgsnämnd in Solberga kommun,
// written in a governance model unlike the Eskilstuna seed's (målområden, nämndmål on a
// four-step scale, no trend, uppdrag without completion, indicators in an appendix). It is
// loaded through loadReport and checked by value, and the validator is shown to guard it.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { loadReport, plainText, walkReport, type Area, type DataTable, type Report, type Section } from '../src/index.js';

const PATH = 'examples/solberga-son-2024-delar/rapport.yaml';
const TEXT = readFileSync(new URL(`../../../${PATH}`, import.meta.url), 'utf8');
const loaded = loadReport(TEXT, PATH);
const report = loaded.report as Report;

/** Every section, depth first, including those inside text sections and areas. */
function allSections(): Section[] {
  const out: Section[] = [];
  walkReport(report, { section: (s) => out.push(s) });
  return out;
}
const section = <T extends Section['type']>(id: string, type: T): Extract<Section, { type: T }> => {
  const s = allSections().find((x) => x.id === id);
  if (!s || s.type !== type) throw new Error(`no ${type} section ${id}`);
  return s as Extract<Section, { type: T }>;
};
const areas = (): Area[] => section('mal-och-resultat', 'perspective').areas;
const table = (id: string): DataTable => {
  const t = allSections().flatMap((s) => (s.type === 'table' ? [s.table] : s.type === 'finance' ? s.tables : [])).find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
/** A table as rows of [label, ...values in column order]. */
const grid = (t: DataTable) => t.rows.map((r) => [r.label, ...t.columns.map((c) => r.values[c.key])]);
/** The report text with one replacement, loaded; the replacement must apply. */
const variant = (from: string | RegExp, to: string) => {
  const text = TEXT.replace(from, to);
  expect(text).not.toBe(TEXT);
  return loadReport(text, PATH);
};

describe(PATH, () => {
  test('loads with no parse, decode or check findings', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.report).toBeDefined();
  });

  test('is valid against the committed JSON Schema its first line names (what editors check while typing)', () => {
    expect(TEXT.split('\n')[0]).toBe('# yaml-language-server: $schema=../../packages/model/schema/report.schema.json');
    const schema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const ok = validate(parse(TEXT, { version: '1.2', schema: 'core' }));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  test('says in a comment that the kommun and its kommunkod are invented', () => {
    expect(report.municipality).toEqual({ name: 'Solberga', code: '1299' });
    expect(TEXT).toMatch(/Solberga kommun does not exist, and its kommunkod "1299" is not a\s*\n#\s*real one/);
  });

  test('metadata: a social- och omsorgsnämnd, delårsrapport per 31 augusti 2024', () => {
    expect(report.kind).toBe('interim');
    expect(report.period).toEqual({ year: 2024, label: 'januari–augusti 2024', start: '2024-01-01', end: '2024-08-31' });
    expect(report.body).toEqual({ name: 'Social- och omsorgsnämnden', abbreviation: 'SON' });
    expect(report.office).toEqual({ name: 'Social- och omsorgsförvaltningen', abbreviation: 'SOF' });
    expect(report.decision).toBeUndefined();
  });

  test('governance: the generic preset with this nämnd\'s level names, no trend and no completion scale', () => {
    const g = report.governance;
    expect(g.name).toBe('Solberga kommuns styrmodell');
    expect(g.levels.area).toEqual({ singular: 'målområde', plural: 'målområden' });
    expect(g.levels.goal).toEqual({ singular: 'nämndmål', plural: 'nämndmål' });
    expect(g.levels.commitment).toEqual({ singular: 'strategiskt utvecklingsuppdrag', plural: 'strategiska utvecklingsuppdrag' });
    expect(g.levels.indicator).toEqual({ singular: 'indikator', plural: 'indikatorer' });
    expect(g.trend).toEqual([]);
    expect(g.completion).toEqual([]);
    expect(g.assessment.map((s) => [s.key, s.label])).toEqual([
      ['achieved', 'Uppfyllt'],
      ['partly', 'Delvis uppfyllt'],
      ['not-achieved', 'Ej uppfyllt'],
      ['not-assessable', 'Kan inte bedömas'],
    ]);
  });

  test('section order: bedömning first, economy, goals, grunduppdrag, two appendices', () => {
    expect(report.sections.map((s) => [s.type, s.title])).toEqual([
      ['text', 'Förvaltningschefens bedömning'],
      ['text', 'Ekonomi'],
      ['overview', 'Samlad bedömning per målområde'],
      ['legend', 'Förklaring till symboler'],
      ['perspective', 'Mål och resultat'],
      ['text', 'Uppföljning av grunduppdraget'],
      ['indicators', 'Bilaga 1. Indikatorer per målområde'],
      ['table', 'Bilaga 2. Lokalförsörjning'],
    ]);
    const bedomning = section('forvaltningschefens-bedomning', 'text');
    expect(plainText(bedomning.body!).split('\n\n').map((p) => p.split('.')[0])).toEqual(['Ekonomi', 'Verksamhet', 'Medarbetare']);
    expect(bedomning.sections!.map((s) => s.title)).toEqual(['Viktiga beslut under perioden', 'Viktiga händelser under perioden']);
    const beslut = bedomning.sections![0]!.body![0]!;
    expect(beslut.type === 'list' ? beslut.items.length : 0).toBe(3);
    expect(section('ekonomi', 'text').sections!.map((s) => s.id)).toEqual(['ekonomisk-sammanfattning', 'driftsammandrag', 'prognosavvikelse', 'investeringar']);
  });

  test('the headline table: four rows × prognos, budget, avvikelse in tkr, avvikelse = prognos − budget', () => {
    const t = table('ekonomisk-sammanfattning');
    expect(t.role).toBe('headline');
    expect(t.unit).toBe('tkr');
    expect(t.columns.map((c) => [c.label, c.kind, c.differenceOf])).toEqual([
      ['Prognos helår', 'forecast', undefined],
      ['Budget', 'budget', undefined],
      ['Avvikelse', 'deviation', ['prognos', 'budget']],
    ]);
    expect(grid(t)).toEqual([
      ['Verksamhetens nettokostnader', -1173400, -1161600, -11800],
      ['varav kostnader', -1486300, -1462800, -23500],
      ['varav intäkter', 312900, 301200, 11700],
      ['Investeringar netto', -14600, -21000, 6400],
    ]);
    for (const [, prognos, budget, avvikelse] of grid(t) as [string, number, number, number][]) expect(prognos - budget).toBe(avvikelse);
    const [netto, kostnader, intakter] = t.rows;
    expect(netto!.sumOf).toEqual(['kostnader', 'intakter']);
    for (const c of t.columns) expect((kostnader!.values[c.key] as number) + (intakter!.values[c.key] as number)).toBe(netto!.values[c.key]);
    // Positive = surplus: the deficit on operations is negative, the investment underspend positive.
    expect(netto!.values['avvikelse']).toBeLessThan(0);
    expect(t.rows[3]!.values['avvikelse']).toBeGreaterThan(0);
  });

  test('the driftsammandrag per verksamhet adds up to the headline net costs', () => {
    const t = table('driftsammandrag');
    expect(t.role).toBe('operatingStatement');
    expect(t.rows.map((r) => r.label)).toEqual([
      'Nämnd och förvaltningsledning', 'Äldreomsorg', 'Hälso- och sjukvård', 'Funktionsstöd', 'Individ- och familjeomsorg', 'Försörjningsstöd', 'Summa nettokostnader',
    ]);
    const total = t.rows.at(-1)!;
    expect(total.kind).toBe('total');
    for (const c of t.columns) expect(t.rows.slice(0, -1).reduce((acc, r) => acc + (r.values[c.key] as number), 0)).toBe(total.values[c.key]);
    expect(total.values).toEqual({ utfall: -787500, budget: -1161600, prognos: -1173400, avvikelse: -11800 });
    expect(total.sameAs).toEqual({
      budget: 'ekonomisk-sammanfattning.nettokostnader.budget',
      prognos: 'ekonomisk-sammanfattning.nettokostnader.prognos',
      avvikelse: 'ekonomisk-sammanfattning.nettokostnader.avvikelse',
    });
  });

  test('the deviation explanations add up to −11 800 tkr, the headline deviation', () => {
    const e = section('prognosavvikelse', 'deviation').explanation;
    expect(e.deviation).toBe(-11800);
    expect(e.items.reduce((acc, i) => acc + i.amount, 0)).toBe(-11800);
    expect(e.sameAs).toBe('ekonomisk-sammanfattning.nettokostnader.avvikelse');
  });

  test('investments add up to the headline Investeringar netto', () => {
    const t = table('investeringar');
    expect(t.role).toBe('investments');
    expect(grid(t).at(-1)).toEqual(['Summa investeringar', -7100, -21000, -14600, 6400]);
    expect(Object.values(t.rows.at(-1)!.sameAs!)).toEqual([
      'ekonomisk-sammanfattning.investeringar.budget',
      'ekonomisk-sammanfattning.investeringar.prognos',
      'ekonomisk-sammanfattning.investeringar.avvikelse',
    ]);
  });

  test('five målområden, each with nämndmål on the four-step scale and no trend anywhere', () => {
    expect(areas().map((a) => [a.title, a.assessment, (a.goals ?? []).map((g) => g.assessment)])).toEqual([
      ['Samhälle', 'partly', ['achieved', 'partly']],
      ['Medborgare', 'achieved', ['achieved', 'achieved']],
      ['Ekonomi', 'not-achieved', ['not-achieved', 'not-assessable']],
      ['Verksamhet', 'partly', ['partly', 'achieved']],
      ['Medarbetare', 'partly', ['partly', 'achieved', 'not-assessable']],
    ]);
    const goals = areas().flatMap((a) => a.goals ?? []);
    expect(goals).toHaveLength(11);
    // All four steps are in use, and the summary counts them right.
    const count = (key: string) => goals.filter((g) => g.assessment === key).length;
    expect([count('achieved'), count('partly'), count('not-achieved'), count('not-assessable')]).toEqual([5, 3, 1, 2]);
    expect(plainText(report.summary)).toContain('elva nämndmål bedöms fem vara uppfyllda, tre delvis uppfyllda, ett ej uppfyllt och två kan inte bedömas');
    expect(areas().some((a) => a.trend !== undefined) || goals.some((g) => g.trend !== undefined)).toBe(false);
    expect(goals.every((g) => g.indicators === undefined)).toBe(true);
  });

  test('strategiska utvecklingsuppdrag have a status and no completion', () => {
    const uppdrag = areas().flatMap((a) => a.commitments ?? []);
    expect(uppdrag.map((u) => [u.id, u.responsible, u.status])).toEqual([
      ['tidiga-insatser-med-skolan', ['SOF', 'BUN'], 'ongoing'],
      ['digital-ansokan-bistand', ['IFO'], 'done'],
      ['resursfordelning-hemtjanst', ['SOF'], 'delayed'],
      ['nattillsyn-kamera', ['SOF'], 'done'],
      ['framtida-boendebehov', ['SOF', 'KS'], 'not-started'],
      ['heltidsresan', ['alla verksamhetsområden'], 'ongoing'],
    ]);
    expect(uppdrag.every((u) => !('completion' in u))).toBe(true);
  });

  test('a trend or a completion would be reported: the scales are empty', () => {
    const trend = variant('assessment: achieved\n        body: Brukarna', 'assessment: achieved\n        trend: better\n        body: Brukarna');
    expect(trend.diagnostics.map((d) => [d.code, d.path])).toEqual([['unknown-scale-key', 'sections[4].areas[1].trend']]);
    const completion = variant('status: done\n            body: E-tjänsten', 'status: done\n            completion: p100\n            body: E-tjänsten');
    expect(completion.diagnostics.map((d) => d.code)).toEqual(['unknown-scale-key']);
  });

  test('the validator guards the headline: a wrong deviation or a net cost that does not add up is found', () => {
    const deviation = variant('values: { prognos: -14600, budget: -21000, avvikelse: 6400 }', 'values: { prognos: -14600, budget: -21000, avvikelse: 6300 }');
    expect(deviation.diagnostics.map((d) => d.code).sort()).toEqual(['difference-mismatch', 'figure-mismatch']);
    const sum = variant('values: { prognos: 312900, budget: 301200, avvikelse: 11700 }', 'values: { prognos: 313900, budget: 301200, avvikelse: 12700 }');
    expect(sum.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['sum-mismatch', 'sections[1].sections[0].table.rows[0].values.prognos'],
      ['sum-mismatch', 'sections[1].sections[0].table.rows[0].values.avvikelse'],
    ]);
  });

  test('appendix 1: one indicator group per målområde, with and without targets, latest outcomes from different years', () => {
    const s = section('bilaga-indikatorer', 'indicators');
    expect(s.groups.map((g) => g.title)).toEqual(areas().map((a) => a.title));
    const indicators = s.groups.flatMap((g) => g.indicators);
    expect(indicators).toHaveLength(12);
    const withTarget = indicators.filter((i) => i.values.some((v) => v.kind === 'target'));
    expect(withTarget.length).toBeGreaterThan(0);
    expect(withTarget.length).toBeLessThan(indicators.length);
    expect(indicators.filter((i) => !withTarget.includes(i)).map((i) => i.id)).toEqual(['barn-unga-med-insats', 'kostnad-hemtjanst-80', 'nattillsyn-kamera-antal']);
    const latest = (id: string) => Math.max(...indicators.find((i) => i.id === id)!.values.filter((v) => v.kind === 'outcome' && v.total !== undefined).map((v) => v.year));
    expect([latest('nojdhet-hemtjanst'), latest('vantetid-sarskilt-boende-dagar'), latest('hme')]).toEqual([2023, 2024, 2023]);
    expect(indicators.flatMap((i) => i.values.filter((v) => v.missing !== undefined).map((v) => [i.id, v.year, v.missing]))).toEqual([
      ['kostnad-hemtjanst-80', 2024, 'Publiceras våren 2025'],
      ['hme', 2024, 'Mätning i oktober 2024'],
    ]);
  });

  test('appendix 2: the premises table of planned changes in yearly rent', () => {
    const s = section('bilaga-lokalforsorjning', 'table');
    expect(s.table.role).toBe('premises');
    expect(s.table.columns.map((c) => [c.label, c.kind, c.year])).toEqual([
      ['2025', 'budget', 2025],
      ['2026', 'budget', 2026],
      ['2027', 'budget', 2027],
    ]);
    expect(grid(s.table).at(-1)).toEqual(['Summa förändrad årshyra', 1700, 6900, 6900]);
    expect(plainText(s.table.note!)).toBe('Förändring av årshyran jämfört med 2024. Ett positivt belopp är en ökad kostnad.');
  });

  test('workforce: headcount by gender and three years of sick leave, agreeing with the indicator', () => {
    const w = section('personal', 'workforce');
    expect(w.headcount).toEqual({ asOf: '31 augusti 2024', total: 1412, women: 1186, men: 226 });
    const indicator = section('bilaga-indikatorer', 'indicators').groups[4]!.indicators.find((i) => i.id === 'sjukfranvaro')!;
    expect(w.sickLeave).toEqual(indicator.values.filter((v) => v.kind === 'outcome').map(({ year, total, women, men }) => ({ year, total, women, men })));
  });
});
