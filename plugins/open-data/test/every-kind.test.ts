// The open data gathers its facts in one walk of the report (walkReport): a report with a
// section of every kind, some nested in a text section and in an area, has every fact in
// its tables, the nested ones too, in document order.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Artifact } from '@kommunrapport/core';
import { collectFacts } from '../src/collect.js';
import { csv, loadFile, render } from './helpers.js';

const EVERY_KIND = fileURLToPath(new URL('../../../packages/model/test/fixtures/valid/every-kind.yaml', import.meta.url));

describe('open data of a report with a section of every kind', () => {
  let artifacts: Artifact[];
  beforeAll(async () => {
    artifacts = await render(loadFile(EVERY_KIND));
  });
  const column = (name: string, key: string) => csv(artifacts, name).map((r) => r[key]);

  it('gathers the facts of one report once, however many writers ask', () => {
    const report = loadFile(EVERY_KIND);
    const facts = collectFacts(report);
    expect(facts.tables.length).toBeGreaterThan(0);
    expect(collectFacts(report)).toBe(facts);
    expect(collectFacts(loadFile(EVERY_KIND))).not.toBe(facts);
  });

  it('lists every table of figures with its section, also one in a text section and one of a note inside an area', () => {
    expect(csv(artifacts, 'tables').map((r) => `${r.local_id} ${r.section_id}`)).toEqual([
      'not-7-avgifter 0999-ks-section-noter',
      'resultatrakning 0999-ks-section-ekonomi',
      'nyckeltal 0999-ks-section-ekonomi',
      'nt 0999-ks-section-tabell',
    ]);
    // Each with its cells.
    expect(column('other_tables', 'table_id')).toEqual(expect.arrayContaining(['0999-ks-table-not-7-avgifter', '0999-ks-table-nt']));
  });

  it('has the area, its goal and commitments, the indicators under the goal and in the group, the deviation and the workforce figures', () => {
    expect(column('areas', 'local_id')).toEqual(['naringsliv']);
    expect(column('goals', 'local_id')).toEqual(['foretagsklimat']);
    expect(column('commitments', 'local_id')).toEqual(['detaljplaner', 'kompetens']);
    expect(column('indicators', 'local_id')).toEqual(['nki', 'anstallda', 'sjukfranvaro']);
    expect(column('deviations', 'local_id')).toEqual(['prognosavvikelse']);
    expect([...new Set(column('workforce', 'workforce_id'))]).toEqual(['0999-ks-workforce-medarbetare']);
  });
});
