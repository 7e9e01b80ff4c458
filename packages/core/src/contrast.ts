// Contrast of colours as WCAG 2.1 defines it (relative luminance, ratio 1–21), used to
// keep the vocabulary's and the site's colours readable: 4.5:1 for text, 3:1 for graphics.
// One rule for every format: HTML, PDF and DOCX use a site colour only where it passes.
import { formatPath, modelDiagnostic, type Diagnostic, type Locate, type Report, type SiteSettings } from '@kommunrapport/model';
import { createVocabulary, type Badge, type ScaleName } from './vocabulary.js';
/** The minimum contrast for text (WCAG 1.4.3) and for graphics (WCAG 1.4.11). */
export const MIN_CONTRAST = { text: 4.5, graphics: 3 } as const;

/** The relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new TypeError(`contrast: expected a colour as #rrggbb, found "${hex}"`);
  const [r, g, b] = m.slice(1).map((x) => {
    const c = parseInt(x, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  const hi = Math.max(la, lb);
  const lo = Math.min(la, lb);
  return (hi + 0.05) / (lo + 0.05);
}

/** The page background every format draws the site's colours on. */
export const PAGE_BACKGROUND = '#ffffff';

/** A site colour that fails its contrast minimum on the page, and where it is set. */
export interface ColourProblem {
  /** `site.colours.primary` or `site.colours.accent`. */
  path: string;
  colour: string;
  ratio: number;
  minimum: number;
  /** What the colour carries: heading text (primary) or rules (accent). */
  role: 'text' | 'graphics';
}

/**
 * The site's colours every format uses, and those it does not: the primary colour is the
 * colour of headings (text, at least 4.5:1 on the page), the accent the colour of rules
 * (graphics, at least 3:1). A colour below its minimum is left out (the format keeps its
 * own colour) and listed in `problems`.
 */
export function siteColours(settings: Pick<SiteSettings, 'colours'> | undefined): { primary?: string; accent?: string; problems: ColourProblem[] } {
  const out: { primary?: string; accent?: string; problems: ColourProblem[] } = { problems: [] };
  const colours = settings?.colours;
  if (!colours) return out;
  const check = (key: 'primary' | 'accent', role: 'text' | 'graphics') => {
    const colour = colours[key];
    if (colour === undefined) return;
    const ratio = contrastRatio(colour, PAGE_BACKGROUND);
    if (ratio >= MIN_CONTRAST[role]) out[key] = colour;
    else out.problems.push({ path: `site.colours.${key}`, colour, ratio, minimum: MIN_CONTRAST[role], role });
  };
  check('primary', 'text');
  check('accent', 'graphics');
  return out;
}

/** The light shade tables and badges are drawn on (HTML's table stripes). */
export const PAGE_SHADE = '#f3f4f6';

/** A colour's contrast as text on the page, the lower of the two: on its background and on its light shade. */
const pageContrast = (colour: string): number => Math.min(contrastRatio(colour, PAGE_BACKGROUND), contrastRatio(colour, PAGE_SHADE));

/** True when a vocabulary colour can carry a symbol as text on the page and on its light shade. */
export function readableColour(colour: string): boolean {
  return pageContrast(colour) >= MIN_CONTRAST.text;
}

/**
 * The colour a badge's symbol is drawn in: its vocabulary colour where that is readable on the
 * page ({@link readableColour}), else none, and the symbol takes the text colour. HTML and PDF
 * both draw by it, as the `low-contrast` warning tells the author.
 */
export function symbolColour(badge: Badge): string | undefined {
  return badge.colour && readableColour(badge.colour) ? badge.colour : undefined;
}

/**
 * The vocabulary's colours too light for text (`low-contrast`, a warning), each at the
 * colour's own line when the report writes the scale, else at governance's (a preset's).
 * Checked once per report, by validate and build alike, before any format is rendered;
 * HTML and PDF then draw those symbols in the text colour ({@link symbolColour}); DOCX
 * writes the words only.
 */
export function vocabularyColourFindings(report: Report, where: { file?: string; locate?: Locate } = {}): Diagnostic[] {
  const vocabulary = createVocabulary(report);
  const out: Diagnostic[] = [];
  for (const scale of ['assessment', 'trend', 'commitmentStatus', 'completion'] as const satisfies readonly ScaleName[]) {
    vocabulary.steps(scale).forEach((step, i) => {
      if (step.colour === undefined) return;
      const ratio = pageContrast(step.colour);
      if (ratio >= MIN_CONTRAST.text) return;
      const path = ['governance', scale, i, 'colour'];
      const place = where.locate?.(path);
      out.push(modelDiagnostic('low-contrast', { scale, key: step.key, colour: step.colour }, { path: formatPath(path), ...(where.file !== undefined ? { file: where.file } : {}), ...(place ? { line: place.line, column: place.column } : {}), expected: `at least ${MIN_CONTRAST.text}:1 on #ffffff and ${PAGE_SHADE}`, found: `${ratio.toFixed(2)}:1` }));
    });
  }
  return out;
}
