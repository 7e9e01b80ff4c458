// The bundled example, Kommunstyrelsens delårsrapport 2, 2022 (Eskilstuna), loaded through
// loadReport and compared by value with the source document: areas, commitments, tables,
// workforce, indicators and the cover decision.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  loadReport,
  plainText,
  walkReport,
  type Area,
  type Commitment,
  type DataTable,
  type Report,
  type Section,
} from '../src/index.js';

const FILE = new URL('../../../examples/eskilstuna-ks-2022-delar2/rapport.yaml', import.meta.url);
const TEXT = readFileSync(FILE, 'utf8');
const loaded = loadReport(TEXT, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');
const report = loaded.report as Report;

/** Every section of the report and of its areas, depth first. */
function allSections(): Section[] {
  const out: Section[] = [];
  walkReport(report, { section: (s) => out.push(s) });
  return out;
}
const perspectives = () => report.sections.filter((s): s is Extract<Section, { type: 'perspective' }> => s.type === 'perspective');
const areas = (): Area[] => perspectives().flatMap((p) => p.areas);
const area = (id: string): Area => {
  const a = areas().find((x) => x.id === id);
  if (!a) throw new Error(`no area ${id}`);
  return a;
};
const commitments = (): Commitment[] => areas().flatMap((a) => a.commitments ?? []);
const tables = (): DataTable[] => allSections().flatMap((s) => (s.type === 'finance' ? s.tables : s.type === 'table' ? [s.table] : []));
const table = (id: string): DataTable => {
  const t = tables().find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
/** A table as rows of [label, ...values in column order]. */
const grid = (t: DataTable) => t.rows.map((r) => [r.label, ...t.columns.map((c) => r.values[c.key])]);

describe('examples/eskilstuna-ks-2022-delar2/rapport.yaml', () => {
  test('loads with no parse, decode or check findings', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.report).toBeDefined();
  });

  test('starts with the yaml-language-server schema line', () => {
    expect(TEXT.split('\n')[0]).toBe('# yaml-language-server: $schema=../../packages/model/schema/report.schema.json');
  });

  test('metadata: id, kind, period, kommun, body, office, case number, governance', () => {
    expect(report.id).toBe('0484-ks-2022-d2');
    expect(report.kind).toBe('interim');
    expect(report.title).toBe('Kommunstyrelsens delårsrapport 2, 2022');
    expect(report.period).toEqual({ year: 2022, label: 'januari–augusti 2022', start: '2022-01-01', end: '2022-08-31' });
    expect(report.municipality).toEqual({ name: 'Eskilstuna', code: '0484' });
    expect(report.body).toEqual({ name: 'Kommunstyrelsen', abbreviation: 'KS' });
    expect(report.office).toEqual({ name: 'Kommunledningskontoret', abbreviation: 'KLK' });
    expect(report.caseNumber).toBe('KSKF/2022:251');
    expect(report.language).toBe('sv');
    expect(report.date).toBeUndefined();
    expect(report.governance.name).toBe('Eskilstuna kommuns styrmodell 2022');
    expect(report.governance.levels.area.singular).toBe('processområde');
  });

  test('the cover decision: proposal, description, signatories, attachments, recipients', () => {
    const d = report.decision!;
    expect(plainText(d.proposal)).toBe('Delårsrapport 2 för kommunstyrelsen för perioden januari-augusti 2022 godkänns.');
    const description = plainText(d.description).split('\n\n');
    expect(description).toHaveLength(4);
    expect(description[0]).toBe('Delårsrapport 2 utgör en uppföljning av nämndens verksamhetsplan för 2022 i enlighet med kommunens ekonomistyrningsprinciper.');
    expect(description[1]).toContain('Prognos på helår uppgår till +15,6 miljoner kronor.');
    expect(description[3]).toBe('På KLK finns per augusti 102 tillsvidareanställda medarbetare varav 67 kvinnor och 35 män. Sjukfrånvaron uppgår till 1,7% vilket är bättre än målnivån på 3,0%.');
    expect(d.office).toBe('KOMMUNLEDNINGSKONTORET');
    expect(d.signatories).toEqual([
      { name: 'Tommy Malm', role: 'Kommundirektör' },
      { name: 'Lena Lundberg', role: 'Administrativ direktör' },
    ]);
    expect(d.attachments).toEqual(['Bilaga 1, Delårsrapport 2, 2022 kommunstyrelsen']);
    expect(d.recipients).toEqual(['Kommunstyrelsen', 'kommunledningskontoret', 'ledningsstaben']);
  });

  test('sections follow the document: summary, overview, texts, legend, two perspectives, internal control', () => {
    expect(report.sections.map((s) => [s.type, s.title])).toEqual([
      ['summary', 'Sammanfattning'],
      ['overview', 'Sammanställning processområden'],
      ['text', 'Uppföljning fyraåriga processmål'],
      ['text', 'Status åtaganden'],
      ['legend', 'Förklaring symboler'],
      ['perspective', 'Hållbar utveckling'],
      ['perspective', 'Effektiv organisation'],
      ['internalControl', 'Intern styrning och kontroll'],
    ]);
    expect(plainText(report.sections[1]!.body!)).toMatch(/^Kommunstyrelsens verksamhetsplan 2022 fokuserar.*uppnå processmålen\.$/s);
    expect(plainText(report.sections[7]!.body!)).toBe('Ingen avrapportering av internkontroll sker i samband med delårsrapportering 2, 2022.');
  });

  test('summary and the two groups of significant events', () => {
    expect(plainText(report.summary).split('\n\n')).toHaveLength(6);
    expect(plainText(report.summary)).toContain('Många av KLK:s kostnader uppkommer sent under året.');
    const groups = report.significantEvents!;
    expect(groups.map((g) => g.title)).toEqual(['Väsentliga händelser – hållbar utveckling', 'Väsentliga händelser – effektiv organisation']);
    const items = groups.map((g) => {
      const list = g.body[0]!;
      return list.type === 'list' ? list.items.map(plainText) : [];
    });
    expect(items.map((i) => i.length)).toEqual([8, 5]);
    expect(items[0]![0]).toBe('Fortsatt fokus på att skapa förutsättningar för ett bra näringslivsklimat');
    expect(items[1]![4]).toBe('Arbetet med att realisera Eskilstunas program för digital transformation pågår.');
  });

  test('9 areas in 2 perspectives with the assessment and trend of the overview tables', () => {
    expect(perspectives().map((p) => [p.title, p.areas.map((a) => [a.title, a.assessment, a.trend])])).toEqual([
      [
        'Hållbar utveckling',
        [
          ['Näringsliv och arbete', 'achieved', 'unchanged'],
          ['Utbildning', 'achieved', 'better'],
          ['Berikande kultur och fritid', 'achieved', 'unchanged'],
          ['Samhällsskydd och beredskap', 'partly', 'better'],
          ['Hållbar samhällsbyggnad', 'achieved', 'unchanged'],
          ['Demokrati', 'partly', 'unchanged'],
        ],
      ],
      [
        'Effektiv organisation',
        [
          ['Processkvalitet', 'partly', 'unchanged'],
          ['Medarbetare', 'partly', 'unchanged'],
          ['Ekonomi', 'achieved', 'worse'],
        ],
      ],
    ]);
  });

  test('goals per area, with comments and no assessment of their own', () => {
    expect(areas().map((a) => [a.id, a.goals?.length ?? 0])).toEqual([
      ['naringsliv-och-arbete', 3],
      ['utbildning', 1],
      ['berikande-kultur-och-fritid', 0],
      ['samhallsskydd-och-beredskap', 1],
      ['hallbar-samhallsbyggnad', 5],
      ['demokrati', 4],
      ['processkvalitet', 4],
      ['medarbetare', 1],
      ['ekonomi', 3],
    ]);
    const goals = areas().flatMap((a) => a.goals ?? []);
    expect(goals.every((g) => g.assessment === undefined && g.body !== undefined && g.body.length > 0)).toBe(true);
    // The comment continued after a page break is joined into one paragraph.
    const etablering = area('naringsliv-och-arbete').goals![1]!;
    expect(plainText(etablering.body!)).toContain('arbete med att skapa detaljplanerad verksamhetsmark. Behovet av');
    // The HTML list of "Effektiva processer" and its continuation are one list of six.
    const processer = area('processkvalitet').goals!.find((g) => g.id === 'effektiva-processer')!;
    const list = processer.body![1]!;
    expect(list.type === 'list' ? list.items.length : 0).toBe(6);
  });

  test('14 commitments with responsible bodies and status; completion not stated', () => {
    expect(commitments().map((c) => [c.title.slice(0, 40), c.responsible, c.status])).toEqual([
      ['Identifiera och arbeta bort det som utgö', ['KS', 'SBN', 'MRN', 'SEN', 'alla bolag'], 'done'],
      ['Genom stöd och rätt insatser medverka ti', ['AVN', 'alla nämnder och bolag'], 'done'],
      ['I samverkan med fastighetsägare och andr', ['DEAB', 'ELE', 'KS', 'KFAST'], 'done'],
      ['Bidra till att övergången från högskola ', ['KS', 'FSN', 'GSN', 'GN', 'SN', 'VON', 'DEAB'], 'done'],
      ['Stärka kulturens roll utifrån målbilden ', ['KFN', 'TSN', 'KS', 'DEAB', 'SBN', 'FSN', 'GSN', 'GN', 'VON'], 'done'],
      ['Lokal och central krisberedskapsförmåga ', ['KS', 'alla nämnder', 'alla bolag'], 'done'],
      ['Kommunkoncernen kraftsamlar kring fortsa', ['KS', 'SBN', 'EEM', 'ELE', 'MRN', 'KFN'], 'done'],
      ['År 2021 har arbetet med en ny trafikplan', ['KS', 'SBN', 'KFAST'], 'done'],
      ['Ett klimatprogram med målet att bli en k', ['KS', 'alla nämnder och bolag'], 'done'],
      [
        'Samlat krafttag för att motverka utanför',
        ['KS', 'AVN', 'FSN', 'GSN', 'GN', 'KFN', 'MRN', 'SBN', 'SN', 'TSN', 'VON', 'SEN', 'KFAST', 'DEAB', 'ELE', 'EEM'],
        'done',
      ],
      ['Nya arbetsätt utvecklas och implementera', ['SEN', 'alla nämnder'], 'done'],
      ['Verkställa planerna för digital transfor', ['KS', 'alla nämnder och bolag'], 'delayed'],
      ['Med fokus på att stärka enhetscheferna i', ['KS', 'alla nämnder och bolag'], 'done'],
      ['Förbättrad ekonomistyrning genom kvalite', ['KS', 'alla nämnder och bolag'], 'done'],
    ]);
    expect(commitments().filter((c) => c.status === 'done')).toHaveLength(13);
    expect(commitments().every((c) => c.completion === null)).toBe(true);
    // The responsible parenthesis is data, not part of the title.
    expect(commitments().some((c) => /\((KS|SEN|AVN|DEAB)[,)]/.test(c.title))).toBe(false);
  });

  test('the organisation registry resolves every responsible party', () => {
    const known = new Map(report.organisations.bodies.map((b) => [b.abbreviation, b.name]));
    const groups = new Set((report.organisations.groups ?? []).map((g) => g.name));
    const used = new Set(commitments().flatMap((c) => c.responsible));
    expect([...used].filter((r) => !known.has(r) && !groups.has(r))).toEqual([]);
    expect([...groups].sort()).toEqual(['alla bolag', 'alla nämnder', 'alla nämnder och bolag']);
    expect(known.get('TSN')).toBe('Torshälla stads nämnd');
    expect(known.get('DEAB')).toBe('Destination Eskilstuna AB');
    expect(known.get('KFAST')).toBe('Eskilstuna Kommunfastigheter AB');
    expect(known.get('KLK')).toBe('Kommunledningskontoret');
  });

  test('the income statement: rows, kinds, sums and columns', () => {
    const t = table('resultatrakning');
    expect(t.role).toBe('incomeStatement');
    expect(t.unit).toBe('mnkr');
    expect(t.columns.map((c) => [c.label, c.kind, c.year, c.differenceOf])).toEqual([
      ['Utfall Aug 2021', 'outcome', 2021, undefined],
      ['Utfall Aug 2022', 'outcome', 2022, undefined],
      ['Budget Aug 2022', 'budget', 2022, undefined],
      ['Budgetavvikelse Aug 2022', 'deviation', 2022, ['utfall-aug-2022', 'budget-aug-2022']],
      ['Årsprognos aug', 'forecast', 2022, undefined],
      ['Avvikelse Årsprognos aug', 'deviation', 2022, undefined],
    ]);
    expect(grid(t)).toEqual([
      ['Kommunersättning', 266.8, 307.7, 307.7, 0, 461.5, 0],
      ['Övriga intäkter', 39.4, 44.6, 28.7, 15.9, 43.0, 0],
      ['Summa INTÄKTER', 306.2, 352.3, 336.4, 15.9, 504.5, 0],
      ['Personalkostnader', -71.5, -73.2, -78.0, 4.8, -115.5, 6.0],
      ['Lokalkostnader', -3.7, -4.5, -3.9, -0.6, -5.9, 0],
      ['Övriga kostnader', -207.0, -244.3, -251.5, 7.2, -367.6, 9.6],
      ['Summa KOSTNADER', -282.1, -322.0, -333.4, 11.3, -488.9, 15.6],
      ['ÅRETS RESULTAT', 24.1, 30.2, 3.0, 27.2, 15.6, 15.6],
    ]);
    expect(t.rows.map((r) => r.kind)).toEqual(['revenue', 'revenue', 'subtotal', 'cost', 'cost', 'cost', 'subtotal', 'result']);
    expect(t.rows.find((r) => r.id === 'arets-resultat')!.sumOf).toEqual(['summa-intakter', 'summa-kostnader']);
    // Every declared sum holds within the rounding of one-decimal figures.
    for (const row of t.rows.filter((r) => r.sumOf)) {
      for (const c of t.columns) {
        const sum = row.sumOf!.reduce((acc, id) => acc + (t.rows.find((r) => r.id === id)!.values[c.key] as number | null ?? 0), 0);
        expect(Math.abs(sum - (row.values[c.key] as number))).toBeLessThanOrEqual(0.15);
      }
    }
  });

  test('the operating statement per department, in tkr, linked to the income statement', () => {
    const t = table('driftredovisning');
    expect(t.role).toBe('operatingStatement');
    expect(t.unit).toBe('tkr');
    expect(t.columns.map((c) => c.label)).toEqual(['Utfall aug', 'Budget helår', 'Prognos maj', 'Prognos aug']);
    expect(grid(t)).toEqual([
      ['Ledningsstaben', 3414, 0, -200, 800],
      ['Ekonomi och kvalitet', 3806, 0, 1600, 2925],
      ['HR', 4525, 0, 300, 3850],
      ['Social hållbarhet', 2397, 0, 1300, 1040],
      ['Näringsliv', 9512, 0, 2200, 3900],
      ['Kommunikation, IT och digitalisering', 4105, 0, 2000, 800],
      ['Miljö och samhällsbyggnad', 2451, 0, 800, 2300],
      ['Totalt', 30210, 0, 8000, 15615],
    ]);
    const total = t.rows[7]!;
    expect(total.sumOf).toHaveLength(7);
    for (const c of t.columns) expect(t.rows.slice(0, 7).reduce((acc, r) => acc + (r.values[c.key] as number), 0)).toBe(total.values[c.key]);
    expect(total.sameAs).toEqual({
      'utfall-aug': 'resultatrakning.arets-resultat.utfall-aug-2022',
      'prognos-aug': 'resultatrakning.arets-resultat.arsprognos',
    });
  });

  test('the cross-table links are checked: the operating statement in mnkr would be a unit slip', () => {
    const slipped = TEXT.replace(/unit: tkr(\n\s+decimals: 0\n\s+rowHeader: Avdelning)/, 'unit: mnkr$1');
    expect(slipped).not.toBe(TEXT);
    const found = loadReport(slipped, 'rapport.yaml').diagnostics.map((d) => [d.code, d.path]);
    expect(found).toContainEqual(['unit-slip', 'sections[6].areas[2].endSections[0].tables[1].rows[7].values.utfall-aug']);
  });

  test('investments: 266 tkr of inventarier to Energy Evolution Center', () => {
    const t = table('investeringsredovisning');
    expect(t.role).toBe('investments');
    expect(t.unit).toBe('tkr');
    expect(grid(t)).toEqual([['Inventarier till Energy Evolution Center', 266]]);
    expect(plainText(t.note!)).toBe('Inventarier till Energy Evolution Center uppgår till 266 tkr.');
  });

  test('the 8 explanations of the forecast deviation add up to 15,6 mnkr', () => {
    const section = area('ekonomi').sections!.find((s) => s.type === 'deviation');
    const e = section?.type === 'deviation' ? section.explanation : undefined;
    expect(e?.unit).toBe('mnkr');
    expect(e?.deviation).toBe(15.6);
    expect(e?.items.map((i) => [i.label, i.amount])).toEqual([
      ['Utvecklingsmedel som inte kommer att gå åt', 2.0],
      ['Löner och kontorsdrift', 5.9],
      ['Utredning resursfördelning skola', 0.8],
      ['Uppskjutna externa köp och utredningar', 0.8],
      ['Fokusområden HR', 2.0],
      ['Centrumutveckling', 2.0],
      ['Utrullning av MS365', 1.3],
      ['Landsbygdsstöd', 0.8],
    ]);
    expect(e!.items.reduce((acc, i) => acc + i.amount, 0)).toBeCloseTo(15.6, 6);
    expect(e?.sameAs).toBe('resultatrakning.arets-resultat.avvikelse-arsprognos');
    expect(table('resultatrakning').rows.find((r) => r.id === 'arets-resultat')!.values['avvikelse-arsprognos']).toBe(15.6);
    expect(plainText(e!.intro!)).toBe('Avvikelsen mellan budget (0) och prognos (+15,6) förklaras av bland annat:');
  });

  test('workforce: headcount 102 (67 women, 35 men) and the sick-leave table', () => {
    const medarbetare = area('medarbetare');
    const head = medarbetare.sections!.find((s) => s.type === 'workforce');
    expect(head?.title).toBe('KLK som egen förvaltning');
    expect(head?.type === 'workforce' ? head.headcount : undefined).toEqual({ asOf: 'augusti 2022', total: 102, women: 67, men: 35 });
    const sick = medarbetare.endSections!.find((s) => s.type === 'workforce');
    expect(sick?.type === 'workforce' ? sick.sickLeaveTitle : undefined).toBe('Sjukfrånvaro på KLK som egen förvaltning');
    expect(sick?.type === 'workforce' ? sick.sickLeave : undefined).toEqual([
      { year: 2022, total: 1.7, women: 2.2, men: 0.7 },
      { year: 2021, total: 2.8, women: 3.9, men: 0.4 },
      { year: 2020, total: 2.8, women: 3.6, men: 1.1 },
    ]);
  });

  test('the three indicators of Hållbart arbetsliv with values, targets and missing reasons', () => {
    const goal = area('medarbetare').goals![0]!;
    expect(goal.title).toBe('Hållbart arbetsliv');
    const row = (ind: NonNullable<typeof goal.indicators>[number]) => [
      ind.name,
      ind.unit,
      ind.higherIsBetter,
      ind.kolada?.id,
      ind.values.map((v) => `${v.kind} ${v.year}: ${v.total ?? v.missing}`),
    ];
    expect(goal.indicators!.map(row)).toEqual([
      [
        'Total sjukfrånvaro - tillsvidareanställda, (%)',
        'percent',
        false,
        'N00090',
        ['outcome 2020: 3.1', 'outcome 2021: 3', 'outcome 2022: 1.7', 'target 2022: 3', 'target 2023: 3'],
      ],
      [
        'Hållbart Medarbetarengagemang HME, totalindex',
        'index',
        true,
        'U00200',
        ['outcome 2020: 77', 'outcome 2021: 86', 'outcome 2022: Mätning senare under 2022', 'target 2022: 83', 'target 2023: 83'],
      ],
      [
        'Medarbetare som är stolta över att arbeta inom Eskilstuna kommun, andel (%)',
        'percent',
        true,
        undefined,
        ['outcome 2020: 73', 'outcome 2021: 86', 'outcome 2022: Mätning senare under 2022', 'target 2022: 95', 'target 2023: 95'],
      ],
    ]);
    expect(goal.indicators!.map((i) => i.kolada?.source)).toEqual(['Kolada KPI-lista 2021', 'Kolada KPI-lista 2021', undefined]);
    expect(goal.indicators!.flatMap((i) => i.values).filter((v) => v.missing !== undefined).every((v) => v.total === undefined)).toBe(true);
  });
});
