// The site's look in every format: with the config's site: block (ctx.site), HTML, PDF and
// DOCX use the primary colour for headings (HTML through one CSS custom property), the
// accent for rules, and show the logo with its text alternative; a colour that fails its
// WCAG contrast minimum is used by none of them. Checked in the files themselves.
import { inflateSync, deflateSync, crc32 } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport, type Report, type SiteSettings } from '@kommunrapport/model';
import { createRenderContext, siteColours, type Artifact, type Plugin, type SiteContext } from '@kommunrapport/core';
import html from '../plugins/html/src/index.js';
import pdf from '../plugins/pdf/src/index.js';
import docx from '../plugins/docx/src/index.js';
import { docxFiles } from '../plugins/docx/test/helpers.js';

const ROOT = join(import.meta.dirname, '..');
const report: Report = loadReport(readFileSync(join(ROOT, 'plugins/open-data/test/fixtures/minimal.yaml'), 'utf8'), 'minimal.yaml').report!;

/** A PNG of width × height pixels of one colour. */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.from([0, ...Array.from({ length: width }, () => [0x12, 0x34, 0x56]).flat()])));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]));
}

const settings = (colours: SiteSettings['colours']): SiteSettings => ({
  publisher: { name: 'Exempelstads kommun', organisationNumber: '212000-9999' },
  baseUrl: 'https://rapporter.exempelstad.se/',
  contact: { name: 'Kommunledningskontoret', email: 'oppnadata@exempelstad.se' },
  logo: { file: 'logo.png', alt: 'Exempelstads kommuns logotyp' },
  ...(colours ? { colours } : {}),
});
const LOGO = png(40, 20);
const site = (colours: SiteSettings['colours']): SiteContext => ({ settings: settings(colours), logo: { bytes: LOGO, mediaType: 'image/png', alt: 'Exempelstads kommuns logotyp' } });

async function render(plugin: Plugin<any, any>, s?: SiteContext): Promise<Artifact[]> {
  const decoded = plugin.options.decode(undefined);
  if (decoded._tag === 'Left') throw new Error('options');
  return plugin.render(report, createRenderContext(report, decoded.right, { env: {}, ...(s ? { site: s } : {}) }));
}
const bytesOf = (a: Artifact) => (typeof a.contents === 'string' ? new TextEncoder().encode(a.contents) : a.contents);
/** The PDF's content, every Flate stream inflated. */
function pdfContent(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  let out = raw;
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try {
      out += inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      // not a Flate stream
    }
  }
  return out;
}
/** pdfkit's fill colour operator for #rrggbb (components 0–1, as JavaScript writes them). */
const rg = (hex: string) => `${[1, 3, 5].map((i) => String(parseInt(hex.slice(i, i + 2), 16) / 255)).join(' ')} sc`;

describe('the site look in HTML, PDF and DOCX', () => {
  const BRAND = '#7a1f5c';
  const ACCENT = '#2f6b1f';

  it('checks the colours with the one WCAG rule: primary as text (4.5:1), accent as rules (3:1)', () => {
    expect(siteColours({ colours: { primary: BRAND, accent: ACCENT } })).toEqual({ primary: BRAND, accent: ACCENT, problems: [] });
    const weak = siteColours({ colours: { primary: '#9ca3af', accent: '#eeeeee' } });
    expect(weak.primary).toBeUndefined();
    expect(weak.accent).toBeUndefined();
    expect(weak.problems.map((p) => [p.path, p.minimum])).toEqual([['site.colours.primary', 4.5], ['site.colours.accent', 3]]);
  });

  it('HTML: the colours as CSS custom properties set in one place, headings in --brand, the logo with its alt text', async () => {
    const page = (await render(html, site({ primary: BRAND, accent: ACCENT })))[0]!.contents as string;
    expect(page).toContain(`:root{--brand:${BRAND};--accent:${ACCENT}}h1,h2,h3,h4,h5,h6{color:var(--brand)}`);
    expect(page.match(/--brand:/g)).toHaveLength(1);
    expect(page).toMatch(new RegExp(`<img class="logo" src="data:image/png;base64,${Buffer.from(LOGO).toString('base64').replace(/[+/]/g, '\\$&')}" alt="Exempelstads kommuns logotyp">`));
    const plain = (await render(html))[0]!.contents as string;
    expect(plain).not.toContain('--brand');
    expect(plain).not.toContain('class="logo"');
    const weak = (await render(html, site({ primary: '#9ca3af' })))[0]!.contents as string;
    expect(weak).not.toContain('--brand:#9ca3af');
  });

  it('PDF: level 1–2 headings and the cover band in the primary colour, the rule in the accent, the logo as a Figure with Alt', async () => {
    const content = pdfContent(bytesOf((await render(pdf, site({ primary: BRAND, accent: ACCENT })))[0]!));
    expect(content).toContain(rg(BRAND));
    expect(content).toContain(rg(ACCENT));
    expect(content).toMatch(/\/Subtype \/Image/);
    expect(content).toMatch(/\/S \/Figure[\s\S]*?\/Alt \(Exempelstads kommuns logotyp\)|\/Alt \(Exempelstads kommuns logotyp\)[\s\S]*?\/S \/Figure/);
    const plain = pdfContent(bytesOf((await render(pdf))[0]!));
    expect(plain).not.toContain(rg(BRAND));
    expect(plain).not.toMatch(/\/Subtype \/Image/);
    const weak = pdfContent(bytesOf((await render(pdf, site({ primary: '#9ca3af' })))[0]!));
    expect(weak).not.toContain(rg('#9ca3af'));
  });

  it('DOCX: every heading style in the primary colour, the logo as a picture with its description, the same bytes twice', async () => {
    const bytes = bytesOf((await render(docx, site({ primary: BRAND })))[0]!);
    const files = docxFiles(bytes);
    const styles = files['word/styles.xml']!;
    expect(styles.match(/<w:color w:val="7A1F5C"\/>/g)?.length).toBeGreaterThanOrEqual(6);
    expect(Object.keys(files).some((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toBe(true);
    expect(files['word/document.xml']).toContain('descr="Exempelstads kommuns logotyp"');
    expect(Buffer.from(bytesOf((await render(docx, site({ primary: BRAND })))[0]!)).equals(Buffer.from(bytes))).toBe(true);
    const plain = docxFiles(bytesOf((await render(docx))[0]!))['word/styles.xml']!;
    expect(plain).not.toContain('7A1F5C');
  });
});
