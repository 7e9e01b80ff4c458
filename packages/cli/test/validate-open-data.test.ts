// `kommunrapport validate-open-data`: exit 0 for a folder as built, 1 with the findings for a
// changed file, 2 for a folder that does not exist; accepts the report folder too.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '@kommunrapport/model';
import { createRenderContext } from '@kommunrapport/core';
import openData, { OpenDataOptions } from '@kommunrapport/plugin-open-data';
import { main, type CliIo } from '../src/index.js';

const example = fileURLToPath(new URL('../../../examples/eskilstuna-ks-2022-delar2/rapport.yaml', import.meta.url));

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, isTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('kommunrapport validate-open-data', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kommunrapport-open-data-'));
    const { report } = loadReport(readFileSync(example, 'utf8'), example);
    const options = OpenDataOptions.decode({});
    if (!report || options._tag === 'Left') throw new Error('example does not load');
    for (const a of await openData.render(report, createRenderContext(report, options.right, { env: {} }))) {
      const path = join(dir, 'rapport', a.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, a.contents);
    }
  });

  it('exits 0 for a folder as built, given as the open-data folder or the report folder', async () => {
    for (const folder of ['rapport/open-data', 'rapport']) {
      const r = await run(['validate-open-data', folder], dir);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`✓ ${folder}: report.json, every CSV and datapackage.json are valid and agree`);
      expect(r.code).toBe(0);
    }
  });

  it('exits 1 and names file, line, code, expected and found when a CSV was changed', async () => {
    const copy = join(dir, 'changed');
    mkdirSync(copy);
    for (const f of ['datapackage.json', 'report.json', 'report.schema.json']) writeFileSync(join(copy, f), readFileSync(join(dir, 'rapport/open-data', f)));
    const dp = JSON.parse(readFileSync(join(copy, 'datapackage.json'), 'utf8'));
    for (const r of dp.resources) if (r.path.endsWith('.csv')) writeFileSync(join(copy, r.path), readFileSync(join(dir, 'rapport/open-data', r.path)));
    const workforce = readFileSync(join(copy, 'workforce.csv'), 'utf8').replace(',sick_leave,2022,2022,,T,1.7,', ',sick_leave,2022,2022,,T,1\u00a07,');
    writeFileSync(join(copy, 'workforce.csv'), workforce);
    const r = await run(['validate-open-data', 'changed'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('open-data-hash-mismatch');
    expect(r.stdout).toMatch(/changed\/workforce\.csv:\d+ {2}error {2}open-data-csv-type/);
    expect(r.stdout).toContain('expected: a number');
    const json = JSON.parse((await run(['validate-open-data', 'changed', '--json'], dir)).stdout);
    expect(json.ok).toBe(false);
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['open-data-hash-mismatch', 'open-data-csv-type']));
  });

  it('exits 2 for a folder that does not exist', async () => {
    const r = await run(['validate-open-data', 'saknas'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Cannot read saknas: no such folder.');
  });
});
