// `kommunrapport validate-open-data`: exit 0 for a folder as built (with --allow-placeholder
// when built without baseUrl), 1 with the findings for a changed file, a placeholder address
// or (under --strict) a contact point without e-mail, 2 for a folder that does not exist;
// accepts the report folder too, and a site's catalog.rdf or the site folder holding it.
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '@kommunrapport/model';
import { createRenderContext } from '@kommunrapport/core';
import openData, { OpenDataOptions, buildSiteCatalogue } from '@kommunrapport/plugin-open-data';
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

  it('exits 0 for a folder built without baseUrl when --allow-placeholder is given, as the open-data folder or the report folder', async () => {
    for (const folder of ['rapport/open-data', 'rapport']) {
      const r = await run(['validate-open-data', folder, '--allow-placeholder'], dir);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`✓ ${folder}: report.json, every CSV, datapackage.json and dcat.rdf are valid and agree (1 warning)`);
      // The example has no contact e-mail: a warning, not a failure.
      expect(r.stdout).toContain('warning  open-data-contact-email');
      expect(r.code).toBe(0);
    }
  });

  it('exits 1 for the placeholder address without --allow-placeholder, naming file, subject, property and host', async () => {
    const r = await run(['validate-open-data', 'rapport'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/rapport\/open-data\/dcat\.rdf {2}error {2}open-data-placeholder/);
    expect(r.stdout).toMatch(/found: +example\.org/);
    expect(r.stdout).toContain('--allow-placeholder');
  });

  it('exits 1 under --strict for a contact point without e-mail', async () => {
    const r = await run(['validate-open-data', 'rapport', '--allow-placeholder', '--strict'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('open-data-contact-email');
  });

  it("checks a site's catalog.rdf, given as the file or the site folder: 0 when valid, 1 when it does not parse or lacks a mandatory property", async () => {
    const { report } = loadReport(readFileSync(example, 'utf8'), example);
    const site = { publisher: { name: 'Eskilstuna kommun', organisationNumber: '212000-0340' }, baseUrl: 'https://rapporter.eskilstuna.se/', contact: { name: 'Kommunledningskontoret', email: 'oppnadata@eskilstuna.se' } };
    const { rdfXml } = buildSiteCatalogue(site, [{ report: report!, pageUrl: `${site.baseUrl}r/`, openDataUrl: `${site.baseUrl}r/open-data/` }], { env: {} });
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'catalog.rdf'), rdfXml);
    for (const target of ['site/catalog.rdf', 'site']) {
      const r = await run(['validate-open-data', target], dir);
      expect(r.stdout).toContain('the DCAT-AP-SE catalogue parses and has every mandatory property');
      expect(r.code).toBe(0);
    }
    writeFileSync(join(dir, 'broken.rdf'), rdfXml.replace('</rdf:RDF>', ''));
    const broken = await run(['validate-open-data', 'broken.rdf'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('open-data-rdf');
    writeFileSync(join(dir, 'untitled.rdf'), rdfXml.replace(/<dcat:Catalog [\s\S]*?<\/dcat:Catalog>/, (catalogue) => catalogue.replace(/\n *<dct:title [^\n]*/g, '')));
    const json = JSON.parse((await run(['validate-open-data', 'untitled.rdf', '--json'], dir)).stdout);
    expect(json.ok).toBe(false);
    expect(json.diagnostics).toEqual([expect.objectContaining({ code: 'open-data-dcat-mandatory', file: 'untitled.rdf', path: 'https://rapporter.eskilstuna.se/catalog.rdf#catalog dct:title' })]);
  });

  it('exits 1 and names file, line, code, expected and found when a CSV was changed', async () => {
    const copy = join(dir, 'changed');
    mkdirSync(copy);
    for (const f of ['datapackage.json', 'report.json', 'report.schema.json']) writeFileSync(join(copy, f), readFileSync(join(dir, 'rapport/open-data', f)));
    const dp = JSON.parse(readFileSync(join(copy, 'datapackage.json'), 'utf8'));
    // The CSVs, the tables as shown in tables/ included.
    for (const r of dp.resources) {
      if (!r.path.endsWith('.csv')) continue;
      mkdirSync(dirname(join(copy, r.path)), { recursive: true });
      writeFileSync(join(copy, r.path), readFileSync(join(dir, 'rapport/open-data', r.path)));
    }
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
    expect(r.stdout).toContain('Cannot read saknas: no such file or folder.');
  });
});
