// `kommunrapport kolada`: indicator outcomes from Kolada's API, tested offline against the
// constructed answers in examples/eskilstuna-ks-2023-indata/kolada, served by a local server.
import { copyFileSync, cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadReport } from '@kommunrapport/model';
import { repoRoot, runMain, tempDir } from './cli-helpers.js';
import { cacheName } from '../src/kolada/client.js';

const answers = join(repoRoot, 'examples/eskilstuna-ks-2023-indata/kolada');
const example = join(repoRoot, 'examples/eskilstuna-ks-2022-delar2/rapport.yaml');
let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  // Answers every request whose cache name is a file of the fixtures, kpi/N99999 with an empty list (a KPI Kolada does not know); other paths are 404.
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname).replace(/^\/v3\//, '');
    requests.push(path);
    const file = join(answers, cacheName(path));
    if (path === 'kpi/N99999') return void res.writeHead(200, { 'content-type': 'application/json', date: 'Tue, 12 Sep 2023 08:00:00 GMT' }).end('{"count":0,"values":[]}');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/json', date: 'Tue, 12 Sep 2023 08:00:00 GMT' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let dir: string;
let report: string;
beforeEach(async () => {
  dir = tempDir('kr-kolada-');
  const roll = await runMain(['init', 'r', '--from', example], dir);
  expect(roll.code).toBe(0);
  report = join(dir, 'r/rapport.yaml');
  requests.length = 0;
});

describe('kommunrapport kolada', () => {
  it('fills outcomes with the gender split, records source and day, keeps typed values, and writes only indicator lines', async () => {
    const before = readFileSync(report, 'utf8');
    const run = await runMain(['kolada', 'r/rapport.yaml', '--base-url', base], dir, false);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(requests).toEqual(['kpi/N00090', 'data/kpi/N00090/municipality/0484/year/2020,2021,2022,2023', 'kpi/U00200', 'data/kpi/U00200/municipality/0484/year/2020,2021,2022,2023']);
    expect(run.stdout).toContain('sjukfranvaro-tillsvidareanstallda 2023: (none) → 2.3 (kvinnor 2.6, män 1.5)  (Kolada N00090)');
    expect(run.stdout).toContain('sjukfranvaro-tillsvidareanstallda 2022: kept the typed 1.7; Kolada N00090 has 1.8 (kvinnor 2.1, män 1.2) (--force replaces it)');
    expect(run.stdout).toContain('hme-totalindex 2022: missing (Mätning senare under 2022) → 84 (kvinnor 85, män 81)');
    // SOURCE_DATE_EPOCH is not set in process; the day comes from --date, the env or the answer's Date header.
    expect(run.stdout).toContain('2 values from Kolada');
    const after = readFileSync(report, 'utf8');
    const { report: r } = loadReport(after);
    const ind = r!.sections.flatMap((s) => ('areas' in s ? s.areas : [])).flatMap((a) => a.goals ?? []).flatMap((g) => g.indicators ?? []).find((i) => i.id === 'sjukfranvaro-tillsvidareanstallda')!;
    expect(ind.values.find((v) => v.year === 2023 && v.kind === 'outcome')).toEqual({
      year: 2023,
      kind: 'outcome',
      total: 2.3,
      women: 2.6,
      men: 1.5,
      source: { name: 'Kolada', retrieved: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), url: `${base}/data/kpi/N00090/municipality/0484/year/2020,2021,2022,2023` },
    });
    expect(ind.values.find((v) => v.year === 2022 && v.kind === 'outcome')!.total).toBe(1.7);
    // Only two lines changed (one added, one replaced).
    const a = before.split('\n');
    const b = after.split('\n');
    expect(b.length).toBe(a.length + 1);
    expect(b.filter((l) => !a.includes(l))).toHaveLength(2);
  });

  it('uses SOURCE_DATE_EPOCH (never the clock) for the day, --force replaces typed values, and a second run changes nothing', async () => {
    const env = { SOURCE_DATE_EPOCH: '1694476800' }; // 2023-09-12
    const { runKolada } = await import('../src/commands/kolada.js');
    let out = '';
    const ctx = { io: { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t), cwd: dir, isTTY: false }, exit: () => {} };
    expect(await runKolada('r/rapport.yaml', { baseUrl: base, force: true }, ctx, env)).toBe(0);
    expect(out).toContain('sjukfranvaro-tillsvidareanstallda 2022: 1.7 → 1.8 (kvinnor 2.1, män 1.2)');
    expect(out).toContain('retrieved 2023-09-12');
    expect(readFileSync(report, 'utf8')).toContain('{ year: 2022, kind: outcome, total: 1.8, women: 2.1, men: 1.2, source: { name: Kolada, retrieved: 2023-09-12,');
    const once = readFileSync(report, 'utf8');
    out = '';
    expect(await runKolada('r/rapport.yaml', { baseUrl: base, force: true }, ctx, env)).toBe(0);
    expect(out).toContain('0 values from Kolada (retrieved 2023-09-12); no change');
    expect(readFileSync(report, 'utf8')).toBe(once);
  });

  it('runs offline from a cache folder, and keeps new answers in it', async () => {
    const offline = await runMain(['kolada', 'r/rapport.yaml', '--cache', answers, '--offline', '--date', '2023-09-12', '--dry-run'], dir);
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain('(dry run: nothing written)');
    expect(requests).toEqual([]);
    const cache = join(dir, 'cache');
    const fetched = await runMain(['kolada', 'r/rapport.yaml', '--cache', 'cache', '--base-url', base, '--dry-run'], dir);
    expect(fetched.code).toBe(0);
    // The KPIs and the kommun's own values (the report has no config asking for comparisons).
    expect(readdirSync(cache).sort()).toEqual(readdirSync(answers).filter((f) => f.startsWith('kpi_') || f.includes('_municipality_0484_')).sort());
    expect(JSON.parse(readFileSync(join(cache, 'kpi_N00090.json'), 'utf8')).values[0].id).toBe('N00090');
  });

  it('-q prints only problems, not the values; -v names the config, every answer read (cache or network) and the file written', async () => {
    const quiet = await runMain(['kolada', 'r/rapport.yaml', '--cache', answers, '--offline', '--date', '2023-09-12', '--dry-run', '-q'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    const verbose = await runMain(['kolada', 'r/rapport.yaml', '--base-url', base, '--cache', 'cache', '-v'], dir);
    expect(verbose.code, verbose.stderr).toBe(0);
    expect(verbose.stderr).toMatch(/^read r\/rapport\.yaml: \d+ indicators? with a Kolada KPI id\n/m);
    expect(verbose.stderr).toMatch(/^no config file next to r\/rapport\.yaml$/m);
    expect(verbose.stderr).toMatch(/^read http:\/\/127\.0\.0\.1:\d+\/v3\/kpi\/N\d+ \(\d+ values?, from the network, kept in cache\/kpi_N\d+\.json\)$/m);
    expect(verbose.stderr).toMatch(/^wrote r\/rapport\.yaml$/m);
    expect(verbose.stdout).toContain('values from Kolada');
    const again = await runMain(['kolada', 'r/rapport.yaml', '--cache', 'cache', '--offline', '--date', '2023-09-12', '--dry-run', '-v'], dir);
    expect(again.stderr).toMatch(/^read https:\/\/api\.kolada\.se\/v3\/kpi\/N\d+ \(\d+ values?, from the cache cache\/kpi_N\d+\.json\)$/m);
  });

  it('an answer with a value whose period is missing or not a year asked for: named with the cache file and the fix, exit 2, the report unchanged (it wrote year: NaN and failed at a line of the edited text)', async () => {
    const before = readFileSync(report, 'utf8');
    for (const period of [undefined, '2021a', 1999]) {
      const cache = join(dir, 'odd');
      cpSync(answers, cache, { recursive: true });
      const file = readdirSync(cache).find((f) => f.startsWith('data_kpi_N00090_municipality_0484_'))!;
      const body = JSON.parse(readFileSync(join(cache, file), 'utf8')) as { values: { period?: unknown }[] };
      if (period === undefined) delete body.values[0]!.period;
      else body.values[0]!.period = period;
      writeFileSync(join(cache, file), JSON.stringify(body));
      const run = await runMain(['kolada', 'r/rapport.yaml', '--cache', 'odd', '--offline', '--date', '2023-09-12'], dir);
      expect(run.code, String(period)).toBe(2);
      expect(run.stderr).toMatch(/^r\/rapport\.yaml:\d+:\d+ {2}error {2}kolada-unreachable {2}indicator /m);
      expect(run.stderr).toContain(`the cached answer (${file} in odd) holds a value whose period is ${period === undefined ? 'missing' : JSON.stringify(period)}, not one of the years asked for (2020, 2021, 2022, 2023).`);
      expect(run.stderr).toContain('hint:     The cached answer is damaged or edited: delete it');
      expect(run.stderr).not.toContain('NaN');
      expect(readFileSync(report, 'utf8')).toBe(before);
    }
  });

  it('--cache naming a file is a usage error before anything is read (every answer was called damaged, with the advice to delete it)', async () => {
    writeFileSync(join(dir, 'svar.json'), '{}');
    const run = await runMain(['kolada', 'r/rapport.yaml', '--cache', 'svar.json', '--offline', '--date', '2023-09-12'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('kommunrapport kolada: --cache svar.json is a file; give a folder (made when missing) to keep Kolada\'s answers in, e.g. --cache kolada-svar.\n');
    expect(readFileSync(join(dir, 'svar.json'), 'utf8')).toBe('{}');
  });

  it('--date that is not a day in the calendar (2023-02-30, 2023-9-12) is a usage error before anything is read, the report unchanged', async () => {
    const before = readFileSync(join(dir, 'r/rapport.yaml'), 'utf8');
    for (const date of ['2023-02-30', '2023-9-12', '2023-13-01']) {
      const run = await runMain(['kolada', 'r/rapport.yaml', '--cache', answers, '--offline', '--date', date], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`kommunrapport kolada: --date must be a day that exists, written YYYY-MM-DD, such as 2023-09-12; found "${date}".\n`);
    }
    expect(readFileSync(join(dir, 'r/rapport.yaml'), 'utf8')).toBe(before);
  });

  it('a damaged cached answer is named with the fix to delete it, not "check the network"', async () => {
    const cache = join(dir, 'damaged');
    cpSync(answers, cache, { recursive: true });
    const file = readdirSync(cache).find((f) => f.startsWith('kpi_'))!;
    writeFileSync(join(cache, file), '{"values": [');
    const run = await runMain(['kolada', 'r/rapport.yaml', '--cache', 'damaged', '--offline', '--date', '2023-09-12', '--dry-run'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`the cached answer ${join(cache, file)} cannot be read`);
    expect(run.stderr).toContain(`hint:     The cached answer is damaged (cut short or edited): delete ${join(cache, file)} and run again without --offline`);
    expect(run.stderr).not.toContain('Check the network');
  });

  it('a cached answer without a day of retrieval asks for --date', async () => {
    const run = await runMain(['kolada', 'r/rapport.yaml', '--cache', answers, '--offline'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('kolada-no-date');
    expect(run.stderr).toContain('Give --date YYYY-MM-DD');
  });

  it('network failure, an unknown KPI and a kommun without data are diagnostics, never a crash', async () => {
    // A port nothing listens on: a server's, closed again.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const down = await runMain(['kolada', 'r/rapport.yaml', '--base-url', `http://127.0.0.1:${port}/v3`], dir);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/kolada-unreachable {2}indicator sjukfranvaro-tillsvidareanstallda/);
    expect(down.stderr).toContain('Cannot get KPI N00090 from Kolada: Kolada cannot be reached (ECONNREFUSED).');
    expect(down.stderr).not.toMatch(/\n\s+at /);

    const text = readFileSync(report, 'utf8');
    const unknown = join(dir, 'r/okand.yaml');
    copyFileSync(report, unknown);
    // A well-formed KPI id (N and five digits) that Kolada does not know.
    await import('node:fs').then((fs) => fs.writeFileSync(unknown, text.replace('kolada: { id: N00090,', 'kolada: { id: N99999,')));
    const bad = await runMain(['kolada', 'r/okand.yaml', '--base-url', base], dir);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stderr).toMatch(/r\/okand\.yaml:\d+:\d+ {2}error {2}kolada-unknown-kpi/);
    expect(bad.stderr).toContain('Kolada has no KPI "N99999" (indicator sjukfranvaro-tillsvidareanstallda).');

    const other = join(dir, 'r/annan.yaml');
    await import('node:fs').then((fs) => fs.writeFileSync(other, text.replace('code: "0484"', 'code: "0180"')));
    const empty = await runMain(['kolada', 'r/annan.yaml', '--base-url', base], dir);
    // The server has no answer for 0180: HTTP 404 is a diagnostic naming the address.
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('Kolada answered HTTP 404');
    expect(empty.stderr).toContain('/data/kpi/N00090/municipality/0180/year/2020,2021,2022,2023');
  });

  it('an answer with no values for the kommun is a warning, and nothing is written', async () => {
    const cache = tempDir('kr-kolada-cache-');
    const fs = await import('node:fs');
    for (const f of readdirSync(answers)) if (f.startsWith('kpi_')) copyFileSync(join(answers, f), join(cache, f));
    for (const k of ['N00090', 'U00200']) fs.writeFileSync(join(cache, cacheName(`data/kpi/${k}/municipality/0484/year/2020,2021,2022,2023`)), '{"count":0,"values":[]}');
    const before = readFileSync(report, 'utf8');
    const run = await runMain(['kolada', 'r/rapport.yaml', '--cache', cache, '--offline', '--json'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.diagnostics.map((d: { code: string; severity: string }) => `${d.code} ${d.severity}`)).toEqual(['kolada-no-data warning', 'kolada-no-data warning']);
    expect(json.diagnostics[0].message).toBe('Kolada has no values of N00090 for kommun 0484 in 2020, 2021, 2022, 2023 (indicator sjukfranvaro-tillsvidareanstallda).');
    expect(readFileSync(report, 'utf8')).toBe(before);
  });
});
