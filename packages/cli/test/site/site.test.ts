// `kommunrapport site`: the bundled examples as one demo site (the config in examples/),
// built once cold, then checked: each report folder is exactly a normal build's output, every
// internal link and anchor resolves, each table's CSV equals the table on the report's page,
// the tillgänglighetsredogörelse says what the settings and the build know, a rebuild after
// one report changed builds that report and the pages listing it only, and the same inputs
// give the same bytes. Browser checks (axe at 1280 and 320 px) are in site-axe.test.ts.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { siteTerms, type SiteSettings } from '@kommunrapport/model';
import { repoRoot, runMain, snapshot, tempDir } from '../cli-helpers.js';
import { accessibilityPage, compliance } from '../../src/site/pages.js';
import { launchChromium } from '../../../../plugins/html/test/chromium.js';
import { formatViolations, runAxe } from '../../../../plugins/html/test/axe.js';
import { attr, checkLinks, csvLinkBeside, csvMismatches, elements, parseFile, siteFiles, tableRows, textOf } from './site-check.js';

export const DEMO_REPORTS = ['ekdala-kf-2024-delar2', 'eskilstuna-ks-2022-delar2', 'norrvik-bun-2024-malmodell', 'solberga-son-2024-delar'];

/** Copies the demo site's report folders (each rapport.yaml with its images) and config into a fresh folder (src/<name>/, src/kommunrapport.config.yaml). */
export function copyDemo(): string {
  const work = tempDir('kr-site-');
  for (const name of DEMO_REPORTS) cpSync(join(repoRoot, 'examples', name), join(work, 'src', name), { recursive: true });
  cpSync(join(repoRoot, 'examples', 'kommunrapport.config.yaml'), join(work, 'src', 'kommunrapport.config.yaml'));
  return work;
}

export const siteArgs = (out: string) => ['site', 'src/*/rapport.yaml', '--config', 'src/kommunrapport.config.yaml', '-o', out, '--json'];

interface Summary {
  ok: boolean;
  rebuiltReports: number;
  rebuiltPages: number;
  reports: { id: string; dir: string; rebuilt: boolean }[];
  pages: { path: string; rebuilt: boolean }[];
}

const epoch = process.env.SOURCE_DATE_EPOCH;
let work: string;
let out: string;
let cold: Summary;
let coldBytes: Record<string, string>;

beforeAll(async () => {
  process.env.SOURCE_DATE_EPOCH = '1700000000';
  work = copyDemo();
  out = join(work, 'out', 'site');
  const run = await runMain(siteArgs('out/site'), work);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  cold = JSON.parse(run.stdout) as Summary;
  coldBytes = snapshot(out);
}, 240_000);

afterAll(() => {
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
});

