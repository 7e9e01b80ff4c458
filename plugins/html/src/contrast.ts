// Contrast of colours as WCAG 2.1 defines it (relative luminance, ratio 1–21), used to
// keep the vocabulary's colours readable: 4.5:1 for text, 3:1 for graphics.
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
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
