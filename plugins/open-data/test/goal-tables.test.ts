// The goal model in open data: one row per goal and dimension, goal links without double
// counting, comparisons in their own table, corrections, provenance columns and Kolada
// ids joined only for the same measure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildTables, writeCsv } from '../src/index.js';
import { ESKILSTUNA, MINIMAL, loadFile, loadText } from './helpers.js';

const rowsOf = (report: ReturnType<typeof loadText>, name: string) => {
  const table = buildTables(report).find((t) => t.name === name)!;
  return parseCsv(writeCsv(table), { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
};

/** The package's fixture with a goal model: three dimensions, a second goal serving two parents, comparisons, corrections. */
function goalModelReport() {
  const r = parse(readFileSync(MINIMAL, 'utf8'), { version: '1.2', schema: 'core' });
  r.governance = {
    preset: 'eskilstuna',
    dimensions: [
      { key: 'indikatorer', label: 'Utifrån nämndens indikatorer' },
      { key: 'nyckeltal', label: 'Utifrån relevanta nyckeltal' },
      { key: 'sammanvagd', label: 'Sammanvägd bedömning', overall: true },
    ],
  };
  const area = r.sections[1].areas[0];
  area.provenance = { basis: 'inferred', reason: 'Härlett ur sammanfattningens antal' };
  const goal = area.goals[0];
  goal.origin = { kind: 'council', label: 'KF-mål' };
  goal.assessments = { indikatorer: 'achieved', nyckeltal: null, sammanvagd: 'partly' };
  goal.indicators[0].kolada = { id: 'N00945', source: 'Kolada', scope: 'same' };
  goal.indicators[0].comparisons = [
    { of: 'country', label: 'Riket', source: 'Kolada', values: [{ year: 2021, total: 70 }] },
    { of: 'group', label: 'Större städer', source: 'Kolada', koladaGroupId: 'G124028', values: [{ year: 2021, total: 71.5 }] },
  ];
  area.goals.push({ id: 'bostader', title: 'Fler bostäder', assessments: { sammanvagd: 'achieved' }, provenance: { basis: 'stated', quote: 'Målet uppnås' }, serves: ['foretagsklimat', 'naringsliv'] });
  area.commitments[0].provenance = { basis: 'unknown', reason: 'Källan anger ingen status' };
  r.sections[5].corrections = [{ source: 'miljoner kronor', published: 'tusen kronor', reason: 'Beloppen är tusen kronor.' }];
  return loadText(stringify(r));
}

describe('open data of the goal model', () => {
  const report = goalModelReport();

  it('lists the dimensions as a codelist and has one row per goal and dimension', () => {
    expect(rowsOf(report, 'codelist_dimension').map((r) => `${r.position} ${r.key} ${r.overall}`)).toEqual(['1 indikatorer false', '2 nyckeltal false', '3 sammanvagd true']);
    expect(rowsOf(report, 'goal_assessments').map((r) => `${r.goal_id} ${r.dimension} ${r.assessment}`)).toEqual([
      '0999-ks-goal-foretagsklimat indikatorer achieved',
      '0999-ks-goal-foretagsklimat nyckeltal ',
      '0999-ks-goal-foretagsklimat sammanvagd partly',
      '0999-ks-goal-bostader indikatorer ',
      '0999-ks-goal-bostader nyckeltal ',
      '0999-ks-goal-bostader sammanvagd achieved',
    ]);
    expect(rowsOf(report, 'goals').map((r) => r.assessment)).toEqual(['partly', 'achieved']);
  });

  it('keeps one row per goal and puts further parents in goal_links', () => {
    expect(rowsOf(report, 'goals').map((r) => r.local_id)).toEqual(['foretagsklimat', 'bostader']);
    expect(rowsOf(report, 'goal_links')).toEqual([
      { goal_id: '0999-ks-goal-bostader', position: '1', serves_goal_id: '0999-ks-goal-foretagsklimat', serves_area_id: '' },
      { goal_id: '0999-ks-goal-bostader', position: '2', serves_goal_id: '', serves_area_id: '0999-ks-area-naringsliv' },
    ]);
  });

  it('marks goals from outside the body and says how each status is known', () => {
    const goals = rowsOf(report, 'goals');
    expect(goals[0]).toMatchObject({ origin: 'council', origin_label: 'KF-mål', assessment_basis: '' });
    expect(goals[1]).toMatchObject({ origin: '', assessment_basis: 'stated', assessment_quote: 'Målet uppnås' });
    expect(rowsOf(report, 'areas')[0]).toMatchObject({ assessment_basis: 'inferred', assessment_reason: 'Härlett ur sammanfattningens antal' });
    expect(rowsOf(report, 'commitments')[0]).toMatchObject({ status_basis: 'unknown', status_reason: 'Källan anger ingen status' });
  });

  it('keeps comparisons in their own table, never among the kommun\'s values', () => {
    expect(rowsOf(report, 'indicator_comparisons').map((r) => `${r.indicator_id} ${r.comparison} ${r.label} ${r.kolada_group_id} ${r.year} ${r.value}`)).toEqual([
      '0999-ks-indicator-nki country Riket  2021 70',
      '0999-ks-indicator-nki group Större städer G124028 2021 71.5',
    ]);
    expect(rowsOf(report, 'indicator_values').filter((r) => r.indicator_id === '0999-ks-indicator-nki').map((r) => r.value)).toEqual(['72', '', '75']);
  });

  it('exports corrections with what the source said, what is published and why', () => {
    expect(rowsOf(report, 'corrections')).toEqual([
      { subject_kind: 'section', subject_id: '0999-ks-section-avvikelse', position: '1', source_text: 'miljoner kronor', published_text: 'tusen kronor', reason: 'Beloppen är tusen kronor.' },
    ]);
  });

  it('joins on the Kolada id only when the indicator is the same measure', () => {
    const same = rowsOf(report, 'indicators').find((r) => r.local_id === 'nki')!;
    expect(same).toMatchObject({ kolada_kpi_id: 'N00945', kolada_related_kpi_id: '', kolada_scope: 'same' });
    const part = rowsOf(loadFile(ESKILSTUNA), 'indicators').find((r) => r.local_id === 'sjukfranvaro-tillsvidareanstallda')!;
    expect(part).toMatchObject({ kolada_kpi_id: '', kolada_related_kpi_id: 'N00090', kolada_scope: 'part' });
  });

  it('keeps a bound and the year an older value was measured in their own columns', () => {
    const r = parse(readFileSync(MINIMAL, 'utf8'), { version: '1.2', schema: 'core' });
    const values = r.sections[1].areas[0].goals[0].indicators[0].values;
    values[0].measuredYear = 2020;
    values[2].bound = 'atLeast';
    const rows = rowsOf(loadText(stringify(r)), 'indicator_values').filter((x) => x.indicator_id === '0999-ks-indicator-nki');
    expect(rows.map((x) => `${x.year} ${x.kind} ${x.value} ${x.bound} ${x.measured_year}`)).toEqual(['2021 outcome 72  2020', '2022 outcome   ', '2023 target 75 atLeast ']);
  });

  it('has empty dimension tables for a vocabulary without dimensions', () => {
    const plain = loadFile(MINIMAL);
    expect(rowsOf(plain, 'codelist_dimension')).toEqual([]);
    expect(rowsOf(plain, 'goal_assessments')).toEqual([]);
  });

  it('names the commitment level with the vocabulary\'s word in the codelist of statuses, as in commitments.csv', () => {
    const report = loadText(
      readFileSync(MINIMAL, 'utf8').replace(/\ngovernance:.*\n/, '\ngovernance: { preset: eskilstuna, levels: { commitment: { singular: aktivitet, plural: aktiviteter } } }\n'),
    );
    expect(report.governance.levels.commitment.plural).toBe('aktiviteter');
    const tables = buildTables(report);
    const codelist = tables.find((t) => t.name === 'codelist_commitment_status')!;
    expect(codelist.title).toBe('Codelist: commitment statuses (status of the aktiviteter)');
    expect(`${codelist.title} ${codelist.description}`).not.toContain('åtagande');
    expect(tables.find((t) => t.name === 'commitments')!.title).toBe('Commitments (aktiviteter)');
  });
});
