// A kommunalförbund's report, as `kommunrapport init --level forbund` writes it with three
// member kommuner: every format names the förbund, its member kommuner and its seat under the
// vocabulary's words, never "Kommun: …" as if the förbund were a kommun's body; the metadata
// (HTML title, PDF author, open data's title, publisher, keywords and places) names the förbund
// and its members, not the seat alone.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { loadReport } from '@kommunrapport/model';
import { buildReport } from '@kommunrapport/core';
import html from '../plugins/html/src/index.js';
import text from '../plugins/text/src/index.js';
import pdf from '../plugins/pdf/src/index.js';
import openData from '../plugins/open-data/src/index.js';
import docx from '../plugins/docx/src/index.js';
import { docxText } from '../plugins/docx/test/helpers.js';
import { runMain, tempDir } from '../packages/cli/test/cli-helpers.js';

const INSTALL = 'apt-get update && apt-get install -y poppler-utils';
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const NAME = 'Räddningstjänsten Mälarslätten';

let dir: string;
let file: string;
beforeAll(async () => {
  const cwd = tempDir('kr-forbund-');
  const r = await runMain(['init', 'rtj', '--level', 'forbund', '--kommun', 'Ekdala', '--kommunkod', '0599', '--body', NAME, '--year', '2024', '--period', 'helar'], cwd);
  expect(r.stderr).toBe('');
  file = join(cwd, 'rtj', 'rapport.yaml');
  // The author lists the other members below the seat, as the skeleton's comment asks.
  const written = readFileSync(file, 'utf8');
  writeFileSync(file, written.replace('members:\n  - { name: "Ekdala", code: "0599" }\n', 'members:\n  - { name: "Ekdala", code: "0599" }\n  - { name: "Norrvik", code: "0598" }\n  - { name: "Solberga", code: "0597" }\n'));
  const result = await buildReport({ file, plugins: [html, text, pdf, docx, openData] as any, outDir: join(cwd, 'out'), env: { SOURCE_DATE_EPOCH: '1700000000' } });
  expect(result.problems).toEqual([]);
  expect(result.ok).toBe(true);
  dir = join(cwd, 'out', result.id!);
}, 120_000);

describe('a kommunalförbund in every format', () => {
  it('init --level forbund writes the seat and a members list that validate', () => {
    const yaml = readFileSync(file, 'utf8');
    expect(yaml).toMatch(/# Kommunen där förbundet har sitt säte[^\n]*\nmunicipality:\n {2}name: "Ekdala"\n {2}code: "0599"\nmembers:\n {2}- \{ name: "Ekdala", code: "0599" \}/u);
    const loaded = loadReport(yaml, file);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.report!.members!.map((m) => m.code)).toEqual(['0599', '0598', '0597']);
  });

  it('the text cover names the förbund, its members and its seat, never "Kommun:"', () => {
    const txt = readFileSync(join(dir, 'rapport.txt'), 'utf8');
    const cover = txt.split('\n\n')[1]!.split('\n');
    expect(cover.slice(0, 3)).toEqual([`Kommunalförbund: ${NAME}`, 'Medlemskommuner: Ekdala, Norrvik och Solberga', 'Säte: Ekdala']);
    expect(txt).not.toMatch(/^Kommun:/mu);
  });

  it('HTML: the cover and the page title name the förbund, not the seat as its kommun', () => {
    const page = readFileSync(join(dir, 'index.html'), 'utf8');
    const title = /<title>([^<]*)<\/title>/u.exec(page)![1]!;
    expect(title).toContain(NAME);
    expect(title).not.toContain('Ekdala');
    expect(page).toContain('Medlemskommuner');
    expect(page).toContain('Ekdala, Norrvik och Solberga');
    const dts: string[] = [];
    const walk = (n: any): void => {
      if (n.nodeName === 'dt') dts.push(norm(n.childNodes.map((c: any) => c.value ?? '').join('')));
      for (const c of n.childNodes ?? []) walk(c);
    };
    walk(parse(page));
    expect(dts).not.toContain('Kommun');
  });

  it('PDF: the author is the förbund, the cover names the members', () => {
    const pdfFile = join(dir, 'rapport.pdf');
    const info = spawnSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    if (info.error || info.status !== 0) throw new Error(`pdfinfo failed or is not installed. Install it with: ${INSTALL}`);
    expect(info.stdout).toMatch(new RegExp(`^Author: +${NAME}$`, 'mu'));
    const body = norm(spawnSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).stdout);
    expect(body).toContain('Medlemskommuner');
    expect(body).toContain('Ekdala, Norrvik och Solberga');
    expect(body).not.toMatch(/Kommun Ekdala|Kommun: Ekdala/u);
  });

  it('DOCX: the cover names the förbund and its members', () => {
    const words = norm(docxText(readFileSync(join(dir, 'rapport.docx'))));
    expect(words).toContain(NAME);
    expect(words).toContain('Ekdala, Norrvik och Solberga');
    expect(words).not.toMatch(/Kommun:? Ekdala/u);
  });

  it("open data: the förbund publishes; keywords and places are the member kommuner", () => {
    const pkg = JSON.parse(readFileSync(join(dir, 'open-data/datapackage.json'), 'utf8'));
    expect(pkg.contributors).toEqual([{ title: NAME, roles: ['publisher', 'creator'] }]);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['Ekdala', 'Norrvik', 'Solberga', NAME]));
    expect(pkg.title).toContain(NAME);
    expect(pkg.title).not.toContain('Ekdala');
    const rdf = readFileSync(join(dir, 'open-data/dcat.rdf'), 'utf8');
    for (const code of ['0599', '0598', '0597']) expect(rdf).toContain(`<dct:spatial rdf:resource="https://api.kolada.se/v2/municipality/${code}"/>`);
    expect(rdf).toMatch(new RegExp(`<foaf:name xml:lang="sv">${NAME}</foaf:name>`, 'u'));
  });
});
