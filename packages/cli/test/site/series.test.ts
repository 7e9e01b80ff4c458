// The site's key figures: one series per indicator and per organisation whose figures they
// are. A kommunalförbund gives its seat's kommunkod, but its figures are its own, never part
// of the seat kommun's series.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReport, type Report } from '@kommunrapport/model';
import { indicatorSeries, type SiteReport } from '../../src/site/pages.js';

const path = 'examples/eskilstuna-ks-2022-delar2/rapport.yaml';
const kommun = loadReport(readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8'), path).report!;
const forbund: Report = { ...kommun, id: '0484-rtmd-2022-d2', level: 'forbund', body: { name: 'Räddningstjänsten Mälardalen', abbreviation: 'RTMD' } };
const site = (...reports: Report[]) => reports.map((report) => ({ report }) as SiteReport);

describe('the key figures of a site', () => {
  it('keeps a kommunalförbund’s figures apart from its seat kommun’s, though both give the kommunkod 0484', () => {
    const alone = indicatorSeries(site(kommun));
    const both = indicatorSeries(site(kommun, forbund));
    expect(alone.length).toBeGreaterThan(1);
    expect(both).toHaveLength(alone.length * 2);
    for (const s of both) expect(s.reports).toHaveLength(1);
    const ids = alone.map((s) => s.id);
    expect(both.map((s) => s.slug).sort()).toEqual([...ids.map((id) => `${id}-0484`), ...ids.map((id) => `${id}-raddningstjansten-malardalen`)].sort());
    expect(both.find((s) => s.slug === `${ids[0]}-raddningstjansten-malardalen`)!.latest.report.id).toBe('0484-rtmd-2022-d2');
  });

  it('keeps one series per indicator over a kommun’s reports of several periods', () => {
    const later: Report = { ...kommun, id: '0484-ks-2023-d2', period: { ...kommun.period, year: 2023, end: '2023-08-31' } };
    const series = indicatorSeries(site(later, kommun));
    expect(series.map((s) => s.slug)).toEqual(indicatorSeries(site(kommun)).map((s) => s.slug));
    expect(series.every((s) => s.reports.map((r) => r.report.id).join() === '0484-ks-2022-d2,0484-ks-2023-d2')).toBe(true);
  });
});
