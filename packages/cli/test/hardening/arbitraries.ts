// fast-check arbitraries for the model: valid reports written as a person writes them
// (plain values, rich text as Markdown or { html }), built from ids, words, rich text,
// areas, goals, commitments, indicators whose women and men add up, tables whose totals
// and differences hold, and deviations whose items add up. Every report they give decodes
// and passes checkReport without errors.
import fc from 'fast-check';
import { presets } from '@kommunrapport/model';

const gov = presets.eskilstuna;
const keys = (steps: readonly { key: string }[]) => steps.map((s) => s.key);

/** A slug for ids: lowercase a–z, 0–9 and -, made unique by the caller's prefix. */
export const slug = fc.stringMatching(/^[a-z0-9]{1,8}$/);

const WORDS = ['verksamhet', 'mål', 'år', 'ökning', 'Kommunstyrelsen', 'budget', 'prognos', 'SBN', 'KS', 'för', 'barn', 'äldre', 'miljö', 'Å', 'ö', '2022', 'e-tjänst', '"citat"', '&', '<b>', '#', '*', '_', '1,7 %', '–', '—', '…'];

/** Plain text: Swedish words and marks, now and then any Unicode graphemes. */
export const text = fc
  .oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) },
  )
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s.length > 0);

/** Rich text as an author writes it: Markdown with emphasis, lists and links, or an HTML fragment. */
export const richText = fc.oneof(
  text,
  fc.tuple(text, text).map(([a, b]) => `${a} *${b}* och **${a}**.`),
  fc.array(text, { minLength: 1, maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc.tuple(text, fc.constantFrom('https://www.eskilstuna.se/', 'mailto:kommun@example.se')).map(([t, url]) => `Se [${t.replace(/[[\]]/g, '')}](${url}).`),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((ps) => ({ html: ps.map((p) => `<p>${p.replace(/[<&]/g, '')}</p>`).join('') })),
);

/** A nullable key of a scale of the governance vocabulary. */
const step = (steps: readonly { key: string }[]) => fc.option(fc.constantFrom(...keys(steps)), { nil: null });

const ORGS = [
  { abbreviation: 'KS', name: 'Kommunstyrelsen', kind: 'board' },
  { abbreviation: 'SBN', name: 'Stadsbyggnadsnämnden', kind: 'committee' },
  { abbreviation: 'KFN', name: 'Kultur- och fritidsnämnden', kind: 'committee' },
];

/** An indicator with values per year; counts split by gender add up. */
const indicator = (id: string) =>
  fc
    .record({
      name: text,
      unit: fc.constantFrom('count', 'percent', 'index', 'days'),
      higherIsBetter: fc.boolean(),
      values: fc.uniqueArray(fc.record({ year: fc.integer({ min: 2019, max: 2022 }), kind: fc.constantFrom('outcome', 'target'), women: fc.integer({ min: 0, max: 50 }), men: fc.integer({ min: 0, max: 50 }), missing: fc.boolean() }), {
        minLength: 1,
        maxLength: 4,
        selector: (v) => `${v.kind}-${v.year}`,
      }),
    })
    .map((i) => ({
      id,
      name: i.name,
      unit: i.unit,
      higherIsBetter: i.higherIsBetter,
      values: i.values.map((v) =>
        v.missing
          ? { year: v.year, kind: v.kind, missing: 'Mätning senare' }
          : i.unit === 'count'
            ? { year: v.year, kind: v.kind, total: v.women + v.men, women: v.women, men: v.men }
            : { year: v.year, kind: v.kind, total: v.women },
      ),
    }));

/** An area with goals (and their indicators) and commitments. */
const area = (p: string) =>
  fc
    .record({
      title: text,
      body: fc.option(richText, { nil: undefined }),
      assessment: step(gov.assessment),
      trend: step(gov.trend),
      goals: fc.array(fc.record({ title: text, body: fc.option(richText, { nil: undefined }), indicators: fc.integer({ min: 0, max: 2 }) }), { maxLength: 2 }),
      commitments: fc.array(fc.record({ title: text, responsible: fc.subarray(ORGS.map((o) => o.abbreviation), { minLength: 1 }), status: step(gov.commitmentStatus), completion: step(gov.completion) }), { maxLength: 2 }),
    })
    .chain((a) =>
      fc.tuple(...a.goals.map((g, gi) => fc.tuple(...Array.from({ length: g.indicators }, (_, ii) => indicator(`${p}-g${gi}-i${ii}`))))).map((inds) => ({
        id: p,
        title: a.title,
        ...(a.body !== undefined ? { body: a.body } : {}),
        assessment: a.assessment,
        trend: a.trend,
        goals: a.goals.map((g, gi) => ({ id: `${p}-g${gi}`, title: g.title, ...(g.body !== undefined ? { body: g.body } : {}), indicators: inds[gi] ?? [] })),
        commitments: a.commitments.map((c, ci) => ({ id: `${p}-c${ci}`, ...c })),
      })),
    );

/** A table of amounts: items, a total row that sums them, and a deviation column that is budget − forecast. */
const table = (id: string) =>
  fc
    .record({
      title: text,
      unit: fc.constantFrom('tkr', 'mnkr', 'kr'),
      rowHeader: text,
      decimals: fc.constantFrom(0, 1),
      rows: fc.array(fc.record({ label: text, outcome: fc.integer({ min: -9_000_000, max: 9_000_000 }), budget: fc.integer({ min: -9_000_000, max: 9_000_000 }), forecast: fc.integer({ min: -9_000_000, max: 9_000_000 }) }), { minLength: 1, maxLength: 5 }),
      labels: fc.tuple(text, text, text, text, text),
    })
    .map((t) => {
      // One decimal: amounts in tenths, so sums stay exact after rounding to one decimal.
      const scale = t.decimals === 1 ? 10 : 1;
      const cell = (n: number) => n / scale;
      const items = t.rows.map((r, i) => ({ id: `r${i}`, label: r.label, kind: 'item', values: { utfall: cell(r.outcome), budget: cell(r.budget), prognos: cell(r.forecast), avvikelse: cell(r.budget - r.forecast) } }));
      const sum = (k: 'outcome' | 'budget' | 'forecast') => t.rows.reduce((s, r) => s + r[k], 0);
      const total = { id: 'summa', label: t.labels[4], kind: 'total', sumOf: items.map((r) => r.id), values: { utfall: cell(sum('outcome')), budget: cell(sum('budget')), prognos: cell(sum('forecast')), avvikelse: cell(sum('budget') - sum('forecast')) } };
      return {
        id,
        title: t.title,
        unit: t.unit,
        rowHeader: t.rowHeader,
        columns: [
          { key: 'utfall', label: t.labels[0], kind: 'outcome', year: 2022 },
          { key: 'budget', label: t.labels[1], kind: 'budget', year: 2022 },
          { key: 'prognos', label: t.labels[2], kind: 'forecast', year: 2022 },
          { key: 'avvikelse', label: t.labels[3], kind: 'deviation', differenceOf: ['budget', 'prognos'] },
        ],
        rows: [...items, total],
      };
    });

/** A deviation explained by items whose amounts add up to it. */
const deviation = fc.record({ unit: fc.constantFrom('tkr', 'mnkr'), items: fc.array(fc.record({ label: text, amount: fc.integer({ min: -5000, max: 5000 }) }), { minLength: 1, maxLength: 4 }) }).map((d) => ({
  id: 'avvikelse',
  unit: d.unit,
  deviation: d.items.reduce((s, i) => s + i.amount, 0),
  items: d.items,
}));

/** Headcount whose women and men add up; sick leave in percent. */
const workforce = fc.record({ women: fc.integer({ min: 0, max: 5000 }), men: fc.integer({ min: 0, max: 5000 }), sick: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 3, maxLength: 3 }) }).map((w) => ({
  id: 'medarbetare',
  type: 'workforce',
  title: 'Medarbetare',
  headcount: { asOf: '2022-08-31', total: w.women + w.men, women: w.women, men: w.men },
  sickLeave: [{ year: 2022, total: w.sick[0]! / 10, women: w.sick[1]! / 10, men: w.sick[2]! / 10 }],
}));

