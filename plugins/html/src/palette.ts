// The page's own colours. Vocabulary colours (symbols) come from the report; these are
// the text, background, rules and chart colours the stylesheet and charts use.
import { PAGE_SHADE } from '@kommunrapport/core';

/** Colours of the page, each `#rrggbb`. */
export const palette = {
  background: '#ffffff',
  text: '#1f2937',
  muted: '#4b5563',
  rule: '#767676',
  link: '#0b57a3',
  focus: '#0b57a3',
  shade: PAGE_SHADE,
  /** A decorative line beside goals and commitments (not information, so no contrast minimum). */
  divider: '#d1d5db',
  /** The line of outcomes in charts. */
  outcome: '#1d4ed8',
  /** The dashed line of targets in charts. */
  target: '#8a4b00',
  /** The dotted lines of comparisons (riket, a kommungrupp) in charts. */
  comparison: '#4b5563',
} as const;
