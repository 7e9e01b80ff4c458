// The pdf plugin's own diagnostic codes, reported through ctx.report; they join the one
// catalogue under the plugin's name (`[plugin pdf] missing-glyph`).
import type { PluginCodes } from '@kommunrapport/core';

/** The codes the pdf plugin reports. Names are permanent. */
export const PDF_CODES = {
  'missing-glyph': {
    title: 'Character missing from the PDF font',
    severity: 'warning',
    group: 'pdf',
    meaning: 'The report holds characters the embedded font (DejaVu) has no glyph for; the PDF shows them as □ and keeps them as ActualText, so copying and screen readers still get them.',
    message: (d: { characters: string }) => `The font has no glyph for ${d.characters}; shown as □, kept as ActualText for copying and reading.`,
    hint: 'Replace the characters with ones the font covers (letters, digits, common symbols), or check whether they came in by copying from another program.',
  },
} as const satisfies PluginCodes;
