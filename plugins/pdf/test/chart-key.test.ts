// An indicator chart's key (a swatch and a label per series) whose entries wrap onto several
// lines lies inside the chart's Figure BBox, every line and its rightmost entry, and the chart
// is kept whole on one page: one that does not fit at a page's bottom moves to the next page.
// The report is the Norrvik example with four more comparisons of long labels on one
// indicator, so its key wraps; the page case puts paragraphs before it to move it down.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, load, renderTo } from './render.js';
import { QpdfFile, flatten } from './qpdf-json.js';
import { requireTools, run } from './tools.js';

const EXAMPLE = join(ROOT, 'examples/norrvik-bun-2024-malmodell/rapport.yaml');
const INDICATOR = 'Elever i åk 9 som är behöriga till yrkesprogram';
/** The text frame's top, and its bottom as the page's height less this (render.ts). */
const FRAME_TOP = 78;
const BOTTOM_MARGIN = 66;

const EXTRA = [
  ['county', 'Västra Götalands län, samtliga kommuner i länet'],
  ['group', 'Landsbygdskommuner med besöksnäring enligt SKR:s indelning'],
  ['group', 'Större städer och kommuner nära större stad sammantagna'],
  ['country', 'Riket, endast kommunala huvudmän för grundskolan'],
] as const;

/** The key's words in drawing order: the labels of the chart's series (outcome, target, comparisons). */
const KEY = ['Utfall', 'Mål', ...['Riket', 'Pendlingskommuner nära större stad', ...EXTRA.map(([, label]) => label)].map((label) => `${label} (jämförelse)`)].flatMap((label) =>
  label.split(' '),
);

/** The example's text with the extra comparisons and `paragraphs` one-line paragraphs before the goal's text. */
function source(paragraphs: number): string {
  const text = readFileSync(EXAMPLE, 'utf8');
  const anchor = '                    koladaGroupId: G124028\n                    values: [{ year: 2022, total: 84.9 }, { year: 2023, total: 84.0 }, { year: 2024, total: 83.2 }]\n';
  const body = '            body: Andelen behöriga ökar men når inte målvärdet. Norrvik ligger över riket och kommungruppen.\n';
  if (!text.includes(anchor) || !text.includes(body)) throw new Error(`${EXAMPLE} no longer has the comparison or goal text this test extends`);
  const comparisons = EXTRA.map(
    ([of, label]) =>
      `                  - of: ${of}\n                    label: ${label}\n                    source: Kolada\n${of === 'group' ? '                    koladaGroupId: G124028\n' : ''}` +
      '                    values: [{ year: 2022, total: 82.0 }, { year: 2023, total: 83.5 }, { year: 2024, total: 84.5 }]\n',
  ).join('');
  const filler = Array.from({ length: paragraphs }, (_, i) => `              Stycke ${i + 1}.\n\n`).join('');
  return text.replace(anchor, anchor + comparisons).replace(body, `            body: |\n${filler}              ${body.slice('            body: '.length)}`);
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** The words of a page (1-based) in content order, from `pdftotext -bbox -raw` (origin top left), and the page's height. */
function words(file: string, page: number): { height: number; words: Word[] } {
  const html = run('pdftotext', ['-bbox', '-raw', '-f', String(page), '-l', String(page), file, '-']);
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
  const list = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!.replace(/&amp;/g, '&'),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
  return { height, words: list };
}

/** Where the chart stands: its page (1-based) and BBox in user space (origin bottom left). */
function chartFigure(file: string): { page: number; bbox: number[] } {
  const q = new QpdfFile(file);
  const figures = flatten(q.structTree()).filter((n) => n.type === 'Figure' && String(n.dict['/Alt']).includes(`Diagram över ${INDICATOR}`));
  expect(figures).toHaveLength(1);
  const figure = figures[0]!;
  return { page: q.pages().indexOf(figure.dict['/Pg'] as string) + 1, bbox: q.dict(figure.dict['/A'])['/BBox'] as number[] };
}

/** Renders the report with `paragraphs` before the goal's text; the chart's page, BBox (top-left origin), key words and page height. */
async function renderChart(paragraphs: number) {
  const { file } = await renderTo(`chart-key-${paragraphs}`, load(EXAMPLE, source(paragraphs)));
  const { page, bbox } = chartFigure(file);
  const { height, words: all } = words(file, page);
  // The key is drawn last in the Figure: the last run of the page's words that spells it.
  let at = -1;
  for (let i = all.length - KEY.length; i >= 0 && at < 0; i--) if (KEY.every((k, j) => all[i + j]!.text === k)) at = i;
  const [x0, y0, x1, y1] = bbox as [number, number, number, number];
  return { file, page, height, box: { left: x0, top: height - y1, right: x1, bottom: height - y0 }, key: at < 0 ? [] : all.slice(at, at + KEY.length) };
}

describe('a chart key that wraps in PDF', async () => {
  requireTools(['qpdf', 'pdftotext']);

  it('lies inside the chart Figure BBox, every line and the rightmost entry', async () => {
    const { box, key } = await renderChart(0);
    expect(key.map((w) => w.text)).toEqual(KEY);
    // The key wraps: its words stand on at least two lines.
    expect(new Set(key.map((w) => Math.round(w.yMin))).size).toBeGreaterThanOrEqual(2);
    const outside = key.filter((w) => w.xMin < box.left || w.xMax > box.right || w.yMin < box.top || w.yMax > box.bottom);
    expect(outside.map((w) => `${w.text} [${w.xMin.toFixed(1)} ${w.yMin.toFixed(1)} ${w.xMax.toFixed(1)} ${w.yMax.toFixed(1)}]`), `BBox ${JSON.stringify(box)}`).toEqual([]);
  });

  it('moves to the next page whole when it does not fit at the bottom', async () => {
    // Paragraphs in the goal's text before its table move the chart down to the bottom of a page
    // and then onto the next (33 to 37 of them span that here; the last check says whether the
    // range still reaches the case). In every case the whole key stands on the Figure's page,
    // inside its BBox and the text frame.
    const shortfall: string[] = [];
    const room: number[] = [];
    for (let paragraphs = 33; paragraphs <= 37; paragraphs++) {
      const { file, page, height, box, key } = await renderChart(paragraphs);
      const bottom = height - BOTTOM_MARGIN;
      const inside = key.length === KEY.length && key.every((w) => w.yMin >= box.top && w.yMax <= box.bottom);
      if (!inside || box.bottom > bottom) shortfall.push(`${paragraphs} paragraphs: page ${page}, BBox ${JSON.stringify(box)}, key ${key.length ? `${key[0]!.yMin}–${key.at(-1)!.yMax}` : 'not on the page'}`);
      // A chart at the top of its page: the room left below the text on the page before (the
      // footer is below the frame; a status symbol's text has no height).
      if (box.top === FRAME_TOP) room.push(bottom - Math.max(...words(file, page - 1).words.filter((w) => w.yMax > w.yMin && w.yMax <= bottom).map((w) => w.yMax)));
    }
    expect(shortfall).toEqual([]);
    // Some chart moved though the page before had room for its first 150 pt (the plot and the key's
    // first line), not for its whole key: the case this checks.
    expect(room.some((r) => r > 150 + 3)).toBe(true);
  });
});