describe('the demo site', () => {
  test('a cold build builds every report and writes every page: start, reports, key figures, statement', () => {
    expect(cold.ok).toBe(true);
    expect(cold.rebuiltReports).toBe(4);
    expect(cold.reports.map((r) => r.dir).sort()).toEqual(['2022/0484-ks-2022-d2/', '2024/0599-kf-2024-d2/', '2024/1299-son-2024-d/', '2024/2599-bun-2024-d/']);
    const paths = cold.pages.map((p) => p.path);
    expect(paths).toContain('index.html');
    expect(paths).toContain('tillganglighet/index.html');
    expect(paths).toContain('nyckeltal/index.html');
    for (const r of cold.reports) expect(paths).toContain(`${r.dir}index.html`);
    expect(paths.filter((p) => p.startsWith('nyckeltal/')).length).toBeGreaterThan(10);
    expect(cold.pages.every((p) => p.rebuilt)).toBe(true);
    // The site is one published folder with core's ownership marker, saying what made it.
    expect(JSON.parse(readFileSync(join(out, '.kommunrapport-build.json'), 'utf8'))).toEqual({ generator: 'kommunrapport', id: 'site', note: 'Made by kommunrapport site; the next site build into this folder replaces it.' });
    expect(cold.rebuiltPages).toBe(cold.pages.length);
  });

  test('the start page lists the reports by year (newest first), then body, then kind', () => {
    const doc = parseFile(join(out, 'index.html'));
    const headings = elements(doc).filter((e) => /^h[234]$/.test(e.tagName)).map((e) => `${e.tagName} ${textOf(e)}`);
    expect(headings[0]).toBe('h2 2024');
    expect(headings).toContain('h2 2022');
    expect(headings.indexOf('h2 2024')).toBeLessThan(headings.indexOf('h2 2022'));
    expect(headings.filter((h) => h.startsWith('h3')).length).toBeGreaterThanOrEqual(4);
    expect(headings).toContain('h4 Delårsrapport');
    const links = elements(doc).filter((e) => e.tagName === 'a').map((e) => attr(e, 'href'));
    for (const r of cold.reports) expect(links).toContain(`${r.dir}index.html`);
  });

  test("each report's folder <id>/ is exactly what kommunrapport build writes for it with the same config", async () => {
    const run = await runMain(['build', 'src/norrvik-bun-2024-malmodell/rapport.yaml', '--config', 'src/kommunrapport.config.yaml', '-o', 'plain', '-q'], work);
    expect(run.code).toBe(0);
    expect(snapshot(join(out, '2599-bun-2024-d'))).toEqual(snapshot(join(work, 'plain', '2599-bun-2024-d')));
  }, 120_000);

  test('the one DCAT-AP-SE catalogue is at catalog.rdf and catalog.jsonld, linked from the start page and every footer, and passes validate-open-data', async () => {
    expect(readFileSync(join(out, 'catalog.rdf'), 'utf8')).toContain('212000-9999');
    expect(JSON.parse(readFileSync(join(out, 'catalog.jsonld'), 'utf8'))).toBeTruthy();
    const start = elements(parseFile(join(out, 'index.html'))).filter((e) => e.tagName === 'a').map((e) => attr(e, 'href'));
    expect(start.filter((h) => h === 'catalog.rdf' || h === 'catalog.jsonld')).toEqual(['catalog.rdf', 'catalog.jsonld', 'catalog.rdf', 'catalog.jsonld']);
    // The demo's addresses are under .invalid, a host reserved for examples.
    const run = await runMain(['validate-open-data', 'out/site/catalog.rdf', '--allow-placeholder'], work);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
  });

  test('every page has the navigation, breadcrumbs and one footer linking the accessibility statement', () => {
    for (const page of cold.pages.map((p) => p.path)) {
      const all = elements(parseFile(join(out, page)));
      expect(all.filter((e) => e.tagName === 'footer'), page).toHaveLength(1);
      expect(all.filter((e) => e.tagName === 'nav').map((e) => attr(e, 'aria-label')), page).toEqual(['Huvudmeny', 'Du är här']);
      const footer = all.find((e) => e.tagName === 'footer')!;
      expect(elements(footer).some((e) => e.tagName === 'a' && posix.join(posix.dirname(page), attr(e, 'href') ?? '') === 'tillganglighet/index.html'), page).toBe(true);
    }
  });

  test('the link checker finds every internal href, src and #anchor of the whole site resolved', () => {
    const report = checkLinks(out);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBeGreaterThan(cold.pages.length);
    expect(report.links).toBeGreaterThan(500);
    expect(report.anchors).toBeGreaterThan(50);
  });

  test('the link checker itself finds a missing file and a missing anchor', () => {
    const broken = tempDir('kr-links-');
    writeFileSync(join(broken, 'index.html'), '<!DOCTYPE html><p id="here"><a href="a.html">a</a> <a href="#here">ok</a> <a href="#gone">x</a></p>');
    expect(checkLinks(broken).broken).toEqual(['index.html: href="a.html" (no such file)', 'index.html: href="#gone" (no element with id "gone")']);
  });

  test('the CSV comparison itself finds a changed cell, a missing row and a changed header', () => {
    const shown = [['Post', '2024'], ['Intäkter Not 1', '1,5'], ['Kostnader', '−2,0']];
    expect(csvMismatches('Post,2024\r\nIntäkter,"1,5"\r\nKostnader,"−2,0"\r\n', shown)).toEqual([]);
    expect(csvMismatches('Post,2024\r\nIntäkter,"1,6"\r\nKostnader,"−2,0"\r\n', shown)).toHaveLength(1);
    expect(csvMismatches('Post,2024\r\nIntäkter,"1,5"\r\n', shown)).not.toEqual([]);
    expect(csvMismatches('Post,2023\r\nIntäkter,"1,5"\r\nKostnader,"−2,0"\r\n', shown)).toHaveLength(1);
  });

  test("each table's CSV, the one the report's open data holds and its page links beside the table, holds exactly that table as the page shows it", () => {
    let checked = 0;
    for (const r of cold.reports) {
      const page = join(out, r.dir, 'index.html');
      const items = elements(parseFile(page)).filter((e) => e.tagName === 'li' && elements(e).some((a) => attr(a, 'type') === 'text/csv'));
      expect(items.length, r.dir).toBeGreaterThan(0);
      for (const item of items) {
        const [show, link] = elements(item).filter((e) => e.tagName === 'a');
        const href = attr(link!, 'href')!;
        // The build's own file: the site makes no copy.
        expect(href).toMatch(new RegExp(`^\\.\\./\\.\\./${r.id}/open-data/tables/[a-z0-9_-]+\\.csv$`));
        // The table on the report's own page, by the anchor the site page links it with.
        const id = attr(show!, 'href')!.replace(/^.*#/, '');
        expect(attr(show!, 'href'), href).toBe(`../../${r.id}/index.html#${id}`);
        const reportPage = join(out, r.id, 'index.html');
        // The report's page has the link to the same file right beside that table.
        const beside = csvLinkBeside(reportPage, id);
        expect(beside, `${r.id} #${id}`).toBeDefined();
        expect(posix.join(r.id, attr(beside!, 'href')!)).toBe(posix.join(r.dir, href));
        expect(csvMismatches(readFileSync(join(out, r.dir, href), 'utf8'), tableRows(reportPage, id)), href).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(siteFiles(out).filter((f) => f.includes('/tabeller/'))).toEqual([]);
  });

  test('a report page links its PDF, text, DOCX and open data, and they exist', () => {
    for (const r of cold.reports) {
      const hrefs = elements(parseFile(join(out, r.dir, 'index.html'))).filter((e) => e.tagName === 'a').map((e) => attr(e, 'href'));
      for (const f of ['index.html', 'rapport.pdf', 'rapport.txt', 'rapport.docx', 'open-data/datapackage.json']) {
        expect(hrefs, `${r.dir} ${f}`).toContain(`../../${r.id}/${f}`);
        expect(existsSync(join(out, r.id, f))).toBe(true);
      }
    }
  });

  test('a key figure page follows the figure over the periods of every report that has it', () => {
    const page = join(out, 'nyckeltal/sjukfranvaro/index.html');
    const rows = tableRows(page, 'serie-sjukfranvaro');
    expect(rows[0]).toEqual(['Period', 'Utfall', 'Mål', 'Rapport']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2022', '2023', '2024']);
    expect(rows[3]!.slice(1, 3)).toEqual(['8,1\u00a0%', '7,5\u00a0%']);
  });

  test('the tillgänglighetsredogörelse: compliance, checks of the formats built, evaluation date, feedback and DIGG', () => {
    const doc = parseFile(join(out, 'tillganglighet/index.html'));
    const text = textOf(doc);
    expect(text).toContain('Webbplatsen är helt förenlig med lagkraven.');
    expect(text).toContain('Demo: rapporter publicerade före den 23 september 2018');
    expect(text).toContain('Innehållet omfattas inte av lagkraven.');
    expect(text).toContain('axe-core i webbläsaren Chromium');
    expect(text).toContain('PDF: taggad PDF/UA-1');
    expect(text).toContain('Word: rubrikformat');
    expect(text).toContain('Webbplatsen granskades senast 30 november 2026.');
    const hrefs = elements(doc).filter((e) => e.tagName === 'a').map((e) => attr(e, 'href'));
    expect(hrefs).toContain('https://www.digg.se/tdosanmalan');
    expect(hrefs).toContain('https://rapporter.demokommun.invalid/tillganglighet/synpunkter/');
    expect(hrefs).toContain('mailto:rapporter@demokommun.invalid');
  });
});

describe('in Chromium (one browser, every page)', () => {
  test('axe finds no violation on any page at 1280 and 320 px, and no page scrolls sideways (wide tables scroll in their own region)', async () => {
    const browser = await launchChromium();
    try {
      const pages = siteFiles(out).filter((f) => f.endsWith('.html'));
      let runs = 0;
      let passes = 0;
      for (const width of [1280, 320]) {
        const page = await browser.page(width);
        for (const file of pages) {
          await page.setContent(readFileSync(join(out, file), 'utf8'), { waitUntil: 'load' });
          const { violations, passes: passed } = await runAxe(page);
          expect(violations, `${file} at ${width} px:\n${formatViolations(violations)}`).toEqual([]);
          passes += passed;
          runs++;
          // The window's width is used and nothing is clipped: the page itself never scrolls sideways.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${file} at ${width} px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
        }
        await page.close();
      }
      expect(runs).toBe(pages.length * 2);
      expect(passes).toBeGreaterThan(runs * 10);
    } finally {
      await browser.close();
    }
  }, 600_000);
});

describe('incremental and deterministic', () => {
  test('unchanged inputs: nothing is built again and the site keeps every byte', async () => {
    const run = await runMain(siteArgs('out/site'), work);
    expect(run.code).toBe(0);
    const again = JSON.parse(run.stdout) as Summary;
    expect([again.rebuiltReports, again.rebuiltPages]).toEqual([0, 0]);
    expect(snapshot(out)).toEqual(coldBytes);
  }, 120_000);

  test('one report changed: that report and the pages listing it are built again, nothing else; undoing the change gives the cold bytes', async () => {
    const file = join(work, 'src/solberga-son-2024-delar/rapport.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^title: (.*)$/m, 'title: $1 (rättad)'));
    try {
      const run = await runMain(siteArgs('out/site'), work);
      expect(run.code).toBe(0);
      const summary = JSON.parse(run.stdout) as Summary;
      expect(summary.reports.filter((r) => r.rebuilt).map((r) => r.id)).toEqual(['1299-son-2024-d']);
      expect(summary.rebuiltReports).toBe(1);
      const rebuilt = summary.pages.filter((p) => p.rebuilt).map((p) => p.path);
      // The start page, the report's page, the key-figure index and the pages of its own key figures.
      const solbergaFigures = elements(parseFile(join(out, '2024/1299-son-2024-d/index.html')))
        .filter((e) => e.tagName === 'a' && attr(e, 'href')?.includes('nyckeltal/'))
        .map((e) => attr(e, 'href')!.replace(/^(\.\.\/)+/, ''));
      expect(solbergaFigures.length).toBeGreaterThan(3);
      expect(rebuilt.sort()).toEqual([...new Set(['2024/1299-son-2024-d/index.html', 'index.html', 'nyckeltal/index.html', ...solbergaFigures])].sort());
      expect(summary.rebuiltPages).toBe(rebuilt.length);
      for (const other of ['2022/0484-ks-2022-d2/index.html', '2024/0599-kf-2024-d2/index.html', '2024/2599-bun-2024-d/index.html', 'tillganglighet/index.html']) expect(rebuilt).not.toContain(other);
      expect(summary.pages.length - rebuilt.length).toBeGreaterThan(10);
      expect(textOf(parseFile(join(out, 'index.html')))).toContain('(rättad)');
    } finally {
      writeFileSync(file, original);
    }
    const back = await runMain(siteArgs('out/site'), work);
    expect(back.code).toBe(0);
    expect((JSON.parse(back.stdout) as Summary).rebuiltReports).toBe(1);
    expect(snapshot(out)).toEqual(coldBytes);
  }, 240_000);
});

describe('settings', () => {
  test('without a site: block the command stops with a usage error that shows a minimal block', async () => {
    const dir = tempDir('kr-site-nocfg-');
    mkdirSync(join(dir, 'r'));
    cpSync(join(repoRoot, 'examples/norrvik-bun-2024-malmodell/rapport.yaml'), join(dir, 'r/rapport.yaml'));
    writeFileSync(join(dir, 'r/kommunrapport.config.yaml'), 'plugins: []\n');
    const run = await runMain(['site', 'r/rapport.yaml', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('r/kommunrapport.config.yaml has no site: block');
    expect(run.stderr).toContain('  publisher:\n    name: Exempels kommun\n    organisationNumber: "212000-0000"');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('--strict requires the facts of the tillgänglighetsredogörelse (site.accessibility) before anything is built', async () => {
    const dir = copyDemo();
    const config = join(dir, 'src/kommunrapport.config.yaml');
    const text = readFileSync(config, 'utf8');
    writeFileSync(config, text.slice(0, text.indexOf('  accessibility:')));
    const run = await runMain([...siteArgs('out/site'), '--strict'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('src/kommunrapport.config.yaml: site.accessibility is missing, and the tillgänglighetsredogörelse needs it (--strict).');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('a logo that is not a file is a usage error naming the config and the path, before anything is built', async () => {
    const dir = copyDemo();
    const config = join(dir, 'src/kommunrapport.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('site:\n', 'site:\n  logo:\n    file: logo.svg\n    alt: Demokommunens logotyp\n'));
    const run = await runMain(siteArgs('out/site'), dir);
    expect(run.code).toBe(2);
    // The same finding as build's: file, line and column of site.logo.file, what is wrong and a hint.
    expect(run.stderr).toContain('src/kommunrapport.config.yaml:5:11');
    expect(run.stderr).toContain('site.logo.file');
    expect(run.stderr).toContain('no such file');
    expect(run.stderr).toContain('site.logo.file is relative to the config file; check the path.');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  test('the catalogue describes each report\'s open data as it was published, with the open-data options of the config', async () => {
    const dir = tempDir('kr-site-options-');
    cpSync(join(repoRoot, 'examples/solberga-son-2024-delar'), join(dir, 'r'), { recursive: true });
    const config = readFileSync(join(repoRoot, 'examples/kommunrapport.config.yaml'), 'utf8');
    writeFileSync(join(dir, 'kommunrapport.config.yaml'), `${config}options:\n  open-data:\n    licence: http://creativecommons.org/licenses/by/4.0/\n    spatial: https://data.demokommun.invalid/kommun/{kommunkod}\n`);
    const run = await runMain(['site', 'r/rapport.yaml', '-o', 'out', '-q'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const catalogue = readFileSync(join(dir, 'out/catalog.rdf'), 'utf8');
    const own = readFileSync(join(dir, 'out/1299-son-2024-d/open-data/dcat.rdf'), 'utf8');
    // Each distribution (licence, size) and checksum of the report's own DCAT, byte for byte.
    const blocks = [...own.matchAll(/ {2}<(dcat:Distribution|spdx:Checksum) rdf:about="[^"]+">[\s\S]*?<\/\1>/g)].map((m) => m[0]);
    expect(blocks.length).toBeGreaterThan(20);
    for (const block of blocks) expect(catalogue, block.split('\n')[0]).toContain(block);
    expect(catalogue).toContain('<dct:spatial rdf:resource="https://data.demokommun.invalid/kommun/1299"/>');
    expect(catalogue).toContain('<dct:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/>');
  }, 120_000);

  test('compliance follows the declared exceptions; the statement speaks English with language en', () => {
    const base: SiteSettings = {
      publisher: { name: 'Demo', organisationNumber: '212000-9999' },
      baseUrl: 'https://rapporter.demokommun.invalid/',
      contact: { name: 'Demo', email: 'a@demokommun.invalid' },
      accessibility: { evaluated: '2026-11-30', feedback: 'https://rapporter.demokommun.invalid/f/', exceptions: [] },
    } as unknown as SiteSettings;
    expect(compliance(base)).toBe('fully');
    const partly = { ...base, accessibility: { ...base.accessibility!, exceptions: [{ what: 'Charts', why: 'No table yet.', reason: 'non-compliance' as const, fixBy: '2027-06-30' }] } } as SiteSettings;
    expect(compliance(partly)).toBe('partially');
    expect(compliance({ ...base, accessibility: undefined } as unknown as SiteSettings)).toBe('not');
    const en = accessibilityPage({ ...partly, language: 'en' } as SiteSettings, siteTerms.en, ['index.html', 'rapport.pdf'], (d) => d);
    expect(en.title).toBe('Accessibility statement');
    expect(en.body).toContain('This site is partially compliant with the requirements');
    expect(en.body).toContain('Charts No table yet. Non-compliance with the requirements. To be fixed by 2027-06-30.');
    expect(en.body).toContain('PDF: tagged PDF/UA-1');
    expect(en.body).not.toContain('Word: heading styles');
    expect(en.body).toContain('https://www.digg.se/tdosanmalan');
  });
});