/** A valid report as written in YAML (before decoding). */
export const reportInput = fc
  .record({
    title: text,
    municipality: text,
    summary: richText,
    perspectives: fc.integer({ min: 1, max: 2 }),
    areasPer: fc.integer({ min: 1, max: 3 }),
    tables: fc.integer({ min: 0, max: 2 }),
    withDeviation: fc.boolean(),
    withWorkforce: fc.boolean(),
    textSections: fc.array(fc.record({ title: text, body: richText }), { maxLength: 2 }),
    perspectiveTitles: fc.tuple(text, text),
  })
  .chain((r) =>
    fc
      .record({
        areas: fc.tuple(...Array.from({ length: r.perspectives }, (_, pi) => fc.tuple(...Array.from({ length: r.areasPer }, (_, ai) => area(`p${pi}-a${ai}`))))),
        tables: fc.tuple(...Array.from({ length: r.tables }, (_, ti) => table(`tabell-${ti}`))),
        deviation,
        workforce,
      })
      .map((parts) => ({
        id: '0999-prop-2022',
        kind: 'interim',
        title: r.title,
        period: { year: 2022, label: 'januari–augusti 2022', start: '2022-01-01', end: '2022-08-31' },
        municipality: { name: r.municipality, code: '0999' },
        body: { name: 'Kommunstyrelsen', abbreviation: 'KS' },
        language: 'sv',
        governance: 'eskilstuna',
        organisations: { bodies: ORGS },
        summary: r.summary,
        sections: [
          { id: 'sammanfattning', type: 'summary' },
          { id: 'oversikt', type: 'overview' },
          ...parts.areas.map((areas, pi) => ({ id: `perspektiv-${pi}`, type: 'perspective', title: r.perspectiveTitles[pi]!, areas })),
          ...r.textSections.map((t, i) => ({ id: `text-${i}`, type: 'text', ...t })),
          ...(r.withWorkforce ? [parts.workforce] : []),
          ...(parts.tables.length > 0 ? [{ id: 'ekonomi', type: 'finance', title: 'Ekonomi', tables: parts.tables }] : []),
          ...(r.withDeviation ? [{ id: 'prognosavvikelse', type: 'deviation', title: 'Avvikelse', explanation: parts.deviation }] : []),
        ],
      })),
  );
