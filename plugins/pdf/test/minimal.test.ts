// The small model fixture rendered with non-default options (A5, a deeper table of
// contents), and the message a missing Debian tool gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, load, options, renderTo } from './render.js';
import { PDF_TOOLS, requireTools, run } from './tools.js';
import { QpdfFile, flatten } from './qpdf-json.js';

let file: string;

beforeAll(async () => {
  requireTools(PDF_TOOLS);
  const report = load(join(ROOT, 'packages/model/test/fixtures/valid/minimal.yaml'));
  ({ file } = await renderTo('minimal-a5', report, options({ pageSize: 'A5', tocDepth: 5 })));
});

describe('pdf: options take effect', () => {
  it('pageSize A5 gives A5 pages', () => {
    expect(run('pdfinfo', [file])).toMatch(/Page size:\s+419\.53 x 595\.28 pts/); // 148 × 210 mm
  });

  it('tocDepth 5 lists headings down to H5 in the table of contents', () => {
    const q = new QpdfFile(file);
    const all = flatten(q.structTree());
    const entries = all.filter((n) => n.type === 'TOCI').length;
    const headings = all.filter((n) => /^H[2-5]$/.test(n.type)).length - 1; // minus the contents heading
    expect(entries).toBe(headings);
    expect(entries).toBeGreaterThan(all.filter((n) => /^H[23]$/.test(n.type)).length - 1);
  });
});

describe('pdf: a report in English', () => {
  it('gets catalog Lang en-GB and the English words of its vocabulary on every page', async () => {
    const base = parse(readFileSync(join(ROOT, 'packages/model/test/fixtures/valid/minimal.yaml'), 'utf8')) as Record<string, any>;
    base.language = 'en';
    base.governance = 'generic-en';
    for (const s of base.sections) for (const a of s.areas ?? []) for (const c of a.commitments ?? []) delete c.completion;
    const { file: en } = await renderTo('minimal-en', load('minimal-en.yaml', stringify(base)));
    const q = new QpdfFile(en);
    expect(String(q.catalog['/Lang'])).toBe('u:en-GB');
    const text = run('pdftotext', ['-enc', 'UTF-8', en, '-']);
    expect(text).toContain('Contents');
    expect(text).toMatch(/Page 2 of \d+/);
    expect(text).not.toMatch(/Sida \d+ av/);
  });
});

describe('pdf: test tools', () => {
  it('a missing tool fails with the apt-get command that installs it', () => {
    expect(() => requireTools(['no-such-pdf-tool'])).toThrow('apt-get install -y poppler-utils qpdf');
  });
});
