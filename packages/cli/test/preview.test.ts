// `kommunrapport preview`: real HTTP requests to 127.0.0.1 while the YAML is edited; the
// served page changes, open pages get a reload event, errors show escaped in the page.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../src/commands/preview.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { reportFixture, sourceFlags, tempDir } from './cli-helpers.js';

let preview: PreviewServer;
let file: string;
const logs: string[] = [];

const fetchText = async (url: string) => (await fetch(url)).text();

/** Polls the page until `test` holds, or fails after `ms`. */
async function until(url: string, test: (html: string) => boolean, ms = 20_000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const html = await fetchText(url);
    if (test(html)) return html;
    if (Date.now() - start > ms) throw new Error(`the page did not change in ${ms} ms:\n${html.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  const dir = tempDir();
  file = join(dir, 'rapport.yaml');
  copyFileSync(reportFixture, file);
  preview = await startPreview({ file, cwd: dir, log: (l) => logs.push(l) });
});

afterAll(async () => {
  await preview?.close();
});

describe('kommunrapport preview', () => {
  it('serves the report’s HTML on 127.0.0.1 with the reload script', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const html = await fetchText(preview.url);
    expect(html).toContain('Delårsrapport 2 2022');
    expect(html).toContain('new EventSource("/__kommunrapport/events")');
    expect((await fetch(new URL('/nope/../../etc/passwd', preview.url))).status).toBe(404);
  });

  it('rebuilds when the YAML is saved, tells open pages to reload, and logs the time', async () => {
    const events: string[] = [];
    const stream = get(new URL('/__kommunrapport/events', preview.url), (res) => res.on('data', (d) => events.push(String(d))));
    await new Promise((r) => setTimeout(r, 200));
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Delårsrapport 2 2022', 'title: Delårsrapport två'));
    const html = await until(preview.url, (h) => h.includes('Delårsrapport två'));
    expect(html).not.toContain('Delårsrapport 2 2022');
    await until(preview.url, () => events.join('').includes('event: reload'));
    stream.destroy();
    const line = logs.find((l) => /rebuilt rapport\.yaml in \d+ ms; saved → served in \d+ ms/.test(l));
    expect(line).toBeDefined();
    expect(preview.builds.length).toBeGreaterThanOrEqual(2);
  });

  it('shows validation errors in the page, escaped, and in the terminal, then recovers', async () => {
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, good.replace('kind: interim', 'kind: "<script>alert(1)</script>"'));
    const html = await until(preview.url, (h) => h.includes('could not be built'));
    expect(html).toContain('&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(html).not.toContain('<script>alert(1)');
    expect(logs.some((l) => l.includes('error  invalid-value  kind'))).toBe(true);
    writeFileSync(file, good);
    await until(preview.url, (h) => h.includes('Delårsrapport två') && !h.includes('could not be built'));
  });
});

describe('kommunrapport preview and the config file', () => {
  it('rebuilds when kommunrapport.config.json appears or changes, and shows bad options in the page', async () => {
    const dir = tempDir();
    const report = join(dir, 'rapport.yaml');
    copyFileSync(reportFixture, report);
    const own = await startPreview({ file: report, cwd: dir });
    try {
      writeFileSync(join(dir, 'kommunrapport.config.json'), JSON.stringify({ options: { html: { css: '.preview-config-test{color:red}' } } }));
      await until(own.url, (h) => h.includes('.preview-config-test{color:red}'));
      writeFileSync(join(dir, 'kommunrapport.config.json'), JSON.stringify({ options: { html: { tocDepth: 9 } } }));
      const html = await until(own.url, (h) => h.includes('could not be built'));
      expect(html).toContain('options.html.tocDepth');
    } finally {
      await own.close();
    }
  });
});

describe('kommunrapport preview and the site settings', () => {
  it("shows the page in the site's colours, as the build does", async () => {
    const dir = tempDir();
    const report = join(dir, 'rapport.yaml');
    copyFileSync(reportFixture, report);
    const site = { publisher: { name: 'Exempelstads kommun', organisationNumber: '212000-9999' }, baseUrl: 'https://rapporter.exempelstad.se/', contact: { name: 'Kommunledningskontoret', email: 'oppnadata@exempelstad.se' }, colours: { primary: '#7a1f5c' } };
    writeFileSync(join(dir, 'kommunrapport.config.json'), JSON.stringify({ site }));
    const own = await startPreview({ file: report, cwd: dir });
    try {
      const html = await until(own.url, (h) => h.includes('</html>'));
      expect(html).toContain(':root{--brand:#7a1f5c}');
    } finally {
      await own.close();
    }
  });
});

describe('kommunrapport preview as a process', () => {
  it('prints the URL, serves the page and stops cleanly on SIGINT', async () => {
    const dir = tempDir();
    copyFileSync(reportFixture, join(dir, 'rapport.yaml'));
    const runner = fileURLToPath(new URL('./run-source.ts', import.meta.url));
    const child = spawn(process.execPath, [...sourceFlags, runner, 'preview', 'rapport.yaml', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${stdout}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /Preview of rapport\.yaml at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolveUrl(m[1]!);
        }
      });
    });
    expect(await fetchText(url)).toContain('Delårsrapport 2 2022');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('Preview stopped.');
    await expect(fetch(url)).rejects.toThrow();
  });
});

describe('kommunrapport preview of a site folder', () => {
  it('serves the folder as it is (a folder address serves its index.html), with the same Host check, and refuses a folder without index.html', async () => {
    const dir = tempDir();
    const site = join(dir, 'site');
    mkdirSync(join(site, '2024', 'r'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!DOCTYPE html><title>start</title><a href="2024/r/index.html">r</a>');
    writeFileSync(join(site, '2024', 'r', 'index.html'), '<!DOCTYPE html><title>report page</title>');
    writeFileSync(join(site, '2024', 'r', 't.csv'), 'a,b\r\n1,2\r\n');
    writeFileSync(join(dir, 'secret.txt'), 'outside');
    const own = await startPreview({ file: 'site', cwd: dir });
    try {
      expect(await fetchText(own.url)).toContain('<title>start</title>');
      expect(await fetchText(`${own.url}2024/r/`)).toContain('<title>report page</title>');
      expect(await fetchText(`${own.url}2024/r/index.html`)).toContain('<title>report page</title>');
      const csv = await fetch(`${own.url}2024/r/t.csv`);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(await csv.text()).toBe('a,b\r\n1,2\r\n');
      expect((await fetch(`${own.url}..%2fsecret.txt`)).status).toBe(404);
      expect((await fetch(`${own.url}nothing/`)).status).toBe(404);
      const status = await new Promise<number>((done) => get(own.url, { headers: { host: 'attacker.example:80' } }, (res) => done(res.statusCode ?? 0)));
      expect(status).toBe(403);
    } finally {
      await own.close();
    }
    mkdirSync(join(dir, 'empty'));
    await expect(startPreview({ file: 'empty', cwd: dir })).rejects.toThrow('empty is a folder without index.html: give a report file (YAML), or a folder that kommunrapport site or build wrote.');
  });
});
