// `kommunrapport kolada` with `kolada.comparisons` in the config: riket, the län, a group of
// kommuner and named kommuner fetched beside the kommun's own values, tested offline against
// the constructed answers of the walk-through (examples/eskilstuna-ks-2023-indata/kolada) and
// of the tests (fixtures/kolada), served by a local server.
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadReport, type Indicator } from '@kommunrapport/model';
import { fixtures, repoRoot, runMain, tempDir } from './cli-helpers.js';
import { cacheName, getAll } from '../src/kolada/client.js';

const answers = join(repoRoot, 'examples/eskilstuna-ks-2023-indata/kolada');
const testAnswers = join(fixtures, 'kolada');
const example = join(repoRoot, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');
const walkthroughConfig = join(repoRoot, 'examples/eskilstuna-ks-2023-indata/kommunrapport.config.yaml');
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  // Answers every request whose cache name is a file of either folder; other paths are 404.
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname).replace(/^\/v3\//, '');
    requests.push(path);
    const file = [answers, testAnswers].map((d) => join(d, cacheName(path))).find((f) => existsSync(f));
    if (!file) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/json', date: 'Tue, 12 Sep 2023 08:00:00 GMT' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let dir: string;
let report: string;
let config: string;
beforeEach(async () => {
  dir = tempDir('kr-kolada-cmp-');
  const roll = await runMain(['init', 'r', '--from', example], dir);
  expect(roll.code).toBe(0);
  report = join(dir, 'r/rapport.yaml');
  config = join(dir, 'r/kommunrapport.config.yaml');
  requests.length = 0;
});

const SICK = 'sjukfranvaro-tillsvidareanstallda';
const indicator = (text: string, id: string): Indicator => {
  const { report: r, diagnostics } = loadReport(text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r!.sections.flatMap((s) => ('areas' in s ? s.areas : [])).flatMap((a) => a.goals ?? []).flatMap((g) => g.indicators ?? []).find((i) => i.id === id)!;
};
const ALL_KINDS = `kolada:
  comparisons:
    - { of: country, indicators: [${SICK}] }
    - { of: county, indicators: [${SICK}] }
    - { of: group, group: G124026, indicators: [${SICK}] }
    - { of: municipalities, municipalities: ["1880", "1980"], indicators: [${SICK}] }
    - { of: municipalities, municipalities: ["1880", "1980"], each: true, indicators: [${SICK}] }
`;

describe('kommunrapport kolada: comparison values', () => {
  it('fetches riket, the län, a group, the mean of named kommuner and each of them, and writes them as comparison series with source, group id and day', async () => {
    writeFileSync(config, ALL_KINDS);
    const run = await runMain(['kolada', 'r/rapport.yaml', '--base-url', base], dir);
    expect(run.code, run.stderr).toBe(0);
    const dataPath = 'data/kpi/N00090/municipality/0000,0004,1880,1980,G124026/year/2020,2021,2022,2023';
    expect(requests).toEqual(['municipality/0000,0004,1880,1980', 'municipality_groups/G124026', 'kpi/N00090', 'data/kpi/N00090/municipality/0484/year/2020,2021,2022,2023', dataPath, 'kpi/U00200', 'data/kpi/U00200/municipality/0484/year/2020,2021,2022,2023']);
    expect(run.stdout).toContain(`${SICK} 2023 Riket: (none) → 7.1  (Kolada N00090)`);
    expect(run.stdout).toContain(`${SICK} 2021 Örebro, Västerås (ovägt medel): (none) → 6.8  (Kolada N00090)`);
    // Two group values lacking a year the kommun has a value for: warnings, the other years written.
    expect(run.stderr).toContain('kolada-comparison-year-missing');
    expect(run.stderr).toContain(`Kolada has no value of N00090 for Större städer (ovägt medel) (G124026) in 2023, a year the kommun has a value for (indicator ${SICK}).`);
    expect(run.stderr).toContain(`Kolada has no value of N00090 for Örebro (of Örebro, Västerås (ovägt medel)) in 2023`);
    const source = { name: 'Kolada', retrieved: '2023-09-12', url: `${base}/${dataPath}` };
    const series = (values: [number, number][]) => values.map(([year, total]) => ({ year, total, source }));
    const ind = indicator(readFileSync(report, 'utf8'), SICK);
    expect(ind.comparisons).toEqual([
      { of: 'country', label: 'Riket', source: 'Kolada', values: series([[2020, 7.6], [2021, 7.3], [2022, 7.4], [2023, 7.1]]) },
      { of: 'county', label: 'Region Sörmland', source: 'Kolada', values: series([[2020, 7], [2021, 6.9], [2022, 7.1], [2023, 6.8]]) },
      { of: 'group', label: 'Större städer (ovägt medel)', source: 'Kolada', koladaGroupId: 'G124026', values: series([[2020, 7.9], [2021, 7.5], [2022, 7.6]]) },
      // The unweighted mean, only for years both have a value.
      { of: 'municipalities', label: 'Örebro, Västerås (ovägt medel)', source: 'Kolada', municipalities: ['Örebro', 'Västerås'], values: series([[2020, 6.85], [2021, 6.8], [2022, 6.6]]) },
      { of: 'municipalities', label: 'Örebro', source: 'Kolada', municipalities: ['Örebro'], values: series([[2020, 7.2], [2021, 7], [2022, 6.9]]) },
      { of: 'municipalities', label: 'Västerås', source: 'Kolada', municipalities: ['Västerås'], values: series([[2020, 6.5], [2021, 6.6], [2022, 6.3], [2023, 6.1]]) },
    ]);
    // indicators: limits the series: the HME index has none.
    expect(indicator(readFileSync(report, 'utf8'), 'hme-totalindex').comparisons).toBeUndefined();
  });

  it('--dry-run prints the diff and writes nothing; a second run changes nothing', async () => {
    writeFileSync(config, ALL_KINDS);
    const before = readFileSync(report, 'utf8');
    const dry = await runMain(['kolada', 'r/rapport.yaml', '--base-url', base, '--dry-run'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`${SICK} 2020 Region Sörmland: (none) → 7  (Kolada N00090)`);
    expect(dry.stdout).toMatch(/23 values from Kolada \(retrieved 2023-09-12\) \(dry run: nothing written\)/);
    expect(readFileSync(report, 'utf8')).toBe(before);
    expect((await runMain(['kolada', 'r/rapport.yaml', '--base-url', base], dir)).code).toBe(0);
    const once = readFileSync(report, 'utf8');
    expect(once).not.toBe(before);
    const again = await runMain(['kolada', 'r/rapport.yaml', '--base-url', base], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 values from Kolada (retrieved 2023-09-12); no change');
    expect(readFileSync(report, 'utf8')).toBe(once);
  });

  it('keeps a typed comparison value and the author\'s label without --force, adds the missing years and series, and --force replaces typed values', async () => {
    copyFileSync(walkthroughConfig, config);
    const text = readFileSync(report, 'utf8');
    const at = text.indexOf('\n', text.indexOf('kolada: { id: N00090')) + 1;
    const next = text.indexOf('- id: hme-totalindex', at);
    const lineStart = text.lastIndexOf('\n', next) + 1;
    const indent = ' '.repeat(next - lineStart + 2);
    const typed = [`${indent}comparisons:`, `${indent}  - of: country`, `${indent}    label: Hela landet`, `${indent}    source: Kolada`, `${indent}    values: [{ year: 2020, total: 7.6 }, { year: 2021, total: 7.0 }]`, ''].join('\n');
    writeFileSync(report, text.slice(0, lineStart) + typed + text.slice(lineStart));
    const run = await runMain(['kolada', 'r/rapport.yaml', '--cache', answers, '--offline', '--date', '2023-09-12'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${SICK} 2021 Hela landet: kept the typed 7; Kolada N00090 has 7.3 (--force replaces it)`);
    expect(run.stdout).not.toContain(`${SICK} 2020 Hela landet`);
    let ind = indicator(readFileSync(report, 'utf8'), SICK);
    const url = 'https://api.kolada.se/v3/data/kpi/N00090/municipality/0000,G124026/year/2020,2021,2022,2023';
    const source = { name: 'Kolada', retrieved: '2023-09-12', url };
    expect(ind.comparisons!.map((c) => c.label)).toEqual(['Hela landet', 'Större städer']);
    expect(ind.comparisons![0]!.values).toEqual([{ year: 2020, total: 7.6 }, { year: 2021, total: 7 }, { year: 2022, total: 7.4, source }, { year: 2023, total: 7.1, source }]);
    expect(ind.comparisons![1]).toMatchObject({ of: 'group', koladaGroupId: 'G124026', values: [{ year: 2020, total: 7.9, source }, { year: 2021, total: 7.5, source }, { year: 2022, total: 7.6, source }, { year: 2023, total: 7.2, source }] });
    const forced = await runMain(['kolada', 'r/rapport.yaml', '--cache', answers, '--offline', '--date', '2023-10-01', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`${SICK} 2021 Hela landet: 7 → 7.3  (Kolada N00090)`);
    ind = indicator(readFileSync(report, 'utf8'), SICK);
    // The typed value Kolada agrees with stays as typed; values fetched earlier keep their day.
    expect(ind.comparisons![0]!.values).toEqual([{ year: 2020, total: 7.6 }, { year: 2021, total: 7.3, source: { ...source, retrieved: '2023-10-01' } }, { year: 2022, total: 7.4, source }, { year: 2023, total: 7.1, source }]);
  });

  it('the comparisons appear in the outputs of the walk-through: the HTML, the text and indicator_comparisons.csv', async () => {
    copyFileSync(walkthroughConfig, config);
    expect((await runMain(['kolada', 'r/rapport.yaml', '--cache', answers, '--offline', '--date', '2023-09-12'], dir)).code).toBe(0);
    const build = await runMain(['build', 'r/rapport.yaml', '--out', 'dist', '--format', 'html,text,open-data'], dir);
    expect(build.code, build.stderr).toBe(0);
    const [site] = readdirSync(join(dir, 'dist'));
    const csv = readFileSync(join(dir, 'dist', site!, 'open-data/indicator_comparisons.csv'), 'utf8');
    expect(csv).toContain(`indicator-${SICK},country,1,Riket,Kolada,,,2023,7.1`);
    expect(csv).toContain(`indicator-${SICK},group,2,Större städer,Kolada,G124026,,2022,7.6`);
    const txt = readFileSync(join(dir, 'dist', site!, 'rapport.txt'), 'utf8');
    expect(txt).toMatch(/Total sjukfrånvaro - tillsvidareanställda, \(procent\): Större städer/);
    const html = readFileSync(join(dir, 'dist', site!, 'index.html'), 'utf8');
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>[^<]*Riket/);
    expect(html).toContain('Större städer');
  });

  it('an unknown group, an unknown kommun, a request without its group and a typo in the config are errors pointing into the config, with nothing written', async () => {
    const before = readFileSync(report, 'utf8');
    const cases: [string, RegExp, string][] = [
      ['kolada:\n  comparisons:\n    - of: group\n      group: G999999\n', /r\/kommunrapport\.config\.yaml:4:\d+ {2}error {2}kolada-unknown-group/, 'Kolada has no group of kommuner "G999999".'],
      ['kolada:\n  comparisons:\n    - of: country\n    - of: municipalities\n      municipalities: ["1880", "9999"]\n', /r\/kommunrapport\.config\.yaml:5:\d+ {2}error {2}kolada-unknown-municipality/, 'Kolada has no kommun "9999".'],
      ['kolada:\n  comparisons:\n    - of: group\n', /r\/kommunrapport\.config\.yaml:3:\d+ {2}error {2}kolada-comparison-invalid/, 'A comparison of: group names no group.'],
      ['kolada:\n  comparisons:\n    - of: riket\n', /r\/kommunrapport\.config\.yaml:3:\d+/, 'comparison (country, county, group or municipalities)'],
    ];
    for (const [yaml, where, message] of cases) {
      writeFileSync(config, yaml);
      const run = await runMain(['kolada', 'r/rapport.yaml', '--base-url', base], dir);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(where);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(report, 'utf8')).toBe(before);
    }
    // The request without its group was refused before asking Kolada anything about it.
    expect(requests.filter((r) => r.startsWith('municipality_groups/'))).toEqual(['municipality_groups/G999999']);
  });

  it('an empty comparisons: [] becomes a block list, a flow list is left alone with a warning, and unknown indicators and a group without the kommun are warnings', async () => {
    writeFileSync(config, 'kolada:\n  comparisons:\n    - of: country\n    - { of: group, group: G124026 }\n    - { of: country, indicators: [finns-inte] }\n');
    const after = (text: string, key: string, line: string) => {
      const at = text.indexOf(key);
      const start = text.lastIndexOf('\n', at) + 1;
      const end = text.indexOf('\n', at) + 1;
      return `${text.slice(0, end)}${text.slice(start, at)}${line}\n${text.slice(end)}`;
    };
    let text = readFileSync(report, 'utf8');
    text = after(text, 'kolada: { id: N00090', 'comparisons: []');
    text = after(text, 'kolada: { id: U00200', 'comparisons: [{ of: country, label: Riket, source: Kolada, values: [{ year: 2020, total: 79 }] }]');
    writeFileSync(report, text);
    const run = await runMain(['kolada', 'r/rapport.yaml', '--cache', answers, '--offline', '--date', '2023-09-12', '--json'], dir);
    expect(run.code, run.stdout).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.diagnostics.map((d: { code: string; line?: number }) => d.code)).toEqual(['kolada-comparison-indicator-unknown', 'kolada-comparisons-flow']);
    expect(json.diagnostics[0]).toMatchObject({ file: 'r/kommunrapport.config.yaml', line: 5, path: 'kolada.comparisons[2].indicators' });
    const written = readFileSync(report, 'utf8');
    expect(written).not.toContain('comparisons: []');
    expect(indicator(written, SICK).comparisons!.map((c) => `${c.of} ${c.label} ${c.values.length}`)).toEqual(['country Riket 4', 'group Större städer (ovägt medel) 4']);
    expect(indicator(written, 'hme-totalindex').comparisons).toEqual([{ of: 'country', label: 'Riket', source: 'Kolada', values: [{ year: 2020, total: 79 }] }]);
    // A kommun outside the group: a warning (here beside the missing answers for its own values).
    writeFileSync(report, text.replace('code: "0484"', 'code: "0180"'));
    const other = await runMain(['kolada', 'r/rapport.yaml', '--cache', answers, '--offline', '--date', '2023-09-12', '--json'], dir);
    expect(other.code).toBe(2);
    const codes = JSON.parse(other.stdout).diagnostics.map((d: { code: string; severity: string }) => `${d.code} ${d.severity}`);
    expect(codes).toContain('kolada-group-not-member warning');
    expect(JSON.parse(other.stdout).diagnostics.find((d: { code: string }) => d.code === 'kolada-group-not-member').message).toBe('Kommun 0180 is not a member of Större städer (ovägt medel) (G124026); its values are written all the same.');
  });

  it('network failure while fetching comparisons is kolada-unreachable (exit 2), nothing written', async () => {
    copyFileSync(walkthroughConfig, config);
    const cache = tempDir('kr-kolada-own-');
    for (const f of readdirSync(answers)) if (f.startsWith('kpi_') || f.includes('_municipality_0484_')) copyFileSync(join(answers, f), join(cache, f));
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const before = readFileSync(report, 'utf8');
    const down = await runMain(['kolada', 'r/rapport.yaml', '--cache', cache, '--base-url', `http://127.0.0.1:${port}/v3`, '--date', '2023-09-12'], dir);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/r\/kommunrapport\.config\.yaml:\d+:\d+ {2}error {2}kolada-unreachable/);
    expect(down.stderr).toContain('Cannot get the kommuner 0000 from Kolada: Kolada cannot be reached (ECONNREFUSED).');
    expect(down.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(report, 'utf8')).toBe(before);
  });

  it('a KPI whose comparison Kolada lacks is a warning per series; the other indicators get theirs', async () => {
    copyFileSync(walkthroughConfig, config);
    const cache = tempDir('kr-kolada-cache-');
    for (const f of readdirSync(answers)) if (f.endsWith('.json')) copyFileSync(join(answers, f), join(cache, f));
    writeFileSync(join(cache, cacheName('data/kpi/U00200/municipality/0000,G124026/year/2020,2021,2022,2023')), '{"count":0,"values":[]}');
    const run = await runMain(['kolada', 'r/rapport.yaml', '--cache', cache, '--offline', '--date', '2023-09-12', '--json'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.diagnostics.map((d: { code: string; severity: string }) => `${d.code} ${d.severity}`)).toEqual(['kolada-comparison-missing warning', 'kolada-comparison-missing warning']);
    expect(json.diagnostics[0].message).toBe('Kolada has no values of U00200 for Riket in 2020, 2021, 2022, 2023 (indicator hme-totalindex); no comparison is written.');
    expect(json.changes.filter((c: { comparison?: { koladaGroupId?: string } }) => c.comparison?.koladaGroupId === 'G124026')).toHaveLength(4);
    const after = readFileSync(report, 'utf8');
    expect(indicator(after, 'hme-totalindex').comparisons).toBeUndefined();
    expect(indicator(after, SICK).comparisons).toHaveLength(2);
  });

  it('the client follows v3\'s next_url (and v2\'s next_page) to the last page', async () => {
    const pages: Record<string, unknown> = {
      'https://k/v3/municipality_groups': { values: [{ id: 'G1' }], next_url: 'https://k/v3/municipality_groups?page=2' },
      'https://k/v3/municipality_groups?page=2': { values: [{ id: 'G2' }], next_page: 'https://k/v3/municipality_groups?page=3' },
      'https://k/v3/municipality_groups?page=3': { values: [{ id: 'G3' }], next_url: null },
    };
    const asked: string[] = [];
    const fetch = (async (url: string) => {
      asked.push(url);
      return new Response(JSON.stringify(pages[url]), { status: 200 });
    }) as unknown as typeof globalThis.fetch;
    const got = await getAll<{ id: string }>('municipality_groups', { baseUrl: 'https://k/v3', fetch });
    expect(got.ok && got.values.map((v) => v.id)).toEqual(['G1', 'G2', 'G3']);
    expect(asked).toHaveLength(3);
  });
});
